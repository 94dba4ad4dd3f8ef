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

/** Attributes DOMPurify keeps on any element, besides an allowlist's. */
const DATA_OR_ARIA = /^(?:data|aria)-/;

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
      // eslint-disable-next-line no-control-regex -- as browsers do, control characters and spaces do not count
      const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value.replace(/[\u0000-\u0020]+/g, ''))?.[1];
      kinds.unsafe.add(scheme ? `${name}="${scheme.toLowerCase()}:…"` : name);
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
