import { pageGlobal } from '@portico/core';

export interface CachedRequestOptions {
  /** Milliseconds an answer is fresh: served without asking again. Default 60 000. */
  maxAge?: number | undefined;
  /**
   * Milliseconds after that during which the old answer is still served at once while a new
   * one is fetched in the background. Default 300 000.
   */
  staleWhileRevalidate?: number | undefined;
  /** The caller's cancellation: it stops waiting; the request stops when nobody waits any more. */
  signal?: AbortSignal | undefined;
}

interface InFlight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiters: number;
  /** A background revalidation runs to its end whoever waits. */
  background: boolean;
}

interface Entry {
  value?: unknown;
  fetchedAt: number;
  inFlight?: InFlight | undefined;
}

const DEFAULT_MAX_AGE = 60_000;
const DEFAULT_STALE_WHILE_REVALIDATE = 300_000;
/** Enough for every widget of a busy page; the oldest entries go first beyond it. */
const MOST_ENTRIES = 500;

// One cache per page, shared by every plugin instance and every copy of the library.
const entries = pageGlobal('plugin-cache.v1', () => new Map<string, Entry>());

/**
 * Answers a request from the page-wide cache, with stale-while-revalidate, and makes one
 * request however many widgets ask at once: ten menus asking for the categories share one
 * fetch. `key` names the request (its URL, with anything else that changes the answer).
 */
export function cachedRequest<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
  options: CachedRequestOptions = {},
): Promise<T> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const maxAge = options.maxAge ?? DEFAULT_MAX_AGE;
  const staleWhileRevalidate = options.staleWhileRevalidate ?? DEFAULT_STALE_WHILE_REVALIDATE;
  const entry = entries.get(key);
  const age = entry ? Date.now() - entry.fetchedAt : Infinity;

  if (entry && 'value' in entry && age < maxAge) return Promise.resolve(entry.value as T);
  if (entry && 'value' in entry && age < maxAge + staleWhileRevalidate) {
    if (!liveInFlight(entry)) start(key, entry, load, true);
    return Promise.resolve(entry.value as T);
  }
  const current = entry ?? remember(key, { fetchedAt: 0 });
  const inFlight = liveInFlight(current) ?? start(key, current, load, false);
  return join(inFlight, signal) as Promise<T>;
}

/** Forgets cached answers: all, or those whose key starts with `prefix`. */
export function clearCache(prefix = ''): void {
  for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
}

function remember(key: string, entry: Entry): Entry {
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MOST_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  return entry;
}

/**
 * The entry's request, unless its last waiter aborted it: that one only rejects with the
 * waiter's AbortError, which a newcomer would take for its own cancellation.
 */
function liveInFlight(entry: Entry): InFlight | undefined {
  return entry.inFlight?.controller.signal.aborted ? undefined : entry.inFlight;
}

function start<T>(key: string, entry: Entry, load: (signal: AbortSignal) => Promise<T>, background: boolean): InFlight {
  const controller = new AbortController();
  const inFlight: InFlight = { promise: Promise.resolve(), controller, waiters: 0, background };
  inFlight.promise = load(controller.signal).then(
    (value) => {
      entry.value = value;
      entry.fetchedAt = Date.now();
      if (entry.inFlight === inFlight) entry.inFlight = undefined;
      remember(key, entry);
      return value;
    },
    (error: unknown) => {
      // An aborted request may settle after a newer one took its place: leave that one be.
      if (entry.inFlight !== inFlight) throw error;
      entry.inFlight = undefined;
      // A failed first request leaves nothing to serve: forget the entry.
      if (!('value' in entry) && entries.get(key) === entry) entries.delete(key);
      throw error;
    },
  );
  // A background revalidation's failure is nobody's to handle: the stale answer stays.
  if (background) inFlight.promise.catch(() => undefined);
  entry.inFlight = inFlight;
  return inFlight;
}

function join(inFlight: InFlight, signal: AbortSignal | undefined): Promise<unknown> {
  inFlight.waiters += 1;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = (): void => {
      // The last one waiting gave up: nobody needs the answer any more.
      if (inFlight.waiters === 1 && !inFlight.background) inFlight.controller.abort(signal?.reason);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([inFlight.promise, aborted]).finally(() => {
    inFlight.waiters -= 1;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}
