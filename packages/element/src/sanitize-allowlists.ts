import { addressScheme, compact, IMAGE_SCHEMES } from './address-policy.js';

// The server's sanitizer reads these with the allowlists.
export { addressScheme, IMAGE_SCHEMES };
/**
 * What HTML from a CMS may keep. `article`: the body of a news article (text structure,
 * links, images, tables, quotes). `banner`: a custom-HTML banner (a link, an image, a few
 * words). Scripts, styles, event handlers, forms, frames and `javascript:` URLs never pass.
 */
export type SanitizeProfile = 'article' | 'banner';

/** The elements and attributes a profile keeps. */
export interface SanitizeAllowlist {
  tags: readonly string[];
  attributes: readonly string[];
}

const TEXT_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'span', 'mark', 'abbr'];
const MEDIA_ATTRIBUTES = ['href', 'title', 'target', 'rel', 'src', 'srcset', 'sizes', 'alt', 'width', 'height'];

/** The text alignments an editor's `style` may give a block, kept as its `data-align`. */
export type TextAlign = 'left' | 'right' | 'center' | 'justify' | 'start' | 'end';

/**
 * The text alignment in a `style` attribute's value (`text-align: center;`, as TinyMCE and
 * WordPress's classic editor write it), or `undefined`. Styles never pass a sanitizer; this one
 * property is kept, as `data-align`, which the widgets style themselves.
 */
export function textAlignOf(style: string): TextAlign | undefined {
  const align = /(?:^|;)\s*text-align\s*:\s*(left|right|center|justify|start|end)\s*(?:!important\s*)?(?:;|$)/i.exec(
    style,
  )?.[1];
  return align?.toLowerCase() as TextAlign | undefined;
}

/**
 * Each profile's allowlist: what DOMPurify keeps in the browser and the server renderer's
 * sanitizer keeps on the server, so both give the same HTML.
 */
export const SANITIZE_ALLOWLISTS: Readonly<Record<SanitizeProfile, SanitizeAllowlist>> = {
  article: {
    tags: [
      ...TEXT_TAGS,
      ...['a', 'img', 'figure', 'figcaption', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'q'],
      ...['cite', 'hr', 'code', 'pre', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'time'],
    ],
    attributes: [...MEDIA_ATTRIBUTES, 'colspan', 'rowspan', 'scope', 'datetime', 'lang', 'dir'],
  },
  banner: {
    tags: [...TEXT_TAGS, 'a', 'img'],
    attributes: [...MEDIA_ATTRIBUTES, 'lang', 'dir'],
  },
};

/**
 * The `rel` both sanitizers give a link they keep. One with a `target` (any: `_blank`, `_BLANK`,
 * a named window) may open a new window, so it gets `noopener noreferrer`: the page it opens
 * cannot navigate this one through `window.opener`. `opener`, which would give that back, never
 * stays; other words (`nofollow`, `sponsored`) do. `undefined` for no `rel` at all.
 */
export function linkRel(target: string | null | undefined, rel: string | null | undefined): string | undefined {
  const words = new Set((rel ?? '').split(/\s+/).filter((word) => word !== '' && word.toLowerCase() !== 'opener'));
  if (target !== null && target !== undefined) {
    words.add('noopener');
    words.add('noreferrer');
  }
  return words.size > 0 ? [...words].join(' ') : undefined;
}

/** Attributes DOMPurify keeps on any element, besides an allowlist's (its `DATA_ATTR` and `ARIA_ATTR`). */
export const DATA_OR_ARIA = /^(?:data-[-\w.\u00B7-\uFFFF]+|aria-[-\w]+)$/;

/**
 * The schemes a link (`href`) in CMS HTML may have: web, mail and phone, as a banner's link.
 * An address without a scheme (`/van-ban`, `#muc-2`, `//cdn.example/x`) stays; any other scheme
 * goes (`javascript:`, `data:`, and also `sms:`, `callto:`, `xmpp:`, `cid:`, `ftp:`, which
 * DOMPurify keeps by default).
 */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/**
 * An inline image an `<img>` may have (`data:image/png;base64,…`): PNG, GIF, JPEG or WebP, never
 * `data:image/svg+xml` (a document of its own) nor any other `data:`.
 */
export const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp)(?:[;,]|$)/i;

/**
 * DOMPurify's `ALLOWED_URI_REGEXP` for `LINK_SCHEMES`: a value that starts with one of them, or
 * that has no scheme. DOMPurify tests the value of every attribute but text (`alt`, `title`)
 * with it, less `ADDRESS_IGNORED`.
 */
export const ALLOWED_URI_REGEXP = new RegExp(
  `^(?:(?:${LINK_SCHEMES.join('|')}):|[^a-z]|[a-z+.\\-]+(?:[^a-z+.\\-:]|$))`,
  'i',
);

/** Whether an image may have this address: `IMAGE_SCHEMES`, none, or on an `<img>`, `DATA_IMAGE`. */
function keepsImageAddress(tag: string, address: string): boolean {
  const scheme = addressScheme(address);
  return !scheme || IMAGE_SCHEMES.includes(scheme) || (tag === 'img' && DATA_IMAGE.test(compact(address)));
}

/** The pieces of a `srcset` between white space and commas: every address (or a `data:` one's start), and descriptors. */
const srcsetPieces = (srcset: string): string[] => srcset.split(/[\s,]+/);

/**
 * The address policy both sanitizers enforce: whether `value` may stay in attribute `attribute`
 * (lower case) of element `tag`. An `href` has a scheme in `LINK_SCHEMES` or none; a `src`, and
 * every address of a `srcset`, one in `IMAGE_SCHEMES` or none, or on an `<img>`, is `DATA_IMAGE`.
 * Other attributes are not addresses: `true`.
 */
export function keepsAddress(tag: string, attribute: string, value: string): boolean {
  if (attribute === 'href') {
    const scheme = addressScheme(value);
    return !scheme || LINK_SCHEMES.includes(scheme);
  }
  if (attribute === 'src') return keepsImageAddress(tag, value);
  return attribute !== 'srcset' || srcsetPieces(value).every((piece) => keepsImageAddress(tag, piece));
}

/** A value DOMPurify refuses in any attribute (its `ATTR_VALUE_BREAKOUT`): what could end a comment or raw text. */
const BREAKOUT = /(?:--!?|])>|<\/(?:style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;

/**
 * Whether a sanitizer without DOMPurify (the server's) keeps `value` in attribute `attribute`
 * (lower case) of element `tag`, as DOMPurify with `keepsAddress` keeps it: the address policy,
 * and what DOMPurify checks in every value (no `-->` or `</script`; outside addresses, text,
 * `data-*` and `aria-*`, no scheme but `LINK_SCHEMES`). Whether the attribute itself is allowed
 * is the allowlist's business, not this.
 */
export function keepsValue(tag: string, attribute: string, value: string): boolean {
  if (BREAKOUT.test(value) || !keepsAddress(tag, attribute, value)) return false;
  if (['href', 'src', 'srcset', 'alt', 'title'].includes(attribute) || DATA_OR_ARIA.test(attribute)) return true;
  return value.trim() === '' || ALLOWED_URI_REGEXP.test(compact(value));
}

/**
 * Style and event-handler attributes: no allowlist keeps them, and the browser takes them out of
 * the markup before DOMPurify parses it (see `withoutInlineAttributes`).
 */
export const INLINE_NAME = /^(?:style|on[a-z]+)$/i;

/**
 * Elements no profile keeps, whatever an allowlist asks, because they run code, load another
 * document or take input. A warning calls their removal unsafe.
 */
export const UNSAFE_TAGS: readonly string[] = [
  ...['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button'],
  ...['textarea', 'select', 'svg', 'math', 'template', 'base', 'link', 'meta'],
];

/** Attributes that run code or send a form: event handlers, `srcdoc`, `formaction`, `action`, `xlink:href`. */
const UNSAFE_ATTRIBUTE = /^(?:on.+|srcdoc|formaction|action|xlink:href)$/;

/** Attributes whose removal is not worth a word (see `SanitizeRemovals.presentation`); `style` when aligned. */
const PRESENTATION = ['class', 'id', 'loading', 'decoding', 'fetchpriority'];

/** One element or attribute a sanitizer removed from CMS HTML. */
export type SanitizeRemoved = { element: string } | { attribute: string; value?: string | null | undefined };

/**
 * What a sanitizer removed, by name (`<iframe>`, `onclick`, `href="javascript:…"`), each name
 * once and sorted, by kind.
 */
export interface SanitizeRemovals {
  /**
   * What runs code, loads another document or takes input (`<script>`, `<iframe>`,
   * `<form>`, `onclick`), and addresses the profile refuses (`href="javascript:…"`).
   */
  unsafe: string[];
  /** What is harmless but not kept (`<div>`, `<video>`, `<font>`, `align`, a `style` without a text alignment); text inside stays. */
  notKept: string[];
  /**
   * Presentation the widget decides itself: `class`, `id`, a `style` whose text alignment is
   * kept as `data-align`, and an image's loading hints (`loading`, `decoding`, `fetchpriority`,
   * which WordPress writes on every image; the widget loads images lazily itself).
   */
  presentation: string[];
}

/**
 * Sorts what a sanitizer removed by kind, the same in the browser and on the server, so a
 * widget's warning names the same things (and leaves presentation out) wherever it renders.
 * Nodes that are not elements (`#comment`) are left out.
 */
export function classifyRemovals(removed: Iterable<SanitizeRemoved>, allowlist: SanitizeAllowlist): SanitizeRemovals {
  const kinds = { unsafe: new Set<string>(), notKept: new Set<string>(), presentation: new Set<string>() };
  for (const part of removed) {
    if ('element' in part) {
      const tag = part.element.toLowerCase();
      if (tag.startsWith('#')) continue;
      // An allowed element removed all the same was removed for safety (markup that mutates when parsed).
      const unsafe = UNSAFE_TAGS.includes(tag) || allowlist.tags.includes(tag);
      (unsafe ? kinds.unsafe : kinds.notKept).add(`<${tag}>`);
      continue;
    }
    const name = part.attribute.toLowerCase();
    const value = part.value ?? '';
    if (UNSAFE_ATTRIBUTE.test(name)) kinds.unsafe.add(name);
    else if (allowlist.attributes.includes(name) || DATA_OR_ARIA.test(name)) {
      // An allowed attribute removed all the same: its value was refused (a `javascript:` address).
      // The scheme named is the first refused image address's in a srcset.
      const pieces = name === 'srcset' ? srcsetPieces(value) : [];
      const scheme = addressScheme(pieces.find((piece) => !keepsImageAddress('img', piece)) ?? value);
      kinds.unsafe.add(scheme ? `${name}="${scheme}:…"` : name);
    } else if (PRESENTATION.includes(name) || (name === 'style' && textAlignOf(value) !== undefined)) {
      kinds.presentation.add(name);
    } else kinds.notKept.add(name);
  }
  return {
    unsafe: [...kinds.unsafe].sort(),
    notKept: [...kinds.notKept].sort(),
    presentation: [...kinds.presentation].sort(),
  };
}
