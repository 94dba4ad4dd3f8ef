// Loaded on first use of `sanitizeHtml`, with DOMPurify: pages whose widgets never show CMS
// HTML download neither.
import createPurifier, { type DOMPurify } from 'dompurify';
import { SANITIZE_ALLOWLISTS, type SanitizeProfile } from './sanitize-allowlists.js';
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

// A tag of the markup, and a style or event-handler attribute in one. No allowlist keeps them.
const TAG = /<[a-z][^>]*>/gi;
const INLINE_ATTRIBUTE = /\s(?:style|on[a-z]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?(?=[\s/>]|$)/gi;

/**
 * `html` without style and event-handler attributes, and how many there were. Chrome checks a
 * page's Content-Security-Policy even on markup that is only parsed, as DOMPurify parses it,
 * and reports every such attribute as a violation; taken out of the string first, they never
 * reach the parser. DOMPurify still removes whatever this misses.
 */
function withoutInlineAttributes(html: string): { html: string; removed: number } {
  let removed = 0;
  const stripped = html.replace(TAG, (tag) =>
    tag.replace(INLINE_ATTRIBUTE, () => {
      removed += 1;
      return '';
    }),
  );
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
