// While a failure goes on, it is said again at most this often.
const REPEAT_MS = 60_000;

/**
 * The log of a task retried on a timer (writing views, checkpointing): its first failure in
 * full, then one short line at most once a minute while it goes on, and one when it works
 * again. A full disk is then a few lines in the log, not a stack trace per retry.
 */
export class RepeatedFailureLog {
  /** What fails, as in "cannot …": `write views to SQLite`. */
  readonly #task: string;
  #failingSinceMs: number | undefined;
  #saidAtMs = 0;

  constructor(task: string) {
    this.#task = task;
  }

  /** Whether the task failed the last time it was tried. */
  get failing(): boolean {
    return this.#failingSinceMs !== undefined;
  }

  /** `situation`: what the failure leaves waiting (`(120 views waiting)`), said each time. */
  failed(error: unknown, situation = ''): void {
    const nowMs = Date.now();
    const state = situation === '' ? '' : ` ${situation}`;
    if (this.#failingSinceMs === undefined) {
      this.#failingSinceMs = nowMs;
      this.#saidAtMs = nowMs;
      console.error(`portico-stats: cannot ${this.#task}${state}; trying again:`, error);
    } else if (nowMs - this.#saidAtMs >= REPEAT_MS) {
      this.#saidAtMs = nowMs;
      const reason = error instanceof Error ? error.message : String(error);
      console.error(
        `portico-stats: still cannot ${this.#task}${state}, for ${describeDuration(nowMs - this.#failingSinceMs)}: ${reason}`,
      );
    }
  }

  succeeded(): void {
    if (this.#failingSinceMs === undefined) return;
    console.warn(
      `portico-stats: can ${this.#task} again, after ${describeDuration(Date.now() - this.#failingSinceMs)}`,
    );
    this.#failingSinceMs = undefined;
  }
}

function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}
