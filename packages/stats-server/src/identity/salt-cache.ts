import type { StatsStore } from '../store/stats-store.js';

/** A site's salts for one UTC day, ready to hash with. */
export interface DaySalts {
  day: string;
  current: Buffer;
  currentHex: string;
  previous: Buffer | undefined;
}

/**
 * Salts change once a day, so each instance asks the store once per site and day, and
 * concurrent first requests share that one question.
 */
export class SaltCache {
  readonly #store: Pick<StatsStore, 'salts'>;
  readonly #entries = new Map<string, Promise<DaySalts>>();

  constructor(store: Pick<StatsStore, 'salts'>) {
    this.#store = store;
  }

  get(site: string, day: string, nowMs: number): Promise<DaySalts> {
    const key = `${site}\n${day}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      this.#dropOtherDays(day);
      entry = this.#store.salts(site, day, nowMs).then(({ current, previous }) => ({
        day,
        current: Buffer.from(current, 'hex'),
        currentHex: current,
        previous: previous === undefined ? undefined : Buffer.from(previous, 'hex'),
      }));
      entry.catch(() => this.#entries.delete(key));
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Asks the store again on next use: another instance made the day's salt first. */
  forget(site: string, day: string): void {
    this.#entries.delete(`${site}\n${day}`);
  }

  #dropOtherDays(day: string): void {
    for (const key of this.#entries.keys()) if (!key.endsWith(`\n${day}`)) this.#entries.delete(key);
  }
}
