import type { Article, Banner, Category, ViewStats, VisitorStats } from '../types.js';
import type { SourceError } from './errors.js';

/** Options every request takes. */
export interface RequestOptions {
  /** Cancels the request: the promise rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
  /** The language the widget shows, for sources that hold translations. */
  locale?: string | undefined;
}

export interface ArticleQuery {
  categoryId?: string | undefined;
  /** 1-based. Default 1. */
  page?: number | undefined;
  /** Default: the source's own (often 10 or 20). */
  pageSize?: number | undefined;
  /** Newest first (default) or most read first. */
  order?: 'newest' | 'most-read' | undefined;
}

/** One page of a longer list. */
export interface Page<T> {
  items: T[];
  /** 1-based number of this page. */
  page: number;
  pageSize: number;
  /** Total items across all pages, when the source knows it. */
  total?: number | undefined;
  /** Whether a next page exists. */
  hasMore: boolean;
}

export interface ViewStatsQuery {
  /** Also give the views of this path (`/tin-tuc/...`). */
  path?: string | undefined;
}

/** Hints a widget gives with a live subscription; the plugin decides how to honour them. */
export interface LiveOptions extends RequestOptions {
  /** How often the widget would like fresh numbers, in milliseconds. */
  interval?: number | undefined;
}

/**
 * Receives a live subscription's values. `error` reports a failed refresh; the
 * subscription stays open, the plugin keeps retrying, and `next` follows once it recovers.
 */
export interface LiveObserver<T> {
  next(value: T): void;
  error?(error: SourceError): void;
}

/** Ends a subscription. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/**
 * A data source: what a plugin (`json`, `joomla`, `wordpress`, `stats`, or an integrator's
 * own) provides to widgets. Every capability is optional; a widget that needs one the
 * source lacks shows an `unsupported` error.
 *
 * Rules every plugin follows:
 * - Methods resolve with the core types and reject with a `SourceError` (see its codes).
 * - An aborted `signal` rejects with `signal.reason` and stops the work.
 * - The plugin owns fetching, caching, polling and retries; widgets only ask and subscribe.
 * - A live subscription delivers the current value as soon as it has one, then every change;
 *   it stops when unsubscribed or when `signal` aborts.
 */
export interface DataSource {
  /** What kind of source this is (`json`, `joomla`, …), for messages. */
  readonly kind?: string;
  listArticles?(query: ArticleQuery, options?: RequestOptions): Promise<Page<Article>>;
  /** Rejects with `not-found` for an unknown id. */
  getArticle?(id: string, options?: RequestOptions): Promise<Article>;
  /** The category tree, top-level categories first. */
  getCategories?(options?: RequestOptions): Promise<Category[]>;
  /** The published banners of a module position, in display order. */
  getBanners?(position: string, options?: RequestOptions): Promise<Banner[]>;
  getVisitorStats?(options?: RequestOptions): Promise<VisitorStats>;
  getViewStats?(query?: ViewStatsQuery, options?: RequestOptions): Promise<ViewStats>;
  subscribeVisitorStats?(observer: LiveObserver<VisitorStats>, options?: LiveOptions): Unsubscribe;
  subscribeViewStats?(observer: LiveObserver<ViewStats>, options?: LiveOptions & ViewStatsQuery): Unsubscribe;
  /**
   * Ends the work the source does on its own, without anyone asking: heartbeats, listeners
   * on the page (the stats plugin's presence pings, say). The registry calls it once when
   * another source replaces this one under its name (`registerSource` again), unless this
   * one is still registered under another name; not when the same object is registered
   * again, and not on `unregisterSource` (whoever is done with a source stops it).
   * The widgets move to the new source first; live subscriptions others opened keep working
   * until they are unsubscribed. A `stop` that throws is reported with `console.warn` and
   * does not stop the registration. Not a capability.
   */
  stop?(): void;
}

/** The names of the methods a `DataSource` may provide for widgets to call. */
export type SourceCapability = Exclude<keyof DataSource, 'kind' | 'stop'>;

export const SOURCE_CAPABILITIES: readonly SourceCapability[] = [
  'listArticles',
  'getArticle',
  'getCategories',
  'getBanners',
  'getVisitorStats',
  'getViewStats',
  'subscribeVisitorStats',
  'subscribeViewStats',
];
