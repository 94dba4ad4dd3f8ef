// Loaded on first use of `sanitizeHtml`, with DOMPurify: pages whose widgets never show CMS
// HTML download neither.
import createPurifier, { type DOMPurify } from 'dompurify';
import {
  ALLOWED_URI_REGEXP,
  classifyRemovals,
  INLINE_NAME,
  keepsAddress,
  linkRel,
  SANITIZE_ALLOWLISTS,
  textAlignOf,
  type SanitizeProfile,
  type SanitizeRemoved,
} from './sanitize-allowlists.js';
import type { SanitizedHtml } from './sanitize.js';

let purifier: DOMPurify | undefined;

/** Our own DOMPurify instance, so our hooks never touch a host page's DOMPurify. */
function ownPurifier(): DOMPurify {
  if (purifier) return purifier;
  purifier = createPurifier(window);
  // The address policy (`keepsAddress`), the server's too. DOMPurify alone would keep any `data:`
  // in an image's `src` (`data:image/svg+xml`, `data:text/html`) and refuse `data:image/png` in a
  // `srcset`: an allowed image address the policy keeps is kept as it is.
  purifier.addHook('uponSanitizeAttribute', (node, event) => {
    const name = event.attrName;
    if (!keepsAddress(node.nodeName.toLowerCase(), name, event.attrValue)) event.keepAttr = false;
    else if ((name === 'src' || name === 'srcset') && event.allowedAttributes[name]) event.forceKeepAttr = true;
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof HTMLAnchorElement) {
      const rel = linkRel(node.getAttribute('target'), node.getAttribute('rel'));
      if (rel === undefined) node.removeAttribute('rel');
      else node.setAttribute('rel', rel);
    }
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

/**
 * `html` without style and event-handler attributes, and which they were. Chrome checks a
 * page's Content-Security-Policy even on markup that is only parsed, as DOMPurify parses it,
 * and reports every such attribute as a violation; taken out of the string first, they never
 * reach the parser. Each tag's attributes are read one by one, so a value that merely
 * contains `onload` or `style` stays as it is; a style's text alignment stays as `data-align`.
 * DOMPurify still removes whatever this misses.
 */
export function withoutInlineAttributes(html: string): { html: string; removed: SanitizeRemoved[] } {
  const removed: SanitizeRemoved[] = [];
  const stripped = html.replace(START_TAG, (tag, name: string, attributes: string) => {
    let kept = '';
    let read = 0;
    let dropped = 0;
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      read = ATTRIBUTE.lastIndex;
      const [written, name = '', quoted = ''] = match;
      if (!INLINE_NAME.test(name)) {
        kept += written;
        continue;
      }
      dropped += 1;
      const value = quoted.replace(/^(["'])([\s\S]*)\1$/, '$2');
      removed.push({ attribute: name, value });
      // A style's text alignment stays, as data-align (the server's sanitizer does the same).
      const align = name.toLowerCase() === 'style' ? textAlignOf(value) : undefined;
      if (align) kept += ` data-align="${align}"`;
    }
    // What could not be read as attributes (a closing `/`) stays, for DOMPurify.
    return dropped === 0 ? tag : `<${name}${kept}${attributes.slice(read)}>`;
  });
  return { html: stripped, removed };
}

/**
 * Sanitizes `html` into a fragment with the profile's allowlist, with what was removed: the
 * style and event-handler attributes taken out first, then what DOMPurify removed
 * (`DOMPurify.removed`: elements, and attributes of the elements it kept).
 */
export function purify(html: string, profile: SanitizeProfile): Omit<SanitizedHtml, 'warning'> {
  const instance = ownPurifier();
  const allowlist = SANITIZE_ALLOWLISTS[profile];
  const inline = withoutInlineAttributes(html);
  const fragment = instance.sanitize(inline.html, {
    ALLOWED_TAGS: [...allowlist.tags],
    ALLOWED_ATTR: [...allowlist.attributes],
    // The same link schemes for every other attribute's value.
    ALLOWED_URI_REGEXP,
    RETURN_DOM_FRAGMENT: true,
  });
  const removed = [...inline.removed];
  for (const entry of instance.removed) {
    if ('element' in entry) {
      // Not the <body> DOMPurify parsed into (it is not an allowed tag), nor comments: only elements.
      if (entry.element.nodeType === Node.ELEMENT_NODE && entry.element.nodeName !== 'BODY') {
        removed.push({ element: entry.element.nodeName });
      }
    } else if (entry.attribute) {
      removed.push({ attribute: entry.attribute.name, value: entry.attribute.value });
    }
  }
  return { fragment, removed: removed.length, removals: classifyRemovals(removed, allowlist) };
}
