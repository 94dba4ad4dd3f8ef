// The custom-elements.json of a widget package, run from the package folder by its build.
// The shared element code is analysed too, so each widget's manifest lists what it inherits
// (`source`, `heading`, …); only the package's own modules are written out, pointing at the
// published JavaScript, and the tags that `src/index.ts` registers are recorded as its
// custom-element definitions (the analyser does not see through `defineElement`). A type
// alias of literal values is written out (`'vertical' | 'horizontal'`), so that a tool reading
// the manifest alone can offer the values; each event's type is its `@event {…}` tag's.
import { resolve } from 'node:path';
import { literalTypes } from './literal-aliases.mjs';

const SHARED_SOURCES = '../element/src/**/*.ts';

/**
 * @typedef {{ name: string, kind?: string, privacy?: string, type?: { text: string }, inheritedFrom?: { module?: string } }} ManifestMember
 * @typedef {{
 *   path: string,
 *   declarations?: {
 *     name: string, customElement?: boolean, tagName?: string, attributes?: ManifestMember[], members?: ManifestMember[]
 *   }[],
 *   exports?: object[]
 * }} ManifestModule
 */

/**
 * Writes out every attribute's and field's type that is an alias of literal values, finding
 * the alias from the module that writes the type (the superclass's, for an inherited one).
 * Runs before `portico-published-modules`, while module paths are still the sources'.
 */
function literalTypesPlugin() {
  /** @type {ReturnType<typeof literalTypes> | undefined} */
  let types;
  return {
    name: 'portico-literal-types',
    /** @param {{ ts: typeof import('typescript') }} context */
    initialize({ ts }) {
      types = literalTypes(ts);
    },
    /** @param {{ ts: typeof import('typescript'), node: import('typescript').Node }} context */
    collectPhase({ ts, node }) {
      if (ts.isSourceFile(node)) types?.add(node, resolve(node.fileName));
    },
    /** @param {{ customElementsManifest: { modules: ManifestModule[] } }} context */
    packageLinkPhase({ customElementsManifest }) {
      if (!types) throw new Error('portico-literal-types: not initialized.');
      const { expand } = types;
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const typed = [
            ...(declaration.attributes ?? []),
            ...(declaration.members ?? []).filter((member) => member.kind === 'field'),
          ];
          for (const item of typed) {
            if (!item.type) continue;
            const text = expand(item.type.text, resolve(item.inheritedFrom?.module ?? module.path));
            if (text) item.type = { ...item.type, text };
          }
        }
      }
    },
  };
}

/**
 * Module references as published: `src/x.ts` and `./x.js` → `dist/x.js`; the shared code's
 * `../element/src/x.ts` → `dist/x.js` of the package `@portico/element`.
 */
/**
 * @param {unknown} value
 * @returns {unknown}
 */
function toPublishedPaths(value) {
  if (Array.isArray(value)) return value.map(toPublishedPaths);
  if (!value || typeof value !== 'object') return value;
  /** @type {{ [key: string]: unknown }} */
  const published = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPublishedPaths(inner)]));
  for (const key of ['path', 'module']) {
    const path = published[key];
    if (typeof path !== 'string') continue;
    const shared = /^\.\.\/element\/src\/(.*)\.ts$/.exec(path);
    if (shared) {
      published[key] = `dist/${shared[1]}.js`;
      published.package = '@portico/element';
    } else {
      // `src/x.ts`, and `src/x.js` as a re-export (`export * from './x.js'`) names it.
      published[key] = path.replace(/^(?:\.\/)?src\/(.*)\.[jt]s$/, 'dist/$1.js').replace(/^\.\/(.*\.js)$/, 'dist/$1');
    }
  }
  return published;
}

export default {
  globs: ['src/**/*.ts', SHARED_SOURCES],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    literalTypesPlugin(),
    {
      // Lit's `static properties` (no decorators: they cost the CDN build bytes): the analyser
      // records every entry without `attribute: false` as an attribute, also a `{ state: true }`
      // one, which Lit never gives an attribute: internal state, so no attribute in the manifest.
      name: 'portico-lit-state',
      /**
       * @param {{ ts: typeof import('typescript'), node: import('typescript').Node, moduleDoc: { declarations?: { name: string, attributes?: { name: string }[], members?: ManifestMember[] }[] } }} context
       */
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const declaration = moduleDoc.declarations?.find((candidate) => candidate.name === node.name?.text);
        if (!declaration) return;
        for (const member of node.members) {
          if (
            !ts.isPropertyDeclaration(member) ||
            member.name.getText() !== 'properties' ||
            !member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ||
            !member.initializer ||
            !ts.isObjectLiteralExpression(member.initializer)
          )
            continue;
          for (const entry of member.initializer.properties) {
            if (!ts.isPropertyAssignment(entry) || !ts.isObjectLiteralExpression(entry.initializer)) continue;
            const isState = entry.initializer.properties.some(
              (option) =>
                ts.isPropertyAssignment(option) &&
                option.name.getText() === 'state' &&
                option.initializer.kind === ts.SyntaxKind.TrueKeyword,
            );
            if (!isState) continue;
            const name = entry.name.getText();
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((attribute) => attribute.name !== name);
            }
            for (const field of declaration.members ?? []) {
              if (field.name === name) delete (/** @type {{ attribute?: string }} */ (field).attribute);
            }
          }
        }
      },
    },
    {
      name: 'portico-published-modules',
      /** @param {{ customElementsManifest: { modules: ManifestModule[] } }} context */
      packageLinkPhase({ customElementsManifest }) {
        const own = customElementsManifest.modules.filter((module) => module.path.startsWith('src/'));
        const definitions = own.flatMap((module) =>
          (module.declarations ?? [])
            .filter((declaration) => declaration.customElement && declaration.tagName)
            .map((declaration) => ({
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: module.path },
            })),
        );
        const entry = own.find((module) => module.path === 'src/index.ts');
        if (entry) entry.exports = [...(entry.exports ?? []), ...definitions];
        // Private members are no one's API: tools and docs would only list them as noise.
        for (const module of own) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
              );
            }
          }
        }
        customElementsManifest.modules = /** @type {ManifestModule[]} */ (toPublishedPaths(own));
      },
    },
  ],
};
