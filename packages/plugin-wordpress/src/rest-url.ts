/** Query parameters; `undefined` ones are left out. */
export type RestParams = Readonly<Record<string, string | number | undefined>>;

/** Builds the addresses of a site's REST routes from its API root. */
export interface RestRoot {
  /** The root as given, resolved against the page. */
  readonly root: string;
  /** The address of `route` (`wp/v2/posts`; `''` for the index) with `params`. */
  url(route: string, params?: RestParams): string;
}

// Keeps `,` `:` and `/` readable (`_embed=author,wp:term`): WordPress decodes either form.
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%(?:2C|3A|2F)/gi, (escaped) => decodeURIComponent(escaped));
}

function queryOf(params: RestParams): string[] {
  return Object.entries(params)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeValue(String(value))}`);
}

/**
 * The REST root of a site, in either of WordPress's two forms:
 * - `https://example.vn/wp-json` (pretty permalinks): routes are paths below it;
 * - `https://example.vn/?rest_route=` (plain permalinks): the route is a query parameter.
 *
 * A relative root (`/wp-json`, a same-origin mount) is resolved against the page; in Node it
 * must be absolute.
 */
export function restRoot(baseUrl: string, pageUrl?: string): RestRoot {
  const resolved = new URL(baseUrl, pageUrl);
  const queryForm = resolved.searchParams.has('rest_route');
  resolved.searchParams.delete('rest_route');
  // Any other parameters of the root (a proxy's `?site=1`) come first in every address.
  const rootQuery = [...resolved.searchParams.entries()].map(
    ([name, value]) => `${encodeURIComponent(name)}=${encodeValue(value)}`,
  );
  const base = `${resolved.origin}${resolved.pathname}`;

  return {
    root: resolved.href,
    url(route, params = {}) {
      const cleanRoute = route.replace(/^\/+/, '');
      if (queryForm) {
        return `${base}?${[...rootQuery, `rest_route=/${encodeValue(cleanRoute)}`, ...queryOf(params)].join('&')}`;
      }
      const query = [...rootQuery, ...queryOf(params)];
      return `${base.replace(/\/+$/, '')}/${cleanRoute}${query.length > 0 ? `?${query.join('&')}` : ''}`;
    },
  };
}
