// Calendar dates as plain `YYYY-MM-DD` strings. Birth dates and reference dates are calendar
// days, not instants: doing arithmetic on local-time `Date` objects shifts them by a day in
// some time zones (the API may run in UTC and the console in WIB). Everything here works on
// the numbers of the string, or on UTC when a `Date` cannot be avoided.

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date split into its numbers; month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Whether `year` is a leap year in the Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }

  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the three numbers name a real day, for years 1–9999 (so 2001-02-29 does not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return false;
  }
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return false;
  }

  return day <= daysInMonth(year, month);
}

/** Formats a real calendar day as `YYYY-MM-DD`; throws a RangeError for any other numbers. */
export function toIsoDate(year: number, month: number, day: number): string {
  if (!isCalendarDate(year, month, day)) {
    // The numbers are not echoed: they may be someone's birth date.
    throw new RangeError('Not a calendar date');
  }

  return [pad(year, 4), pad(month, 2), pad(day, 2)].join('-');
}

/** Splits a `YYYY-MM-DD` string into numbers, or returns null if it is not a real day. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE_PATTERN.exec(value);
  if (match === null) {
    return null;
  }

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);

  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Whether `value` is a real day written exactly as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/**
 * The current UTC calendar day as `YYYY-MM-DD`. `now` is injectable so that callers and tests
 * decide what "today" is; the default is the only clock reading in this package.
 */
export function todayUtc(now: Date = new Date()): string {
  return toIsoDate(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
}

/**
 * The same day `years` later (or earlier when negative). A 29 February that lands in a common
 * year becomes 1 March: a leap-day birthday is reached on 1 March in common years (§3.3), and
 * ages are computed with this function so both rules stay the same rule.
 */
export function addYears(date: string, years: number): string {
  const { year, month, day } = requireIsoDate(date);
  if (!Number.isInteger(years)) {
    throw new RangeError(`Years must be a whole number, got ${years}`);
  }

  const targetYear = year + years;
  if (month === 2 && day === 29 && !isLeapYear(targetYear)) {
    return toIsoDate(targetYear, 3, 1);
  }

  return toIsoDate(targetYear, month, day);
}

/** The day `days` after `date` (before it when negative), counted in UTC. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = requireIsoDate(date);
  if (!Number.isInteger(days)) {
    throw new RangeError(`Days must be a whole number, got ${days}`);
  }

  // Start from midnight UTC and let the Date roll the day over month and year ends;
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  const shifted = new Date(0);
  shifted.setUTCFullYear(year, month - 1, day + days);

  return todayUtc(shifted);
}

/** Orders two `YYYY-MM-DD` dates: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareIsoDates(a: string, b: string): -1 | 0 | 1 {
  requireIsoDate(a);
  requireIsoDate(b);

  // Zero-padded ISO dates sort the same as the days they name.
  if (a === b) {
    return 0;
  }

  return a < b ? -1 : 1;
}

/**
 * Parses a date that the caller must already have validated. A malformed date here is a bug in
 * the caller, not a user error, so it throws rather than returning an issue (without echoing
 * the value, which may be personal data).
 */
export function requireIsoDate(value: string): CalendarDate {
  const parsed = parseIsoDate(value);
  if (parsed === null) {
    throw new RangeError('Expected a YYYY-MM-DD calendar date');
  }

  return parsed;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
