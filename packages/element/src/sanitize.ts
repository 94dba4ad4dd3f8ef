import type { Config, DOMPurify } from 'dompurify';
import { serverRenderContext, type ServerSanitizedHtml } from './server-context.js';

/**
 * What HTML from a CMS may keep. `article`: the body of a news article (text structure,
 * links, images, tables, quotes). `banner`: a custom-HTML banner (a link, an image, a few
 * words). Scripts, styles, event handlers, forms, frames and `javascript:` URLs never pass.
 */
export type SanitizeProfile = 'article' | 'banner';

const TEXT_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sub', 'sup', 'span', 'mark', 'abbr'];

const PROFILES: Record<SanitizeProfile, Config> = {
  article: {
    ALLOWED_TAGS: [
      ...TEXT_TAGS,
      'a',
      'img',
      'figure',
      'figcaption',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'ul',
      'ol',
      'li',
      'blockquote',
      'q',
      'cite',
      'hr',
      'code',
      'pre',
      'table',
      'caption',
      'thead',
      'tbody',
      'tfoot',
      'tr',
      'th',
      'td',
      'time',
    ],
    ALLOWED_ATTR: [
      'href',
      'title',
      'target',
      'rel',
      'src',
      'srcset',
      'sizes',
      'alt',
      'width',
      'height',
      'colspan',
      'rowspan',
      'scope',
      'datetime',
      'lang',
      'dir',
    ],
  },
  banner: {
    ALLOWED_TAGS: [...TEXT_TAGS, 'a', 'img'],
    ALLOWED_ATTR: ['href', 'title', 'target', 'rel', 'src', 'srcset', 'sizes', 'alt', 'width', 'height', 'lang', 'dir'],
  },
};

/** The elements and attributes a profile keeps, for a sanitizer other than DOMPurify (on the server). */
export interface SanitizeAllowlist {
  tags: readonly string[];
  attributes: readonly string[];
}

export interface SanitizedHtml {
  /** The content to render: a fragment, so no HTML string ever reaches an `innerHTML` sink. */
  fragment: DocumentFragment;
  /** How many elements or attributes the sanitizer removed (0 for clean input). */
  removed: number;
}

let purifier: Promise<DOMPurify> | undefined;

/**
 * Loads the sanitizer (DOMPurify) once, on first use: pages whose widgets never show CMS
 * HTML never download it. Our own instance, so our hooks never touch a host page's DOMPurify.
 */
function loadPurifier(): Promise<DOMPurify> {
  purifier ??= import('dompurify').then(({ default: createPurifier }) => {
    const instance = createPurifier(window);
    instance.addHook('afterSanitizeAttributes', (node) => {
      if (node instanceof HTMLAnchorElement && node.target === '_blank') node.rel = 'noopener noreferrer';
      if (node instanceof HTMLImageElement) {
        node.loading = 'lazy';
        node.decoding = 'async';
      }
    });
    return instance;
  });
  return purifier;
}

/**
 * Sanitizes CMS HTML for `profile`. Never throws for any string; a non-string gives an empty
 * fragment. Browser only: on the server, see `sanitizeHtmlOnServer`.
 */
export async function sanitizeHtml(html: unknown, profile: SanitizeProfile): Promise<SanitizedHtml> {
  if (typeof document === 'undefined') {
    throw new Error('sanitizeHtml needs a DOM; on the server, use sanitizeHtmlOnServer.');
  }
  const instance = await loadPurifier();
  if (typeof html !== 'string') return { fragment: document.createDocumentFragment(), removed: 0 };
  const fragment = instance.sanitize(html, { ...PROFILES[profile], RETURN_DOM_FRAGMENT: true });
  // DOMPurify lists the <body> it parsed into as removed when body is not an allowed tag.
  const removed = instance.removed.filter((entry) => !('element' in entry && entry.element.nodeName === 'BODY'));
  return { fragment, removed: removed.length };
}

/**
 * Sanitizes CMS HTML for `profile` on the server, with the same allowlist as `sanitizeHtml`, through
 * the sanitizer the server renderer provides (`@portico/ssr` has one): the HTML to render, or
 * `undefined` when there is no sanitizer (then no CMS HTML renders on the server) or `html` is not a
 * string.
 */
export function sanitizeHtmlOnServer(html: unknown, profile: SanitizeProfile): ServerSanitizedHtml | undefined {
  const { sanitize } = serverRenderContext();
  if (!sanitize || typeof html !== 'string') return undefined;
  const { ALLOWED_TAGS = [], ALLOWED_ATTR = [] } = PROFILES[profile];
  return sanitize(html, { tags: ALLOWED_TAGS, attributes: ALLOWED_ATTR });
}
