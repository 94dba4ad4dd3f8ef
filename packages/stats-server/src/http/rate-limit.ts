export interface RateLimitOptions {
  /** Requests one client IP may make in `perSeconds`, all at once or spread out. */
  requests: number;
  perSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * A token bucket per client IP, in this process's memory only (several instances each
 * allow the full rate). Full buckets are forgotten once a period.
 */
export class RateLimiter {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #periodMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #sweptAtMs: number;

  constructor({ requests, perSeconds }: RateLimitOptions, now: () => number) {
    this.#capacity = requests;
    this.#periodMs = perSeconds * 1000;
    this.#refillPerMs = requests / this.#periodMs;
    this.#now = now;
    this.#sweptAtMs = now();
  }

  take(client: string): RateDecision {
    const nowMs = this.#now();
    if (nowMs - this.#sweptAtMs >= this.#periodMs) this.#sweep(nowMs);
    const bucket = this.#buckets.get(client) ?? { tokens: this.#capacity, atMs: nowMs };
    const tokens = this.#tokensAt(bucket, nowMs);
    if (tokens < 1) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.#refillPerMs / 1000)) };
    }
    this.#buckets.set(client, { tokens: tokens - 1, atMs: nowMs });
    return { allowed: true };
  }

  #tokensAt(bucket: Bucket, nowMs: number): number {
    return Math.min(this.#capacity, bucket.tokens + Math.max(0, nowMs - bucket.atMs) * this.#refillPerMs);
  }

  #sweep(nowMs: number): void {
    this.#sweptAtMs = nowMs;
    for (const [client, bucket] of this.#buckets) {
      if (this.#tokensAt(bucket, nowMs) >= this.#capacity) this.#buckets.delete(client);
    }
  }
}
