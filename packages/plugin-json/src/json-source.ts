import {
  SourceError,
  isSourceError,
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
  consoleWarnOnce,
  createLiveFeed,
  fetchJson,
  presentFields,
  readArticle,
  readBanner,
  readCategory,
  readEachInList,
  readingFrom,
  readObject,
  readViewStats,
  readVisitorStats,
  resolveUrl,
  type Warn,
  warnOfUnknownOptions,
  type OptionNames,
} from '@portico/plugin-kit';

export interface JsonSourceOptions {
  /** The address of a JSON document (relative to the page, or absolute). */
  url?: string | undefined;
  /**
   * Or the document itself. It is read as a fetched one is (each key and item checked, a bad
   * one left out with a warning), so a value of another shape still works as far as it can.
   */
  data?: PortalData | undefined;
  /** Milliseconds a loaded document is used before it is fetched again. Default 60 000. */
  maxAge?: number | undefined;
  /** Milliseconds one request may take. Default 8000. */
  timeout?: number | undefined;
  /** For tests and unusual hosts. */
  fetch?: typeof fetch | undefined;
}

/**
 * A Portico JSON document as a script gives it to `json({ data })`: the keys the widgets read,
 * in the core types, each optional; other keys are allowed and ignored (a CMS export may carry
 * its own), so `fixtures/seed-portal.json`, imported as JSON, is one.
 */
export interface PortalData {
  articles?: readonly Article[] | undefined;
  categories?: readonly Category[] | undefined;
  banners?: readonly Banner[] | undefined;
  visitorStats?: VisitorStats | undefined;
  viewStats?: ViewStats | undefined;
  readonly [key: string]: unknown;
}

type PortalKey = 'articles' | 'categories' | 'banners' | 'visitorStats' | 'viewStats';

/** The document, as read: every key optional, unknown keys ignored. */
export interface PortalDocument {
  articles?: Article[];
  categories?: Category[];
  banners?: Banner[];
  visitorStats?: VisitorStats;
  viewStats?: ViewStats;
  /** The keys that are there but could not be read, with why: asking for one fails with that error. */
  problems?: Partial<Record<PortalKey, SourceError>>;
}

const DEFAULT_PAGE_SIZE = 10;

const warnInConsole = consoleWarnOnce('Portico json');

/**
 * Reads a Portico JSON document: the keys `articles`, `categories`, `banners`,
 * `visitorStats` and `viewStats` in the core types, each optional; other keys are ignored,
 * so `fixtures/seed-portal.json` is a valid document.
 *
 * Each key is read on its own, and each item of a list too, so one bad field does not take
 * every widget on the source down: a bad item is left out with a warning through `warn` that
 * names it and why; a key that cannot be read at all (visitor stats with no `guests`, a list
 * none of whose items is readable) goes into `problems`, and only the widgets asking for it
 * show their error state, with the message naming the field.
 */
export function readPortalDocument(
  value: unknown,
  where = 'the JSON document',
  warn: Warn = warnInConsole,
): PortalDocument {
  const document = readingFrom(where, () => readObject(value, where));
  const problems: Partial<Record<PortalKey, SourceError>> = {};
  // Warnings about items name the document, as errors do.
  const warnHere: Warn = (message) => {
    warn(`In ${where}: ${message}`);
  };
  const items = { warn: warnHere };

  function readKey<T>(key: PortalKey, read: (value: unknown) => T): T | undefined {
    if (document[key] === undefined) return undefined;
    try {
      return readingFrom(where, () => read(document[key]));
    } catch (error) {
      if (!isSourceError(error) || error.code !== 'invalid-data') throw error;
      problems[key] = error;
      warn(`${error.message} Widgets asking for its ${key} show their error state.`);
      return undefined;
    }
  }

  return presentFields<PortalDocument>({
    articles: readKey('articles', (list) => readEachInList(list, 'articles', readArticle, items)),
    categories: readKey('categories', (list) =>
      readEachInList(list, 'categories', (item, path) => readCategory(item, path, warnHere), items),
    ),
    banners: readKey('banners', (list) => readEachInList(list, 'banners', readBanner, items)),
    visitorStats: readKey('visitorStats', (stats) => readVisitorStats(stats, 'visitorStats', warnHere)),
    viewStats: readKey('viewStats', (stats) => readViewStats(stats, 'viewStats')),
    problems: Object.keys(problems).length > 0 ? problems : undefined,
  });
}

/** A key of the document: `undefined` when it is not there; its problem, thrown, when it could not be read. */
function partOf<K extends PortalKey>(document: PortalDocument, key: K): PortalDocument[K] {
  const problem: SourceError | undefined = document.problems?.[key];
  if (problem !== undefined) throw problem;
  return document[key];
}

/** Every option `json()` takes, for the warning about one it does not. */
const JSON_OPTIONS: OptionNames<JsonSourceOptions> = {
  url: true,
  data: true,
  maxAge: true,
  timeout: true,
  fetch: true,
};

/**
 * A data source from a JSON document at `url` or given as `data`:
 * `registerSource('site', json({ url: '/portal.json' }))`. Every widget on the page shares
 * one request for the document (and its cache); live stats re-read it at the interval the
 * widgets ask for.
 */
export function json(options: JsonSourceOptions): DataSource {
  warnOfUnknownOptions('json', options, JSON_OPTIONS);
  const { url, data } = options;
  if (url === undefined && data === undefined) {
    throw new TypeError('json() needs a url or the data itself, and was given neither.');
  }
  if (url !== undefined && data !== undefined) {
    throw new TypeError('json() takes a url or the data itself, not both.');
  }
  const warn = consoleWarnOnce('Portico json');
  const inline = data === undefined ? undefined : readPortalDocument(data, 'the data given to json()', warn);
  const where = url === undefined ? '' : resolveUrl(url);

  function loadDocument(signal: AbortSignal | undefined, fresh = false): Promise<PortalDocument> {
    if (inline) return Promise.resolve(inline);
    return cachedRequest(
      `json:${where}`,
      async (requestSignal) =>
        readPortalDocument(
          (await fetchJson(where, { signal: requestSignal, timeout: options.timeout, fetch: options.fetch })).data,
          where,
          warn,
        ),
      { signal, maxAge: fresh ? 0 : (options.maxAge ?? 60_000), staleWhileRevalidate: fresh ? 0 : undefined },
    );
  }

  function pick<K extends PortalKey>(document: PortalDocument, key: K): NonNullable<PortalDocument[K]> {
    const value = partOf(document, key);
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
      const articles = (partOf(await loadDocument(request?.signal), 'articles') ?? [])
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
      const article = (partOf(await loadDocument(request?.signal), 'articles') ?? []).find(
        (candidate) => candidate.id === id,
      );
      if (!article)
        throw new SourceError('not-found', `No article with id "${id}" in the JSON document.`, { retryable: false });
      return article;
    },
    async getCategories(request?: RequestOptions): Promise<Category[]> {
      return partOf(await loadDocument(request?.signal), 'categories') ?? [];
    },
    async getBanners(position: string, request?: RequestOptions): Promise<Banner[]> {
      // A banner without a position belongs to every position.
      return (partOf(await loadDocument(request?.signal), 'banners') ?? []).filter(
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
