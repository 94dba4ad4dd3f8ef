import { describe, expect, it } from 'vitest';
import { ShardedSet } from './sharded-set.js';

describe('a sharded set', () => {
  it('holds more values than one of its Sets takes, each once', () => {
    // Three per Set stands for the 2^24 a JavaScript Set takes at most.
    const keys = new ShardedSet(['a', 'b'], 3);
    for (const key of ['c', 'd', 'e', 'f', 'g', 'a', 'd', 'g']) keys.add(key);

    expect(keys.size).toBe(7);
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) expect(keys.has(key), key).toBe(true);
    expect(keys.has('h')).toBe(false);
  });
});
