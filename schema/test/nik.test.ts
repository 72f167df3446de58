import { expect, it } from 'vitest';

import { compareNikWithRecord, normalizeNik, parseNik, type ParsedNik } from '../src/index.js';

// Fixed, so the century rule does not depend on the day the tests run.
const referenceDate = '2025-06-30';

function parsed(value: ParsedNik) {
  return { ok: true, value, warnings: [] };
}

function rejected(code: string, message: string) {
  return { ok: false, error: { code, message } };
}

it('decodes a woman’s NIK by taking 40 off the day of birth', () => {
  expect(parseNik('3175014512050003', { referenceDate })).toEqual(
    parsed({
      nik: '3175014512050003',
      provinceCode: '31',
      regencyCode: '3175',
      districtCode: '317501',
      sex: 'P',
      birthDate: '2005-12-05',
      serial: '0003',
    }),
  );
});

it('decodes a man’s NIK, born last century', () => {
  expect(parseNik('3175011303970001', { referenceDate })).toEqual(
    parsed({
      nik: '3175011303970001',
      provinceCode: '31',
      regencyCode: '3175',
      districtCode: '317501',
      sex: 'L',
      birthDate: '1997-03-13',
      serial: '0001',
    }),
  );
});

it('accepts 29 February 2000, a leap day', () => {
  expect(parseNik('3175012902000001', { referenceDate })).toEqual(
    parsed({
      nik: '3175012902000001',
      provinceCode: '31',
      regencyCode: '3175',
      districtCode: '317501',
      sex: 'L',
      birthDate: '2000-02-29',
      serial: '0001',
    }),
  );
});

it('rejects 29 February 2001, which does not exist', () => {
  expect(parseNik('3175012902010001', { referenceDate })).toEqual(
    rejected('NIK_DATE', 'Tanggal lahir pada NIK bukan tanggal yang valid'),
  );
});

it('rejects a woman’s NIK whose day 71 decodes to 31 February', () => {
  expect(parseNik('3175017102900002', { referenceDate })).toEqual(
    rejected('NIK_DATE', 'Tanggal lahir pada NIK bukan tanggal yang valid'),
  );
});

it('rejects days that are neither 1–31 nor 41–71', () => {
  expect(
    ['3175010003970001', '3175013203970001', '3175014003970001', '3175017203970001'].map((nik) =>
      parseNik(nik, { referenceDate }),
    ),
  ).toEqual(Array(4).fill(rejected('NIK_DATE', 'Tanggal lahir pada NIK bukan tanggal yang valid')));
});

it('rejects the serial 0000', () => {
  expect(parseNik('3175011303970000', { referenceDate })).toEqual(
    rejected('NIK_SERIAL', 'Nomor urut NIK tidak boleh 0000'),
  );
});

it('rejects a province code that does not exist, naming only the two digits', () => {
  expect(parseNik('9975011303970001', { referenceDate })).toEqual(
    rejected('NIK_PROVINCE', 'Kode provinsi pada NIK (99) tidak dikenal'),
  );
});

it('rejects a kabupaten/kota or kecamatan code of 00', () => {
  expect([
    parseNik('3100011303970001', { referenceDate }),
    parseNik('3175001303970001', { referenceDate }),
  ]).toEqual([
    rejected('NIK_REGENCY', 'Kode kabupaten/kota pada NIK tidak boleh 00'),
    rejected('NIK_DISTRICT', 'Kode kecamatan pada NIK tidak boleh 00'),
  ]);
});

it('calls sixteen equal digits junk rather than a bad province', () => {
  expect(parseNik('2222222222222222', { referenceDate })).toEqual(
    rejected('NIK_JUNK', 'NIK tidak valid: keenam belas digitnya sama'),
  );
});

it('ignores spaces, dots and dashes typed into the number', () => {
  expect(normalizeNik('3175.0113-0397 0001')).toBe('3175011303970001');
  expect(parseNik('3175.0113-0397 0001', { referenceDate })).toEqual(
    parseNik('3175011303970001', { referenceDate }),
  );
});

it('wants exactly 16 ASCII digits', () => {
  const formatError = rejected('NIK_FORMAT', 'NIK harus terdiri dari 16 digit angka');

  expect(
    [
      '317501130397000',
      '31750113039700011',
      '31750113O3970001',
      '',
      '３１７５０１１３０３９７０００１',
      '3175011303970001\u0661',
      '3175/01130397/0001',
    ].map((nik) => parseNik(nik, { referenceDate })),
  ).toEqual(Array(7).fill(formatError));
});

it('puts YY in this century unless that day is after the reference date', () => {
  const birthDates = ['3175011306250001', '3175013006250001', '3175010107250001'].map((nik) => {
    const result = parseNik(nik, { referenceDate });
    return result.ok ? result.value.birthDate : result.error.code;
  });

  expect(birthDates).toEqual(['2025-06-13', '2025-06-30', '1925-07-01']);
});

it('checks a leap day in the century the reference date picks', () => {
  // With a 1999 reference, YY 00 is 1900, and 29 February 1900 does not exist.
  expect(parseNik('3175012902000001', { referenceDate: '1999-12-31' })).toEqual(
    rejected('NIK_DATE', 'Tanggal lahir pada NIK bukan tanggal yang valid'),
  );
});

it('only warns about region codes missing from the known sets', () => {
  const options = {
    referenceDate,
    knownRegencyCodes: new Set(['3175']),
    knownDistrictCodes: new Set(['317501', '317502']),
  };

  expect([parseNik('3275011303970001', options), parseNik('3175111303970001', options)]).toEqual([
    {
      ok: true,
      value: {
        nik: '3275011303970001',
        provinceCode: '32',
        regencyCode: '3275',
        districtCode: '327501',
        sex: 'L',
        birthDate: '1997-03-13',
        serial: '0001',
      },
      warnings: [
        {
          code: 'NIK_UNKNOWN_REGENCY',
          message: 'Kode kabupaten/kota pada NIK (75) tidak ditemukan dalam data wilayah',
        },
      ],
    },
    {
      ok: true,
      value: {
        nik: '3175111303970001',
        provinceCode: '31',
        regencyCode: '3175',
        districtCode: '317511',
        sex: 'L',
        birthDate: '1997-03-13',
        serial: '0001',
      },
      warnings: [
        {
          code: 'NIK_UNKNOWN_DISTRICT',
          message: 'Kode kecamatan pada NIK (11) tidak ditemukan dalam data wilayah',
        },
      ],
    },
  ]);
});

it('throws on a malformed reference date, which is a programming error', () => {
  expect(() => parseNik('3175011303970001', { referenceDate: '30/06/2025' })).toThrow(RangeError);
});

// The woman's NIK of the first test, decoded, as staff would compare it with a form.
const womanNik: ParsedNik = {
  nik: '3175014512050003',
  provinceCode: '31',
  regencyCode: '3175',
  districtCode: '317501',
  sex: 'P',
  birthDate: '2005-12-05',
  serial: '0003',
};

it('finds nothing to report when the form agrees with the NIK', () => {
  expect(compareNikWithRecord(womanNik, { sex: 'P', birthDate: '2005-12-05' })).toEqual([]);
});

it('warns, without repeating either value, when sex and birth date differ', () => {
  expect(compareNikWithRecord(womanNik, { sex: 'L', birthDate: '2005-12-06' })).toEqual([
    {
      code: 'NIK_SEX_MISMATCH',
      message: 'Jenis kelamin menurut NIK berbeda dengan jenis kelamin pada data',
    },
    {
      code: 'NIK_BIRTH_DATE_MISMATCH',
      message: 'Tanggal lahir menurut NIK berbeda dengan tanggal lahir pada data',
    },
  ]);
});
