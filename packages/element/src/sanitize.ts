import type { SanitizeProfile } from './sanitize-allowlists.js';
import { serverRenderContext, type ServerSanitizeFinish, type ServerSanitizedHtml } from './server-context.js';

export interface SanitizedHtml {
  /** The content to render: a fragment, so no HTML string ever reaches an `innerHTML` sink. */
  fragment: DocumentFragment;
  /** How many elements or attributes the sanitizer removed (0 for clean input). */
  removed: number;
}

/**
 * Sanitizes CMS HTML for `profile`. Never throws for any string; a non-string gives an empty
 * fragment. The sanitizer (DOMPurify) and the allowlists load on first use. Browser only: on
 * the server, see `sanitizeHtmlOnServer`.
 */
export async function sanitizeHtml(html: unknown, profile: SanitizeProfile): Promise<SanitizedHtml> {
  if (typeof document === 'undefined') {
    throw new Error('sanitizeHtml needs a DOM; on the server, use sanitizeHtmlOnServer.');
  }
  const { purify } = await import('./purify.js');
  if (typeof html !== 'string') return { fragment: document.createDocumentFragment(), removed: 0 };
  return purify(html, profile);
}

/**
 * Sanitizes CMS HTML for `profile` on the server, through the sanitizer the server renderer
 * provides (`@portico/ssr` has one, with the same allowlists as `sanitizeHtml`): the HTML to
 * render, with what `finish` adds, or `undefined` when there is no sanitizer (then no CMS HTML renders on the server) or
 * `html` is not a string.
 */
export function sanitizeHtmlOnServer(
  html: unknown,
  profile: SanitizeProfile,
  finish?: ServerSanitizeFinish,
): ServerSanitizedHtml | undefined {
  const { sanitize } = serverRenderContext();
  if (!sanitize || typeof html !== 'string') return undefined;
  return sanitize(html, profile, finish);
}
