import { isAbortError } from '@portico/core';
import { cachedRequest, resolveUrl } from '@portico/plugin-kit';
import { getRest, type RestAnswer } from './rest-request.js';
import { restRoot, type RestRoot } from './rest-url.js';
import { viewsPluginOfIndex, type ViewsOption, type ViewsPlugin } from './views-plugins.js';

export interface ContextOptions {
  baseUrl: string;
  views: ViewsOption;
  maxAge: number;
  timeout?: number | undefined;
  retries?: number | undefined;
  retryDelay?: number | undefined;
  fetch?: typeof fetch | undefined;
}

/** What the parts of a WordPress source share: its routes, its cached requests, its warnings. */
export interface SourceContext {
  readonly rest: RestRoot;
  /**
   * GETs a route through the page-wide cache, keyed by its full address. `fresh` skips a
   * cached answer (still sharing a request in flight), for a caller that caches what it
   * builds: serving it a stale answer would make that stale result look fresh.
   */
  get(url: string, signal: AbortSignal | undefined, options?: { fresh?: boolean }): Promise<RestAnswer>;
  /** The views plugin the site has: as configured, or found once in the REST index. */
  viewsPlugin(signal: AbortSignal | undefined): Promise<ViewsPlugin | undefined>;
  /** `viewsPlugin`, but a failed look-up is a warning and no plugin: views are an extra. */
  viewsPluginIfKnown(signal: AbortSignal | undefined): Promise<ViewsPlugin | undefined>;
  /** Warns in the console once per source and `key`. */
  warnOnce(key: string, message: string): void;
}

/** Warnings about items left out of a list: each once per source, as a refresh reads the list again. */
export function warnAboutItems(context: SourceContext): (message: string) => void {
  return (message) => {
    context.warnOnce(message, message);
  };
}

// The plugins a site runs change rarely: look once an hour.
const INDEX_MAX_AGE = 3_600_000;

export function createContext(options: ContextOptions): SourceContext {
  const rest = restRoot(resolveUrl(options.baseUrl));
  const warned = new Set<string>();

  function get(
    url: string,
    signal: AbortSignal | undefined,
    cacheOptions: { maxAge: number; staleWhileRevalidate?: number },
  ): Promise<RestAnswer> {
    return cachedRequest(
      `wordpress:${url}`,
      (requestSignal) =>
        getRest(url, {
          signal: requestSignal,
          timeout: options.timeout,
          retries: options.retries,
          retryDelay: options.retryDelay,
          fetch: options.fetch,
        }),
      { signal, ...cacheOptions },
    );
  }

  const context: SourceContext = {
    rest,
    get: (url, signal, { fresh = false } = {}) =>
      get(url, signal, fresh ? { maxAge: 0, staleWhileRevalidate: 0 } : { maxAge: options.maxAge }),
    async viewsPlugin(signal) {
      if (options.views === 'none') return undefined;
      if (options.views !== 'auto') return options.views;
      // `_fields` keeps the index small (it lists every route otherwise); older WordPress
      // ignores it and sends the whole index, which reads the same.
      const indexUrl = rest.url('', { _fields: 'namespaces' });
      return viewsPluginOfIndex(
        (await get(indexUrl, signal, { maxAge: INDEX_MAX_AGE })).data,
        `The REST index ${indexUrl}`,
      );
    },
    async viewsPluginIfKnown(signal) {
      try {
        return await context.viewsPlugin(signal);
      } catch (error) {
        if (signal?.aborted || isAbortError(error)) throw error;
        context.warnOnce(
          'views-probe',
          `could not tell which views plugin the site runs, so no view counts: ${String(error)}`,
        );
        return undefined;
      }
    },
    warnOnce(key, message) {
      if (warned.has(key)) return;
      warned.add(key);
      console.warn(`Portico wordpress(${rest.root}): ${message}`);
    },
  };
  return context;
}
