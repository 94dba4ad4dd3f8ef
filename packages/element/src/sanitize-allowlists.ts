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
