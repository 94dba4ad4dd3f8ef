import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInteger, INVALID_NUMBER_FALLBACK, parseCount, parseExactInteger } from './integer.js';

// Locales with Latin digits and different grouping rules: dots (vi, de), commas (en),
// narrow no-break spaces (fr), Indian lakh grouping (hi-IN).
const LOCALES = ['vi', 'en', 'de', 'fr', 'hi-IN', 'en-GB'];

function groupSeparators(locale: string): Set<string> {
  const parts = new Intl.NumberFormat(locale).formatToParts(123_456_789_012);
  return new Set(parts.filter((part) => part.type === 'group').map((part) => part.value));
}

/** Undoes locale formatting: drops group separators and normalises the minus sign. */
function ungroup(formatted: string, locale: string): string {
  let plain = formatted;
  for (const separator of groupSeparators(locale)) plain = plain.split(separator).join('');
  return plain.replace(/^[\u2212\u002D]/, '-').replace(/\u200E|\u200F|\u061C/g, '');
}

describe('formatInteger', () => {
  it('prints the seed counter in both groupings', () => {
    expect(formatInteger(18116910, { locale: 'vi' })).toBe('18.116.910');
    expect(formatInteger(18116910, { locale: 'vi', grouping: 'off' })).toBe('18116910');
    expect(formatInteger('18116910', { locale: 'en' })).toBe('18,116,910');
  });

  it('keeps every digit beyond 2^53 for strings and bigints', () => {
    expect(formatInteger('9007199254740993', { locale: 'en' })).toBe('9,007,199,254,740,993');
    expect(formatInteger(9007199254740993n, { locale: 'vi', grouping: 'off' })).toBe('9007199254740993');
    expect(formatInteger('123456789012345678901234567890', { locale: 'vi' })).toBe(
      '123.456.789.012.345.678.901.234.567.890',
    );
  });

  it('has a compact notation', () => {
    expect(formatInteger(18116910, { locale: 'en', notation: 'compact' })).toBe('18M');
    expect(formatInteger('18116910', { locale: 'vi', notation: 'compact' })).toBe('18\u00A0Tr');
  });

  it('uses a regional tag’s own formats', () => {
    expect(formatInteger(1234567, { locale: 'en-IN' })).toBe('12,34,567');
    expect(formatInteger(1234567, { locale: 'vi-VN' })).toBe('1.234.567');
  });

  it('formats negatives with the locale’s minus sign', () => {
    expect(formatInteger(-1234, { locale: 'en' })).toBe('-1,234');
    expect(formatInteger('-1234', { locale: 'vi' })).toBe('-1.234');
  });

  it('gives the documented fallback for bad input and never throws', () => {
    const bad: unknown[] = [
      NaN,
      Infinity,
      -Infinity,
      1.5,
      '12.5',
      'abc',
      '1,000',
      '',
      '  ',
      undefined,
      null,
      {},
      [],
      true,
    ];
    for (const value of bad) {
      expect(formatInteger(value, { locale: 'vi' }), String(value)).toBe(INVALID_NUMBER_FALLBACK);
    }
    expect(formatInteger('abc', { fallback: '?' })).toBe('?');
    expect(INVALID_NUMBER_FALLBACK).toBe('—');
  });

  it('prints a number of 10^30 as the decimal it is written as', () => {
    expect(formatInteger(1e30, { locale: 'en', grouping: 'off' })).toBe(`1${'0'.repeat(30)}`);
    expect(formatInteger(`1${'0'.repeat(30)}`, { locale: 'en', grouping: 'off' })).toBe(`1${'0'.repeat(30)}`);
    expect(formatInteger(1.5e21, { locale: 'en', grouping: 'off' })).toBe(`15${'0'.repeat(20)}`);
  });

  it('falls back to English formats for a malformed locale', () => {
    expect(formatInteger(1234, { locale: 'not a locale!' })).toBe('1,234');
  });

  it('round-trips any integer through locale grouping, losing no digit (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.constantFrom(...LOCALES), (value, locale) => {
        const grouped = formatInteger(value, { locale });
        expect(ungroup(grouped, locale)).toBe(value.toString());
        expect(formatInteger(value.toString(), { locale })).toBe(grouped);
      }),
    );
  });

  it('prints exactly the digits with grouping off (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.constantFrom(...LOCALES), (value, locale) => {
        expect(formatInteger(value, { locale, grouping: 'off' })).toBe(value.toString());
      }),
    );
  });

  it('agrees with Intl for every safe integer (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(formatInteger(value, { locale: 'en', grouping: 'off' })).toBe(String(value));
      }),
    );
  });
});

describe('parseExactInteger and parseCount', () => {
  it('read strings, numbers and bigints exactly', () => {
    expect(parseExactInteger(' 42 ')).toBe(42n);
    expect(parseExactInteger('+7')).toBe(7n);
    expect(parseExactInteger('-7')).toBe(-7n);
    expect(parseExactInteger(2 ** 53)).toBe(9007199254740992n);
    expect(parseExactInteger('18446744073709551617')).toBe(18446744073709551617n);
    expect(parseExactInteger(-1e30)).toBe(-(10n ** 30n));
  });

  it('reject everything that is not an integer', () => {
    for (const value of [NaN, 0.1, '0x10', '1e3', '١٢', Symbol('x'), () => 1]) {
      expect(parseExactInteger(value)).toBeUndefined();
    }
  });

  it('counts are never negative', () => {
    expect(parseCount('0')).toBe(0n);
    expect(parseCount(-1)).toBeUndefined();
    expect(parseCount(-5n)).toBeUndefined();
  });
});
