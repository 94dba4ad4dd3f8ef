/**
 * Data sources for stories: each registers a source under a name for as long as its story is
 * shown (`beforeEach`, whose cleanup unregisters it), so a widget with `source="<name>"`
 * shows the state the story is about: loading, failed, out of date, live. Source names are
 * page-wide: every story uses its own.
 */
import {
  getSource,
  registerSource,
  SourceError,
  type DataSource,
  type LiveObserver,
  type RequestOptions,
  type SourceErrorCode,
} from '@portico/core';
import { createMemorySource, type MemorySource, type MemorySourceData } from '@portico/core/testing';

/** A story's `beforeEach`: sets something up, returns what undoes it. */
export type StorySetUp = () => () => void;

/** Registers the source `create` makes under `name` while the story is shown. */
export function provideSource(name: string, create: () => DataSource): StorySetUp {
  return () => registerSource(name, create());
}

/** A source answering from `data` (the core types), after `latency` milliseconds. */
export function withData(name: string, data: MemorySourceData, latency = 0): StorySetUp {
  return provideSource(name, () => createMemorySource(data, { latency }));
}

/** Never settles (until the widget gives up the request): the loading state. */
function pending<T>(options?: RequestOptions): Promise<T> {
  return new Promise<T>((_, reject) => {
    options?.signal?.addEventListener(
      'abort',
      () => {
        reject(options.signal?.reason as Error);
      },
      { once: true },
    );
  });
}

/** A source that is asked and never answers: every widget shows its loading state. */
export function loadingSource(): DataSource {
  return {
    kind: 'sample (never answers)',
    listArticles: (_query, options) => pending(options),
    getArticle: (_id, options) => pending(options),
    getCategories: (options) => pending(options),
    getBanners: (_position, options) => pending(options),
    getVisitorStats: (options) => pending(options),
    getViewStats: (_query, options) => pending(options),
    subscribeVisitorStats: () => () => undefined,
    subscribeViewStats: () => () => undefined,
  };
}

export function withLoadingSource(name: string): StorySetUp {
  return provideSource(name, loadingSource);
}

/** The error a failing sample source gives: the server cannot be reached. */
export function sampleError(code: SourceErrorCode = 'network'): SourceError {
  return new SourceError(code, 'The sample source is set to fail (as when the server cannot be reached).');
}

/** A source that fails every request, before ever answering: the error state. */
export function failingSource(code: SourceErrorCode = 'network'): MemorySource {
  const memory = createMemorySource({});
  memory.failWith(sampleError(code));
  return memory;
}

export function withFailingSource(name: string, code: SourceErrorCode = 'network'): StorySetUp {
  return provideSource(name, () => failingSource(code));
}

/**
 * A live source that answers once from `data`, then fails: the widget keeps the numbers it
 * had and marks them out of date.
 */
export function answersThenFails(data: MemorySourceData): MemorySource {
  const memory = createMemorySource(data);
  const failSoon = (): void => {
    setTimeout(() => {
      memory.failWith(sampleError());
    }, 0);
  };
  function relay<T>(observer: LiveObserver<T>): LiveObserver<T> {
    return {
      next: (value) => {
        observer.next(value);
        failSoon();
      },
      error: (error) => observer.error?.(error),
    };
  }
  return {
    ...memory,
    subscribeVisitorStats: (observer, options) => memory.subscribeVisitorStats(relay(observer), options),
    subscribeViewStats: (observer, options) => memory.subscribeViewStats(relay(observer), options),
  };
}

export function withSourceThatFailsAfterAnswering(name: string, data: MemorySourceData): StorySetUp {
  return provideSource(name, () => answersThenFails(data));
}

/**
 * A memory source that changes by itself every `every` milliseconds while the story is
 * shown (`tick` changes it, as visitors come and go): a live widget.
 */
export function withTicking(
  name: string,
  data: MemorySourceData,
  every: number,
  tick: (memory: MemorySource) => void,
): StorySetUp {
  return () => {
    const memory = createMemorySource(data);
    const unregister = registerSource(name, memory);
    const timer = setInterval(() => {
      tick(memory);
    }, every);
    return () => {
      clearInterval(timer);
      unregister();
    };
  };
}

/** The memory source a story registered under `name`, to change it from a play function. */
export function memorySourceNamed(name: string): MemorySource {
  const source = getSource(name);
  if (source?.kind !== 'memory') throw new Error(`No memory source is registered as "${name}".`);
  return source as MemorySource;
}
