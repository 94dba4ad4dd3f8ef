import {
  type DataSource,
  type LiveObserver,
  type LiveOptions,
  type Page,
  type RequestOptions,
  type ArticleQuery,
  type SourceCapability,
  type ViewStatsQuery,
} from '../sources/contract.js';
import { SourceError } from '../sources/errors.js';
import type { Article, Banner, Category, ViewStats, VisitorStats } from '../types.js';

export interface MemorySourceData {
  articles?: Article[];
  categories?: Category[];
  banners?: Banner[];
  visitorStats?: VisitorStats;
  viewStats?: ViewStats;
}

export interface MemorySourceOptions {
  /** Milliseconds every request takes, to show loading states. Default 0. */
  latency?: number;
  /** The clock banners' publish windows are checked against. Default `Date.now`. */
  now?: () => number;
}

/**
 * An in-memory data source with every capability: for tests, stories and prototypes. Its
 * live stats change when you call `setVisitorStats` / `setViewStats`, and `failWith` makes
 * every request and subscription fail until it is called again with `undefined`.
 */
export interface MemorySource extends Required<Pick<DataSource, SourceCapability>> {
  readonly kind: 'memory';
  setVisitorStats(stats: VisitorStats): void;
  setViewStats(stats: ViewStats): void;
  failWith(error: SourceError | undefined): void;
  /** How many live subscriptions are open. */
  readonly subscriberCount: number;
}

const DEFAULT_PAGE_SIZE = 10;

function wait(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function isPublished(banner: Banner, now: number): boolean {
  const up = banner.publishUp === undefined ? -Infinity : Date.parse(banner.publishUp);
  const down = banner.publishDown === undefined ? Infinity : Date.parse(banner.publishDown);
  return !(up > now) && !(down <= now);
}

function byViewsDescending(a: Article, b: Article): number {
  const views = (article: Article): bigint => {
    try {
      return BigInt(article.views ?? 0);
    } catch {
      return 0n;
    }
  };
  const difference = views(b) - views(a);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

export function createMemorySource(data: MemorySourceData, options: MemorySourceOptions = {}): MemorySource {
  const latency = options.latency ?? 0;
  const now = options.now ?? Date.now;
  let visitorStats = data.visitorStats;
  let viewStats = data.viewStats;
  let failure: SourceError | undefined;
  const visitorObservers = new Map<LiveObserver<VisitorStats>, () => VisitorStats | undefined>();
  const viewObservers = new Map<LiveObserver<ViewStats>, () => ViewStats | undefined>();

  async function answer<T>(produce: () => T, requestOptions: RequestOptions | undefined): Promise<T> {
    await wait(latency, requestOptions?.signal);
    if (failure) throw failure;
    return structuredClone(produce());
  }

  function held<T>(value: T | undefined, what: string): T {
    if (value === undefined)
      throw new SourceError('unsupported', `This memory source holds no ${what}.`, { retryable: false });
    return value;
  }

  // Each subscription keeps how it reads its value (a view-stats subscription may ask for a path).
  function subscribe<T>(
    observers: Map<LiveObserver<T>, () => T | undefined>,
    read: () => T | undefined,
    observer: LiveObserver<T>,
    liveOptions: LiveOptions | undefined,
  ): () => void {
    observers.set(observer, read);
    const unsubscribe = (): void => {
      observers.delete(observer);
    };
    liveOptions?.signal?.addEventListener('abort', unsubscribe, { once: true });
    // Deliver the current value asynchronously, as a network-backed plugin would.
    void wait(latency, liveOptions?.signal).then(
      () => {
        if (observers.has(observer)) notifyOne(observer, read);
      },
      () => undefined,
    );
    return unsubscribe;
  }

  function notifyOne<T>(observer: LiveObserver<T>, read: () => T | undefined): void {
    if (failure) {
      observer.error?.(failure);
      return;
    }
    const value = read();
    if (value !== undefined) observer.next(structuredClone(value));
  }

  function notifyAll<T>(observers: Map<LiveObserver<T>, () => T | undefined>): void {
    observers.forEach((read, observer) => {
      notifyOne(observer, read);
    });
  }

  function viewStatsFor(query: ViewStatsQuery | undefined): ViewStats {
    const stats = held(viewStats, 'view stats');
    if (query?.path === undefined) return stats;
    const article = data.articles?.find((candidate) => candidate.url === query.path);
    return { ...stats, path: query.path, views: article?.views ?? 0 };
  }

  return {
    kind: 'memory',
    listArticles(query: ArticleQuery, requestOptions?: RequestOptions): Promise<Page<Article>> {
      return answer(() => {
        const all = held(data.articles, 'articles')
          .filter((article) => query.categoryId === undefined || article.categoryId === query.categoryId)
          .sort(query.order === 'most-read' ? byViewsDescending : (a, b) => b.published.localeCompare(a.published));
        const pageSize = Math.max(1, query.pageSize ?? DEFAULT_PAGE_SIZE);
        const page = Math.max(1, query.page ?? 1);
        const items = all.slice((page - 1) * pageSize, page * pageSize);
        return { items, page, pageSize, total: all.length, hasMore: page * pageSize < all.length };
      }, requestOptions);
    },
    getArticle(id: string, requestOptions?: RequestOptions): Promise<Article> {
      return answer(() => {
        const article = held(data.articles, 'articles').find((candidate) => candidate.id === id);
        if (!article) throw new SourceError('not-found', `No article with id "${id}".`, { retryable: false });
        return article;
      }, requestOptions);
    },
    getCategories(requestOptions?: RequestOptions): Promise<Category[]> {
      return answer(() => held(data.categories, 'categories'), requestOptions);
    },
    getBanners(position: string, requestOptions?: RequestOptions): Promise<Banner[]> {
      return answer(
        () =>
          held(data.banners, 'banners')
            .filter((banner) => banner.position === position && isPublished(banner, now()))
            .sort((a, b) => (a.ordering ?? 0) - (b.ordering ?? 0)),
        requestOptions,
      );
    },
    getVisitorStats(requestOptions?: RequestOptions): Promise<VisitorStats> {
      return answer(() => held(visitorStats, 'visitor stats'), requestOptions);
    },
    getViewStats(query?: ViewStatsQuery, requestOptions?: RequestOptions): Promise<ViewStats> {
      return answer(() => viewStatsFor(query), requestOptions);
    },
    subscribeVisitorStats(observer, liveOptions) {
      return subscribe(visitorObservers, () => visitorStats, observer, liveOptions);
    },
    subscribeViewStats(observer, liveOptions) {
      const read = (): ViewStats | undefined => (viewStats === undefined ? undefined : viewStatsFor(liveOptions));
      return subscribe(viewObservers, read, observer, liveOptions);
    },
    setVisitorStats(stats: VisitorStats): void {
      visitorStats = stats;
      notifyAll(visitorObservers);
    },
    setViewStats(stats: ViewStats): void {
      viewStats = stats;
      notifyAll(viewObservers);
    },
    failWith(error: SourceError | undefined): void {
      failure = error;
      notifyAll(visitorObservers);
      notifyAll(viewObservers);
    },
    get subscriberCount(): number {
      return visitorObservers.size + viewObservers.size;
    },
  };
}
