import { describe, expect, it } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.js';
import { createCachedRead } from './cached-read.js';

function countingLoad() {
  const calls: string[] = [];
  let fail = false;
  const load = async (key: string) => {
    const call = calls.push(key);
    await Promise.resolve();
    if (fail) throw new Error('store away');
    return `${key}@${call}`;
  };
  return { load, calls, failNext: (value: boolean) => (fail = value) };
}

describe('a cached read', () => {
  it('shares one read among concurrent callers, then reuses it for the cache period', async () => {
    const clock = new FakeClock('2026-11-26T12:00:00Z');
    const { load, calls } = countingLoad();
    const read = createCachedRead(load, { ttlMs: 5000, now: clock.now, maxEntries: 10 });

    expect(await Promise.all([read('a'), read('a'), read('b')])).toEqual(['a@1', 'a@1', 'b@2']);
    clock.advance(4999);
    expect(await read('a')).toBe('a@1');
    clock.advance(1);
    expect(await read('a')).toBe('a@3');
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('with no cache period, still shares a read under way', async () => {
    const { load, calls } = countingLoad();
    const read = createCachedRead(load, { ttlMs: 0, now: Date.now, maxEntries: 10 });
    await Promise.all([read('a'), read('a')]);
    await read('a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('does not keep a failure: the next caller reads again', async () => {
    const { load, calls, failNext } = countingLoad();
    const read = createCachedRead(load, { ttlMs: 5000, now: Date.now, maxEntries: 10 });
    failNext(true);
    await expect(read('a')).rejects.toThrow('store away');
    failNext(false);
    expect(await read('a')).toBe('a@2');
    expect(calls).toEqual(['a', 'a']);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const { load, calls } = countingLoad();
    const read = createCachedRead(load, { ttlMs: 60_000, now: Date.now, maxEntries: 2 });
    for (const key of ['a', 'b', 'c', 'c', 'b', 'a']) await read(key);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
