import { resolveLocale } from '../locale/resolve.js';
import { sharedIntl } from '../shared-intl.js';

/** `auto`: the locale's digit grouping (`18.116.910` in vi); `off`: none (`18116910`). */
export type Grouping = 'auto' | 'off';
/** `standard`: every digit; `compact`: short form (`18 Tr` in vi, `18M` in en). */
export type Notation = 'standard' | 'compact';

export interface IntegerFormatOptions {
  /** A BCP 47 tag; see `resolveLocale` for the fallbacks. */
  locale?: string | undefined;
  grouping?: Grouping | undefined;
  notation?: Notation | undefined;
  /** What to show for a value that is not an integer. Default: `INVALID_NUMBER_FALLBACK`. */
  fallback?: string | undefined;
}

/** Shown in place of a value that is not an integer (an em dash). */
export const INVALID_NUMBER_FALLBACK = '\u2014';

const INTEGER_STRING = /^[+-]?\d+$/;
// What `String(number)` gives for an integer-valued double beyond 1e21: `1e+30`.
const EXPONENT_STRING = /^(\d)(?:\.(\d+))?e\+(\d+)$/;

/**
 * Reads an integer exactly, whatever its size.
 *
 * - a `bigint`, a safe-integer `number` and a string of digits (optional sign, surrounding
 *   white space) give their exact value;
 * - an integer-valued `number` beyond 2^53 gives the decimal it prints as (`1e30` gives
 *   10^30): the digits a double cannot hold are already lost, so pass a string or a bigint
 *   when every digit matters;
 * - anything else (`NaN`, `Infinity`, fractions, `"1,000"`, `""`, `null`, `undefined`,
 *   objects) gives `undefined`. Never throws.
 */
export function parseExactInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    if (Number.isSafeInteger(value)) return BigInt(value);
    return parseShortestDecimal(value);
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return INTEGER_STRING.test(trimmed) ? BigInt(trimmed) : undefined;
  }
  return undefined;
}

/** As `parseExactInteger`, for counts: a negative value gives `undefined` too. */
export function parseCount(value: unknown): bigint | undefined {
  const parsed = parseExactInteger(value);
  return parsed !== undefined && parsed >= 0n ? parsed : undefined;
}

function parseShortestDecimal(value: number): bigint {
  const sign = value < 0 ? -1n : 1n;
  const printed = String(Math.abs(value));
  const exponent = EXPONENT_STRING.exec(printed);
  if (!exponent) return sign * BigInt(printed);
  const [, lead = '', fraction = '', power = '0'] = exponent;
  const digits = lead + fraction;
  return sign * BigInt(digits) * 10n ** BigInt(Number(power) - fraction.length);
}

function integerFormatter(locale: string, grouping: Grouping, notation: Notation): Intl.NumberFormat {
  const options: Intl.NumberFormatOptions = { useGrouping: grouping === 'auto' ? 'auto' : false, notation };
  return sharedIntl('NumberFormat', locale, options, () => new Intl.NumberFormat(locale, options));
}

/**
 * Formats an integer for the locale, exactly (a string or bigint beyond 2^53 keeps every
 * digit). Input is read by `parseExactInteger`; a value it rejects gives `fallback`. A
 * negative value is shown with the locale's minus sign.
 *
 * `formatInteger('18116910', { locale: 'vi' })` → `18.116.910`;
 * with `grouping: 'off'` → `18116910`; with `notation: 'compact'` → `18 Tr`.
 */
export function formatInteger(value: unknown, options: IntegerFormatOptions = {}): string {
  const parsed = parseExactInteger(value);
  if (parsed === undefined) return options.fallback ?? INVALID_NUMBER_FALLBACK;
  const { intlLocale } = resolveLocale(options.locale);
  return integerFormatter(intlLocale, options.grouping ?? 'auto', options.notation ?? 'standard').format(parsed);
}
