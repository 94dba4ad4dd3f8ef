// Calendar days of an IANA time zone, written `2026-11-26`: the unit of view dedupe and of
// salt rotation. Where the clocks change, a day is 23 or 25 hours long.

const DAY_MS = 86_400_000;

/** The day of an instant in an IANA time zone, `2026-11-26`. */
export function calendarDay(ms: number, timeZone: string): string {
  return zoneCalendar(timeZone).dayOf(ms);
}

/** The first millisecond of a day in an IANA time zone. */
export function dayStart(day: string, timeZone: string): number {
  return zoneCalendar(timeZone).startOf(day);
}

/** The first millisecond after a day in an IANA time zone: the next day's start. */
export function dayEnd(day: string, timeZone: string): number {
  return zoneCalendar(timeZone).startOf(nextDay(day));
}

/** The day before, by the calendar alone: the same in every zone. */
export function previousDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Whether Intl knows a time zone (an IANA name such as `Asia/Ho_Chi_Minh`, or `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneCalendar(timeZone);
    return true;
  } catch {
    return false;
  }
}

const calendars = new Map<string, ZoneCalendar>();

function zoneCalendar(timeZone: string): ZoneCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = new ZoneCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

/**
 * One zone's wall clock. Reading it (`formatToParts`) costs some 20 µs, too much for every
 * hit: the day last asked for is kept with its bounds, and nearly every instant falls in it.
 */
class ZoneCalendar {
  readonly #wallClock: Intl.DateTimeFormat;
  #current: { day: string; startMs: number; endMs: number } | undefined;

  /** Throws a RangeError for a zone Intl does not know. */
  constructor(timeZone: string) {
    this.#wallClock = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  dayOf(ms: number): string {
    const current = this.#current;
    if (current && ms >= current.startMs && ms < current.endMs) return current.day;
    const day = this.#read(ms).day;
    this.#current = { day, startMs: this.startOf(day), endMs: this.startOf(nextDay(day)) };
    return day;
  }

  startOf(day: string): number {
    if (day === this.#current?.day) return this.#current.startMs;
    // The day's midnight as if the zone were UTC, moved by the zone's offset there; the offset
    // is taken again at that guess, in case the clocks change in between.
    const midnight = Date.parse(`${day}T00:00:00Z`);
    const guess = midnight - this.#offsetAt(midnight);
    const guessOffset = this.#offsetAt(guess);
    const start = midnight - guessOffset;
    if (start === guess || this.#offsetAt(start) === guessOffset) return start;
    // No such midnight: the clocks skip it (Santiago, Havana), and the day begins at the
    // change, which lies between the two guesses.
    let before = Math.min(guess, start);
    let from = Math.max(guess, start);
    while (from - before > 1) {
      const middle = Math.floor((before + from) / 2);
      if (this.#read(middle).day >= day) from = middle;
      else before = middle;
    }
    return from;
  }

  /** The wall clock at an instant: its day, and the same date and time as milliseconds of UTC. */
  #read(ms: number): { day: string; asUtcMs: number } {
    const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
    for (const { type, value } of this.#wallClock.formatToParts(ms)) part[type] = value;
    const { year = '', month = '', day = '', hour = '', minute = '', second = '' } = part;
    return {
      day: `${year.padStart(4, '0')}-${month}-${day}`,
      asUtcMs: Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)),
    };
  }

  /** How far the zone's wall clock is ahead of UTC at an instant (in whole seconds, as every offset is). */
  #offsetAt(ms: number): number {
    return this.#read(ms).asUtcMs - Math.floor(ms / 1000) * 1000;
  }
}
