import type { SanitizeAllowlist, ServerSanitizeFinish } from '@portico/element';
import { textAlignOf } from '@portico/element/sanitize-allowlists';
import sanitize from 'sanitize-html';

export interface SanitizedHtmlString {
  /** The HTML to render. */
  html: string;
  /** How many elements and attributes the input had that the allowlist does not keep (0 for clean input). */
  removed: number;
}

/** Never kept, whatever an allowlist says: elements that run code, load documents or take input. */
const NEVER_ALLOWED = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'svg',
  'math',
  'template',
  'base',
  'link',
  'meta',
]);

/**
 * Elements that go with their content when not allowed: DOMPurify's list (`FORBID_CONTENTS`),
 * so the server drops the same text the browser does (an SVG's `<text>`, a video's fallback),
 * and keeps what it keeps (a `<textarea>`'s text). All but `noscript`, whose words the
 * browser's DOMPurify keeps (the sanitize tests compare both in Chromium).
 */
const GONE_WITH_CONTENT = [
  ...['annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math', 'mi', 'mn', 'mo'],
  ...['ms', 'mtext', 'noembed', 'noframes', 'plaintext', 'script', 'selectedcontent', 'style', 'svg'],
  ...['template', 'thead', 'title', 'video', 'xmp'],
];

/** Kept everywhere the browser's DOMPurify keeps them. */
const DATA_OR_ARIA = /^(?:data-[-\w.]+|aria-[-\w]+)$/;

/** A style's text alignment kept as `data-align`, as the browser's sanitizer keeps it (the style itself goes). */
function withAlignment(attribs: Record<string, string>): Record<string, string> {
  const align = attribs.style === undefined ? undefined : textAlignOf(attribs.style);
  return align ? { ...attribs, 'data-align': align } : attribs;
}

/**
 * Sanitizes HTML from a CMS without a DOM (on the server) with `sanitize-html`, keeping the
 * same allowlist the browser's DOMPurify profile keeps: scripts, styles and the like go with
 * their content, other elements that are not allowed go but leave their content, comments go,
 * links may only go to web, mail or phone addresses (images also `data:`), event handlers
 * and `style` never stay. As the browser's hook does, a `target="_blank"` link gets
 * `rel="noopener noreferrer"` and images load lazily.
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
  let removed = 0;
  const output = sanitize(html, {
    allowedTags: tags,
    allowedAttributes: { '*': [...attributes, 'data-*', 'aria-*'], img: ['loading', 'decoding'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: true,
    disallowedTagsMode: 'discard',
    nonTextTags: GONE_WITH_CONTENT,
    transformTags: {
      '*': (tagName, attribs) => ({ tagName, attribs: withAlignment(attribs) }),
      a: (tagName, given) => {
        const attribs = withAlignment(given);
        // As the browser's hook does: a new-tab link's rel is replaced; then the widget's tokens.
        const rel = new Set(
          (attribs.target === '_blank' ? 'noopener noreferrer' : (attribs.rel ?? '')).split(/\s+/).filter(Boolean),
        );
        const added = attribs.href === undefined ? undefined : finish.linkRel?.(attribs.href);
        for (const token of added?.split(/\s+/).filter(Boolean) ?? []) rel.add(token);
        return { tagName, attribs: rel.size ? { ...attribs, rel: [...rel].join(' ') } : attribs };
      },
      img: (tagName, attribs) => {
        const kept: Record<string, string> = { ...withAlignment(attribs), loading: 'lazy', decoding: 'async' };
        if (finish.imageAlt && !kept.alt?.trim()) kept.alt = finish.imageAlt;
        // Images may be inline data, but only image data: never `data:text/html`.
        if (/^\s*data:/i.test(kept.src ?? '') && !/^\s*data:image\//i.test(kept.src ?? '')) delete kept.src;
        return { tagName, attribs: kept };
      },
    },
    onOpenTag(name, attribs) {
      if (!tags.includes(name)) removed += 1;
      for (const attribute of Object.keys(attribs)) {
        if (!attributes.includes(attribute) && !DATA_OR_ARIA.test(attribute)) removed += 1;
      }
    },
  });
  return { html: output, removed };
}
