import { buildNik, buildNkk, type Sex } from '@kaliber/schema';

import type { DayTable } from './birth-date-table.js';

/** NIK and NKK serials are four digits and never 0000. */
const MAXIMUM_SERIAL = 9999;

const SERIAL_DIGITS = Array.from({ length: MAXIMUM_SERIAL + 1 }, (_, serial) =>
  String(serial).padStart(4, '0'),
);

/**
 * Hands out unique, valid NIKs (PP KK CC DDMMYY SSSS) for synthetic people. Uniqueness comes
 * from one serial counter per (district, birth day, sex) — a typed array of a few MB — rather
 * than from a set of every NIK issued. The DDMMYY part of each day and sex is encoded once by
 * the domain's `buildNik`, so the +40 rule for women and the two-digit year are the domain's
 * own; the hot path only joins strings.
 */
export class NikIssuer {
  private readonly serials: Uint16Array;
  /** Encoded DDMMYY per day index: men, then women (day + 40). */
  private readonly encodedDays: readonly [readonly string[], readonly string[]];

  constructor(
    private readonly districtCodes: readonly string[],
    private readonly days: DayTable,
  ) {
    const sample = districtCodes[0];
    if (sample === undefined) throw new RangeError('A NIK issuer needs at least one district');

    this.serials = new Uint16Array(districtCodes.length * days.length * 2);
    const encode = (sex: Sex) =>
      days.days.map((day) =>
        buildNik({ districtCode: sample, birthDate: day, sex, serial: 1 }).slice(6, 12),
      );
    this.encodedDays = [encode('L'), encode('P')];
  }

  /**
   * An NIK for someone of `sex` whose NIK was issued in district `districtIndex`, born on day
   * `preferredDay`. When that day's 9,999 serials are used up, the next day in
   * [firstDay, lastDay] is taken instead; the day actually used is returned with the NIK.
   */
  issue(
    districtIndex: number,
    sex: Sex,
    preferredDay: number,
    firstDay: number,
    lastDay: number,
  ): { nik: string; dayIndex: number } {
    const sexIndex = sex === 'L' ? 0 : 1;
    const base = districtIndex * this.days.length * 2 + sexIndex;
    let dayIndex = preferredDay;
    for (let tries = 0; (this.serials[base + dayIndex * 2] ?? 0) >= MAXIMUM_SERIAL; tries += 1) {
      if (tries > lastDay - firstDay)
        throw new Error('No NIK serial left for this age and district');
      dayIndex = dayIndex >= lastDay ? firstDay : dayIndex + 1;
    }

    const serial = (this.serials[base + dayIndex * 2] ?? 0) + 1;
    this.serials[base + dayIndex * 2] = serial;
    const nik = `${this.districtCodes[districtIndex]}${this.encodedDays[sexIndex][dayIndex]}${SERIAL_DIGITS[serial]}`;

    return { nik, dayIndex };
  }
}

/**
 * Hands out unique, valid NKKs (family-card numbers): the district of the card, its recording
 * date as DDMMYY (no +40 on an NKK) and a serial per (district, day), encoded like NikIssuer.
 */
export class NkkIssuer {
  private readonly serials: Uint16Array;
  private readonly encodedDays: readonly string[];

  constructor(
    private readonly districtCodes: readonly string[],
    private readonly days: DayTable,
  ) {
    const sample = districtCodes[0];
    if (sample === undefined) throw new RangeError('An NKK issuer needs at least one district');

    this.serials = new Uint16Array(districtCodes.length * days.length);
    this.encodedDays = days.days.map((day) =>
      buildNkk({ districtCode: sample, recordingDate: day, serial: 1 }).slice(6, 12),
    );
  }

  /** An NKK of district `districtIndex` recorded on day `preferredDay`, or a later day if full. */
  issue(districtIndex: number, preferredDay: number): string {
    const base = districtIndex * this.days.length;
    let dayIndex = preferredDay;
    for (let tries = 0; (this.serials[base + dayIndex] ?? 0) >= MAXIMUM_SERIAL; tries += 1) {
      if (tries >= this.days.length) throw new Error('No NKK serial left for this district');
      dayIndex = (dayIndex + 1) % this.days.length;
    }

    const serial = (this.serials[base + dayIndex] ?? 0) + 1;
    this.serials[base + dayIndex] = serial;

    return `${this.districtCodes[districtIndex]}${this.encodedDays[dayIndex]}${SERIAL_DIGITS[serial]}`;
  }
}
