/**
 * Addresses a plugin is configured with. In a browser they may be relative to the page (a
 * same-origin proxy such as `/portico-proxy`); in Node (a server rendering a page) there is no
 * page, so they must be absolute, and a relative one throws `TypeError: Invalid URL`.
 */

function pageAddress(): string | undefined {
  // `location`, not `document`: a worker has an address too.
  return typeof location === 'undefined' ? undefined : location.href;
}

/** `url` resolved against the page, as an absolute address: `/portal.json` → `https://example.vn/portal.json`. */
export function resolveUrl(url: string): string {
  return new URL(url, pageAddress()).href;
}

/**
 * A service's base address resolved against the page, ending in one `/` so that a route
 * (`v1/views`) resolves below it rather than beside it: `/portico-proxy` →
 * `https://example.vn/portico-proxy/`. Surrounding white space is ignored.
 */
export function resolveBaseUrl(baseUrl: string): string {
  return resolveUrl(baseUrl.trim().replace(/\/*$/, '/'));
}
