import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedRequest, clearCache } from './page-cache.js';

afterEach(() => {
  clearCache();
  vi.useRealTimers();
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('cachedRequest', () => {
  it('makes one request for ten widgets asking at once', async () => {
    const load = vi.fn(() => Promise.resolve(['Công tác dân vận - mặt trận']));
    const answers = await Promise.all(Array.from({ length: 10 }, () => cachedRequest('categories', load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(new Set(answers.map((answer) => answer.join()))).toEqual(new Set(['Công tác dân vận - mặt trận']));
  });

  it('serves a fresh answer from memory, a stale one at once while revalidating', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let version = 0;
    const load = vi.fn(() => Promise.resolve(++version));
    expect(await cachedRequest('stats', load, { maxAge: 1000, staleWhileRevalidate: 5000 })).toBe(1);
    vi.advanceTimersByTime(500);
    expect(await cachedRequest('stats', load, { maxAge: 1000, staleWhileRevalidate: 5000 })).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1000);
    expect(await cachedRequest('stats', load, { maxAge: 1000, staleWhileRevalidate: 5000 }), 'stale, at once').toBe(1);
    expect(load).toHaveBeenCalledTimes(2);
    await Promise.resolve();
    expect(await cachedRequest('stats', load, { maxAge: 1000, staleWhileRevalidate: 5000 }), 'revalidated').toBe(2);

    vi.advanceTimersByTime(10_000);
    expect(await cachedRequest('stats', load, { maxAge: 1000, staleWhileRevalidate: 5000 }), 'too old: waits').toBe(3);
  });

  it('keeps no failure: the next ask tries again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('ok');
    await expect(cachedRequest('flaky', load)).rejects.toThrow('offline');
    await expect(cachedRequest('flaky', load)).resolves.toBe('ok');
  });

  it('keeps the stale answer when revalidation fails', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const load = vi.fn().mockResolvedValueOnce('first').mockRejectedValue(new Error('offline'));
    await cachedRequest('kept', load, { maxAge: 10 });
    vi.advanceTimersByTime(20);
    await expect(cachedRequest('kept', load, { maxAge: 10 })).resolves.toBe('first');
    await Promise.resolve();
    await expect(cachedRequest('kept', load, { maxAge: 10 })).resolves.toBe('first');
  });

  it('cancels the request only when every widget waiting for it has left', async () => {
    const pending = deferred<string>();
    let requestSignal: AbortSignal | undefined;
    const load = (signal: AbortSignal) => {
      requestSignal = signal;
      return pending.promise;
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = cachedRequest('shared', load, { signal: first.signal });
    const b = cachedRequest('shared', load, { signal: second.signal });
    first.abort();
    await expect(a).rejects.toThrow();
    expect(requestSignal?.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toThrow();
    expect(requestSignal?.aborted).toBe(true);
    pending.resolve('late');
  });

  it('starts afresh for a widget that asks just after the only waiter left', async () => {
    // Like fetch: the request rejects with the abort reason when its signal aborts.
    const load = vi.fn(
      (signal: AbortSignal) =>
        new Promise<string>((resolve, reject) => {
          signal.addEventListener(
            'abort',
            () => {
              reject(signal.reason as Error);
            },
            { once: true },
          );
          setTimeout(() => {
            resolve('Tin tức');
          }, 0);
        }),
    );
    const leaving = new AbortController();
    const first = cachedRequest('moved', load, { signal: leaving.signal });
    leaving.abort();
    // A widget moved in the DOM reconnects at once, before the aborted request has settled.
    const second = cachedRequest('moved', load);
    await expect(first).rejects.toThrow();
    await expect(second).resolves.toBe('Tin tức');
    expect(load).toHaveBeenCalledTimes(2);
    await expect(cachedRequest('moved', load), 'the fresh answer is cached').resolves.toBe('Tin tức');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('is one cache per page, shared by a second copy of the library', async () => {
    // @ts-expect-error -- the query string is not a file TypeScript can see.
    const secondCopy = (await import('./page-cache.js?second-copy')) as { cachedRequest: typeof cachedRequest };
    expect(secondCopy.cachedRequest).not.toBe(cachedRequest);
    await cachedRequest('once', () => Promise.resolve('from the first copy'));
    const load = vi.fn(() => Promise.resolve('from the second copy'));
    await expect(secondCopy.cachedRequest('once', load)).resolves.toBe('from the first copy');
    expect(load).not.toHaveBeenCalled();
  });
});
