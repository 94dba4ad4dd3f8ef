import {
  SourceError,
  toSourceError,
  type Article,
  type LiveObserver,
  type LiveOptions,
  type Unsubscribe,
  type ArticleQuery,
  type Banner,
  type Category,
  type DataSource,
  type Page,
  type RequestOptions,
  type ViewStats,
  type VisitorStats,
} from '@portico/core';
import {
  cachedRequest,
  clampPaging,
  createLiveFeed,
  fetchJson,
  readArticle,
  readBanner,
  readCategory,
  readingFrom,
  readList,
  readObject,
  readViewStats,
  readVisitorStats,
  resolveUrl,
} from '@portico/plugin-kit';

export interface JsonSourceOptions {
  /** The address of a JSON document (relative to the page, or absolute). */
  url?: string | undefined;
  /** Or the document itself. */
  data?: unknown;
  /** Milliseconds a loaded document is used before it is fetched again. Default 60 000. */
  maxAge?: number | undefined;
  /** Milliseconds one request may take. Default 8000. */
  timeout?: number | undefined;
  /** For tests and unusual hosts. */
  fetch?: typeof fetch | undefined;
}

/** The document, as read: every key optional, unknown keys ignored. */
export interface PortalDocument {
  articles?: Article[];
  categories?: Category[];
  banners?: Banner[];
  visitorStats?: VisitorStats;
  viewStats?: ViewStats;
}

const DEFAULT_PAGE_SIZE = 10;

/**
 * Reads a Portico JSON document: the keys `articles`, `categories`, `banners`,
 * `visitorStats` and `viewStats` in the core types, each optional; other keys are ignored,
 * so `fixtures/seed-portal.json` is a valid document. A field of the wrong type is an
 * `invalid-data` error that names it.
 */
export function readPortalDocument(value: unknown, where = 'the JSON document'): PortalDocument {
  return readingFrom(where, () => {
    const document = readObject(value, where);
    const read: PortalDocument = {};
    if (document.articles !== undefined) read.articles = readList(document.articles, 'articles', readArticle);
    if (document.categories !== undefined) read.categories = readList(document.categories, 'categories', readCategory);
    if (document.banners !== undefined) read.banners = readList(document.banners, 'banners', readBanner);
    if (document.visitorStats !== undefined)
      read.visitorStats = readVisitorStats(document.visitorStats, 'visitorStats');
    if (document.viewStats !== undefined) read.viewStats = readViewStats(document.viewStats, 'viewStats');
    return read;
  });
}

/**
 * A data source from a JSON document at `url` or given as `data`:
 * `registerSource('site', json({ url: '/portal.json' }))`. Every widget on the page shares
 * one request for the document (and its cache); live stats re-read it at the interval the
 * widgets ask for.
 */
export function json(options: JsonSourceOptions): DataSource {
  const { url, data } = options;
  if ((url === undefined) === (data === undefined)) {
    throw new TypeError('json() needs either a url or the data itself (not both).');
  }
  const inline = data === undefined ? undefined : readPortalDocument(data, 'the data given to json()');
  const where = url === undefined ? '' : resolveUrl(url);

  function loadDocument(signal: AbortSignal | undefined, fresh = false): Promise<PortalDocument> {
    if (inline) return Promise.resolve(inline);
    return cachedRequest(
      `json:${where}`,
      async (requestSignal) =>
        readPortalDocument(
          (await fetchJson(where, { signal: requestSignal, timeout: options.timeout, fetch: options.fetch })).data,
          where,
        ),
      { signal, maxAge: fresh ? 0 : (options.maxAge ?? 60_000), staleWhileRevalidate: fresh ? 0 : undefined },
    );
  }

  function pick<K extends keyof PortalDocument>(document: PortalDocument, key: K): NonNullable<PortalDocument[K]> {
    const value = document[key];
    if (value === undefined) {
      throw new SourceError('unsupported', `The JSON document${where ? ` at ${where}` : ''} has no "${key}".`, {
        retryable: false,
      });
    }
    return value;
  }

  // Live stats re-read the document: one poll per interval for every widget that follows it.
  const documentFeed = createLiveFeed((signal) => loadDocument(signal, true));

  function follow<T>(
    read: (document: PortalDocument) => T,
    observer: LiveObserver<T>,
    liveOptions: LiveOptions | undefined,
  ): Unsubscribe {
    return documentFeed.subscribe(
      {
        next: (document) => {
          try {
            observer.next(read(document));
          } catch (error) {
            observer.error?.(toSourceError(error));
          }
        },
        error: (error) => observer.error?.(error),
      },
      liveOptions,
    );
  }

  return {
    kind: 'json',
    async listArticles(query: ArticleQuery, request?: RequestOptions): Promise<Page<Article>> {
      const articles = ((await loadDocument(request?.signal)).articles ?? [])
        .filter((article) => query.categoryId === undefined || article.categoryId === query.categoryId)
        .sort(query.order === 'most-read' ? byViews : byNewest);
      // No ceiling: the whole document is in memory already.
      const { page, pageSize } = clampPaging(query, { defaultPageSize: DEFAULT_PAGE_SIZE });
      return {
        items: articles.slice((page - 1) * pageSize, page * pageSize),
        page,
        pageSize,
        total: articles.length,
        hasMore: page * pageSize < articles.length,
      };
    },
    async getArticle(id: string, request?: RequestOptions): Promise<Article> {
      const article = ((await loadDocument(request?.signal)).articles ?? []).find((candidate) => candidate.id === id);
      if (!article)
        throw new SourceError('not-found', `No article with id "${id}" in the JSON document.`, { retryable: false });
      return article;
    },
    async getCategories(request?: RequestOptions): Promise<Category[]> {
      return (await loadDocument(request?.signal)).categories ?? [];
    },
    async getBanners(position: string, request?: RequestOptions): Promise<Banner[]> {
      // A banner without a position belongs to every position.
      return ((await loadDocument(request?.signal)).banners ?? []).filter(
        (banner) => banner.position === undefined || banner.position === position,
      );
    },
    async getVisitorStats(request?: RequestOptions): Promise<VisitorStats> {
      return pick(await loadDocument(request?.signal), 'visitorStats');
    },
    async getViewStats(query, request): Promise<ViewStats> {
      const document = await loadDocument(request?.signal);
      return viewsFor(pick(document, 'viewStats'), query?.path, document.articles);
    },
    subscribeVisitorStats: (observer, liveOptions) =>
      follow((document) => pick(document, 'visitorStats'), observer, liveOptions),
    subscribeViewStats: (observer, liveOptions) =>
      follow(
        (document) => viewsFor(pick(document, 'viewStats'), liveOptions?.path, document.articles),
        observer,
        liveOptions,
      ),
  };
}

/** The stats for one page too, from its article's `views`, when a path is asked for. */
function viewsFor(stats: ViewStats, path: string | undefined, articles: Article[] | undefined): ViewStats {
  if (path === undefined) return stats;
  const article = articles?.find((candidate) => candidate.url === path);
  return { ...stats, path, views: article?.views ?? 0 };
}

function byNewest(a: Article, b: Article): number {
  return b.published.localeCompare(a.published);
}

function byViews(a: Article, b: Article): number {
  const difference = toBigInt(b.views) - toBigInt(a.views);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

function toBigInt(value: Article['views']): bigint {
  try {
    return BigInt(value ?? 0);
  } catch {
    return 0n;
  }
}
