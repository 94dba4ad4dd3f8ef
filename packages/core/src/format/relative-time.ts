import { resolveLocale } from '../locale/resolve.js';
import { sharedIntl } from '../shared-intl.js';
import { parsePortalDate } from './date.js';

export interface RelativeTimeOptions {
  locale?: string | undefined;
  /** The moment to measure from; default: now. */
  now?: Date | number | undefined;
  /** `auto` says "yesterday" / "hôm qua"; `always` says "1 day ago". */
  numeric?: Intl.RelativeTimeFormatNumeric | undefined;
  fallback?: string | undefined;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The largest unit that keeps the number readable: 90 minutes shows as "2 hours ago".
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['second', SECOND, MINUTE],
  ['minute', MINUTE, HOUR],
  ['hour', HOUR, DAY],
  ['day', DAY, 7 * DAY],
  ['week', 7 * DAY, 30 * DAY],
  ['month', 30 * DAY, 365 * DAY],
  ['year', 365 * DAY, Infinity],
];

/**
 * The first unit whose rounded amount still fits below the next unit: 59.6 seconds rounds to
 * 60, so it is "1 minute", not "60 seconds". The distance is rounded, not the signed
 * difference: -1.5 hours is "2 hours ago", as +1.5 is "in 2 hours".
 */
function unitAndAmount(distance: number): [Intl.RelativeTimeFormatUnit, number] {
  for (const [unit, size, below] of UNITS) {
    const amount = Math.round(distance / size);
    if (distance < below && amount * size < below) return [unit, amount];
  }
  return ['year', Math.round(distance / (365 * DAY))];
}

/**
 * How long ago (or ahead) a date is, in the largest sensible unit: `3 phút trước`,
 * `in 2 hours`, `hôm qua`. A value `parsePortalDate` rejects gives `fallback` (an em dash).
 */
export function formatRelativeTime(value: unknown, options: RelativeTimeOptions = {}): string {
  const parsed = parsePortalDate(value);
  const now = options.now === undefined ? Date.now() : Number(options.now);
  if (!parsed || !Number.isFinite(now)) return options.fallback ?? '\u2014';
  const difference = parsed.date.getTime() - now;
  const distance = Math.abs(difference);
  const [unit, amount] = unitAndAmount(distance);
  const { intlLocale } = resolveLocale(options.locale);
  const formatOptions: Intl.RelativeTimeFormatOptions = { numeric: options.numeric ?? 'auto' };
  const formatter = sharedIntl(
    'RelativeTimeFormat',
    intlLocale,
    formatOptions,
    () => new Intl.RelativeTimeFormat(intlLocale, formatOptions),
  );
  return formatter.format(difference < 0 ? -amount : amount, unit);
}
