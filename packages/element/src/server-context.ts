import type { SanitizeProfile, SanitizeRemovals } from './sanitize-allowlists.js';

/**
 * What a server renderer (`@portico/ssr`) tells the element it is rendering. A server has no
 * DOM: no ancestors to take `lang` from, no `location`, no light-DOM children to read and
 * nothing for DOMPurify to parse into. The renderer puts this object on a global symbol around
 * each element's server lifecycle (`willUpdate`, `render`), so any copy of this package reads it.
 */
export interface ServerRenderContext {
  /** The page's language: what the closest ancestor's `lang` or `<html lang>` gives in the browser. */
  lang?: string | undefined;
  /** The page's address: what `location` and `document.baseURI` give in the browser. */
  url?: string | undefined;
  /**
   * The element's light-DOM children as the browser will see them: the slots its child elements
   * name, whether anything else shows something (text, an image with a source), and whether it
   * holds links with an address (which the menu and the banners read). Unknown children count
   * as none.
   */
  children?: ServerChildren | undefined;
  /**
   * Sanitizes HTML from a CMS with a profile's allowlist (`SANITIZE_ALLOWLISTS`), synchronously:
   * the HTML, how many elements and attributes were removed and which (`classifyRemovals`), and
   * the HTML as content a template renders. Without it no CMS HTML renders on the server.
   */
  sanitize?:
    ((html: string, profile: SanitizeProfile, finish?: ServerSanitizeFinish) => ServerSanitizedHtml) | undefined;
  /** Leaves the element to the browser (no declarative shadow root), saying why. */
  renderInBrowser?: ((reason: string) => void) | undefined;
}

/** What a widget adds to the sanitized HTML, as it does in the browser after DOMPurify. */
export interface ServerSanitizeFinish {
  /** Tokens to add to a link's `rel`, by its `href` (`sponsored noopener` for one that leaves the site). */
  linkRel?: ((href: string) => string | undefined) | undefined;
  /** The alt text of an image that has none. */
  imageAlt?: string | undefined;
}

/** CMS HTML sanitized on the server. */
export interface ServerSanitizedHtml {
  html: string;
  removed: number;
  /** What was removed, by name and kind, as the browser's `sanitizeHtml` gives it. */
  removals?: SanitizeRemovals | undefined;
  /** What a widget tells the page's author (see `SanitizedHtml.warning`); set by `sanitizeHtmlOnServer`. */
  warning?: string | undefined;
  /** The HTML as a value a Lit template renders as HTML (the renderer's `unsafeHTML`). */
  content: unknown;
}

const CONTEXT = Symbol.for('portico.server-render-context');

/**
 * The context of the element being server-rendered; empty outside a server renderer (and so in
 * the browser, where nothing sets it).
 */
export function serverRenderContext(): ServerRenderContext {
  return ((globalThis as Record<symbol, unknown>)[CONTEXT] as ServerRenderContext | undefined) ?? {};
}

/**
 * The host attribute a server renderer writes with the language it rendered a widget in: the
 * browser, finding the page in another, renders the widget anew rather than keep the server's
 * words (hydration takes text over as it is).
 */
export const RENDERED_LANG_ATTRIBUTE = 'data-portico-rendered-lang';

/** What a server renderer tells a widget of its light-DOM children (see `ServerRenderContext`). */
export interface ServerChildren {
  slots: readonly string[];
  content: boolean;
  links?: boolean | undefined;
}
