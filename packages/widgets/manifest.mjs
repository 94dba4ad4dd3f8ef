/// <reference types="node" />
// Run by the build, after tsc and Vite: writes what editors and tools read to know the five
// tags, from the widget packages' own custom-elements.json.
//   dist/custom-elements.json         one Custom Elements Manifest for the whole package
//   dist/vscode.html-custom-data.json VS Code's HTML custom data: tags, attributes, values
//   dist/vscode.css-custom-data.json  VS Code's CSS custom data: --portico-* and ::part()
// Every file is found by Node resolution from this package (`@portico/<widget>/custom-elements.json`),
// never by a path into the repository, so it runs the same from node_modules.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The parts of the Custom Elements Manifest schema (1.0.0) this script reads and writes.
 * @typedef {{ name: string, package?: string, module?: string }} Reference
 * @typedef {{ text: string }} ManifestType
 * @typedef {{ name: string, description?: string, type?: ManifestType, default?: string, fieldName?: string, inheritedFrom?: Reference }} Attribute
 * @typedef {{ kind: string, name: string, type?: ManifestType }} Member
 * @typedef {{ name: string, description?: string }} Named
 * @typedef {{
 *   kind: string, name: string, tagName?: string, customElement?: boolean, summary?: string, description?: string,
 *   attributes?: Attribute[], members?: Member[], events?: Named[], slots?: Named[], cssParts?: Named[], cssProperties?: Named[]
 * }} Declaration
 * @typedef {{ kind: 'js' | 'custom-element-definition', name: string, declaration: Reference }} Export
 * @typedef {{ kind: 'javascript-module', path: string, summary?: string, declarations?: Declaration[], exports?: Export[] }} Module
 * @typedef {{ schemaVersion: string, modules: Module[] }} Manifest
 * @typedef {{ packageName: string, manifest: Manifest }} WidgetPackage
 * @typedef {{ kind: 'markdown', value: string }} Markdown
 */

const packageRoot = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** This package's registering entry, which re-exports every widget package. */
const ENTRY = 'dist/index.js';

/** @returns {any} */
function readJson(/** @type {string} */ file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The dependencies that are widget packages (their package.json names a `customElements` manifest), with it. */
function readWidgetPackages() {
  /** @type {{ dependencies?: Record<string, string> }} */
  const { dependencies = {} } = readJson(join(packageRoot, 'package.json'));
  return Object.keys(dependencies).flatMap((packageName) => {
    /** @type {{ customElements?: string } | undefined} */
    let packageJson;
    try {
      packageJson = readJson(require.resolve(`${packageName}/package.json`));
    } catch {
      return []; // not a package that exports its package.json: not a Portico widget
    }
    if (!packageJson?.customElements) return [];
    return [{ packageName, manifest: readJson(require.resolve(`${packageName}/custom-elements.json`)) }];
  });
}

/**
 * The custom elements a widget package registers from its root entry: each
 * `custom-element-definition`, with the class it names.
 * @param {WidgetPackage} widgetPackage
 */
function definitionsOf({ packageName, manifest }) {
  return manifest.modules.flatMap((module) =>
    (module.exports ?? [])
      .filter((item) => item.kind === 'custom-element-definition')
      .map((definition) => {
        const declaration = manifest.modules
          .find((candidate) => candidate.path === definition.declaration.module)
          ?.declarations?.find((candidate) => candidate.name === definition.declaration.name);
        if (!declaration) throw new Error(`${packageName}: no class for <${definition.name}> in its manifest.`);
        return { entry: module.path, definition, declaration };
      }),
  );
}

/**
 * Adds `package` to every reference that has none: inside a widget's manifest those are local
 * to the widget package, here they would read as local to this one.
 * @template T
 * @param {T} value
 * @param {string} packageName
 * @returns {T}
 */
function qualifyReferences(value, packageName) {
  if (Array.isArray(value)) return /** @type {T} */ (value.map((item) => qualifyReferences(item, packageName)));
  if (!value || typeof value !== 'object') return value;
  /** @type {Record<string, unknown>} */
  const copy = Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, qualifyReferences(inner, packageName)]),
  );
  if (typeof copy.module === 'string' && copy.package === undefined) copy.package = packageName;
  return /** @type {T} */ (copy);
}

// The values of an enumerated attribute: its type, a union of literals. The widget packages'
// manifests write a type alias of literal values out (`'vertical' | 'horizontal'`, not
// `CategoryMenuOrientation`): tooling/custom-elements-manifest.config.mjs.

const LITERAL = /^(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)$/;
const NULLISH = new Set(['null', 'undefined']);

/** `'a' | 'b'` → `['\'a\'', '\'b\'']`. */
function splitUnion(/** @type {string} */ text) {
  return text
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The manifest of this package. Its one module is `dist/index.js`, the entry that registers
 * the five tags and re-exports the widget packages.
 * @param {WidgetPackage[]} widgetPackages
 * @returns {Manifest}
 */
function mergedManifest(widgetPackages) {
  const schemaVersions = new Set(widgetPackages.map(({ manifest }) => manifest.schemaVersion));
  if (schemaVersions.size !== 1)
    throw new Error(`The widget manifests differ in schemaVersion: ${[...schemaVersions].join(', ')}.`);
  /** @type {Declaration[]} */
  const declarations = [];
  /** @type {Export[]} */
  const reexports = [];
  /** @type {Export[]} */
  const definitions = [];
  for (const widgetPackage of widgetPackages) {
    const { packageName } = widgetPackage;
    const found = definitionsOf(widgetPackage);
    if (found.length === 0) throw new Error(`${packageName}: its manifest registers no custom element.`);
    for (const { entry, definition, declaration } of found) {
      // Declared in a widget package, re-exported by this entry: described here so one manifest shows every tag.
      declarations.push(qualifyReferences(declaration, packageName));
      if (!reexports.some((item) => item.declaration.package === packageName)) {
        reexports.push({ kind: 'js', name: '*', declaration: { name: '*', package: packageName, module: entry } });
      }
      // The definition names the package and module that declare the class (schema: `Reference.package`).
      definitions.push({ ...definition, declaration: { ...definition.declaration, package: packageName } });
    }
  }
  return {
    schemaVersion: [...schemaVersions][0] ?? '1.0.0',
    modules: [
      {
        kind: 'javascript-module',
        path: ENTRY,
        summary: `Registers ${definitions.map(({ name }) => `\`<${name}>\``).join(', ')}.`,
        declarations,
        exports: [...reexports, ...definitions],
      },
    ],
  };
}

/** The widgets of a merged manifest: each custom element with its tag. */
function widgetsOf(/** @type {Manifest} */ manifest) {
  return manifest.modules
    .flatMap((module) => module.exports ?? [])
    .filter((item) => item.kind === 'custom-element-definition')
    .map((definition) => {
      const declaration = manifest.modules
        .flatMap((module) => module.declarations ?? [])
        .find((candidate) => candidate.name === definition.declaration.name);
      if (!declaration) throw new Error(`No class for <${definition.name}>.`);
      return { tagName: definition.name, packageName: definition.declaration.package ?? '', declaration };
    });
}

/** @returns {Markdown} */
function markdown(/** @type {string[]} */ paragraphs) {
  return { kind: 'markdown', value: paragraphs.filter(Boolean).join('\n\n') };
}

/** A titled list for a tag's description: `**Events:**`, then `- \`name\`: what it says` for each. */
function listed(
  /** @type {string} */ title,
  /** @type {Named[] | undefined} */ items,
  format = (name = '') => `\`${name}\``,
) {
  if (!items?.length) return '';
  return `**${title}:**\n${items.map(({ name, description }) => `- ${format(name)}${description ? `: ${description.replaceAll('\n', ' ')}` : ''}`).join('\n')}`;
}

const QUOTED = /^'([^']*)'$|^"([^"]*)"$/;

/**
 * An attribute as VS Code's HTML custom data gives it: its values when its type is a union of
 * literals; a presence-only attribute (`valueSet: 'v'`) for a boolean that is off unless
 * written; for a boolean that is on by default, the value its description says turns it off
 * (`` `live="off"` ``).
 * @param {Attribute} attribute
 */
function htmlAttribute({ name, description = '', type, default: defaultValue }) {
  const text = type?.text ?? '';
  const literals = splitUnion(text).filter((part) => LITERAL.test(part));
  const isEnumeration =
    literals.length > 0 && splitUnion(text).every((part) => LITERAL.test(part) || NULLISH.has(part));
  // A constant's name (`DEFAULT_LIVE_INTERVAL_SECONDS`) is no default to show.
  const shownDefault = defaultValue && LITERAL.test(defaultValue) ? defaultValue : undefined;
  /** @type {{ name: string, description: Markdown, values?: { name: string }[], valueSet?: string }} */
  const data = {
    name,
    description: markdown([description, shownDefault ? `Default: \`${shownDefault.replace(QUOTED, '$1$2')}\`.` : '']),
  };
  if (isEnumeration) data.values = literals.map((literal) => ({ name: literal.replace(QUOTED, '$1$2') }));
  else if (text === 'boolean' && defaultValue !== 'true') data.valueSet = 'v';
  else if (text === 'boolean') {
    const off = [...description.matchAll(new RegExp(`\`${name}="([^"]+)"\``, 'g'))].map(([, value = '']) => value);
    if (off.length > 0) data.values = [...new Set(off)].map((value) => ({ name: value }));
  }
  return data;
}

/** VS Code's HTML custom data (version 1.1): every tag, its attributes and their values. */
function htmlCustomData(/** @type {Manifest} */ manifest) {
  return {
    version: 1.1,
    tags: widgetsOf(manifest).map(({ tagName, packageName, declaration }) => ({
      name: tagName,
      description: markdown([
        declaration.summary ?? '',
        declaration.description ?? '',
        listed('Events', declaration.events),
        listed('Slots', declaration.slots, (name) => (name ? `\`${name}\`` : '(default)')),
        listed('CSS parts', declaration.cssParts, (name) => `\`::part(${name})\``),
      ]),
      attributes: (declaration.attributes ?? []).map(htmlAttribute),
      references: [{ name: packageName, url: `https://www.npmjs.com/package/${packageName}` }],
    })),
  };
}

/**
 * Entries named once each (`--portico-color-text` is read by every widget), with the tags that
 * read them.
 * @param {{ tagName: string, items: Named[] }[]} byTag
 * @param {(name: string) => string} entryName
 */
function mergedEntries(byTag, entryName) {
  /** @type {Map<string, { tags: string[], descriptions: Map<string, string[]> }>} */
  const entries = new Map();
  for (const { tagName, items } of byTag) {
    for (const { name, description = '' } of items) {
      const entry = entries.get(name) ?? { tags: /** @type {string[]} */ ([]), descriptions: new Map() };
      entry.tags.push(tagName);
      entry.descriptions.set(description, [...(entry.descriptions.get(description) ?? []), tagName]);
      entries.set(name, entry);
    }
  }
  const tagList = (/** @type {string[]} */ tags) => tags.map((tag) => `\`<${tag}>\``).join(', ');
  return [...entries].map(([name, { tags, descriptions }]) => ({
    name: entryName(name),
    description: markdown(
      descriptions.size === 1
        ? [[...descriptions.keys()][0] ?? '', `On ${tagList(tags)}.`]
        : [...descriptions].map(([text, on]) => `${tagList(on)}: ${text}`),
    ),
  }));
}

/** VS Code's CSS custom data (version 1.1): the `--portico-*` custom properties and the `::part()` names. */
function cssCustomData(/** @type {Manifest} */ manifest) {
  const widgets = widgetsOf(manifest);
  return {
    version: 1.1,
    properties: mergedEntries(
      widgets.map(({ tagName, declaration }) => ({ tagName, items: declaration.cssProperties ?? [] })),
      (name) => name,
    ),
    pseudoElements: mergedEntries(
      widgets.map(({ tagName, declaration }) => ({ tagName, items: declaration.cssParts ?? [] })),
      (name) => `::part(${name})`,
    ),
  };
}

const manifest = mergedManifest(readWidgetPackages());
const outputs = {
  'custom-elements.json': manifest,
  'vscode.html-custom-data.json': htmlCustomData(manifest),
  'vscode.css-custom-data.json': cssCustomData(manifest),
};
for (const [file, data] of Object.entries(outputs)) {
  writeFileSync(join(packageRoot, 'dist', file), `${JSON.stringify(data, null, 2)}\n`);
}
console.log(
  `dist/custom-elements.json, dist/vscode.html-custom-data.json, dist/vscode.css-custom-data.json: ${widgetsOf(manifest)
    .map(({ tagName }) => `<${tagName}>`)
    .join(', ')}`,
);
