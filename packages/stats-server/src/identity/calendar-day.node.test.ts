import { describe, expect, it } from 'vitest';
import { calendarDay, dayEnd, dayStart, isTimeZone, nextDay, previousDay } from './calendar-day.js';

const at = (iso: string): number => Date.parse(iso);
const hoursOf = (day: string, timeZone: string): number =>
  (dayEnd(day, timeZone) - dayStart(day, timeZone)) / 3_600_000;

describe('calendar days in a time zone', () => {
  it('gives the day of an instant in the zone, which in Vietnam begins at 17:00 UTC', () => {
    expect(calendarDay(at('2026-11-26T16:59:59.999Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-26');
    expect(calendarDay(at('2026-11-26T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-27');
    expect(calendarDay(at('2026-11-26T17:00:00Z'), 'UTC')).toBe('2026-11-26');
    expect(dayStart('2026-11-27', 'Asia/Ho_Chi_Minh')).toBe(at('2026-11-26T17:00:00Z'));
    expect(dayEnd('2026-11-27', 'Asia/Ho_Chi_Minh')).toBe(at('2026-11-27T17:00:00Z'));
    expect(dayStart('2026-11-26', 'UTC')).toBe(at('2026-11-26T00:00:00Z'));
  });

  it('makes the day the clocks go forward 23 hours long, and the day they go back 25', () => {
    expect(dayStart('2026-03-29', 'Europe/Berlin')).toBe(at('2026-03-28T23:00:00Z'));
    expect(dayEnd('2026-03-29', 'Europe/Berlin')).toBe(at('2026-03-29T22:00:00Z'));
    expect(hoursOf('2026-03-29', 'Europe/Berlin')).toBe(23);
    expect(calendarDay(at('2026-03-29T21:59:59.999Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(calendarDay(at('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe('2026-03-30');

    expect(dayStart('2026-10-25', 'Europe/Berlin')).toBe(at('2026-10-24T22:00:00Z'));
    expect(hoursOf('2026-10-25', 'Europe/Berlin')).toBe(25);
    expect(calendarDay(at('2026-10-25T22:59:59.999Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(hoursOf('2026-04-05', 'Australia/Lord_Howe')).toBe(24.5); // half an hour back
  });

  it('begins a day whose midnight the clocks skip at the change', () => {
    // Chile moves from 00:00 to 01:00 (UTC-4 to UTC-3) on 2026-09-06.
    expect(dayStart('2026-09-06', 'America/Santiago')).toBe(at('2026-09-06T04:00:00Z'));
    expect(calendarDay(at('2026-09-06T03:59:59.999Z'), 'America/Santiago')).toBe('2026-09-05');
    expect(hoursOf('2026-09-06', 'America/Santiago')).toBe(23);
    // And back from 00:00 to 23:00 the day before on 2026-04-05: that day is 25 hours long.
    expect(dayStart('2026-04-05', 'America/Santiago')).toBe(at('2026-04-05T04:00:00Z'));
    expect(hoursOf('2026-04-04', 'America/Santiago')).toBe(25);
  });

  it('answers the same for an instant asked again after one of another day', () => {
    const zone = 'Europe/Berlin';
    const instants = [
      '2026-03-28T22:59:59.999Z',
      '2026-03-28T23:00:00Z',
      '2026-03-29T21:59:59.999Z',
      '2026-03-29T22:00Z',
    ];
    const days = ['2026-03-28', '2026-03-29', '2026-03-29', '2026-03-30'];
    for (const round of [instants, [...instants].reverse()]) {
      for (const iso of round) expect(calendarDay(at(iso), zone), iso).toBe(days[instants.indexOf(iso)]);
    }
  });

  it('steps from day to day by the calendar, across months, leap days and years', () => {
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('knows the zones Intl knows', () => {
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Asia/Hanoi')).toBe(false); // Vietnam's zone is Asia/Ho_Chi_Minh
    expect(isTimeZone('')).toBe(false);
  });
});
