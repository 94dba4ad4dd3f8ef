import type { SanitizeAllowlist, ServerSanitizeFinish } from '@portico/element';
import {
  classifyRemovals,
  DATA_OR_ARIA,
  IMAGE_SCHEMES,
  INLINE_NAME,
  keepsValue,
  LINK_SCHEMES,
  linkRel,
  textAlignOf,
  UNSAFE_TAGS,
  type SanitizeRemovals,
  type SanitizeRemoved,
} from '@portico/element/sanitize-allowlists';
import {
  defaultTreeAdapter,
  parse,
  serialize,
  serializeOuter,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  type TreeAdapter,
} from 'parse5';
import sanitize from 'sanitize-html';

export interface SanitizedHtmlString {
  /** The HTML to render. */
  html: string;
  /** How many elements and attributes the input had that the allowlist does not keep (0 for clean input). */
  removed: number;
  /**
   * What was removed, by name and kind, as the browser's sanitizer sorts it (`classifyRemovals`
   * of `@portico/element`), for the widget's warning.
   */
  removals: SanitizeRemovals;
}

/** Never kept, whatever an allowlist says: elements that run code, load documents or take input. */
const NEVER_ALLOWED: ReadonlySet<string> = new Set(UNSAFE_TAGS);

/**
 * Elements that go with their content when not allowed: DOMPurify's list (`FORBID_CONTENTS`),
 * so the server drops the same text the browser does (an SVG's `<text>`, a video's fallback,
 * a `<noscript>`'s), and keeps what it keeps (a `<textarea>`'s text).
 */
const GONE_WITH_CONTENT = [
  ...['annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo'],
  ...['ms', 'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'selectedcontent', 'style', 'svg'],
  ...['template', 'thead', 'title', 'video', 'xmp'],
];

/** Scripting off, as in the document DOMPurify parses into (`DOMParser`): a `<noscript>` holds markup. */
const NO_SCRIPTING = { scriptingEnabled: false };

type Node = DefaultTreeAdapterTypes.Node;

const isElement = (node: DefaultTreeAdapterTypes.ChildNode): node is DefaultTreeAdapterTypes.Element =>
  defaultTreeAdapter.isElementNode(node);

/**
 * How deep the tree read as a browser reads it may be: as deep as Chromium's parser builds one
 * (deeper elements it puts beside their parent), far deeper than any article. The standard's
 * parser looks through the open elements for most tags, a time that grows with the square of
 * the depth, and `parse5` writes the tree recursively; deeper markup is read as htmlparser2
 * reads it, as before (still sanitized, in a time that grows with its length).
 */
const DEEPEST = 512;

class TooDeep extends Error {}

/** The depth of each node placed in the tree; a template's content is as deep as its template. */
const depths = new WeakMap<Node, number>();
const templates = new WeakMap<Node, Node>();

function depthOf(node: Node): number {
  const template = templates.get(node);
  return template ? depthOf(template) : (depths.get(node) ?? 0);
}

function place(parent: Node, node: Node): void {
  const depth = depthOf(parent) + 1;
  if (depth > DEEPEST) throw new TooDeep();
  depths.set(node, depth);
}

/** parse5's tree, each node's depth counted, no deeper than `DEEPEST`. */
const depthCounted: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  appendChild(parent, node) {
    place(parent, node);
    defaultTreeAdapter.appendChild(parent, node);
  },
  insertBefore(parent, node, reference) {
    place(parent, node);
    defaultTreeAdapter.insertBefore(parent, node, reference);
  },
  setTemplateContent(template, content) {
    templates.set(content, template);
    defaultTreeAdapter.setTemplateContent(template, content);
  },
};

/**
 * `html` as the browser's DOMPurify reads it, written anew: parsed by the HTML standard's rules
 * (`parse5`) into the document DOMPurify parses it into, whose body DOMPurify sanitizes.
 * htmlparser2, which `sanitize-html` parses with, builds another tree from some markup: it keeps
 * HTML after an unclosed `<svg>` or `<math>` (a `<p>`, a `<table>`) inside it, where a browser
 * leaves the foreign content, and puts text in a table, misnested tags and a `<noscript>`'s
 * markup elsewhere than a browser does. From the markup written here, every element closed
 * where it ends, htmlparser2 builds the browser's tree. Leading white space stays, as DOMPurify
 * keeps it. Two differences from DOMPurify's document: what a browser puts in the head (a
 * `<script>`, `<style>` or `<title>` before any content) is written first, for the sanitizer to
 * drop and name (DOMPurify drops it without naming it); and the document is in standards mode,
 * not quirks mode (a `<table>` closes a `<p>`, as on a page with a doctype), so that htmlparser2
 * reads back the same tree. Markup deeper than `DEEPEST` is returned as it is.
 */
function asBrowsersRead(html: string): string {
  let parsed: DefaultTreeAdapterTypes.Document;
  try {
    parsed = parse(`<!DOCTYPE html>${html}`, { ...NO_SCRIPTING, treeAdapter: depthCounted });
  } catch (error) {
    if (error instanceof TooDeep) return html;
    throw error;
  }
  const root = parsed.childNodes.find(isElement);
  let written = /^[\r\n\t ]+/.exec(html)?.[0] ?? '';
  for (const part of root?.childNodes.filter(isElement) ?? []) {
    // The head's elements, the body's content, or a <frameset> instead of a body.
    if (part.tagName === 'head') {
      written += part.childNodes
        .filter(isElement)
        .map((element) => serializeOuter(element, NO_SCRIPTING))
        .join('');
    } else if (part.tagName === 'body') written += serialize(part, NO_SCRIPTING);
    else written += serializeOuter(part, NO_SCRIPTING);
  }
  return written;
}

/**
 * The attributes less the values the address policy refuses (`keepsValue`, the browser's too),
 * and a style's text alignment kept as `data-align`, as the browser's sanitizer keeps it (the
 * style itself goes).
 */
function prepared(tag: string, attribs: Record<string, string>): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(attribs).filter(([name, value]) => keepsValue(tag, name, value)));
  const align = attribs.style === undefined ? undefined : textAlignOf(attribs.style);
  return align ? { ...kept, 'data-align': align } : kept;
}

/**
 * Sanitizes HTML from a CMS without a DOM (on the server) with `sanitize-html`, keeping the
 * same allowlist the browser's DOMPurify profile keeps: scripts, styles and the like go with
 * their content, other elements that are not allowed go but leave their content, comments go,
 * addresses are kept as `keepsValue` says (links to web, mail or phone addresses, images from
 * the web or inline raster data), event handlers and `style` never stay. As the browser's hook
 * does, a link with a `target` gets `rel="noopener noreferrer"` (see `linkRel`) and images load lazily.
 */
export function sanitizeHtmlString(
  html: string,
  allowed: SanitizeAllowlist,
  finish: ServerSanitizeFinish = {},
): SanitizedHtmlString {
  const tags = allowed.tags.map((tag) => tag.toLowerCase()).filter((tag) => !NEVER_ALLOWED.has(tag));
  const attributes = allowed.attributes
    .map((name) => name.toLowerCase())
    .filter((name) => !/^on|^style$|^srcdoc$/.test(name));
  const removed: SanitizeRemoved[] = [];
  // Inside an element that goes with its content (an <svg>, a <video>), as DOMPurify removes it:
  // the element is named, not what it holds. In the markup `asBrowsersRead` writes, each element
  // is closed where it ends, or void: every start tag is matched by its end.
  let discarding = 0;
  // An empty value stays, as in the browser (`href=""`, `title=""`), not only `alt=""`: an option
  // sanitize-html has (since 2.11) and its types lack.
  const keepEmpty: { allowedEmptyAttributes: string[] } = { allowedEmptyAttributes: attributes };
  const output = sanitize(asBrowsersRead(html), {
    ...keepEmpty,
    allowedTags: tags,
    allowedAttributes: { '*': [...attributes, 'data-*', 'aria-*'], img: ['loading', 'decoding'] },
    // The policy is `keepsValue`'s (in the transforms); sanitize-html's own check, with the same
    // schemes, refuses nothing it keeps, and stays as a second lock.
    allowedSchemes: [...LINK_SCHEMES],
    allowedSchemesByTag: { img: [...IMAGE_SCHEMES, 'data'] },
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    nonTextTags: GONE_WITH_CONTENT,
    transformTags: {
      '*': (tagName, attribs) => ({ tagName, attribs: prepared(tagName, attribs) }),
      a: (tagName, given) => {
        const attribs = prepared(tagName, given);
        // As the browser's hook does (no `opener` for a link with a target); then the widget's tokens.
        const rel = new Set(linkRel(attribs.target, attribs.rel)?.split(' '));
        const added = attribs.href === undefined ? undefined : finish.linkRel?.(attribs.href);
        for (const token of added?.split(/\s+/).filter(Boolean) ?? []) rel.add(token);
        return { tagName, attribs: rel.size ? { ...attribs, rel: [...rel].join(' ') } : attribs };
      },
      img: (tagName, attribs) => {
        const kept: Record<string, string> = { ...prepared(tagName, attribs), loading: 'lazy', decoding: 'async' };
        if (finish.imageAlt && !kept.alt?.trim()) kept.alt = finish.imageAlt;
        return { tagName, attribs: kept };
      },
    },
    // What is removed, named as the browser names it: the style and event-handler attributes of
    // every start tag (which it takes out of the markup first), then as DOMPurify does, the
    // elements not kept, and the attributes of those kept that the allowlist does not keep or
    // whose address it refuses.
    onOpenTag(name, attribs) {
      for (const [attribute, value] of Object.entries(attribs)) {
        if (INLINE_NAME.test(attribute)) removed.push({ attribute, value });
      }
      if (discarding > 0) {
        discarding += 1;
        return;
      }
      if (!tags.includes(name)) {
        removed.push({ element: name });
        if (GONE_WITH_CONTENT.includes(name)) discarding = 1;
        return;
      }
      for (const [attribute, value] of Object.entries(attribs)) {
        if (INLINE_NAME.test(attribute)) continue;
        const allowedAttribute = attributes.includes(attribute) || DATA_OR_ARIA.test(attribute);
        if (!allowedAttribute || !keepsValue(name, attribute, value)) removed.push({ attribute, value });
      }
    },
    onCloseTag() {
      if (discarding > 0) discarding -= 1;
    },
  });
  return { html: output, removed: removed.length, removals: classifyRemovals(removed, allowed) };
}
