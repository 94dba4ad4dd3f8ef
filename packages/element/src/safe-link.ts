import { onServer, pageAddress } from './server.js';

/** Schemes a link from a CMS may use to go somewhere: never `javascript:`, `data:` or `vbscript:`. */
export type LinkScheme = 'http:' | 'https:' | 'mailto:' | 'tel:';

const WEB: readonly LinkScheme[] = ['http:', 'https:'];

/**
 * A CMS link as a URL (resolved against the page) when it is a non-empty string with one of
 * `schemes` (web addresses by default), else `undefined`: what a widget may put in `href`.
 */
export function safeLink(value: unknown, schemes: readonly LinkScheme[] = WEB): URL | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim(), baseAddress());
    return (schemes as readonly string[]).includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a link leaves the site: another origin, so `rel="noopener"` (and, for ads, `sponsored`). */
export function isExternalLink(url: URL): boolean {
  const origin = onServer ? new URL(baseAddress()).origin : location.origin;
  return url.origin !== origin && url.protocol.startsWith('http');
}

/**
 * What links resolve against: the document's base in the browser; on the server, the page's
 * address, or a placeholder when the renderer was given none (links keep their scheme; which
 * absolute links stay on the site is then unknown).
 */
function baseAddress(): string {
  if (!onServer) return document.baseURI;
  const page = pageAddress();
  return URL.canParse(page) ? page : 'https://server-rendered.invalid/';
}
