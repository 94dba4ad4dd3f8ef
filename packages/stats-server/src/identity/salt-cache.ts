import type { StatsStore } from '../store/stats-store.js';
import { dayEnd, dayStart } from './calendar-day.js';

/** A site's salts for one day of the service's time zone, ready to hash with, and that day's bounds. */
export interface DaySalts {
  day: string;
  /** The day's first millisecond. */
  dayStartMs: number;
  /** The first millisecond after the day. */
  dayEndMs: number;
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
  readonly #timeZone: string;
  readonly #entries = new Map<string, Promise<DaySalts>>();

  /** `timeZone`: the IANA zone whose days `day` names. */
  constructor(store: Pick<StatsStore, 'salts'>, timeZone: string) {
    this.#store = store;
    this.#timeZone = timeZone;
  }

  get(site: string, day: string, nowMs: number): Promise<DaySalts> {
    const key = `${site}\n${day}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      this.#dropOtherDays(day);
      const dayStartMs = dayStart(day, this.#timeZone);
      const dayEndMs = dayEnd(day, this.#timeZone);
      entry = this.#store.salts(site, day, nowMs, dayEndMs).then(({ current, previous }) => ({
        day,
        dayStartMs,
        dayEndMs,
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
