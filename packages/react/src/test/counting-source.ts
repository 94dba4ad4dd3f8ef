// A live widget's source that counts what the widget asks of it: whether `live={false}` keeps
// a widget from subscribing, and whether switching `live` on and off opens and closes one.
import type { DataSource, ViewStats, VisitorStats } from '@portico/core';
import { registerTestSource } from '@portico/test-helpers';

/** What a live widget asked of its source: one-off loads, subscriptions, and those still open. */
export interface SourceCounts {
  fetches: number;
  subscriptions: number;
  open: number;
}

let liveSourceCount = 0;

/** A source of visitor and view stats that counts what widgets ask of it; unregistered after the test. */
export function countingSource(): { name: string; counts: SourceCounts } {
  liveSourceCount += 1;
  const name = `live-test-${String(liveSourceCount)}`;
  const counts: SourceCounts = { fetches: 0, subscriptions: 0, open: 0 };
  const visitorStats: VisitorStats = { guests: 69, members: 0 };
  const viewStats: ViewStats = { total: '18116910' };
  const fetch = <T>(value: T): Promise<T> => {
    counts.fetches += 1;
    return Promise.resolve(value);
  };
  const subscribe = <T>(observer: { next(value: T): void }, value: T) => {
    counts.subscriptions += 1;
    counts.open += 1;
    observer.next(value);
    let open = true;
    return () => {
      if (open) counts.open -= 1;
      open = false;
    };
  };
  const source: DataSource = {
    getVisitorStats: () => fetch(visitorStats),
    getViewStats: () => fetch(viewStats),
    subscribeVisitorStats: (observer) => subscribe(observer, visitorStats),
    subscribeViewStats: (observer) => subscribe(observer, viewStats),
  };
  registerTestSource(name, source);
  return { name, counts };
}
