import { parse } from 'acorn';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

// Only CSS: an `html` template's strings are hashed into the markers of server-rendered
// markup (@lit-labs/ssr), which hydration checks against the browser's copy of the template.
const TAGS = new Set(['css']);

// A quoted CSS string, in the template's raw text, where `\\` is one backslash: `\\\\` is a
// CSS-escaped backslash and `\\'` a CSS-escaped quote, both inside the string.
const CSS_STRING = /("(?:[^"\\]|\\\\\\\\|\\\\[^\\]|\\.)*"|'(?:[^'\\]|\\\\\\\\|\\\\[^\\]|\\.)*')/;

/**
 * Shrinks one piece of a `css` template: comments go, white space only where CSS needs it.
 * Quoted strings stay as written: `content: '⚠\\FE0E  '` needs both its spaces (the first
 * ends the escape).
 */
export function minifyCss(text: string): string {
  // Comments first: their prose may hold an apostrophe.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(CSS_STRING)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};>])\s*/g, '$1')
            .replace(/([{;])\s*([a-z-]+):\s+/g, '$1$2:'),
    )
    .join('');
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
  } else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    visit(node as Node);
    for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
  }
}

/**
 * Shrinks the CSS inside Lit's `css` tagged templates of Portico's own compiled modules, piece
 * by piece between the `${…}` holes, found by parsing the code (so nested templates and
 * strings are safe): comments go, and white space where CSS needs none.
 */
export function minifyLitCss(): Plugin {
  return {
    name: 'portico-minify-lit-css',
    transform(code, id) {
      if (!/[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/.test(id)) return null;
      const output = new MagicString(code);
      walk(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }), (node) => {
        const tag = node.tag as Node | undefined;
        if (node.type !== 'TaggedTemplateExpression' || tag?.type !== 'Identifier' || !TAGS.has(tag.name as string))
          return;
        for (const quasi of (node.quasi as Node).quasis as Node[]) {
          const raw = code.slice(quasi.start, quasi.end);
          const shrunk = minifyCss(raw);
          if (shrunk !== raw) output.overwrite(quasi.start, quasi.end, shrunk || ' ');
        }
      });
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
