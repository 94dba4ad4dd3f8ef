/// <reference types="node" />
// What each widget package's own custom-elements.json (written by `cem analyze` with
// tooling/custom-elements-manifest.config.mjs) tells a tool that reads it alone (an IDE
// plugin, Storybook's controls): the values of every enumerated attribute and field, not an
// alias name no manifest declares, and the detail type of every event, as the package's
// `GlobalEventHandlersEventMap` declares it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { publishedPackages, REPOSITORY_ROOT } from './workspace.js';

interface Typed {
  name: string;
  kind?: string;
  type?: { text: string };
  attribute?: string;
  fieldName?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Typed[];
  members?: Typed[];
  events?: Typed[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const widgetPackages = publishedPackages().filter(
  ({ directory }) =>
    (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { customElements?: string })
      .customElements === 'custom-elements.json',
);

/** The custom element a widget package's manifest declares (one a package). */
function widgetClass(directory: string): Declaration {
  const file = join(directory, 'custom-elements.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run generate\` in ${directory}.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  const [declaration, ...others] = manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((candidate) => candidate.customElement),
  );
  expect(others, `${directory}: one custom element`).toEqual([]);
  expect(declaration, `${directory}: a custom element`).toBeDefined();
  return declaration!;
}

const HEADING_LEVELS = '1 | 2 | 3 | 4 | 5 | 6';

/** The enumerated attributes of each widget, their types written out as the source's aliases say. */
const ENUMERATIONS: Record<string, Record<string, string>> = {
  '@portico/online-visitors': { mode: "'count' | 'names' | 'both'", 'heading-level': HEADING_LEVELS },
  '@portico/view-counter': {
    grouping: "'auto' | 'off'",
    notation: "'standard' | 'compact'",
    digits: "'plain' | 'tiles'",
    'heading-level': HEADING_LEVELS,
  },
  '@portico/category-menu': { orientation: "'vertical' | 'horizontal'" },
  '@portico/article-card': {
    variant: "'full' | 'featured' | 'list' | 'compact'",
    'heading-level': `${HEADING_LEVELS} | null | undefined`,
  },
  '@portico/sidebar-banners': { order: "'ordering' | 'random'" },
};

/** The packages' sources, tests and stories left out. */
const sources = globSync('packages/*/src/**/*.ts', {
  cwd: REPOSITORY_ROOT,
  absolute: true,
  ignore: ['**/*.test.ts', '**/*.stories.ts', '**/test-support/**', '**/generated/**'],
}).map((file) => readFileSync(file, 'utf8'));

/** Every type alias of literal values the packages declare (`CategoryMenuOrientation`, `HeadingLevel`). */
const literalAliases = new Set(
  sources.flatMap((source) =>
    [
      ...source.matchAll(
        /^export type (\w+) =\s*((?:\|?\s*(?:'[^']*'|"[^"]*"|-?\d+(?:\.\d+)?|null|undefined)\s*)+);/gm,
      ),
    ].map(([, name = '']) => name),
  ),
);

/** Every `portico-*` event a package declares in `GlobalEventHandlersEventMap`, with its type. */
const declaredEvents = new Map(
  sources
    .filter((source) => source.includes('interface GlobalEventHandlersEventMap'))
    .flatMap((source) =>
      [...source.matchAll(/^\s*'(portico-[\w-]+)': (CustomEvent<.+>);$/gm)].map(
        ([, name = '', type = '']) => [name, type] as const,
      ),
    ),
);

describe('the sources these checks read', () => {
  it('declare the aliases and events the widgets use', () => {
    expect(widgetPackages.map(({ name }) => name).toSorted()).toEqual(Object.keys(ENUMERATIONS).toSorted());
    expect(literalAliases).toContain('CategoryMenuOrientation');
    expect(literalAliases).toContain('HeadingLevel');
    expect(declaredEvents.get('portico-error')).toBe('CustomEvent<{ error: SourceError }>');
    expect(declaredEvents.get('portico-banner-click')).toBe('CustomEvent<BannerEventDetail>');
  });
});

describe.each(widgetPackages)('$name’s custom-elements.json', ({ name, directory }) => {
  const declaration = widgetClass(directory);
  const typeOf = (items: Typed[] | undefined, itemName: string) =>
    items?.find((item) => item.name === itemName)?.type?.text;

  it('writes out the values of every enumerated attribute, and of its field', () => {
    for (const [attribute, type] of Object.entries(ENUMERATIONS[name] ?? {})) {
      expect(typeOf(declaration.attributes, attribute), attribute).toBe(type);
      const fieldName = declaration.attributes?.find((item) => item.name === attribute)?.fieldName ?? attribute;
      expect(typeOf(declaration.members, fieldName), fieldName).toBe(type);
    }
  });

  it('names no alias of literal values in any attribute’s or field’s type', () => {
    const typed = [...(declaration.attributes ?? []), ...(declaration.members ?? [])].filter(
      (item) => (item.kind ?? 'field') === 'field' && item.type,
    );
    expect(typed.length).toBeGreaterThan(0);
    for (const item of typed) {
      const named = (item.type?.text.match(/\b[A-Z]\w*\b/g) ?? []).filter((word) => literalAliases.has(word));
      expect(named, `${item.name}: ${String(item.type?.text)}`).toEqual([]);
    }
  });

  it('types every event as its GlobalEventHandlersEventMap entry does', () => {
    const events = declaration.events ?? [];
    expect(events.map((event) => event.name)).toContain('portico-error');
    for (const event of events) {
      expect(event.type?.text, event.name).toMatch(/^CustomEvent</);
      expect(event.type?.text, event.name).toBe(declaredEvents.get(event.name));
    }
  });
});
