import { resolveLocale } from '../locale/resolve.js';
import { sharedIntl } from '../shared-intl.js';

/** A date read from CMS data. */
export interface PortalDate {
  /** The instant; for a date-only value, midnight UTC of that calendar date. */
  date: Date;
  /** A calendar date with no time (`2020-08-25`): shown the same in every time zone. */
  dateOnly: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 date-time; a space instead of `T` as Joomla and WordPress print it.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date from CMS data. Takes an ISO 8601 date (`2020-08-25`) or date-time
 * (`2020-08-25T08:30:00+07:00`; without an offset it is read as UTC, which is what Joomla's
 * and WordPress's APIs give), a `Date` or epoch milliseconds. Anything else, and dates that
 * do not exist (`2020-02-30`), gives `undefined`. Never throws.
 */
export function parsePortalDate(value: unknown): PortalDate | undefined {
  if (value instanceof Date || typeof value === 'number') {
    // A number past ±8.64e15 ms, like NaN, makes an invalid Date.
    const date = new Date(value instanceof Date ? value.getTime() : value);
    return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly: false };
  }
  if (typeof value !== 'string') return undefined;

  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2020-02-30 over to March: reject dates that do not exist.
    const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return exists ? { date, dateOnly: true } : undefined;
  }

  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return undefined;
  const [, day = '', time = '', offset = 'Z'] = dateTime;
  if (!parsePortalDate(day)) return undefined;
  const date = new Date(`${day}T${time}${offset.toUpperCase()}`);
  return Number.isNaN(date.getTime()) ? undefined : { date, dateOnly: false };
}

export interface DateFormatOptions {
  locale?: string | undefined;
  /**
   * The IANA time zone a date-time is shown in (`Asia/Ho_Chi_Minh`); default: the reader's.
   * A date-only value ignores it. An unknown zone shows the time in UTC.
   */
  timeZone?: string | undefined;
  /** Add hours and minutes to a date-time. */
  includeTime?: boolean | undefined;
  /** Intl options that replace the locale's date format. */
  format?: Intl.DateTimeFormatOptions | undefined;
  /** Shown for a value `parsePortalDate` rejects. Default: an em dash. */
  fallback?: string | undefined;
}

export const INVALID_DATE_FALLBACK = '\u2014';

const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const knownTimeZones = new Map<string, boolean>();

/** Whether Intl knows the IANA time zone `timeZone` (`Asia/Ho_Chi_Minh`); cached. */
export function isKnownTimeZone(timeZone: string): boolean {
  let known = knownTimeZones.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      known = true;
    } catch {
      known = false;
    }
    knownTimeZones.set(timeZone, known);
  }
  return known;
}

/**
 * A formatter per locale, options and zone. Only one with a `timeZone` is cached: one
 * without takes the reader's zone when it is made, and that zone can change (TZ in Node, the
 * system's in a browser).
 */
function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  if (options.timeZone === undefined) return new Intl.DateTimeFormat(locale, options);
  return sharedIntl('DateTimeFormat', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/**
 * Formats a date as the locale's portals print it: `25/8/2020` in vi, `Aug 25, 2020` in en,
 * the locale's own in any other locale Intl knows. A date-only value is a calendar date that
 * never shifts with the reader's time zone; a date-time is shown in `timeZone`.
 */
export function formatDate(value: unknown, options: DateFormatOptions = {}): string {
  const parsed = parsePortalDate(value);
  if (!parsed) return options.fallback ?? INVALID_DATE_FALLBACK;
  const { intlLocale, definition } = resolveLocale(options.locale);
  const dateFormat = options.format ?? definition.dateFormat;

  if (parsed.dateOnly) {
    return dateFormatter(intlLocale, { ...dateFormat, timeZone: 'UTC' }).format(parsed.date);
  }
  const requested = options.timeZone;
  const timeZone = requested === undefined ? undefined : isKnownTimeZone(requested) ? requested : 'UTC';
  return dateFormatter(intlLocale, {
    ...dateFormat,
    ...(options.includeTime ? TIME_OPTIONS : {}),
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(parsed.date);
}

/**
 * The machine-readable value for `<time datetime>`: `2020-08-25` for a date, the full UTC
 * instant for a date-time, `undefined` for a value `parsePortalDate` rejects.
 */
export function toDateTimeAttribute(value: unknown): string | undefined {
  const parsed = parsePortalDate(value);
  if (!parsed) return undefined;
  return parsed.dateOnly ? parsed.date.toISOString().slice(0, 10) : parsed.date.toISOString();
}
