// A JavaScript Set throws "Set maximum size exceeded" at 2^24 entries; half that leaves a margin.
const DEFAULT_SHARD_SIZE = 2 ** 23;

/**
 * A set of strings bounded only by memory: a JavaScript Set holds at most 2^24 entries, so
 * this one starts another Set whenever its last is full. A day's view-dedupe keys of a very
 * big site fit; a lookup checks each shard (one per 8 million keys).
 */
export class ShardedSet {
  readonly #shardSize: number;
  readonly #shards: Set<string>[] = [];

  /** `shardSize`: how many values each Set holds (tests make it small). */
  constructor(values: Iterable<string> = [], shardSize = DEFAULT_SHARD_SIZE) {
    this.#shardSize = shardSize;
    for (const value of values) this.add(value);
  }

  get size(): number {
    return this.#shards.reduce((sum, shard) => sum + shard.size, 0);
  }

  has(value: string): boolean {
    return this.#shards.some((shard) => shard.has(value));
  }

  add(value: string): void {
    if (this.has(value)) return;
    let last = this.#shards[this.#shards.length - 1];
    if (!last || last.size >= this.#shardSize) {
      last = new Set();
      this.#shards.push(last);
    }
    last.add(value);
  }
}
