import { addDays, addYears, ageOn } from '@kaliber/schema';

const DAY_MS = 86_400_000;

/**
 * Every calendar day in a range as a `YYYY-MM-DD` string, prepared once so that the generator
 * picks dates by index instead of formatting millions of `Date`s. Index 0 is the earliest day.
 */
export class DayTable {
  readonly days: readonly string[];

  constructor(first: string, last: string) {
    const start = epochDay(first);
    const end = epochDay(last);
    if (end < start) throw new RangeError('A day table needs its last day after its first');

    const days: string[] = [];
    for (let day = start; day <= end; day += 1) {
      days.push(new Date(day * DAY_MS).toISOString().slice(0, 10));
    }
    this.days = days;
  }

  get length(): number {
    return this.days.length;
  }

  at(index: number): string {
    const day = this.days[index];
    if (day === undefined) throw new RangeError('Day index outside the table');

    return day;
  }
}

/**
 * The birth dates of people aged `minimumAge`–`maximumAge` on the reference date, with, per
 * age, the index range of the days that give exactly that age (computed with the domain's own
 * `ageOn`, so a leap-day birth is handled as the eligibility rules handle it).
 */
export class BirthDateTable extends DayTable {
  private readonly firstIndexOfAge: Int32Array;
  private readonly lastIndexOfAge: Int32Array;

  constructor(
    readonly referenceDate: string,
    readonly minimumAge: number,
    readonly maximumAge: number,
  ) {
    // Start a little wide on both sides and trim with ageOn, which owns the birthday rules.
    super(addDays(addYears(referenceDate, -(maximumAge + 1)), -2), referenceDate);
    this.firstIndexOfAge = new Int32Array(maximumAge + 1).fill(-1);
    this.lastIndexOfAge = new Int32Array(maximumAge + 1).fill(-1);

    this.days.forEach((day, index) => {
      const age = ageOn(day, referenceDate);
      if (age < minimumAge || age > maximumAge) return;
      if ((this.firstIndexOfAge[age] ?? -1) < 0) this.firstIndexOfAge[age] = index;
      this.lastIndexOfAge[age] = index;
    });
    for (let age = minimumAge; age <= maximumAge; age += 1) {
      if ((this.firstIndexOfAge[age] ?? -1) < 0) throw new Error(`No birth day gives age ${age}`);
    }
  }

  /** The first and last day index (inclusive) of births that are `age` on the reference date. */
  rangeOfAge(age: number): readonly [number, number] {
    const first = this.firstIndexOfAge[age] ?? -1;
    const last = this.lastIndexOfAge[age] ?? -1;
    if (age < this.minimumAge || age > this.maximumAge || first < 0) {
      throw new RangeError(`Age ${age} is outside the table`);
    }

    return [first, last];
  }
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string; throws on anything else. */
export function epochDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const milliseconds = match
    ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
    : Number.NaN;
  if (
    !Number.isFinite(milliseconds) ||
    new Date(milliseconds).toISOString().slice(0, 10) !== date
  ) {
    throw new RangeError('Expected a YYYY-MM-DD calendar date');
  }

  return milliseconds / DAY_MS;
}
