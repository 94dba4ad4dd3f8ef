import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, INVALID_DATE_FALLBACK, parsePortalDate, toDateTimeAttribute } from './date.js';
import { formatRelativeTime } from './relative-time.js';

describe('formatDate', () => {
  it('prints the seed’s date as the seed page does, and in English', () => {
    expect(formatDate('2020-08-25', { locale: 'vi' })).toBe('25/8/2020');
    expect(formatDate('2020-08-25', { locale: 'vi-VN' })).toBe('25/8/2020');
    expect(formatDate('2020-08-25', { locale: 'en' })).toBe('Aug 25, 2020');
  });

  it('prints any locale Intl knows in its own way', () => {
    expect(formatDate('2020-08-25', { locale: 'en-GB' })).toBe('25 Aug 2020');
    expect(formatDate('2020-08-25', { locale: 'de' })).toBe('25. Aug. 2020');
  });

  it('keeps a date-only value on its calendar day whatever time zone is asked for', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Ho_Chi_Minh', 'UTC']) {
      expect(formatDate('2020-08-25', { locale: 'vi', timeZone })).toBe('25/8/2020');
    }
  });

  it('shows a date-time in the configured time zone', () => {
    const lateEvening = '2020-08-25T20:30:00Z';
    expect(formatDate(lateEvening, { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' })).toBe('26/8/2020');
    expect(formatDate(lateEvening, { locale: 'vi', timeZone: 'UTC' })).toBe('25/8/2020');
    expect(formatDate(lateEvening, { locale: 'en', timeZone: 'Asia/Ho_Chi_Minh', includeTime: true })).toBe(
      'Aug 26, 2020, 03:30 AM',
    );
  });

  it('reads Joomla’s and WordPress’s offset-less date-times as UTC', () => {
    expect(formatDate('2020-08-25 20:30:00', { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' })).toBe('26/8/2020');
    expect(toDateTimeAttribute('2020-08-25 20:30:00')).toBe('2020-08-25T20:30:00.000Z');
    expect(toDateTimeAttribute('2020-08-25T20:30:00+07:00')).toBe('2020-08-25T13:30:00.000Z');
  });

  it('shows an unknown time zone in UTC instead of failing', () => {
    expect(formatDate('2020-08-25T20:30:00Z', { locale: 'vi', timeZone: 'Mars/Olympus' })).toBe('25/8/2020');
  });

  it('takes Dates and epoch milliseconds', () => {
    expect(formatDate(new Date(Date.UTC(2020, 7, 25, 12)), { locale: 'vi', timeZone: 'UTC' })).toBe('25/8/2020');
    expect(formatDate(Date.UTC(2020, 7, 25, 12), { locale: 'en', timeZone: 'UTC' })).toBe('Aug 25, 2020');
  });

  it('gives the fallback for bad input and never throws', () => {
    const bad: unknown[] = [
      '2020-02-30',
      '2020-13-01',
      '25/8/2020',
      'yesterday',
      '',
      NaN,
      Infinity,
      // Finite, but past the last moment a Date can hold (±8.64e15 ms).
      -8_640_000_000_000_001,
      8.64e15 + 1,
      new Date('x'),
      undefined,
      null,
      {},
    ];
    for (const [index, value] of bad.entries()) {
      expect(formatDate(value, { locale: 'vi' }), `bad[${index}]`).toBe(INVALID_DATE_FALLBACK);
      expect(toDateTimeAttribute(value)).toBeUndefined();
    }
    expect(formatDate('nope', { fallback: 'không rõ ngày' })).toBe('không rõ ngày');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.double(), fc.integer(), fc.date({ noInvalidDate: false })), (value) => {
        expect(typeof formatDate(value, { locale: 'vi', timeZone: 'Asia/Ho_Chi_Minh' })).toBe('string');
        toDateTimeAttribute(value);
      }),
    );
  });

  it('gives <time datetime> values', () => {
    expect(toDateTimeAttribute('2020-08-25')).toBe('2020-08-25');
    expect(parsePortalDate('2020-08-25')?.dateOnly).toBe(true);
    expect(parsePortalDate('2020-08-25T00:00:00Z')?.dateOnly).toBe(false);
  });
});

describe('formatDate’s formatters', () => {
  const Original = Intl.DateTimeFormat;
  afterEach(() => {
    Intl.DateTimeFormat = Original;
  });

  it('makes one per locale, format and zone, and checks a zone once', () => {
    let made = 0;
    Intl.DateTimeFormat = class extends Original {
      constructor(...args: ConstructorParameters<typeof Original>) {
        super(...args);
        made += 1;
      }
    } as typeof Original;
    const format = { year: 'numeric', month: 'long' } as const;
    for (let round = 0; round < 3; round += 1) {
      expect(formatDate('2020-08-25', { locale: 'en', format })).toBe('August 2020');
      expect(
        formatDate('2020-08-25T20:30:00Z', { locale: 'en', format, timeZone: 'Europe/Helsinki', includeTime: true }),
      ).toBe('August 2020 at 11:30 PM');
    }
    expect(made, 'the date-only one, the zone check, the zoned one').toBe(3);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2020, 7, 25, 12, 0, 0);

  it('picks the largest readable unit, in both locales', () => {
    expect(formatRelativeTime(now - 3 * 60_000, { locale: 'vi', now })).toBe('3 phút trước');
    expect(formatRelativeTime(now - 3 * 60_000, { locale: 'en', now })).toBe('3 minutes ago');
    expect(formatRelativeTime(now - 90 * 60_000, { locale: 'en', now })).toBe('2 hours ago');
    expect(formatRelativeTime(now + 2 * 3_600_000, { locale: 'en', now })).toBe('in 2 hours');
    expect(formatRelativeTime(now - 5 * 86_400_000, { locale: 'en', now })).toBe('5 days ago');
    expect(formatRelativeTime('2019-08-25', { locale: 'en', now })).toBe('last year');
  });

  it('moves up a unit when rounding reaches the next one', () => {
    const always = { locale: 'en', now, numeric: 'always' } as const;
    expect(formatRelativeTime(now - 59_400, always)).toBe('59 seconds ago');
    expect(formatRelativeTime(now - 59_600, always)).toBe('1 minute ago');
    expect(formatRelativeTime(now + 59.6 * 60_000, always)).toBe('in 1 hour');
    expect(formatRelativeTime(now - 23.4 * 3_600_000, always)).toBe('23 hours ago');
    expect(formatRelativeTime(now - 23.6 * 3_600_000, always)).toBe('1 day ago');
    expect(formatRelativeTime(now - 6.6 * 86_400_000, always)).toBe('1 week ago');
  });

  it('says yesterday in words unless asked for numbers', () => {
    expect(formatRelativeTime(now - 86_400_000, { locale: 'vi', now })).toBe('Hôm qua');
    expect(formatRelativeTime(now - 86_400_000, { locale: 'en', now, numeric: 'always' })).toBe('1 day ago');
  });

  it('gives the fallback for bad input', () => {
    expect(formatRelativeTime('not a date', { locale: 'en', now })).toBe('—');
    expect(formatRelativeTime(now, { locale: 'en', now: NaN })).toBe('—');
  });
});
