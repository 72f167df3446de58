// NIK, Nomor Induk Kependudukan (DESIGN §3.1): always a 16-digit string, `PP KK CC DDMMYY SSSS`.
// There is no checksum, so a well-formed NIK can still be false; these rules only catch what
// cannot be an NIK at all.

import { isCalendarDate, requireIsoDate, todayUtc } from '../dates.js';
import { type DomainIssue, type Parsed } from '../result.js';
import { isSex, type Sex } from '../voter/voter-codes.js';
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

/** Women's NIKs have 40 added to the day of birth, so DD runs 41–71 for them. */
const FEMALE_DAY_OFFSET = 40;

export type NikErrorCode = `NIK_${IdNumberErrorSuffix}`;
export type NikWarningCode =
  `NIK_${IdNumberWarningSuffix}` | 'NIK_SEX_MISMATCH' | 'NIK_BIRTH_DATE_MISMATCH';

export type NikParseOptions = IdNumberParseOptions;

/** What an NIK says about its holder, decoded. */
export interface ParsedNik {
  /** The normalised NIK: 16 ASCII digits. */
  nik: string;
  /** PP, 2 digits: the province that issued the NIK. */
  provinceCode: string;
  /** PPKK, 4 digits: the kabupaten/kota that issued it (not necessarily where the holder lives). */
  regencyCode: string;
  /** PPKKCC, 6 digits: the kecamatan that issued it. */
  districtCode: string;
  /** From DD: L when 1–31, P when 41–71. */
  sex: Sex;
  /** `YYYY-MM-DD`, from DDMMYY with the century chosen against the reference date. */
  birthDate: string;
  /** SSSS, 4 digits, never 0000. */
  serial: string;
}

/**
 * Removes spaces, dots and dashes, the separators people type or paste into an NIK (or NKK).
 * It does not check anything; parseNik does.
 */
export function normalizeNik(raw: string): string {
  return normalizeIdNumber(raw);
}

/**
 * Checks and decodes an NIK typed by a person or read from an import. Never throws on user
 * input (only on an invalid `referenceDate`, which is a programming error). Region codes missing
 * from the given sets are warnings, because old NIKs keep codes of regions split since.
 */
export function parseNik(raw: string, options: NikParseOptions = {}): Parsed<ParsedNik> {
  const referenceDate = options.referenceDate ?? todayUtc();
  requireIsoDate(referenceDate);

  // Plain JavaScript callers (a form field left empty) may pass something else.
  const nik = typeof raw === 'string' ? normalizeNik(raw) : '';
  const structureError = checkIdNumberStructure(nik, 'NIK');
  if (structureError !== null) {
    return { ok: false, error: structureError };
  }

  // DD carries the sex: 1–31 for men, 41–71 for women.
  const fields = splitIdNumber(nik);
  const encodedDay = Number(fields.day);
  const sex: Sex = encodedDay > FEMALE_DAY_OFFSET ? 'P' : 'L';
  const day = sex === 'P' ? encodedDay - FEMALE_DAY_OFFSET : encodedDay;
  const month = Number(fields.month);
  const year = resolveCentury(fields.year, fields.month, pad2(day), referenceDate);
  if (!isCalendarDate(year, month, day)) {
    return {
      ok: false,
      error: issue('NIK', 'DATE', 'Tanggal lahir pada NIK bukan tanggal yang valid'),
    };
  }

  const serialError = checkIdNumberSerial(fields.serial, 'NIK');
  if (serialError !== null) {
    return { ok: false, error: serialError };
  }

  return {
    ok: true,
    value: {
      nik,
      provinceCode: fields.provinceCode,
      regencyCode: fields.regencyCode,
      districtCode: fields.districtCode,
      sex,
      birthDate: `${year}-${fields.month}-${pad2(day)}`,
      serial: fields.serial,
    },
    warnings: unknownRegionWarnings(fields, 'NIK', options),
  };
}

/** The parts an NIK is made of, for buildNik. */
export interface NikParts {
  /** The issuing kecamatan, 6 digits PPKKCC or dotted like '31.75.01'. */
  districtCode: string;
  /** `YYYY-MM-DD`; only YY is kept, so parseNik gets it back within 100 years of its reference. */
  birthDate: string;
  sex: Sex;
  /** SSSS: 1–9999, or up to four digits as a string. */
  serial: number | string;
}

/**
 * Assembles an NIK from its parts: the inverse of parseNik, used by the synthetic-data
 * generator and tests. Throws a RangeError for parts that cannot make a valid NIK.
 */
export function buildNik(parts: NikParts): string {
  const districtDigits = requireDistrictDigits(parts.districtCode);
  const { year, month, day } = requireIsoDate(parts.birthDate);
  if (!isSex(parts.sex)) {
    throw new RangeError('Sex must be L or P');
  }
  const serial = requireSerialDigits(parts.serial);

  const encodedDay = parts.sex === 'P' ? day + FEMALE_DAY_OFFSET : day;
  const nik = `${districtDigits}${pad2(encodedDay)}${pad2(month)}${pad2(year % 100)}${serial}`;

  const problem = checkIdNumberStructure(nik, 'NIK') ?? checkIdNumberSerial(serial, 'NIK');
  if (problem !== null) {
    throw new RangeError(problem.message);
  }

  return nik;
}

/**
 * Compares what the NIK encodes with what the form or record says. A disagreement is a warning
 * for staff, never a rejection: NIKs are not reissued when a birth date is corrected (§3.1).
 * The messages do not repeat either value.
 */
export function compareNikWithRecord(
  parsed: ParsedNik,
  record: { sex: Sex; birthDate: string },
): DomainIssue<NikWarningCode>[] {
  const warnings: DomainIssue<NikWarningCode>[] = [];

  if (parsed.sex !== record.sex) {
    warnings.push({
      code: 'NIK_SEX_MISMATCH',
      message: 'Jenis kelamin menurut NIK berbeda dengan jenis kelamin pada data',
    });
  }
  if (parsed.birthDate !== record.birthDate) {
    warnings.push({
      code: 'NIK_BIRTH_DATE_MISMATCH',
      message: 'Tanggal lahir menurut NIK berbeda dengan tanggal lahir pada data',
    });
  }

  return warnings;
}
