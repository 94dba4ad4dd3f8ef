/// <reference types="node" />
// The alias expansion the widget manifests are written with (literal-aliases.mjs), on a
// package of its own: names found as TypeScript finds them, from the module, an import, a
// re-export or another package's .d.ts files, and every other type left as it is.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { literalTypes } from '../literal-aliases.mjs';

const root = mkdtempSync(join(tmpdir(), 'portico-literal-aliases-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(path: string, text: string): string {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

write('package.json', JSON.stringify({ name: 'widget', type: 'module' }));
write(
  'node_modules/@scope/levels/package.json',
  JSON.stringify({
    name: '@scope/levels',
    type: 'module',
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
  }),
);
write(
  'node_modules/@scope/levels/dist/index.d.ts',
  "export * from './levels.js';\nexport { type Mode as PublicMode } from './mode.js';\n",
);
write('node_modules/@scope/levels/dist/levels.d.ts', 'export type Level = 1 | 2 | 3;\n');
write('node_modules/@scope/levels/dist/mode.d.ts', "export type Mode = 'a' | 'b';\nexport type Hidden = 'h';\n");
write('src/local.ts', "export type Local = 'l1' | 'l2';\n");
const widget = write(
  'src/widget.ts',
  `import { type Level, type PublicMode } from '@scope/levels';
import { type Local as Renamed } from './local.js';
import { type Hidden } from '@scope/levels';
export type Orientation = 'vertical' | 'horizontal';
type Both = Orientation | (Renamed | null);
type Loop = Loop2 | 'x';
type Loop2 = Loop;
export type Count = number | string;
export interface Shape { kind: 'a' }
type Generic<T> = T | 'x';
type Negative = -1 | 0 | 1.5;
type Quoted = "it's" | 'plain';
type Flag = true | false;
export type Levels = Level;
export { type PublicMode };
`,
);
const other = write('src/other.ts', "type Orientation = 'up' | 'down';\n");
const missing = write('src/missing.ts', "import { type X } from '@scope/missing';\n");

const { expand, add } = literalTypes(ts);

describe('literalTypes(ts).expand', () => {
  it('writes out an alias of the module, or one it imports, as its values', () => {
    expect(expand('Orientation', widget)).toBe("'vertical' | 'horizontal'");
    expect(expand('Renamed', widget)).toBe("'l1' | 'l2'");
    expect(expand('Both', widget)).toBe("'vertical' | 'horizontal' | 'l1' | 'l2' | null");
    expect(expand('Negative | undefined', widget)).toBe('-1 | 0 | 1.5 | undefined');
    expect(expand('Quoted', widget)).toBe(`"it's" | 'plain'`);
  });

  it('follows an import into another package, through its re-exports', () => {
    expect(expand('Level | null | undefined', widget)).toBe('1 | 2 | 3 | null | undefined');
    expect(expand('PublicMode', widget)).toBe("'a' | 'b'");
    expect(expand('Levels', widget)).toBe('1 | 2 | 3');
    // `Hidden` is declared in the package, but not exported from the entry the import names.
    expect(expand('Hidden', widget)).toBeUndefined();
  });

  it('finds a name from the module that writes the type', () => {
    expect(expand('Orientation', other)).toBe("'up' | 'down'");
    expect(expand('Renamed', other)).toBeUndefined();
  });

  it('writes each value once', () => {
    expect(expand("Orientation | Orientation | 'vertical'", widget)).toBe("'vertical' | 'horizontal'");
  });

  it('leaves every other type as it is', () => {
    for (const type of [
      'Count',
      'Shape',
      'Generic<string>',
      'Unknown',
      'string',
      'boolean',
      'Flag',
      'null | undefined',
      'Orientation | string',
      'Orientation[]',
      '() => Orientation',
      'Loop',
      'not a type (',
    ]) {
      expect(expand(type, widget), type).toBeUndefined();
    }
  });

  it('says which import does not resolve', () => {
    expect(() => expand('X', missing)).toThrow(/'@scope\/missing', imported by .*missing\.ts, does not resolve/);
  });

  it('reads a module the analyser has parsed from its AST', () => {
    const fileName = join(root, 'src/parsed-only.ts');
    add(ts.createSourceFile(fileName, "type Side = 'left' | 'right';\n", ts.ScriptTarget.Latest, true), fileName);
    expect(expand('Side', fileName)).toBe("'left' | 'right'");
  });
});
