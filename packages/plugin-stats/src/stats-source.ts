import {
  isSourceError,
  SourceError,
  type DataSource,
  type LiveObserver,
  type LiveOptions,
  type RequestOptions,
  type ViewStats,
  type ViewStatsQuery,
  type VisitorStats,
} from '@portico/core';
import {
  cachedRequest,
  createLiveFeed,
  fetchJson,
  isNonBlankString,
  readViewStats,
  readVisitorStats,
  resolveBaseUrl,
  type LiveFeed,
  warnOfUnknownOptions,
  type OptionNames,
} from '@portico/plugin-kit';
import { pagePath } from './page-path.js';

/**
 * A cross-origin request the browser stopped (the service did not list the page's origin) looks
 * like a network failure: the message says what to check.
 */
function withOriginHint(error: unknown, url: string): unknown {
  if (typeof location === 'undefined' || !isSourceError(error) || error.code !== 'network') return error;
  if (new URL(url).origin === location.origin) return error;
  return new SourceError(
    'network',
    `${error.message} If the stats service is running, check that it lists this page's origin, ` +
      `${location.origin}, in its --origin (PORTICO_STATS_ORIGINS).`,
    { source: error.source, cause: error },
  );
}

export interface StatsSourceOptions {
  /** The stats service's address: `https://stats.example.vn` or a path the site mounts it under. No query: the site goes in `site`. */
  baseUrl: string;
  /**
   * The site's id on a service that counts several sites (its `sites` option), sent as
   * `?site=` with every hit, heartbeat and read. Default: the service's first site.
   */
  site?: string | undefined;
  /** Record a page view (and presence) for this page when the source is created. Default true. */
  recordHit?: boolean | undefined;
  /**
   * Whether this page's view counts (an article, as Joomla counts hits). `false` (a category
   * list, a search page) keeps the visitor counted as online, with a ping instead of a hit,
   * but counts no view. Default true.
   */
  countView?: boolean | undefined;
  /**
   * The page's address as the service counts it: a path, with the query parameters that
   * name the page (`/?p=123`). Default: `location.pathname` and `location.search`. Either
   * way it is written one way (tracking parameters and the fragment dropped, percent-encoding
   * made canonical); the service keeps the query parameters its site names.
   */
  path?: string | undefined;
  /** Seconds between presence heartbeats while the tab is visible; 0 sends none. Default 60. */
  heartbeat?: number | undefined;
  /** A member token the CMS signed for a logged-in member (see the stats service's README). */
  member?: string | undefined;
  /** Milliseconds one request may take. Default 8000. */
  timeout?: number | undefined;
  /** For tests and unusual hosts. */
  fetch?: typeof fetch | undefined;
  /** For tests: where beacons go. Default `navigator.sendBeacon`. */
  sendBeacon?: ((url: string, body: Blob) => boolean) | undefined;
}

/** A stats source: a `DataSource` that records this page's visit and can stop its heartbeats. */
export interface StatsSource extends DataSource {
  readonly kind: 'stats';
  /**
   * Stops the heartbeats. `registerSource` calls it when another source replaces this one;
   * live subscriptions already open keep working until they are unsubscribed.
   */
  stop(): void;
}

const DEFAULT_HEARTBEAT_SECONDS = 60;
// The ids the stats service accepts for a site.
const SITE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every option `stats()` takes, for the warning about one it does not. */
const STATS_OPTIONS: OptionNames<StatsSourceOptions> = {
  baseUrl: true,
  site: true,
  recordHit: true,
  countView: true,
  path: true,
  heartbeat: true,
  member: true,
  timeout: true,
  fetch: true,
  sendBeacon: true,
};

/**
 * The browser client of Portico's stats service:
 * `registerSource('stats', stats({ baseUrl: 'https://stats.example.vn' }))`. It records a
 * view of the current page, keeps the visitor counted as online with heartbeats while the
 * tab is visible, and feeds `<portico-online-visitors>` and `<portico-view-counter>`, live.
 *
 * Hits and heartbeats go as `text/plain` JSON (a simple request: no CORS preflight), with
 * `navigator.sendBeacon` when it is there, else `fetch` with `keepalive`.
 */
export function stats(options: StatsSourceOptions): StatsSource {
  warnOfUnknownOptions('stats', options, STATS_OPTIONS);
  if (!isNonBlankString(options.baseUrl)) {
    throw new TypeError(
      'stats() needs the stats service\'s baseUrl, e.g. stats({ baseUrl: "https://stats.example.vn" }).',
    );
  }
  checkAddress(options.baseUrl, options.site);
  const inBrowser = typeof document !== 'undefined';
  const base = resolveBaseUrl(options.baseUrl);
  const endpoint = (route: string): string => {
    const url = new URL(route, base);
    if (options.site !== undefined) url.searchParams.set('site', options.site);
    return url.href;
  };
  const path = pagePath(options.path ?? (inBrowser ? location.pathname + location.search : '/'));
  const requestOptions = { timeout: options.timeout, fetch: options.fetch, source: 'stats' };

  function send(route: 'v1/hit' | 'v1/ping'): void {
    const body = JSON.stringify(options.member ? { path, member: options.member } : { path });
    const blob = new Blob([body], { type: 'text/plain' });
    const beacon =
      options.sendBeacon ??
      (typeof navigator.sendBeacon === 'function' ? navigator.sendBeacon.bind(navigator) : undefined);
    if (beacon?.(endpoint(route), blob)) return;
    // No beacon, or the browser refused to queue it: a keepalive fetch outlives the page too.
    void (options.fetch ?? fetch)(endpoint(route), {
      method: 'POST',
      body,
      keepalive: true,
      headers: { 'content-type': 'text/plain' },
    }).catch(() => undefined);
  }

  const heartbeatSeconds = options.heartbeat ?? DEFAULT_HEARTBEAT_SECONDS;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  function startHeartbeat(): void {
    if (heartbeat !== undefined || !(heartbeatSeconds > 0)) return;
    heartbeat = setInterval(() => {
      send('v1/ping');
    }, heartbeatSeconds * 1000);
  }
  function stopHeartbeat(): void {
    clearInterval(heartbeat);
    heartbeat = undefined;
  }
  const onVisibilityChange = (): void => {
    if (document.visibilityState === 'hidden') {
      stopHeartbeat();
    } else {
      // Back on the page: say so at once, then keep the rhythm.
      send('v1/ping');
      startHeartbeat();
    }
  };

  if (inBrowser && options.recordHit !== false) {
    send(options.countView === false ? 'v1/ping' : 'v1/hit');
    document.addEventListener('visibilitychange', onVisibilityChange);
    if (document.visibilityState !== 'hidden') startHeartbeat();
  }

  /** GETs one of the service's answers through the page cache (5 s); `fresh`, for the live feeds, asks anew. */
  function read<T>(
    url: string,
    reader: (value: unknown, label: string) => T,
    label: string,
    signal: AbortSignal | undefined,
    fresh: boolean,
  ): Promise<T> {
    return cachedRequest(
      `stats:${url}`,
      async (requestSignal) => {
        try {
          return reader((await fetchJson(url, { ...requestOptions, signal: requestSignal })).data, label);
        } catch (error) {
          throw withOriginHint(error, url);
        }
      },
      { signal, maxAge: fresh ? 0 : 5000, staleWhileRevalidate: fresh ? 0 : undefined },
    );
  }

  const online = (signal: AbortSignal | undefined, fresh: boolean): Promise<VisitorStats> =>
    read(endpoint('v1/online'), readVisitorStats, 'the online stats', signal, fresh);

  const viewsUrl = (query?: ViewStatsQuery): string => {
    const url = new URL(endpoint('v1/views'));
    if (query?.path !== undefined) url.searchParams.set('path', pagePath(query.path));
    return url.href;
  };
  const views = (
    query: ViewStatsQuery | undefined,
    signal: AbortSignal | undefined,
    fresh: boolean,
  ): Promise<ViewStats> => read(viewsUrl(query), readViewStats, 'the view stats', signal, fresh);

  // One feed per question, shared by every widget that asks it.
  const onlineFeed = createLiveFeed((signal) => online(signal, true), { source: 'stats' });
  const viewFeeds = new Map<string, LiveFeed<ViewStats>>();
  function viewFeed(query: ViewStatsQuery): LiveFeed<ViewStats> {
    const key = viewsUrl(query);
    let feed = viewFeeds.get(key);
    if (!feed) {
      feed = createLiveFeed((signal) => views(query, signal, true), { source: 'stats' });
      viewFeeds.set(key, feed);
    }
    return feed;
  }

  return {
    kind: 'stats',
    getVisitorStats: (request?: RequestOptions) => online(request?.signal, false),
    getViewStats: (query?: ViewStatsQuery, request?: RequestOptions) => views(query, request?.signal, false),
    subscribeVisitorStats: (observer: LiveObserver<VisitorStats>, liveOptions?: LiveOptions) =>
      onlineFeed.subscribe(observer, liveOptions),
    subscribeViewStats: (observer: LiveObserver<ViewStats>, liveOptions?: LiveOptions & ViewStatsQuery) =>
      viewFeed(liveOptions?.path === undefined ? {} : { path: liveOptions.path }).subscribe(observer, liveOptions),
    stop(): void {
      stopHeartbeat();
      if (inBrowser) document.removeEventListener('visibilitychange', onVisibilityChange);
    },
  };
}

/**
 * A query in `baseUrl` would be lost (`new URL('v1/hit', base)` drops it), sending a second
 * site's hits to the first: say what to write instead.
 */
function checkAddress(baseUrl: string, site: unknown): void {
  const queryAt = baseUrl.search(/[?#]/);
  if (queryAt >= 0) {
    const inQuery = /[?&]site=([^&#]*)/.exec(baseUrl)?.[1];
    const suggestion = `stats({ baseUrl: "${baseUrl.slice(0, queryAt).trim()}"${
      inQuery === undefined ? '' : `, site: "${inQuery}"`
    } })`;
    throw new TypeError(
      `stats(): baseUrl "${baseUrl}" has a query, which the service's routes would lose; ` +
        `give the site as its own option: ${suggestion}.`,
    );
  }
  if (site !== undefined && !(typeof site === 'string' && SITE_ID.test(site))) {
    throw new TypeError(
      `stats(): site ${JSON.stringify(site)} is not a site id the stats service can have (1-64 letters, digits, ".", "_" or "-").`,
    );
  }
}
