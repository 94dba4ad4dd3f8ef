import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnounceThrottle } from './announce-throttle.js';

describe('AnnounceThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function throttle(interval: number): { applied: number[]; gate: AnnounceThrottle<number> } {
    const applied: number[] = [];
    const gate = new AnnounceThrottle<number>(
      (value) => applied.push(value),
      () => Date.now(),
    );
    gate.interval = interval;
    return { applied, gate };
  }

  it('lets the first value through at once and the latest after the interval', () => {
    const { applied, gate } = throttle(30_000);
    gate.push(1);
    gate.push(2);
    gate.push(3);
    expect(applied).toEqual([1]);
    vi.advanceTimersByTime(29_999);
    expect(applied).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(applied).toEqual([1, 3]);
  });

  it('lets a value through at once when the interval has passed', () => {
    const { applied, gate } = throttle(1000);
    gate.push(1);
    vi.advanceTimersByTime(5000);
    gate.push(2);
    expect(applied).toEqual([1, 2]);
  });

  it('never applies more than once per interval (many pushes)', () => {
    const { applied, gate } = throttle(1000);
    for (let step = 0; step < 100; step += 1) {
      gate.push(step);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(1000);
    expect(applied.length).toBeLessThanOrEqual(11);
    expect(applied.at(-1)).toBe(99);
  });

  it('applies everything at once with interval 0, and forgets on reset', () => {
    const { applied, gate } = throttle(0);
    gate.push(1);
    gate.push(2);
    expect(applied).toEqual([1, 2]);
    gate.interval = 1000;
    gate.push(3);
    gate.reset();
    gate.push(4);
    vi.advanceTimersByTime(2000);
    expect(applied).toEqual([1, 2, 4]);
  });
});
