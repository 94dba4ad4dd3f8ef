/// <reference types="node" />
// What the build writes for editors and tools (manifest.mjs): one custom-elements.json for
// the whole package, and VS Code's HTML and CSS custom data. Read after the build, through
// this package's own exports map, and checked against the widget packages' own manifests.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Reference {
  name: string;
  package?: string;
  module?: string;
}
interface Named {
  name: string;
  description?: string;
}
interface Attribute extends Named {
  type?: { text: string };
  default?: string;
  fieldName?: string;
  inheritedFrom?: Reference;
}
interface Declaration extends Named {
  kind: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Attribute[];
  members?: (Named & { kind: string; type?: { text: string } })[];
  events?: (Named & { type?: { text: string } })[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}
interface Manifest {
  schemaVersion: string;
  modules: {
    kind: string;
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: Reference }[];
  }[];
}
interface HtmlData {
  version: number;
  tags: {
    name: string;
    description?: unknown;
    attributes: { name: string; values?: { name: string }[]; valueSet?: string }[];
  }[];
}
interface CssData {
  version: number;
  properties: Named[];
  pseudoElements: Named[];
}

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve('@portico/widgets/package.json'));
const packageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  customElements?: string;
  dependencies: Record<string, string>;
};

/** A JSON file by its module specifier, as a tool resolves it from node_modules. */
function readResolved(specifier: string): unknown {
  let file: string;
  try {
    file = require.resolve(specifier);
  } catch (error) {
    throw new Error(`${specifier} does not resolve: run \`npm run build\` in packages/widgets first.`, {
      cause: error,
    });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const manifest = readResolved('@portico/widgets/custom-elements.json') as Manifest;
const htmlData = readResolved('@portico/widgets/vscode.html-custom-data.json') as HtmlData;
const cssData = readResolved('@portico/widgets/vscode.css-custom-data.json') as CssData;

/**
 * DESIGN.md's HTML contract: the tags, and their fixed attributes with the values of the
 * enumerated ones. `lang`, also fixed, is HTML's global attribute (the widgets read it through
 * the DOM, from the element or an ancestor), which editors offer on every element already.
 */
const CONTRACT: Record<string, Record<string, string[]>> = {
  'portico-online-visitors': { guests: [], members: [], source: [] },
  'portico-view-counter': { value: [], grouping: ['auto', 'off'], source: [] },
  'portico-category-menu': { orientation: ['vertical', 'horizontal'], current: [], source: [] },
  'portico-article-card': {
    variant: ['full', 'featured', 'list', 'compact'],
    'heading-level': [],
    'article-id': [],
    source: [],
  },
  'portico-sidebar-banners': { position: [], rotate: [], source: [] },
};
const TAGS = Object.keys(CONTRACT);

/** `'a' | 'b' | null` → `['a', 'b']`, when the type is nothing but literals (and null/undefined). */
function literalValues(type: string | undefined): string[] | undefined {
  const parts = (type ?? '').split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?)$/.test(part));
  if (
    literals.length === 0 ||
    literals.length + parts.filter((part) => /^(?:null|undefined)$/.test(part)).length !== parts.length
  ) {
    return undefined;
  }
  return literals.map((literal) => literal.replace(/^['"]|['"]$/g, ''));
}

/** A manifest's `custom-element-definition` of a tag. */
function definitionOf(elements: Manifest, tagName: string): Reference {
  const definition = elements.modules
    .flatMap((module) => module.exports ?? [])
    .find((item) => item.kind === 'custom-element-definition' && item.name === tagName);
  expect(definition, `<${tagName}> is defined`).toBeDefined();
  return definition!.declaration;
}

const widgetPackage = (tagName: string) => `@portico/${tagName.replace(/^portico-/, '')}`;
const widgetManifest = (tagName: string) => readResolved(`${widgetPackage(tagName)}/custom-elements.json`) as Manifest;

/** The class of a tag in its widget package's manifest: in the module its definition names. */
function widgetClass(tagName: string): Declaration {
  const elements = widgetManifest(tagName);
  const { name, module } = definitionOf(elements, tagName);
  const declaration = elements.modules
    .find((candidate) => candidate.path === module)
    ?.declarations?.find((candidate) => candidate.name === name);
  expect(declaration, `the class of <${tagName}> in ${widgetPackage(tagName)}`).toBeDefined();
  return declaration!;
}

/** The class of a tag in this package's manifest: described under the entry that re-exports it. */
function mergedClass(tagName: string): Declaration {
  const { name } = definitionOf(manifest, tagName);
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((candidate) => candidate.name === name && candidate.tagName === tagName);
  expect(declaration, `the class of <${tagName}>`).toBeDefined();
  return declaration!;
}

const names = (items: Named[] | undefined) => (items ?? []).map(({ name, description }) => ({ name, description }));

describe('dist/custom-elements.json', () => {
  it('is the manifest package.json names, in the widget manifests’ schema version', () => {
    expect(packageJson.customElements).toBe('dist/custom-elements.json');
    expect(require.resolve('@portico/widgets/custom-elements.json')).toBe(
      join(packageRoot, 'dist/custom-elements.json'),
    );
    for (const tagName of TAGS) {
      expect(manifest.schemaVersion).toBe(widgetManifest(tagName).schemaVersion);
    }
  });

  it('defines exactly the five tags of the HTML contract, each with its class', () => {
    const defined = manifest.modules
      .flatMap((module) => module.exports ?? [])
      .filter((item) => item.kind === 'custom-element-definition')
      .map((item) => item.name);
    expect(defined.toSorted()).toEqual(TAGS.toSorted());
    const declared = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.customElement)
      .map((declaration) => declaration.tagName);
    expect(declared.toSorted()).toEqual(TAGS.toSorted());
  });

  it.each(TAGS)('describes <%s> as its own package’s manifest does', (tagName) => {
    const own = widgetClass(tagName);
    const merged = mergedClass(tagName);
    expect(merged.name).toBe(own.name);
    const attribute = ({ name, fieldName, description, default: defaultValue }: Attribute) => ({
      name,
      fieldName,
      description,
      default: defaultValue,
    });
    expect((merged.attributes ?? []).map(attribute)).toEqual((own.attributes ?? []).map(attribute));
    expect(names(merged.events)).toEqual(names(own.events));
    // Each event with its type (`CustomEvent<{ error: SourceError }>`), as the widget's manifest gives it.
    expect((merged.events ?? []).map(({ name, type }) => ({ name, type }))).toEqual(
      (own.events ?? []).map(({ name, type }) => ({ name, type })),
    );
    expect(names(merged.slots)).toEqual(names(own.slots));
    expect(names(merged.cssParts)).toEqual(names(own.cssParts));
    expect(names(merged.cssProperties)).toEqual(names(own.cssProperties));
    expect((merged.members ?? []).map(({ kind, name }) => `${kind} ${name}`)).toEqual(
      (own.members ?? []).map(({ kind, name }) => `${kind} ${name}`),
    );
    // The widget's own types: its manifest writes an alias of literal values out already.
    expect((merged.attributes ?? []).map(({ name, type }) => ({ name, type }))).toEqual(
      (own.attributes ?? []).map(({ name, type }) => ({ name, type })),
    );
    expect((merged.members ?? []).map(({ name, type }) => ({ name, type }))).toEqual(
      (own.members ?? []).map(({ name, type }) => ({ name, type })),
    );
  });

  it.each(TAGS)('gives <%s> every property its README documents, described', (tagName) => {
    // The README's table: `name` for an attribute, `name` (property) for a property only. A
    // property left out of the manifest is left out of the React and Vue props too.
    const readme = readFileSync(
      join(dirname(require.resolve(`${widgetPackage(tagName)}/package.json`)), 'README.md'),
      'utf8',
    );
    const documented = [...readme.matchAll(/^\| `([a-zA-Z-]+)` \(property\)/gm)].map(([, name]) => name);
    const fields = (widgetClass(tagName).members ?? []).filter((member) => member.kind === 'field');
    for (const name of documented) {
      expect(fields.find((field) => field.name === name)?.description, `${tagName} ${String(name)}`).toBeTruthy();
    }
    if (tagName === 'portico-sidebar-banners') expect(documented).toContain('random');
  });

  it.each(TAGS)('lists every ::part() of <%s> in its README’s Parts', (tagName) => {
    const readme = readFileSync(
      join(dirname(require.resolve(`${widgetPackage(tagName)}/package.json`)), 'README.md'),
      'utf8',
    );
    const parts = /Parts:([\s\S]*?)(?:Custom propert|\n\n)/.exec(readme)?.[1];
    expect(parts, `${tagName}: a Parts list in its README`).toBeDefined();
    const listed = new Set([...(parts ?? '').matchAll(/`([a-z-]+)`/g)].map(([, name]) => name));
    const missing = (widgetClass(tagName).cssParts ?? []).map(({ name }) => name).filter((name) => !listed.has(name));
    expect(missing, `${tagName}: parts its README does not list`).toEqual([]);
  });

  it.each(TAGS)('gives <%s> the fixed attributes of the HTML contract, with their values', (tagName) => {
    const attributes = mergedClass(tagName).attributes ?? [];
    for (const [name, values] of Object.entries(CONTRACT[tagName] ?? {})) {
      const attribute = attributes.find((candidate) => candidate.name === name);
      expect(attribute, `${tagName} ${name}`).toBeDefined();
      if (values.length > 0) expect(literalValues(attribute?.type?.text), `${tagName} ${name}`).toEqual(values);
    }
  });

  it.each(TAGS)('types every event of <%s> with its detail: `CustomEvent<…>`', (tagName) => {
    const events = mergedClass(tagName).events ?? [];
    expect(events.map(({ name }) => name)).toContain('portico-error');
    for (const { name, type } of events) expect(type?.text, name).toMatch(/^CustomEvent<.+>$/);
  });

  it('names only files of this package as modules, and the declaring package in every other reference', () => {
    const paths = manifest.modules.map((module) => module.path);
    for (const path of paths) expect(existsSync(join(packageRoot, path)), path).toBe(true);
    const references: Reference[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (
          typeof record.name === 'string' &&
          (typeof record.module === 'string' || typeof record.package === 'string')
        ) {
          references.push(record as unknown as Reference);
        }
        Object.values(record).forEach(collect);
      }
    };
    collect(manifest.modules);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      if (reference.package === undefined) expect(paths, JSON.stringify(reference)).toContain(reference.module);
      else expect(Object.keys(packageJson.dependencies), JSON.stringify(reference)).toContain(reference.package);
    }
    // Each tag's definition names the widget package and the module that declares its class there.
    for (const tagName of TAGS) {
      const definition = manifest.modules
        .flatMap((module) => module.exports ?? [])
        .find((item) => item.kind === 'custom-element-definition' && item.name === tagName);
      expect(definition?.declaration.package).toBe(widgetPackage(tagName));
      const own = widgetManifest(tagName);
      const declaring = own.modules.find((module) => module.path === definition?.declaration.module);
      expect(declaring?.declarations?.map(({ name }) => name)).toContain(definition?.declaration.name);
    }
  });
});

describe('dist/vscode.html-custom-data.json', () => {
  it('is VS Code’s HTML custom data, version 1.1, with every tag and its attributes', () => {
    expect(htmlData.version).toBe(1.1);
    expect(htmlData.tags.map(({ name }) => name).toSorted()).toEqual(TAGS.toSorted());
    for (const tagName of TAGS) {
      const tag = htmlData.tags.find(({ name }) => name === tagName);
      expect(tag?.description, tagName).toBeDefined();
      expect(tag?.attributes.map(({ name }) => name)).toEqual(
        (widgetClass(tagName).attributes ?? []).map(({ name }) => name),
      );
    }
  });

  const attributeOf = (tagName: string, name: string) =>
    htmlData.tags.find((tag) => tag.name === tagName)?.attributes.find((attribute) => attribute.name === name);

  it.each(TAGS)('offers the values of every enumerated attribute of <%s>', (tagName) => {
    for (const { name, type } of mergedClass(tagName).attributes ?? []) {
      const values = literalValues(type?.text);
      if (values)
        expect(
          attributeOf(tagName, name)?.values?.map((value) => value.name),
          name,
        ).toEqual(values);
    }
    for (const [name, values] of Object.entries(CONTRACT[tagName] ?? {})) {
      if (values.length > 0)
        expect(
          attributeOf(tagName, name)?.values?.map((value) => value.name),
          name,
        ).toEqual(values);
    }
  });

  it('offers heading levels 1–6, whose type is an alias in @portico/element', () => {
    expect(attributeOf('portico-online-visitors', 'heading-level')?.values?.map(({ name }) => name)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
  });

  it('writes a boolean attribute that is off unless present without a value, and `live="off"` with its value', () => {
    expect(attributeOf('portico-category-menu', 'show-counts')?.valueSet).toBe('v');
    expect(attributeOf('portico-view-counter', 'no-heading')?.valueSet).toBe('v');
    expect(attributeOf('portico-view-counter', 'live')?.valueSet).toBeUndefined();
    expect(attributeOf('portico-view-counter', 'live')?.values).toEqual([{ name: 'off' }]);
  });
});

describe('dist/vscode.css-custom-data.json', () => {
  it('is VS Code’s CSS custom data, version 1.1, with every --portico-* custom property once', () => {
    expect(cssData.version).toBe(1.1);
    const expected = new Set(
      TAGS.flatMap((tagName) => (widgetClass(tagName).cssProperties ?? []).map(({ name }) => name)),
    );
    expect(expected.size).toBeGreaterThan(0);
    expect(cssData.properties.map(({ name }) => name).toSorted()).toEqual([...expected].toSorted());
    for (const { name } of cssData.properties) expect(name).toMatch(/^--portico-/);
  });

  it('has every widget’s ::part() names once', () => {
    const expected = new Set(
      TAGS.flatMap((tagName) => (widgetClass(tagName).cssParts ?? []).map(({ name }) => `::part(${name})`)),
    );
    expect(cssData.pseudoElements.map(({ name }) => name).toSorted()).toEqual([...expected].toSorted());
    expect(cssData.pseudoElements.map(({ name }) => name)).toContain('::part(menu-button)');
  });
});
