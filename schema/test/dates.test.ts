import { expect, it } from 'vitest';

import {
  addDays,
  addYears,
  compareIsoDates,
  isCalendarDate,
  isIsoDate,
  parseIsoDate,
  toIsoDate,
  todayUtc,
} from '../src/index.js';

it('accepts real days and rejects impossible ones, leap years included', () => {
  expect([
    isCalendarDate(2000, 2, 29),
    isCalendarDate(2024, 2, 29),
    isCalendarDate(1900, 2, 29),
    isCalendarDate(2001, 2, 29),
    isCalendarDate(2025, 4, 31),
    isCalendarDate(2025, 12, 31),
    isCalendarDate(2025, 13, 1),
    isCalendarDate(2025, 1, 0),
    isCalendarDate(2025, 1, 1.5),
  ]).toEqual([true, true, false, false, false, true, false, false, false]);
});

it('formats a day as zero-padded YYYY-MM-DD and refuses a day that does not exist', () => {
  expect(toIsoDate(5, 3, 7)).toBe('0005-03-07');
  expect(() => toIsoDate(2025, 2, 30)).toThrow(RangeError);
});

it('parses only strictly formatted real days', () => {
  expect([
    parseIsoDate('2025-06-30'),
    parseIsoDate('2025-6-30'),
    parseIsoDate('2025-02-30'),
    parseIsoDate(' 2025-06-30'),
    isIsoDate('2024-02-29'),
  ]).toEqual([{ year: 2025, month: 6, day: 30 }, null, null, null, true]);
});

it('takes today from the UTC calendar, not the local one', () => {
  // 01:00 on 1 July in Jakarta (UTC+7) is still 30 June in UTC.
  expect(todayUtc(new Date('2025-07-01T01:00:00+07:00'))).toBe('2025-06-30');
});

it('moves a leap day to 1 March when adding years lands in a common year', () => {
  expect([
    addYears('2008-02-29', 17),
    addYears('2008-02-29', 16),
    addYears('2008-03-01', 17),
    addYears('2025-06-30', -17),
  ]).toEqual(['2025-03-01', '2024-02-29', '2025-03-01', '2008-06-30']);
});

it('adds days across month and year ends, also for years below 100', () => {
  expect([
    addDays('2024-02-28', 1),
    addDays('2025-02-28', 1),
    addDays('2025-12-31', 1),
    addDays('2025-03-01', -1),
    addDays('0050-12-31', 1),
  ]).toEqual(['2024-02-29', '2025-03-01', '2026-01-01', '2025-02-28', '0051-01-01']);
});

it('orders dates and throws on a malformed one instead of guessing', () => {
  expect([
    compareIsoDates('2025-06-29', '2025-06-30'),
    compareIsoDates('2025-06-30', '2025-06-30'),
    compareIsoDates('2026-01-01', '2025-12-31'),
  ]).toEqual([-1, 0, 1]);
  expect(() => compareIsoDates('30-06-2025', '2025-06-30')).toThrow(RangeError);
});
