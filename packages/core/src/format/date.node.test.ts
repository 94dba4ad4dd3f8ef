/// <reference types="node" />
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from './date.js';

// Node reads TZ whenever it changes, so the reader's own time zone can be varied here; a
// browser's cannot be changed from inside a page.
describe('formatDate in the reader’s time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it('never moves a date-only value to another day', () => {
    // Each zone's offset from UTC on that day, in getTimezoneOffset's minutes.
    const offsets = {
      'Pacific/Kiritimati': -840,
      'Pacific/Pago_Pago': 660,
      'America/Los_Angeles': 420,
      'Asia/Ho_Chi_Minh': -420,
    };
    for (const [zone, offset] of Object.entries(offsets)) {
      process.env.TZ = zone;
      expect(new Date(2020, 7, 25).getTimezoneOffset(), `the reader is in ${zone}`).toBe(offset);
      expect(formatDate('2020-08-25', { locale: 'vi' }), zone).toBe('25/8/2020');
      expect(formatDate('2020-08-25', { locale: 'en' }), zone).toBe('Aug 25, 2020');
    }
  });

  it('shows a date-time without a configured zone in the reader’s', () => {
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    expect(formatDate('2020-08-25T20:30:00Z', { locale: 'vi' })).toBe('26/8/2020');
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2020-08-25T20:30:00Z', { locale: 'vi' })).toBe('25/8/2020');
  });
});
