// NKK, Nomor Kartu Keluarga (DESIGN §3.2): the 16-digit number of a family card. It has the
// shape of an NIK, `PP KK CC DDMMYY SSSS`, but DDMMYY is the day the card was recorded and no
// 40 is ever added to the day.

import { isCalendarDate, requireIsoDate, todayUtc } from '../dates.js';
import { type Parsed } from '../result.js';
import {
  checkIdNumberSerial,
  checkIdNumberStructure,
  type IdNumberErrorSuffix,
  type IdNumberParseOptions,
  type IdNumberWarningSuffix,
  issue,
  normalizeIdNumber,
  pad2,
  requireDistrictDigits,
  requireSerialDigits,
  resolveCentury,
  splitIdNumber,
  unknownRegionWarnings,
} from './id-number.js';

export type NkkErrorCode = `NKK_${IdNumberErrorSuffix}`;
export type NkkWarningCode = `NKK_${IdNumberWarningSuffix}`;

export type NkkParseOptions = IdNumberParseOptions;

/** What an NKK says about its family card, decoded. */
export interface ParsedNkk {
  /** The normalised NKK: 16 ASCII digits. */
  nkk: string;
  /** PP, 2 digits: the province where the card was issued. */
  provinceCode: string;
  /** PPKK, 4 digits: the issuing kabupaten/kota. */
  regencyCode: string;
  /** PPKKCC, 6 digits: the issuing kecamatan. */
  districtCode: string;
  /** `YYYY-MM-DD`: the recording date of the card, century chosen against the reference date. */
  recordingDate: string;
  /** SSSS, 4 digits, never 0000. */
  serial: string;
}

/**
 * Checks and decodes an NKK. Never throws on user input; region codes missing from the given
 * sets are warnings, as for an NIK.
 */
export function parseNkk(raw: string, options: NkkParseOptions = {}): Parsed<ParsedNkk> {
  const referenceDate = options.referenceDate ?? todayUtc();
  requireIsoDate(referenceDate);

  // Plain JavaScript callers (a form field left empty) may pass something else.
  const nkk = typeof raw === 'string' ? normalizeIdNumber(raw) : '';
  const structureError = checkIdNumberStructure(nkk, 'NKK');
  if (structureError !== null) {
    return { ok: false, error: structureError };
  }

  const fields = splitIdNumber(nkk);
  const day = Number(fields.day);
  const month = Number(fields.month);
  const year = resolveCentury(fields.year, fields.month, fields.day, referenceDate);
  if (!isCalendarDate(year, month, day)) {
    // A day of 41 or more usually means an NIK was typed where the NKK belongs.
    const hint = day > 40 ? ' (tanggal pada NKK tidak pernah ditambah 40)' : '';
    return {
      ok: false,
      error: issue('NKK', 'DATE', `Tanggal pencatatan pada NKK bukan tanggal yang valid${hint}`),
    };
  }

  const serialError = checkIdNumberSerial(fields.serial, 'NKK');
  if (serialError !== null) {
    return { ok: false, error: serialError };
  }

  return {
    ok: true,
    value: {
      nkk,
      provinceCode: fields.provinceCode,
      regencyCode: fields.regencyCode,
      districtCode: fields.districtCode,
      recordingDate: `${year}-${fields.month}-${fields.day}`,
      serial: fields.serial,
    },
    warnings: unknownRegionWarnings(fields, 'NKK', options),
  };
}

/** The parts an NKK is made of, for buildNkk. */
export interface NkkParts {
  /** The issuing kecamatan, 6 digits PPKKCC or dotted like '31.75.01'. */
  districtCode: string;
  /** `YYYY-MM-DD`; only YY is kept, so parseNkk gets it back within 100 years of its reference. */
  recordingDate: string;
  /** SSSS: 1–9999, or up to four digits as a string. */
  serial: number | string;
}

/** Assembles an NKK from its parts; throws a RangeError for parts that cannot make one. */
export function buildNkk(parts: NkkParts): string {
  const districtDigits = requireDistrictDigits(parts.districtCode);
  const { year, month, day } = requireIsoDate(parts.recordingDate);
  const serial = requireSerialDigits(parts.serial);

  const nkk = `${districtDigits}${pad2(day)}${pad2(month)}${pad2(year % 100)}${serial}`;

  const problem = checkIdNumberStructure(nkk, 'NKK') ?? checkIdNumberSerial(serial, 'NKK');
  if (problem !== null) {
    throw new RangeError(problem.message);
  }

  return nkk;
}
