import { SourceError } from '@portico/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveFeed } from './live-feed.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function counter() {
  let calls = 0;
  const load = vi.fn(() => Promise.resolve(++calls));
  return { load, calls: () => calls };
}

describe('createLiveFeed', () => {
  it('polls at the interval asked for while someone listens, and shares each answer', async () => {
    const { load } = counter();
    const feed = createLiveFeed(load);
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = feed.subscribe({ next: (value) => first.push(value) }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    const stopSecond = feed.subscribe({ next: (value) => second.push(value) }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(first).toEqual([1]);
    expect(second, 'a new subscriber gets the latest value at once').toEqual([1]);

    await vi.advanceTimersByTimeAsync(10_000);
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
    expect(load).toHaveBeenCalledTimes(2);

    stopFirst();
    stopSecond();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(feed.subscriberCount).toBe(0);
  });

  it('polls as often as its most eager subscriber, but no more than the floor allows', async () => {
    const { load } = counter();
    const feed = createLiveFeed(load, { shortestInterval: 5000 });
    feed.subscribe({ next: () => undefined }, { interval: 30_000 });
    await vi.advanceTimersByTimeAsync(0);
    feed.subscribe({ next: () => undefined }, { interval: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(4999);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reports a failed poll, keeps polling and recovers', async () => {
    const load = vi
      .fn<(signal: AbortSignal) => Promise<number>>()
      .mockResolvedValueOnce(1)
      .mockRejectedValueOnce(new SourceError('network', 'offline'))
      .mockResolvedValueOnce(3);
    const feed = createLiveFeed(load);
    const seen: string[] = [];
    feed.subscribe(
      { next: (value) => seen.push(String(value)), error: (error) => seen.push(error.code) },
      { interval: 5000 },
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(seen).toEqual(['1', 'network']);
    // After a failure, twice the interval.
    await vi.advanceTimersByTimeAsync(9999);
    expect(seen).toEqual(['1', 'network']);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['1', 'network', '3']);
  });

  it('asks a service that keeps failing less often (twice, then four times the interval), and as often again once it answers', async () => {
    const start = Date.now();
    const pollTimes: number[] = [];
    let down = true;
    const load = vi.fn(() => {
      pollTimes.push(Date.now() - start);
      return down ? Promise.reject(new SourceError('http', 'Service Unavailable')) : Promise.resolve(1);
    });
    createLiveFeed(load).subscribe({ next: () => undefined, error: () => undefined }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(150_000);
    expect(pollTimes).toEqual([0, 20_000, 60_000, 100_000, 140_000]);
    down = false;
    await vi.advanceTimersByTimeAsync(45_000);
    expect(pollTimes.slice(5), 'answering again: every interval').toEqual([180_000, 190_000]);
  });

  it('after a stop, polls at once for a subscriber instead of replaying a value older than the interval', async () => {
    let upstream = 1;
    const load = vi.fn(() => Promise.resolve(upstream));
    const feed = createLiveFeed(load);
    const before: number[] = [];
    const stop = feed.subscribe({ next: (value) => before.push(value) }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(before).toEqual([1]);
    stop(); // the tab is hidden
    await vi.advanceTimersByTimeAsync(60_000);
    upstream = 2;

    // The tab is shown again: two widgets on the page subscribe anew.
    const first: number[] = [];
    const second: number[] = [];
    feed.subscribe({ next: (value) => first.push(value) }, { interval: 10_000 });
    feed.subscribe({ next: (value) => second.push(value) }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(first, 'the fresh value first, not the one from before the stop').toEqual([2]);
    expect(second).toEqual([2]);
    expect(load, 'one catch-up poll for both').toHaveBeenCalledTimes(2);
  });

  it('after a short stop, replays a value younger than the interval and polls on schedule', async () => {
    const { load } = counter();
    const feed = createLiveFeed(load);
    const stop = feed.subscribe({ next: () => undefined }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(4000);
    const seen: number[] = [];
    feed.subscribe({ next: (value) => seen.push(value) }, { interval: 10_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([1]);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(6000);
    expect(seen).toEqual([1, 2]);
  });

  it('gives the old value, then the error, when the catch-up poll after a stop fails', async () => {
    const load = vi
      .fn<(signal: AbortSignal) => Promise<number>>()
      .mockResolvedValueOnce(1)
      .mockRejectedValueOnce(new SourceError('network', 'offline'));
    const feed = createLiveFeed(load);
    const stop = feed.subscribe({ next: () => undefined }, { interval: 5000 });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    const seen: string[] = [];
    feed.subscribe(
      { next: (value) => seen.push(String(value)), error: (error) => seen.push(error.code) },
      { interval: 5000 },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['1', 'network']);
  });

  it('cancels the poll under way when the last subscriber leaves', () => {
    let signal: AbortSignal | undefined;
    const feed = createLiveFeed((given) => {
      signal = given;
      return new Promise<number>(() => undefined);
    });
    const controller = new AbortController();
    feed.subscribe({ next: () => undefined }, { signal: controller.signal });
    expect(signal?.aborted).toBe(false);
    controller.abort();
    expect(signal?.aborted).toBe(true);
    expect(feed.subscriberCount).toBe(0);
  });
});
