// cspell:ignore nur’aini

import fc from 'fast-check';
import { expect, it } from 'vitest';

import {
  addDays,
  buildNik,
  checkRegistrationForm,
  createRegionCatalogue,
  JAKARTA_TIMUR_REGIONS,
  parseNik,
  parseNkk,
  type RegistrationFormInput,
} from '../src/index.js';

const catalogue = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);
const context = { catalogue, referenceDate: '2025-06-30', pollingDate: '2029-02-14' };

const birthDate = fc
  .integer({ min: 0, max: 36000 })
  .map((daysBack) => addDays(context.referenceDate, -daysBack));

// NIKs that are often valid and sometimes not: built ones, random digits and free text.
const nik = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('317501', '317506', '320101', '730101'),
      birthDate,
      fc.constantFrom('L' as const, 'P' as const),
      fc.integer({ min: 1, max: 9999 }),
    )
    .map(([districtCode, date, sex, serial]) =>
      buildNik({ districtCode, birthDate: date, sex, serial }),
    ),
  fc.stringMatching(/^[0-9]{16}$/),
  fc.string(),
);

const nkk = fc.oneof(
  fc.constantFrom('3175010101200001', '3175060101200001', '3174010101200001', '3201010101200001'),
  fc.stringMatching(/^[0-9 .-]{14,20}$/),
  fc.string(),
);

// Each field either a typical value or arbitrary text, so both paths of every rule run.
function textOr(...typical: string[]): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...typical), fc.string({ unit: 'binary', maxLength: 120 }));
}

const form: fc.Arbitrary<RegistrationFormInput> = fc.record({
  nik,
  nkk,
  name: textOr('siti  aminah', ' Nur’aini ', 'Muh. Ali', 'x1'),
  birthPlace: textOr('Jakarta', '  Bandung  '),
  birthDate: fc.oneof(birthDate, textOr('2000-02-30', '2030-01-01')),
  maritalStatus: textOr('B', 's', 'P', 'X'),
  sex: textOr('L', 'p'),
  address: textOr('Jl. Raya No. 1', ' Gg.  Mawar '),
  rt: textOr('5', '012', '000', '1234'),
  rw: textOr('1', ' 07 ', 'abc'),
  disability: fc.oneof(fc.integer({ min: -1, max: 7 }), textOr('0', '6')),
  ktpElStatus: textOr('S', 'b'),
  kelurahanCode: fc.constantFrom(...catalogue.kelurahan.map((row) => row.code), '31.75.01', ''),
  phone: fc.oneof(fc.constant(null), fc.constant(undefined), textOr('+62 812-3456-7890', '0812')),
  email: fc.oneof(fc.constant(null), textOr(' A@Contoh.ID ', 'a@b')),
  consent: fc.boolean(),
  declaresEligibility: fc.boolean(),
});

it('normalises idempotently: checking the normalised form changes nothing more', () => {
  fc.assert(
    fc.property(form, (input) => {
      const first = checkRegistrationForm(input, context);
      const second = checkRegistrationForm(first.normalized, context);

      expect(second).toEqual(first);
    }),
    { numRuns: 500 },
  );
});

// Close to acceptable, so that many pass: typical values for the free fields, and the NIK, NKK,
// birth date, status and kelurahan drawn from mixes of valid and invalid ones.
const plausibleForm: fc.Arbitrary<RegistrationFormInput> = fc.record({
  nik,
  nkk,
  name: fc.constantFrom('siti  aminah', ' Nur’aini ', 'Muh. Ali'),
  birthPlace: fc.constantFrom('Jakarta', '  Bandung  '),
  birthDate,
  maritalStatus: fc.constantFrom('B', 's', 'P'),
  sex: fc.constantFrom('L', 'p'),
  address: fc.constantFrom('Jl. Raya No. 1', ' Gg.  Mawar '),
  rt: fc.constantFrom('5', '012', '000'),
  rw: fc.constantFrom('1', ' 07 '),
  disability: fc.constantFrom(0, '6'),
  ktpElStatus: fc.constantFrom('S', 'b'),
  kelurahanCode: fc.constantFrom(...catalogue.kelurahan.map((row) => row.code), '31.75.01'),
  phone: fc.constantFrom(null, '+62 812-3456-7890'),
  email: fc.constantFrom(null, ' A@Contoh.ID '),
  consent: fc.constant(true),
  declaresEligibility: fc.constant(true),
});

it('accepts only forms with a valid NIK, an NKK of this kota and a kelurahan of the catalogue', () => {
  fc.assert(
    fc.property(plausibleForm, (input) => {
      const { issues, normalized } = checkRegistrationForm(input, context);
      fc.pre(issues.length === 0);

      const parsedNkk = parseNkk(normalized.nkk, context);
      expect(parseNik(normalized.nik, context).ok).toBe(true);
      expect(parsedNkk.ok && parsedNkk.value.regencyCode).toBe('3175');
      expect(catalogue.isKelurahanInKabKota(normalized.kelurahanCode)).toBe(true);
      expect([normalized.rt, normalized.rw].every((code) => /^(?!000)[0-9]{3}$/.test(code))).toBe(
        true,
      );
      expect([normalized.consent, normalized.declaresEligibility]).toEqual([true, true]);
    }),
    { numRuns: 200, maxSkipsPerRun: 100 },
  );
});
