const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant, `2026-11-26`: the unit of view dedupe and of salt rotation. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first millisecond of a UTC day. */
export function utcDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

export function previousUtcDay(day: string): string {
  return utcDay(utcDayStart(day) - DAY_MS);
}

/** The first millisecond after a UTC day, `days` days later (1: the next midnight). */
export function utcDayEnd(day: string, days = 1): number {
  return utcDayStart(day) + days * DAY_MS;
}
