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

/** Sanitizes `html` into a fragment with the profile's allowlist. */
export function purify(html: string, profile: SanitizeProfile): SanitizedHtml {
  const instance = ownPurifier();
  const { tags, attributes } = SANITIZE_ALLOWLISTS[profile];
  const fragment = instance.sanitize(html, {
    ALLOWED_TAGS: [...tags],
    ALLOWED_ATTR: [...attributes],
    RETURN_DOM_FRAGMENT: true,
  });
  // DOMPurify lists the <body> it parsed into as removed when body is not an allowed tag.
  const removed = instance.removed.filter((entry) => !('element' in entry && entry.element.nodeName === 'BODY'));
  return { fragment, removed: removed.length };
}
