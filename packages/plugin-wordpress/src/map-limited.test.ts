import { describe, expect, it } from 'vitest';
import { installMooToolsArrayFrom } from '../../../tooling/mootools-array-from.mjs';
import { mapLimited } from './map-limited.js';

/** A task that stays under way until the test lets it finish. */
function gate() {
  let now = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  const task = async (value: number): Promise<number> => {
    now += 1;
    most = Math.max(most, now);
    await new Promise<void>((resolve) => waiting.push(resolve));
    now -= 1;
    return value * 10;
  };
  return { task, waiting, most: () => most, now: () => now };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('mapLimited', () => {
  it('runs at most `limit` tasks at once and gives every result in order', async () => {
    const { task, waiting, most, now } = gate();
    const done = mapLimited([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4, task);
    await settle();
    expect(now()).toBe(4);
    // Finish them out of order: the next one starts as soon as one ends.
    while (waiting.length > 0) {
      waiting.splice(waiting.length - 1, 1)[0]?.();
      await settle();
    }
    await expect(done).resolves.toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(most()).toBe(4);
  });

  it('takes a limit below 1 as 1, and gives an empty list for none', async () => {
    const { task, waiting, most } = gate();
    const done = mapLimited([1, 2, 3], 0, task);
    while (waiting.length > 0 || most() === 0) {
      waiting.shift()?.();
      await settle();
    }
    await expect(done).resolves.toEqual([10, 20, 30]);
    expect(most()).toBe(1);
    await expect(mapLimited([], 4, task)).resolves.toEqual([]);
  });

  it('maps every item on a Joomla 3 page, whose MooTools 1.4 replaced Array.from', async () => {
    const restore = installMooToolsArrayFrom();
    try {
      await expect(mapLimited([1, 2, 3, 4, 5], 2, (value) => Promise.resolve(value * 10))).resolves.toEqual([
        10, 20, 30, 40, 50,
      ]);
    } finally {
      restore();
    }
  });

  it('rejects with the first failure and starts nothing more', async () => {
    const started: number[] = [];
    const done = mapLimited([1, 2, 3, 4, 5], 2, async (value) => {
      started.push(value);
      if (value === 1) throw new Error('no');
      await settle();
      return value;
    });
    await expect(done).rejects.toThrow('no');
    await settle();
    expect(started).toEqual([1, 2]);
  });
});
