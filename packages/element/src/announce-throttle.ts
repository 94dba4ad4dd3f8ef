/**
 * Lets a value through at most once per interval, keeping the latest: the first value goes
 * through at once, and a value that arrives sooner than `interval` after the last one waits
 * until the interval is over (a newer value replaces it meanwhile). Widgets put live
 * numbers through it so a screen reader hears a `role="status"` change at most once per
 * interval, however often the source answers.
 */
export class AnnounceThrottle<T> {
  #last = -Infinity;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: { value: T } | undefined;

  readonly #apply: (value: T) => void;
  readonly #now: () => number;

  constructor(apply: (value: T) => void, now: () => number = () => performance.now()) {
    this.#apply = apply;
    this.#now = now;
  }

  /** The interval in milliseconds; 0 lets every value through at once. */
  interval = 0;

  push(value: T): void {
    const wait = this.#last + this.interval - this.#now();
    if (wait <= 0 && !this.#timer) {
      this.#emit(value);
      return;
    }
    this.#pending = { value };
    this.#timer ??= setTimeout(
      () => {
        this.#timer = undefined;
        const pending = this.#pending;
        this.#pending = undefined;
        if (pending) this.#emit(pending.value);
      },
      Math.max(0, wait),
    );
  }

  /** Drops a waiting value and forgets the last one: the next value goes through at once. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = undefined;
    this.#last = -Infinity;
  }

  #emit(value: T): void {
    this.#last = this.#now();
    this.#apply(value);
  }
}
