/**
 * @portico/plugin-joomla/proxy: the server-side half. Joomla's Web Services need a Super User
 * token even to read, and a token in the browser is a token for everyone; this request
 * handler holds it on the server and lets through only what the widgets read.
 */
import {
  DEFAULT_PUBLIC_ACCESS_LEVELS,
  MalformedAnswer,
  matchRoute,
  nextWindowChange,
  publicDocument,
  shownCategories,
  upstreamQuery,
  type RouteMatch,
} from './proxy-rules.js';

export { PROXY_ROUTES, DEFAULT_PUBLIC_ACCESS_LEVELS } from './proxy-rules.js';

export interface JoomlaProxyOptions {
  /** The Joomla site's root (`https://example.vn`, or `…/api/index.php`). */
  joomlaUrl: string;
  /** An API token of a Super User (Joomla lets no one else read through the API). Never sent to browsers. */
  token: string;
  /**
   * Seconds an answer is reused, by the proxy and by browsers. Default 60; 0 turns caching off,
   * except for the set of shown categories, kept at least 5 s so that article requests do not
   * each read the whole category list again.
   */
  cacheSeconds?: number | undefined;
  /** Pages on other origins that may read the answers (CORS): their origins, or `'*'`. Default: none (same origin only). */
  allowedOrigins?: readonly string[] | '*' | undefined;
  /** Joomla access levels the public sees. Default `[1, 5]` (Public, Guest). */
  publicAccessLevels?: readonly number[] | undefined;
  /** Milliseconds Joomla may take to answer. Default 10 000. */
  timeout?: number | undefined;
  /** Where problems with Joomla are reported (never with the token). Default `console.warn`. */
  log?: ((message: string) => void) | undefined;
  /** For tests and unusual hosts. Default: the global `fetch`. */
  fetch?: typeof fetch | undefined;
}

/** What the handler reads of a request: Node's `IncomingMessage`, Express's and Connect's requests fit. */
export interface ProxyRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** What the handler writes to: Node's `ServerResponse`, Express's and Connect's responses fit. */
export interface ProxyResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

/** `(request, response, next?)`: for `http.createServer`, Express and Connect (`app.use('/portico-proxy', handler)`). */
export type JoomlaProxyHandler = (
  request: ProxyRequest,
  response: ProxyResponse,
  next?: (error?: unknown) => void,
) => void;

interface Answer {
  status: number;
  body: string;
  /** When a cached answer stops being fresh (ms since the epoch); 0 for one that is not cached. */
  expires: number;
  retryAfter?: string | undefined;
}

/** The categories whose articles are shown, and until when (ms since the epoch). */
interface ShownCategories {
  ids: Set<string>;
  expires: number;
}

const MOST_CACHED_ANSWERS = 500;
const DEFAULT_TIMEOUT = 10_000;
/** Seconds a configuration error is remembered (at most `cacheSeconds`). */
const ERROR_SECONDS = 5;
/**
 * The status for a problem with Joomla's setup that asking again will not fix. Portico's
 * plugins retry 5xx and 429 (see `SourceError` in @portico/core: they read the status, not
 * the body) and no other status; 424 Failed Dependency says the request failed because of
 * the proxy's own request to Joomla.
 */
const CONFIGURATION_ERROR_STATUS = 424;
/** The error's `code` in such an answer. */
const CONFIGURATION_ERROR_CODE = 'joomla-configuration';
/** Categories per request when the proxy reads the category list, and the most pages it reads. */
const CATEGORY_PAGE = 100;
const MOST_CATEGORY_PAGES = 20;
/**
 * Seconds the set of shown categories is kept at least, even with `cacheSeconds: 0`, so that
 * article requests do not each ask Joomla for the whole category list again.
 */
const CATEGORY_SET_SECONDS = 5;

/** Why fetch could not reach Joomla: Node's network error (`connect ECONNREFUSED …`) sits in `cause`. */
function unreachableCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

function errorDocument(title: string, code?: string): string {
  return JSON.stringify({ errors: [code === undefined ? { title } : { code, title }] });
}

function answer(status: number, title: string, retryAfter?: string): Answer {
  return { status, body: errorDocument(title), expires: 0, retryAfter };
}

/** The API root: `https://example.vn/` and `https://example.vn/api/index.php` both give `…/api/index.php`. */
function apiRoot(joomlaUrl: string): string {
  const url = new URL(joomlaUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TypeError('joomlaUrl must be an http(s) address.');
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path.endsWith('/api/index.php') ? path : `${path}/api/index.php`;
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * A request handler that holds Joomla's API token and forwards only the GET (and HEAD)
 * requests the widgets make, to these routes (under any prefix the handler is mounted at):
 * `/v1/content/articles`, `/v1/content/articles/{id}`, `/v1/content/categories`,
 * `/v1/menus/site/items`, `/v1/banners`, `/v1/banners/{id}`, `/v1/banners/categories`.
 *
 * - Only the query parameters those routes use pass; articles are always `filter[state]=1`.
 * - Only published, public items inside their publishing window pass (articles only in shown
 *   categories), with only the fields the widgets use; any other single item is a plain 404.
 * - Answers are cached for `cacheSeconds` (less when an item in them comes up or goes down
 *   sooner), and concurrent equal requests make one request to Joomla. The set of shown
 *   categories is built once and kept as long as its category pages, and at least 5 s.
 * - A problem with Joomla's setup (refused token, redirect, other 4xx, not JSON:API) is a 424,
 *   which the plugin does not retry, remembered for 5 s; 502 and 504 are retried.
 * - Other methods get 405, other routes 404 (or `next()` when there is one, for Express and Connect).
 * - Joomla's cookies and headers never pass; its error bodies never pass (they may echo
 *   the request's headers, token included); an answer that holds the token is refused.
 */
export function createJoomlaProxy(options: JoomlaProxyOptions): JoomlaProxyHandler {
  const { token } = options;
  if (typeof token !== 'string' || token.trim() === '') throw new TypeError('createJoomlaProxy() needs the API token.');
  const root = apiRoot(options.joomlaUrl);
  const cacheSeconds = Math.max(0, options.cacheSeconds ?? 60);
  const publicLevels = options.publicAccessLevels ?? DEFAULT_PUBLIC_ACCESS_LEVELS;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const doFetch = options.fetch ?? fetch;
  const report = (message: string): void => {
    // Messages name addresses and statuses only; the token is masked all the same.
    (
      options.log ??
      ((text: string) => {
        console.warn(text);
      })
    )(`Portico Joomla proxy: ${message.replaceAll(token, '[token]')}`);
  };

  const cache = new Map<string, Answer>();
  const inFlight = new Map<string, Promise<Answer>>();
  const categoriesRoute = matchRoute('/v1/content/categories');

  /** A 424, remembered for a few seconds so that a burst of page views asks Joomla once. */
  function configurationError(title: string): Answer {
    const seconds = Math.min(ERROR_SECONDS, cacheSeconds);
    return {
      status: CONFIGURATION_ERROR_STATUS,
      body: errorDocument(title, CONFIGURATION_ERROR_CODE),
      expires: seconds > 0 ? Date.now() + seconds * 1000 : 0,
    };
  }

  /**
   * The categories whose articles the public may see, read from the category list the proxy
   * serves itself (and caches), with when that list stops being fresh; or the list's error.
   */
  async function readCategories(): Promise<ShownCategories | Answer> {
    if (!categoriesRoute) throw new Error('the category route is missing');
    const pages: unknown[] = [];
    let expires = Number.POSITIVE_INFINITY;
    for (let page = 0; page < MOST_CATEGORY_PAGES; page += 1) {
      const search = new URLSearchParams({ 'page[limit]': String(CATEGORY_PAGE) });
      if (page > 0) search.set('page[offset]', String(page * CATEGORY_PAGE));
      const query = upstreamQuery(categoriesRoute.route, search);
      const listed = await cachedAnswer(categoriesRoute, 'query' in query ? query.query : '');
      // Joomla answers 404 for an offset past the end.
      if (listed.status === 404 && page > 0) break;
      if (listed.status !== 200) return listed;
      // A page that is not cached (cacheSeconds 0) is fresh only now.
      expires = Math.min(expires, listed.expires);
      const document = JSON.parse(listed.body) as { meta?: { 'total-pages'?: unknown }; links?: { next?: unknown } };
      pages.push(document);
      const total = document.meta?.['total-pages'];
      if (typeof total === 'number' ? page + 1 >= total : typeof document.links?.next !== 'string') {
        return { ids: shownCategories(pages), expires };
      }
    }
    if (pages.length === MOST_CATEGORY_PAGES) {
      report(
        `the category list is longer than ${String(MOST_CATEGORY_PAGES * CATEGORY_PAGE)} categories; articles in the others are not shown.`,
      );
    }
    return { ids: shownCategories(pages), expires };
  }

  /** The shown categories, built once and kept until their pages expire, and at least CATEGORY_SET_SECONDS. */
  let shown: ShownCategories | undefined;
  let reading: Promise<ShownCategories | Answer> | undefined;
  function categoriesShown(): Promise<ShownCategories | Answer> {
    if (shown && shown.expires > Date.now()) return Promise.resolve(shown);
    reading ??= readCategories()
      .then((read) => {
        if ('status' in read) return read;
        shown = { ids: read.ids, expires: Math.max(read.expires, Date.now() + CATEGORY_SET_SECONDS * 1000) };
        return shown;
      })
      .finally(() => {
        reading = undefined;
      });
    return reading;
  }

  function remember(key: string, fresh: Answer): void {
    const now = Date.now();
    for (const [cachedKey, cached] of cache) if (cached.expires <= now) cache.delete(cachedKey);
    if (cache.size >= MOST_CACHED_ANSWERS) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, fresh);
  }

  async function askJoomla(match: RouteMatch, query: string): Promise<Answer> {
    // Articles are checked against the category list, read first, so that an article in a
    // hidden category gets the very answer a missing one gets, whatever the list's fate.
    let categories: ShownCategories | undefined;
    if (match.route.kind === 'articles') {
      const read = await categoriesShown();
      if ('status' in read) return read;
      categories = read;
    }
    const url = `${root}${match.path}${query ? `?${query}` : ''}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, {
        headers: { 'X-Joomla-Token': token, Accept: 'application/vnd.api+json' },
        // A redirect could carry the token to another host: refuse it instead.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeout),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      report(
        `${url} ${timedOut ? `gave no answer within ${String(timeout)} ms` : `could not be reached (${unreachableCause(error)})`}.`,
      );
      return timedOut ? answer(504, 'Joomla did not answer in time') : answer(502, 'Joomla could not be reached');
    }
    if (response.status === 404) return answer(404, 'Resource not found');
    if (response.status === 429)
      return answer(429, 'Too many requests', response.headers.get('retry-after') ?? undefined);
    // A refused token, a redirect, another 4xx, an answer that is not JSON:API: Joomla's setup,
    // which asking again will not fix (424, remembered briefly). 5xx: may pass (502, retried).
    if (response.status >= 300 && response.status < 400) {
      report(`${url} redirected (${String(response.status)}); set joomlaUrl to the address Joomla answers at.`);
      return configurationError('Joomla redirected the request');
    }
    if (response.status === 401 || response.status === 403) {
      report(
        `${url} refused the token (${String(response.status)}): is it a Super User's, and is the API Authentication - Token plugin on?`,
      );
      return configurationError("Joomla refused the proxy's credentials");
    }
    if (!response.ok) {
      report(`${url} answered ${String(response.status)}.`);
      const title = `Joomla answered ${String(response.status)}`;
      return response.status < 500 ? configurationError(title) : answer(502, title);
    }
    const now = Date.now();
    let document: unknown;
    let cleaned: Record<string, unknown> | undefined;
    try {
      document = JSON.parse(text) as unknown;
      cleaned = publicDocument(document, match.route, { publicLevels, now, categories: categories?.ids });
    } catch (error) {
      report(
        `${url} answered something that is not JSON:API (${error instanceof MalformedAnswer ? error.message : 'not JSON'}).`,
      );
      return configurationError('Joomla answered something that is not JSON:API');
    }
    if (!cleaned) return answer(404, 'Resource not found');
    const body = JSON.stringify(cleaned);
    if (body.includes(token)) {
      report(`${url} answered with the token in its body; the answer was withheld.`);
      return configurationError('Joomla answered something the proxy may not pass on');
    }
    // Kept no longer than until an item in it comes up or goes down, nor than the category
    // list it was checked against.
    const expires = Math.min(
      now + cacheSeconds * 1000,
      nextWindowChange(document, now),
      categories?.expires ?? Infinity,
    );
    return { status: 200, body, expires: cacheSeconds > 0 ? expires : 0 };
  }

  function cachedAnswer(match: RouteMatch, query: string): Promise<Answer> {
    const key = `${match.path}?${query}`;
    const cached = cache.get(key);
    if (cached && cached.expires > Date.now()) return Promise.resolve(cached);
    const pending = inFlight.get(key);
    if (pending) return pending;
    const asked = askJoomla(match, query)
      .then((fresh) => {
        // Answers and configuration errors; not 404s (ids are endless) nor failures that may pass.
        if (fresh.expires > 0) remember(key, fresh);
        return fresh;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, asked);
    return asked;
  }

  function allowOrigin(request: ProxyRequest, response: ProxyResponse): void {
    const allowed = options.allowedOrigins;
    if (allowed === undefined) return;
    const origin = request.headers.origin;
    response.setHeader('Vary', 'Origin');
    if (typeof origin === 'string' && (allowed === '*' || allowed.includes(origin))) {
      response.setHeader('Access-Control-Allow-Origin', allowed === '*' ? '*' : origin);
    }
  }

  function send(
    request: ProxyRequest,
    response: ProxyResponse,
    sent: Answer,
    extra: Record<string, string> = {},
  ): void {
    response.statusCode = sent.status;
    response.setHeader('Content-Type', 'application/vnd.api+json; charset=utf-8');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    const seconds = Math.ceil((sent.expires - Date.now()) / 1000);
    response.setHeader(
      'Cache-Control',
      sent.status !== 200 ? 'no-store' : seconds > 0 ? `public, max-age=${String(seconds)}` : 'no-cache',
    );
    if (sent.retryAfter !== undefined && /^\d+$/.test(sent.retryAfter))
      response.setHeader('Retry-After', sent.retryAfter);
    for (const [name, value] of Object.entries(extra)) response.setHeader(name, value);
    allowOrigin(request, response);
    response.setHeader('Content-Length', String(new TextEncoder().encode(sent.body).byteLength));
    response.end(request.method === 'HEAD' ? undefined : sent.body);
  }

  return (request, response, next) => {
    const url = new URL(request.url ?? '/', 'http://proxy.invalid');
    const match = matchRoute(url.pathname);
    if (!match) {
      if (next) next();
      else send(request, response, answer(404, 'Resource not found'));
      return;
    }
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      send(request, response, answer(405, 'Method not allowed'), { Allow: 'GET, HEAD' });
      return;
    }
    const query = upstreamQuery(match.route, url.searchParams);
    if ('refused' in query) {
      send(request, response, answer(400, `Bad request: ${query.refused} has a value this proxy does not pass on`));
      return;
    }
    cachedAnswer(match, query.query).then(
      (sent) => {
        send(request, response, sent);
      },
      () => {
        send(request, response, answer(502, 'The proxy could not ask Joomla'));
      },
    );
  };
}
