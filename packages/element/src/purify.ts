// Loaded on first use of `sanitizeHtml`, with DOMPurify: pages whose widgets never show CMS
// HTML download neither.
import createPurifier, { type DOMPurify } from 'dompurify';
import { SANITIZE_ALLOWLISTS, textAlignOf, type SanitizeProfile } from './sanitize-allowlists.js';
import type { SanitizedHtml } from './sanitize.js';

let purifier: DOMPurify | undefined;

/** Our own DOMPurify instance, so our hooks never touch a host page's DOMPurify. */
function ownPurifier(): DOMPurify {
  if (purifier) return purifier;
  purifier = createPurifier(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof HTMLAnchorElement && node.target === '_blank') node.rel = 'noopener noreferrer';
    if (node instanceof HTMLImageElement) {
      node.loading = 'lazy';
      node.decoding = 'async';
    }
  });
  return purifier;
}

// A start tag (quoted values may hold `>`), and one attribute in it as the HTML parser reads
// attributes: a name, then `=` and a value, separated by ASCII white space only.
const START_TAG = /<([a-z][^\t\n\f\r />]*)((?:"[^"]*"|'[^']*'|[^"'>])*)>/gi;
const ATTRIBUTE =
  /[\t\n\f\r /]*([^\t\n\f\r />"'=][^\t\n\f\r />"'=]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*("[^"]*"|'[^']*'|[^\t\n\f\r >]*))?/y;
// No allowlist keeps these.
const INLINE_NAME = /^(?:style|on[a-z]+)$/i;

/**
 * `html` without style and event-handler attributes, and how many there were. Chrome checks a
 * page's Content-Security-Policy even on markup that is only parsed, as DOMPurify parses it,
 * and reports every such attribute as a violation; taken out of the string first, they never
 * reach the parser. Each tag's attributes are read one by one, so a value that merely
 * contains `onload` or `style` stays as it is; a style's text alignment stays as `data-align`.
 * DOMPurify still removes whatever this misses.
 */
export function withoutInlineAttributes(html: string): { html: string; removed: number } {
  let removed = 0;
  const stripped = html.replace(START_TAG, (tag, name: string, attributes: string) => {
    let kept = '';
    let read = 0;
    let dropped = 0;
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      read = ATTRIBUTE.lastIndex;
      const [written, name = '', value = ''] = match;
      if (!INLINE_NAME.test(name)) {
        kept += written;
        continue;
      }
      dropped += 1;
      // A style's text alignment stays, as data-align (the server's sanitizer does the same).
      const align =
        name.toLowerCase() === 'style' ? textAlignOf(value.replace(/^(["'])([\s\S]*)\1$/, '$2')) : undefined;
      if (align) kept += ` data-align="${align}"`;
    }
    removed += dropped;
    // What could not be read as attributes (a closing `/`) stays, for DOMPurify.
    return dropped === 0 ? tag : `<${name}${kept}${attributes.slice(read)}>`;
  });
  return { html: stripped, removed };
}

/** Sanitizes `html` into a fragment with the profile's allowlist. */
export function purify(html: string, profile: SanitizeProfile): SanitizedHtml {
  const instance = ownPurifier();
  const { tags, attributes } = SANITIZE_ALLOWLISTS[profile];
  const inline = withoutInlineAttributes(html);
  const fragment = instance.sanitize(inline.html, {
    ALLOWED_TAGS: [...tags],
    ALLOWED_ATTR: [...attributes],
    RETURN_DOM_FRAGMENT: true,
  });
  // DOMPurify lists the <body> it parsed into as removed when body is not an allowed tag.
  const removed = instance.removed.filter((entry) => !('element' in entry && entry.element.nodeName === 'BODY'));
  return { fragment, removed: removed.length + inline.removed };
}
