import fc from 'fast-check';
import { expect, it } from 'vitest';

import {
  addDays,
  buildNik,
  buildNkk,
  maskNik,
  parseNik,
  parseNkk,
  PROVINCE_CODES,
  toIsoDate,
} from '../src/index.js';

const referenceDate = '2025-06-30';

// Any real day in the 100 years up to the reference date: the span YY can express.
const dayInCentury = fc
  .integer({ min: 1, max: 36525 })
  .map((daysBack) => addDays(referenceDate, 1 - daysBack));

const twoDigitsNotZero = fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0'));

const districtCode = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES), twoDigitsNotZero, twoDigitsNotZero)
  .map(([province, regency, district]) => `${province}${regency}${district}`);

const serial = fc.integer({ min: 1, max: 9999 });

it('parses every built NIK back into the parts it was built from', () => {
  fc.assert(
    fc.property(
      districtCode,
      dayInCentury,
      fc.constantFrom('L', 'P'),
      serial,
      (district, birthDate, sex, number) => {
        const nik = buildNik({ districtCode: district, birthDate, sex, serial: number });

        expect(parseNik(nik, { referenceDate })).toEqual({
          ok: true,
          value: {
            nik,
            provinceCode: district.slice(0, 2),
            regencyCode: district.slice(0, 4),
            districtCode: district,
            sex,
            birthDate,
            serial: String(number).padStart(4, '0'),
          },
          warnings: [],
        });
      },
    ),
  );
});

it('parses every built NKK back into the parts it was built from', () => {
  fc.assert(
    fc.property(districtCode, dayInCentury, serial, (district, recordingDate, number) => {
      const nkk = buildNkk({ districtCode: district, recordingDate, serial: number });

      expect(parseNkk(nkk, { referenceDate })).toEqual({
        ok: true,
        value: {
          nkk,
          provinceCode: district.slice(0, 2),
          regencyCode: district.slice(0, 4),
          districtCode: district,
          recordingDate,
          serial: String(number).padStart(4, '0'),
        },
        warnings: [],
      });
    }),
  );
});

it('never throws on arbitrary text, and always answers ok or an error', () => {
  const nearlyNik = fc.stringMatching(/^[0-9 .-]{0,20}$/);

  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), nearlyNik), (raw) => {
      const nik = parseNik(raw, { referenceDate });
      const nkk = parseNkk(raw, { referenceDate });

      expect([typeof nik.ok, typeof nkk.ok]).toEqual(['boolean', 'boolean']);
    }),
  );
});

it('never repeats the number in an error or warning message', () => {
  const sixteenDigits = fc.stringMatching(/^[0-9]{16}$/);
  const options = { referenceDate, knownRegencyCodes: new Set(['3175']) };

  fc.assert(
    fc.property(sixteenDigits, (digits) => {
      const results = [parseNik(digits, options), parseNkk(digits, options)];
      const messages = results.flatMap((result) =>
        result.ok ? result.warnings.map((warning) => warning.message) : [result.error.message],
      );

      expect(messages.filter((message) => message.includes(digits.slice(0, 6)))).toEqual([]);
    }),
  );
});

it('never shows more digits than the mask policy allows', () => {
  fc.assert(
    fc.property(fc.string(), fc.integer({ min: 0, max: 16 }), (raw, visibleDigits) => {
      const masked = maskNik(raw, { visibleDigits });

      expect((masked.match(/[0-9]/g) ?? []).length).toBeLessThanOrEqual(visibleDigits);
    }),
  );
});

it('masks a valid NIK as its leading digits followed by stars, 16 characters long', () => {
  fc.assert(
    fc.property(
      districtCode,
      dayInCentury,
      serial,
      fc.integer({ min: 0, max: 16 }),
      (district, birthDate, number, visibleDigits) => {
        const nik = buildNik({ districtCode: district, birthDate, sex: 'L', serial: number });

        expect(maskNik(nik, { visibleDigits })).toBe(
          nik.slice(0, visibleDigits) + '*'.repeat(16 - visibleDigits),
        );
      },
    ),
  );
});

it('generates birth dates from exactly the first day the century rule can give back', () => {
  // The oldest generated day is 1 July 1925: its YY 25 read as 2025 is after the reference.
  expect(addDays(referenceDate, 1 - 36525)).toBe(toIsoDate(1925, 7, 1));
});
