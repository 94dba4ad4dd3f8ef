import type { SanitizeProfile, SanitizeRemovals } from './sanitize-allowlists.js';
import { serverRenderContext, type ServerSanitizeFinish, type ServerSanitizedHtml } from './server-context.js';

export interface SanitizedHtml {
  /** The content to render: a fragment, so no HTML string ever reaches an `innerHTML` sink. */
  fragment: DocumentFragment;
  /** How many elements or attributes the sanitizer removed (0 for clean input). */
  removed: number;
  /** What it removed, by name and kind: unsafe, not kept, or mere presentation. */
  removals: SanitizeRemovals;
  /**
   * What a widget tells the page's author, naming what went (`had unsafe HTML, removed
   * <iframe>, <script>, onclick`); `undefined` when nothing went but presentation the widget
   * styles itself (`class`, `id`, a `style` whose text alignment is kept).
   */
  warning: string | undefined;
}

const PLACES: Readonly<Record<SanitizeProfile, string>> = { article: 'an article body', banner: 'a banner' };

/** Names beyond these are counted, not listed. */
const LISTED_NAMES = 8;

function listNames(names: readonly string[]): string {
  if (names.length <= LISTED_NAMES) return names.join(', ');
  return `${names.slice(0, LISTED_NAMES).join(', ')} and ${String(names.length - LISTED_NAMES)} more`;
}

/**
 * The warning for what a sanitizer removed (see `SanitizedHtml.warning`): "unsafe" only for
 * what runs code, loads a document or takes input; "does not keep" for the rest.
 */
export function removalWarning(removals: SanitizeRemovals, profile: SanitizeProfile): string | undefined {
  const { unsafe, notKept } = removals;
  const notKeptText = `HTML ${PLACES[profile]} does not keep, removed ${listNames(notKept)}`;
  if (unsafe.length > 0) {
    return `had unsafe HTML, removed ${listNames(unsafe)}${notKept.length > 0 ? `, and ${notKeptText}` : ''}`;
  }
  return notKept.length > 0 ? `had ${notKeptText}` : undefined;
}

const NOTHING_REMOVED: SanitizeRemovals = { unsafe: [], notKept: [], presentation: [] };

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
  if (typeof html !== 'string') {
    return { fragment: document.createDocumentFragment(), removed: 0, removals: NOTHING_REMOVED, warning: undefined };
  }
  const sanitized = purify(html, profile);
  return { ...sanitized, warning: removalWarning(sanitized.removals, profile) };
}

/**
 * Sanitizes CMS HTML for `profile` on the server, through the sanitizer the server renderer
 * provides (`@portico/ssr` has one, with the same allowlists as `sanitizeHtml`): the HTML to
 * render, with what `finish` adds, or `undefined` when there is no sanitizer (then no CMS HTML renders on the server) or
 * `html` is not a string. Its `warning` is worded as `sanitizeHtml`'s, from what the
 * renderer's sanitizer says it removed.
 */
export function sanitizeHtmlOnServer(
  html: unknown,
  profile: SanitizeProfile,
  finish?: ServerSanitizeFinish,
): ServerSanitizedHtml | undefined {
  const { sanitize } = serverRenderContext();
  if (!sanitize || typeof html !== 'string') return undefined;
  const sanitized = sanitize(html, profile, finish);
  // A renderer that only counts what it removed (an older @portico/ssr) gets a plainer warning.
  const warning = sanitized.removals
    ? removalWarning(sanitized.removals, profile)
    : sanitized.removed > 0
      ? 'had HTML the sanitizer removed'
      : undefined;
  return { ...sanitized, warning };
}
