import { isAbortError, toSourceError, type LiveObserver, type LiveOptions, type Unsubscribe } from '@portico/core';

export interface LiveFeedOptions {
  /** The interval when a subscriber asks for none, in milliseconds. Default 30 000. */
  defaultInterval?: number | undefined;
  /** No subscriber can make the feed poll more often than this. Default 5000. */
  shortestInterval?: number | undefined;
  /** The source's name, for errors. */
  source?: string | undefined;
}

export interface LiveFeed<T> {
  subscribe(observer: LiveObserver<T>, options?: LiveOptions): Unsubscribe;
  /** How many subscribers it has now. */
  readonly subscriberCount: number;
}

interface Subscriber<T> {
  observer: LiveObserver<T>;
  interval: number;
}

/**
 * Polls `load` for as long as anyone subscribes, at the shortest interval any subscriber
 * asks for, and shares each answer with all of them: two widgets following the same stats
 * make one request per interval. A new subscriber gets the latest value at once. A failed
 * poll reaches every subscriber's `error`, and polling goes on, so the feed recovers by
 * itself. With no subscriber left, it stops and cancels the request under way.
 */
export function createLiveFeed<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: LiveFeedOptions = {},
): LiveFeed<T> {
  const defaultInterval = options.defaultInterval ?? 30_000;
  const shortestInterval = options.shortestInterval ?? 5000;
  const subscribers = new Set<Subscriber<T>>();
  let latest: { value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  let lastPollAt = -Infinity;

  function interval(): number {
    let shortest = Infinity;
    for (const subscriber of subscribers) shortest = Math.min(shortest, subscriber.interval);
    return Math.max(shortestInterval, shortest);
  }

  async function poll(): Promise<void> {
    timer = undefined;
    lastPollAt = Date.now();
    const controller = new AbortController();
    running = controller;
    try {
      const value = await load(controller.signal);
      if (controller.signal.aborted) return;
      latest = { value };
      for (const { observer } of [...subscribers]) observer.next(value);
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      const failure = toSourceError(error, options.source);
      for (const { observer } of [...subscribers]) observer.error?.(failure);
    } finally {
      if (running === controller) running = undefined;
    }
    schedule();
  }

  /** (Re)plans the next poll: one interval after the last one, for the current subscribers. */
  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (subscribers.size === 0 || running !== undefined) return;
    timer = setTimeout(() => void poll(), Math.max(0, lastPollAt + interval() - Date.now()));
  }

  function stop(): void {
    clearTimeout(timer);
    timer = undefined;
    running?.abort();
    running = undefined;
  }

  return {
    subscribe(observer, liveOptions = {}) {
      const subscriber: Subscriber<T> = { observer, interval: liveOptions.interval ?? defaultInterval };
      subscribers.add(subscriber);
      const unsubscribe = (): void => {
        if (!subscribers.delete(subscriber)) return;
        liveOptions.signal?.removeEventListener('abort', unsubscribe);
        if (subscribers.size === 0) stop();
      };
      liveOptions.signal?.addEventListener('abort', unsubscribe, { once: true });
      if (latest) {
        const { value } = latest;
        queueMicrotask(() => {
          if (subscribers.has(subscriber)) observer.next(value);
        });
      }
      if (!latest && running === undefined) {
        clearTimeout(timer);
        timer = undefined;
        void poll();
      } else {
        // A subscriber may want updates sooner than the poll already planned.
        schedule();
      }
      return unsubscribe;
    },
    get subscriberCount() {
      return subscribers.size;
    },
  };
}
