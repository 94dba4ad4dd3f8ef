// The template every published package follows (DESIGN.md, Conventions and Packages), so
// that integrators meet the same shape everywhere and the checks in `npm test` cover each.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { publishedPackages } from './workspace.js';

interface Manifest {
  type?: string;
  license?: string;
  sideEffects?: boolean | string[];
  exports?: Record<string, string | Record<string, string>>;
  files?: string[];
  scripts?: Record<string, string>;
  publishConfig?: { access?: string };
  'size-limit'?: unknown[];
  customElements?: string;
}

/** A widget package is one that registers a custom element: a `./element` entry beside its root. */
function isWidgetPackage(manifest: Manifest): boolean {
  return manifest.exports?.['./element'] !== undefined;
}

const SHARED_SCRIPTS = {
  typecheck: 'tsgo -p tsconfig.json',
  test: 'vitest run --config ../../tooling/vitest.config.ts',
};

describe.each(publishedPackages())('$name follows the package template', ({ directory }) => {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;

  it('is ESM only, with an exports map whose every entry has types first', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.exports?.['.']).toBeDefined();
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (/\.(json|css)$/.test(subpath)) continue;
      expect(typeof target, subpath).toBe('object');
      expect(Object.keys(target)[0], subpath).toBe('types');
      expect(Object.keys(target), subpath).not.toContain('require');
    }
  });

  it('declares its side effects exactly', () => {
    expect(manifest.sideEffects, 'sideEffects is false or the list of registering files').toBeDefined();
    if (Array.isArray(manifest.sideEffects)) {
      for (const pattern of manifest.sideEffects) {
        expect(globSync(pattern, { cwd: directory }), `${pattern} names files`).not.toEqual([]);
      }
      // A style sheet is imported for its effect alone: webpack drops one not listed here.
      const styleSheets = Object.values(manifest.exports ?? {}).filter(
        (target): target is string => typeof target === 'string' && target.endsWith('.css'),
      );
      for (const styleSheet of styleSheets) expect(manifest.sideEffects, styleSheet).toContain(styleSheet);
    }
  });

  it('has a README with a copy-paste example, a LICENSE and public access', () => {
    expect(readFileSync(join(directory, 'README.md'), 'utf8')).toMatch(/```(?:html|ts|js)\n/);
    expect(existsSync(join(directory, 'LICENSE'))).toBe(true);
    expect(manifest.license).toBe('MIT');
    expect(manifest.publishConfig?.access).toBe('public');
  });

  it('runs the shared checks and has size budgets', () => {
    const { test, ...others } = SHARED_SCRIPTS;
    expect(manifest.scripts).toMatchObject(others);
    // The shared Vitest config, directly or through a local one that extends it (to add a
    // framework's Vite plugin).
    if (manifest.scripts?.test !== test) {
      expect(manifest.scripts?.test).toBe('vitest run --config vitest.config.ts');
      expect(readFileSync(join(directory, 'vitest.config.ts'), 'utf8')).toContain(
        "from '../../tooling/vitest.config.js'",
      );
    }
    expect(manifest.scripts?.['check:package']).toMatch(
      /^publint --strict && attw --pack \. --profile esm-only(?: --exclude-entrypoints [^&]+)? && size-limit$/,
    );
    // Budgets in package.json, or in .size-limit.cjs where one needs code (the CDN build).
    const budgets = manifest['size-limit']?.length ?? (existsSync(join(directory, '.size-limit.cjs')) ? 1 : 0);
    expect(budgets).toBeGreaterThan(0);
  });
});

describe.each(
  publishedPackages().filter(({ directory }) =>
    isWidgetPackage(JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest),
  ),
)('$name follows the widget package template', ({ directory }) => {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;

  it('registers from its root entry only, and lists exactly that as its side effect', () => {
    expect(manifest.sideEffects).toEqual(['./dist/index.js', './src/index.ts']);
    expect(readFileSync(join(directory, 'src', 'element.ts'), 'utf8')).not.toMatch(
      /defineElement|customElements\.define/,
    );
    expect(readFileSync(join(directory, 'src', 'index.ts'), 'utf8')).toMatch(/defineElement\('portico-[a-z-]+'/);
    expect(readFileSync(join(directory, 'src', 'index.ts'), 'utf8')).toMatch(/interface HTMLElementTagNameMap/);
  });

  it('ships a custom-elements.json that names its tag', () => {
    expect(manifest.customElements).toBe('custom-elements.json');
    expect(manifest.files).toContain('custom-elements.json');
    const elements = JSON.parse(readFileSync(join(directory, 'custom-elements.json'), 'utf8')) as {
      modules: { declarations?: { tagName?: string }[] }[];
    };
    const tags = elements.modules.flatMap((module) =>
      (module.declarations ?? []).map((declaration) => declaration.tagName),
    );
    expect(tags.filter(Boolean)).toHaveLength(1);
  });
});
