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
}

const SHARED_SCRIPTS = {
  typecheck: 'tsc -p tsconfig.json',
  test: 'vitest run --config ../../tooling/vitest.config.ts',
};

describe.each(publishedPackages())('$name follows the package template', ({ directory }) => {
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as Manifest;

  it('is ESM only, with an exports map whose every entry has types first', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.exports?.['.']).toBeDefined();
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath.endsWith('.json')) continue;
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
    }
  });

  it('has a README with a copy-paste example, a LICENSE and public access', () => {
    expect(readFileSync(join(directory, 'README.md'), 'utf8')).toMatch(/```(?:html|ts|js)\n/);
    expect(existsSync(join(directory, 'LICENSE'))).toBe(true);
    expect(manifest.license).toBe('MIT');
    expect(manifest.publishConfig?.access).toBe('public');
  });

  it('runs the shared checks and has size budgets', () => {
    expect(manifest.scripts).toMatchObject(SHARED_SCRIPTS);
    expect(manifest.scripts?.['check:package']).toMatch(
      /publint --strict && attw --pack \. --profile esm-only && size-limit/,
    );
    expect(manifest['size-limit']?.length).toBeGreaterThan(0);
  });
});
