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

/** After failed polls in a row, the next waits twice the interval, then this many intervals at most. */
const LONGEST_BACKOFF = 4;

interface Subscriber<T> {
  observer: LiveObserver<T>;
  interval: number;
  /** Whether it has had a value yet. */
  served: boolean;
}

/**
 * Polls `load` for as long as anyone subscribes, at the shortest interval any subscriber
 * asks for, and shares each answer with all of them: two widgets following the same stats
 * make one request per interval. A new subscriber gets the latest value at once while it is
 * younger than the interval; an older one (after the feed stopped, say while the tab was
 * hidden) is not replayed: the feed polls at once and the subscriber's first value is the
 * fresh one, or, should that poll fail, the old value and then the error. A failed poll
 * reaches every subscriber's `error`, and polling goes on, so the feed recovers by itself;
 * after failures in a row it waits twice the interval, then four times, so a service that is
 * down (and every reader's tab) is not asked as often as when it answers.
 * With no subscriber left, it stops and cancels the request under way.
 */
export function createLiveFeed<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: LiveFeedOptions = {},
): LiveFeed<T> {
  const defaultInterval = options.defaultInterval ?? 30_000;
  const shortestInterval = options.shortestInterval ?? 5000;
  const subscribers = new Set<Subscriber<T>>();
  /** The last value, and when it came (`Date.now()`). */
  let latest: { value: T; at: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: AbortController | undefined;
  let lastPollAt = -Infinity;
  let failuresInARow = 0;

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
      latest = { value, at: Date.now() };
      failuresInARow = 0;
      for (const subscriber of [...subscribers]) {
        subscriber.served = true;
        subscriber.observer.next(value);
      }
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      failuresInARow += 1;
      const failure = toSourceError(error, options.source);
      for (const subscriber of [...subscribers]) {
        // One who waited for this poll instead of an old value gets that value after all,
        // with the error that marks it out of date.
        if (!subscriber.served && latest) {
          subscriber.served = true;
          subscriber.observer.next(latest.value);
        }
        if (subscribers.has(subscriber)) subscriber.observer.error?.(failure);
      }
    } finally {
      if (running === controller) running = undefined;
    }
    schedule();
  }

  /**
   * (Re)plans the next poll: one interval after the last one, for the current subscribers, or
   * longer after failures in a row.
   */
  function schedule(): void {
    clearTimeout(timer);
    timer = undefined;
    if (subscribers.size === 0 || running !== undefined) return;
    const wait = interval() * Math.min(2 ** failuresInARow, LONGEST_BACKOFF);
    timer = setTimeout(() => void poll(), Math.max(0, lastPollAt + wait - Date.now()));
  }

  function stop(): void {
    clearTimeout(timer);
    timer = undefined;
    running?.abort();
    running = undefined;
  }

  return {
    subscribe(observer, liveOptions = {}) {
      const subscriber: Subscriber<T> = {
        observer,
        interval: liveOptions.interval ?? defaultInterval,
        served: false,
      };
      subscribers.add(subscriber);
      const unsubscribe = (): void => {
        if (!subscribers.delete(subscriber)) return;
        liveOptions.signal?.removeEventListener('abort', unsubscribe);
        if (subscribers.size === 0) stop();
      };
      liveOptions.signal?.addEventListener('abort', unsubscribe, { once: true });
      if (latest && Date.now() - latest.at < interval()) {
        // Recent enough: shared, so a second widget makes no request of its own.
        const { value } = latest;
        queueMicrotask(() => {
          if (!subscribers.has(subscriber) || subscriber.served) return;
          subscriber.served = true;
          observer.next(value);
        });
        // A subscriber may want updates sooner than the poll already planned.
        schedule();
      } else if (running === undefined) {
        // Nothing yet, or only a value older than the interval (from before a stop, or before
        // failed polls): replayed, it would be shown as current, and hold the fresh one back
        // for as long as a widget's announce interval.
        clearTimeout(timer);
        timer = undefined;
        void poll();
      }
      // Otherwise a poll is under way, and its answer is this subscriber's first value.
      return unsubscribe;
    },
    get subscriberCount() {
      return subscribers.size;
    },
  };
}
