/**
 * The Docs pages' and the Code panel's snippet of a story (`parameters.docs.source.transform`):
 * what a page needs to show the same thing, ready to copy.
 *
 * Storybook prints the story as rendered, preview decorators included, and a data property as
 * nothing at all. Here the snippet becomes:
 * - the story's own markup, without the preview's story root (`.portico-story`, which only
 *   stands for the page around the widget) and nicely indented;
 * - for each widget whose data is a property (`article`, `stats`, `categories`, `banners`),
 *   a `<script type="module">` that sets it, with the story's data as JSON (shortened: long
 *   texts, `data:` addresses and long lists are cut, and the script says so);
 * - for each widget with a `source`, a comment saying that the page registers that source
 *   (`registerSource` or a `data-portico` block), with the README's section;
 * - first, what the page adds for the story (`parameters.portico.pageMarkup`, such as a
 *   `data-portico` configuration block).
 *
 * The property values come from the story's own render, run again without decorators on the
 * story's args (for most stories, the preview's `renderWidget`, which sets them from the args).
 */
import type { StoryContext } from '@storybook/web-components-vite';
import { render } from 'lit';
import type { PorticoParameters } from '../src/kit/parameters.js';
import { declarationOf } from './manifest.js';
import { dataProperties } from './widget.js';

/** Where the root README explains sources: `registerSource` and `data-portico` blocks. */
export const SOURCES_README = 'https://github.com/portico-widgets/portico#feed-the-widgets-from-your-cms';

/** The class of the column the preview puts every story in (`.storybook/preview.ts`). */
export const STORY_COLUMN_CLASS = 'portico-story-column';

/** What the snippet needs of Storybook's story context. */
export type SnippetContext = Pick<StoryContext, 'args' | 'component' | 'originalStoryFn' | 'parameters'>;

/** A text longer than this is cut, at a word, to about `TEXT_KEPT` characters. */
const LONGEST_TEXT = 280;
const TEXT_KEPT = 200;
/** A `data:` address longer than this keeps only its type (`data:image/svg+xml,…`). */
const LONGEST_DATA_URL = 100;
/** A list longer than this keeps its first items. */
const LONGEST_LIST = 8;

const INDENT = '  ';
const VOID_ELEMENTS = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);

function isWidget(element: Element): boolean {
  return element.localName.startsWith('portico-') && declarationOf(element.localName) !== undefined;
}

function widgetsIn(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('*')).filter(isWidget);
}

/** What the snippet shortened, to say so. */
interface Shortened {
  any: boolean;
}

function shortenText(text: string, shortened: Shortened): string {
  if (text.startsWith('data:') && text.length > LONGEST_DATA_URL) {
    shortened.any = true;
    return `${text.slice(0, text.indexOf(',') + 1) || 'data:'}…`;
  }
  if (text.length > LONGEST_TEXT) {
    shortened.any = true;
    const space = text.lastIndexOf(' ', TEXT_KEPT);
    return `${text.slice(0, space > TEXT_KEPT / 2 ? space : TEXT_KEPT)}…`;
  }
  return text;
}

/** A one-line form of a list or an object is kept when it is no longer than this. */
const ONE_LINE = 72;

/** `value` (plain JSON data) as JSON on one line, with spaces as a person writes it. */
function oneLineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLineJson).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${oneLineJson(item)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** `value` (plain JSON data) as JSON, indented, a short list or object on one line. */
function formatJson(value: unknown, depth: number): string {
  const flat = oneLineJson(value);
  if (value === null || typeof value !== 'object' || flat.length + depth * INDENT.length <= ONE_LINE) return flat;
  const inner = INDENT.repeat(depth + 1);
  const items = Array.isArray(value)
    ? value.map((item) => inner + formatJson(item, depth + 1))
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${INDENT.repeat(depth)}${close}`;
}

/** `value` as JSON, shortened for reading (long texts, `data:` addresses and long lists cut). */
function json(value: unknown, shortened: Shortened): string {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'bigint') return item.toString();
    if (typeof item === 'string') return shortenText(item, shortened);
    if (Array.isArray(item) && item.length > LONGEST_LIST) {
      shortened.any = true;
      return (item as unknown[]).slice(0, LONGEST_LIST);
    }
    return item;
  });
  return formatJson(JSON.parse(text), 0);
}

function indent(text: string, depth: number): string {
  const prefix = INDENT.repeat(depth);
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : prefix + line))
    .join('\n');
}

/** `text` without its blank first and last lines and its common indentation. */
function dedent(text: string): string {
  const lines = text
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split('\n');
  const common = Math.min(
    ...lines.filter((line) => line.trim() !== '').map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0),
  );
  return lines.map((line) => line.slice(Number.isFinite(common) ? common : 0)).join('\n');
}

/** An attribute value, escaped for a double-quoted attribute. */
function attributeValue(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** An element's start tag: an empty attribute by its name alone, `data:` addresses shortened. */
function startTag(element: Element, shortened: Shortened): string {
  const attributes = Array.from(element.attributes, ({ name, value }) =>
    value === '' ? ` ${name}` : ` ${name}="${attributeValue(shortenText(value, shortened))}"`,
  );
  return `<${element.localName}${attributes.join('')}>`;
}

/** Whether `element` holds only elements (and white space): laid out one child a line. */
function holdsOnlyElements(element: Element): boolean {
  return Array.from(element.childNodes).every(
    (node) =>
      node.nodeType === Node.ELEMENT_NODE ||
      node.nodeType === Node.COMMENT_NODE ||
      (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === ''),
  );
}

/** Text escaped for HTML, a no-break space written out (`&nbsp;`) so that it shows. */
function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00A0/g, '&nbsp;');
}

/** HTML of `nodes` as they are, text and all: the start tags written as `startTag` does. */
function inlineHtml(nodes: Iterable<Node>, shortened: Shortened): string {
  let html = '';
  for (const node of nodes) {
    if (node.nodeType === Node.TEXT_NODE) html += escapeText(node.textContent ?? '');
    else if (node.nodeType === Node.COMMENT_NODE) html += `<!--${node.textContent ?? ''}-->`;
    else if (node instanceof Element) {
      html += startTag(node, shortened);
      if (VOID_ELEMENTS.has(node.localName)) continue;
      html +=
        node.localName === 'style' || node.localName === 'script'
          ? node.textContent
          : inlineHtml(node.childNodes, shortened);
      html += `</${node.localName}>`;
    }
  }
  return html;
}

/** A line of a snippet is kept on one line up to this length. */
const LINE_LENGTH = 100;

/** Whether `element`, written out on one line at `depth`, is short enough to stay there. */
function fitsOnALine(element: Element, depth: number, shortened: Shortened): boolean {
  const html = inlineHtml([element], { ...shortened });
  return !html.includes('\n') && html.length + depth * INDENT.length <= LINE_LENGTH;
}

/** HTML of `nodes`, one element a line, children indented; text kept as it is. */
function formatNodes(nodes: Iterable<Node>, depth: number, shortened: Shortened): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    if (node.nodeType === Node.COMMENT_NODE) {
      lines.push(indent(`<!--${node.textContent ?? ''}-->`, depth));
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').trim();
      if (text) lines.push(indent(escapeText(text), depth));
    } else if (node instanceof Element) {
      const open = startTag(node, shortened);
      const close = `</${node.localName}>`;
      if (VOID_ELEMENTS.has(node.localName)) {
        lines.push(indent(open, depth));
      } else if (node.childNodes.length === 0) {
        lines.push(indent(open + close, depth));
      } else if (node.localName === 'style' || node.localName === 'script') {
        lines.push(indent(open, depth), indent(dedent(node.textContent), depth + 1), indent(close, depth));
      } else if (holdsOnlyElements(node) && !fitsOnALine(node, depth, shortened)) {
        lines.push(indent(open, depth), ...formatNodes(node.childNodes, depth + 1, shortened), indent(close, depth));
      } else {
        // Text and inline elements: as the template or the CMS wrote them, its lines kept.
        const inner = dedent(inlineHtml(node.childNodes, shortened)).trim();
        if (inner.includes('\n')) lines.push(indent(open, depth), indent(inner, depth + 1), indent(close, depth));
        else lines.push(indent(open + inner + close, depth));
      }
    }
  }
  return lines;
}

/**
 * The widgets the story renders, rendered again without decorators (the preview's story root
 * and a story's own wrappers add no widget), so that their data properties can be read.
 */
function renderedWidgets(context: SnippetContext): Element[] {
  const container = document.createElement('div');
  try {
    const rendered: unknown = context.originalStoryFn(context.args, context as StoryContext);
    if (rendered instanceof Node) container.append(rendered);
    else if (rendered !== undefined && rendered !== null) render(rendered, container);
  } catch {
    return [];
  }
  return widgetsIn(container);
}

/** The data properties `widget` has set: `[['article', {…}]]`. */
function dataOf(widget: Element): [string, unknown][] {
  const declaration = declarationOf(widget.localName);
  if (!declaration) return [];
  return dataProperties(declaration).flatMap(({ name }): [string, unknown][] => {
    const value: unknown = Reflect.get(widget, name);
    return value === undefined || value === null ? [] : [[name, value]];
  });
}

/** The variable holding one value per widget: `articles`, `categoriesByWidget`. */
function listName(property: string): string {
  return property.endsWith('s') ? `${property}ByWidget` : `${property}s`;
}

/** The script that sets the widgets' data properties, or nothing when none is set. */
function propertyScript(widgets: readonly Element[], rendered: readonly Element[], shortened: Shortened): string[] {
  const statements: string[] = [];
  const tags = [...new Set(widgets.map((widget) => widget.localName))];
  for (const tag of tags) {
    const ofTag = widgets.filter((widget) => widget.localName === tag);
    // The same widgets, rendered again: in the same order.
    const data = rendered.filter((widget) => widget.localName === tag).map(dataOf);
    const properties = [...new Set(data.flatMap((entries) => entries.map(([name]) => name)))];
    for (const property of properties) {
      const values = data.map((entries) => entries.find(([name]) => name === property)?.[1]);
      if (ofTag.length === 1) {
        statements.push(`document.querySelector('${tag}').${property} = ${json(values[0], shortened)};`);
      } else {
        const list = listName(property);
        statements.push(
          `const ${list} = ${json(values, shortened)};`,
          `document.querySelectorAll('${tag}').forEach((widget, index) => {\n` +
            `${INDENT}if (${list}[index]) widget.${property} = ${list}[index];\n});`,
        );
      }
    }
  }
  if (statements.length === 0) return [];
  const note = shortened.any
    ? [
        `// Shortened for reading: long texts and data: addresses end in "…", lists keep their first ${String(LONGEST_LIST)} items.`,
      ]
    : [];
  return ['<script type="module">', indent([...note, ...statements].join('\n'), 1), '</script>'];
}

/** A comment for each `source` the widgets name: the page registers it. */
function sourceComments(widgets: readonly Element[]): string[] {
  const names = new Set(
    widgets.map((widget) => widget.getAttribute('source')).filter((name): name is string => !!name),
  );
  return [...names].map(
    (name) =>
      `<!-- source="${name}" names a data source the page registers (in this story, a sample one): ` +
      `registerSource('${name}', …) from @portico/core, or "${name}" under "sources" in a ` +
      `<script type="application/json" data-portico> block. See ${SOURCES_README} -->`,
  );
}

/**
 * The snippet of a story from the HTML Storybook printed (`code`): see the file's comment.
 * Code without the preview's story root (already turned into a snippet: the Docs page applies
 * the transform once more) is returned as it is.
 */
export function storySnippet(code: string, context: SnippetContext): string {
  const template = document.createElement('template');
  template.innerHTML = code;
  const column = template.content.querySelector(`.${STORY_COLUMN_CLASS}`);
  if (!column) return code;
  const widgets = widgetsIn(column);
  const pageMarkup = (context.parameters.portico as PorticoParameters | undefined)?.pageMarkup;
  const markupShortened: Shortened = { any: false };
  const markup = formatNodes(column.childNodes, 0, markupShortened);
  const script = propertyScript(widgets, renderedWidgets(context), { any: false });
  const note = markupShortened.any ? ['<!-- Shortened for reading: data: addresses end in "…". -->'] : [];
  return [...sourceComments(widgets), ...note, ...(pageMarkup ? [dedent(pageMarkup)] : []), ...markup, ...script].join(
    '\n',
  );
}
