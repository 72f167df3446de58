// What an NIK and an NKK share: 16 digits `PP KK CC DDMMYY SSSS`, where PPKKCC is the
// kecamatan that issued the number (not where the holder lives now), DDMMYY a date and SSSS a
// serial. Only the meaning of the date differs (a birth date with +40 for women in an NIK, the
// recording date in an NKK), so nik.ts and nkk.ts decode that part themselves.
// Internal to the package: the public API is parseNik/parseNkk and the builders.

import { type DomainIssue } from '../result.js';
import { isProvinceCode } from './province-codes.js';

export type IdNumberKind = 'NIK' | 'NKK';

/** Codes of the checks both numbers share, prefixed with the kind (NIK_FORMAT, NKK_FORMAT …). */
export type IdNumberErrorSuffix =
  'FORMAT' | 'JUNK' | 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'DATE' | 'SERIAL';
export type IdNumberWarningSuffix = 'UNKNOWN_REGENCY' | 'UNKNOWN_DISTRICT';

/** Options shared by parseNik and parseNkk. */
export interface IdNumberParseOptions {
  /** `YYYY-MM-DD`; the date that decides the century of YY (default: today in UTC). */
  referenceDate?: string;
  /** Known kabupaten/kota codes, 4 digits PPKK without dots; unknown ones give a warning. */
  knownRegencyCodes?: ReadonlySet<string>;
  /** Known kecamatan codes, 6 digits PPKKCC without dots; unknown ones give a warning. */
  knownDistrictCodes?: ReadonlySet<string>;
}

/** The digit groups of a well-formed 16-digit number, still as strings. */
export interface IdNumberFields {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  day: string;
  month: string;
  year: string;
  serial: string;
}

// Spaces (any white space), dots and dashes, including the typographic dashes that word
// processors put in when people paste a number.
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212]/g;
const SIXTEEN_DIGITS = /^[0-9]{16}$/;

/** Removes the separators people type or paste into a 16-digit number. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(SEPARATORS, '');
}

export function issue<K extends IdNumberKind, S extends string>(
  kind: K,
  suffix: S,
  message: string,
): DomainIssue<`${K}_${S}`> {
  return { code: `${kind}_${suffix}`, message };
}

/**
 * Checks everything but the date: shape, junk, PP, KK, CC and SSSS. Returns the first problem,
 * in the order a person would fix them. Messages name at most a two-digit code, never the
 * whole number: they reach logs and screens that must not show personal data.
 */
export function checkIdNumberStructure<K extends IdNumberKind>(
  digits: string,
  kind: K,
): DomainIssue<`${K}_${IdNumberErrorSuffix}`> | null {
  if (!SIXTEEN_DIGITS.test(digits)) {
    return issue(kind, 'FORMAT', `${kind} harus terdiri dari 16 digit angka`);
  }
  // Before the field checks, so that 2222222222222222 is called junk, not a bad province.
  if (/^(\d)\1{15}$/.test(digits)) {
    return issue(kind, 'JUNK', `${kind} tidak valid: keenam belas digitnya sama`);
  }

  const fields = splitIdNumber(digits);
  if (!isProvinceCode(fields.provinceCode)) {
    return issue(
      kind,
      'PROVINCE',
      `Kode provinsi pada ${kind} (${fields.provinceCode}) tidak dikenal`,
    );
  }
  if (fields.regencyCode.endsWith('00')) {
    return issue(kind, 'REGENCY', `Kode kabupaten/kota pada ${kind} tidak boleh 00`);
  }
  if (fields.districtCode.endsWith('00')) {
    return issue(kind, 'DISTRICT', `Kode kecamatan pada ${kind} tidak boleh 00`);
  }

  return null;
}

/** Checks SSSS, which is never 0000. */
export function checkIdNumberSerial<K extends IdNumberKind>(
  serial: string,
  kind: K,
): DomainIssue<`${K}_SERIAL`> | null {
  return serial === '0000' ? issue(kind, 'SERIAL', `Nomor urut ${kind} tidak boleh 0000`) : null;
}

/** Splits 16 digits into their groups; the caller has checked the shape. */
export function splitIdNumber(digits: string): IdNumberFields {
  return {
    provinceCode: digits.slice(0, 2),
    regencyCode: digits.slice(0, 4),
    districtCode: digits.slice(0, 6),
    day: digits.slice(6, 8),
    month: digits.slice(8, 10),
    year: digits.slice(10, 12),
    serial: digits.slice(12, 16),
  };
}

/**
 * The four-digit year of a two-digit YY (§3.1): 20YY, unless that day would be after the
 * reference date, then 19YY. The comparison is on padded strings, so it works before the day
 * is known to exist (29 February 2000 exists, 29 February 1900 does not).
 */
export function resolveCentury(
  year: string,
  month: string,
  day: string,
  referenceDate: string,
): number {
  const inThisCentury = `20${year}-${month}-${day}`;

  return Number(inThisCentury > referenceDate ? `19${year}` : `20${year}`);
}

/** Warnings for region codes missing from the known sets; a missing set means no check. */
export function unknownRegionWarnings<K extends IdNumberKind>(
  fields: IdNumberFields,
  kind: K,
  options: IdNumberParseOptions,
): DomainIssue<`${K}_${IdNumberWarningSuffix}`>[] {
  // Old numbers keep the codes of regions split since, so these never reject (§3.1). The
  // messages name only the two digits that are unknown.
  const { knownRegencyCodes, knownDistrictCodes } = options;
  const notFound = 'tidak ditemukan dalam data wilayah';
  if (knownRegencyCodes !== undefined && !knownRegencyCodes.has(fields.regencyCode)) {
    // An unknown kab/kota implies an unknown kecamatan; one warning says enough.
    const regency = fields.regencyCode.slice(2);
    const message = `Kode kabupaten/kota pada ${kind} (${regency}) ${notFound}`;
    return [issue(kind, 'UNKNOWN_REGENCY', message)];
  }
  if (knownDistrictCodes !== undefined && !knownDistrictCodes.has(fields.districtCode)) {
    const district = fields.districtCode.slice(4);
    const message = `Kode kecamatan pada ${kind} (${district}) ${notFound}`;
    return [issue(kind, 'UNKNOWN_DISTRICT', message)];
  }

  return [];
}

/** Normalises a dotted or plain kecamatan code ('31.75.01' or '317501') for the builders. */
export function requireDistrictDigits(districtCode: string): string {
  const digits = districtCode.replaceAll('.', '');
  if (!/^[0-9]{6}$/.test(digits)) {
    throw new RangeError('A kecamatan code has 6 digits (PPKKCC)');
  }

  return digits;
}

/** Formats a serial (1–9999, or its digits) as the four digits SSSS. */
export function requireSerialDigits(serial: number | string): string {
  const text = typeof serial === 'number' ? String(serial) : serial;
  if (!/^[0-9]{1,4}$/.test(text)) {
    throw new RangeError('A serial is a whole number from 1 to 9999');
  }

  return text.padStart(4, '0');
}

/** Two-digit, zero-padded. */
export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
