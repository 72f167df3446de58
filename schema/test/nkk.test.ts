import { expect, it } from 'vitest';

import { buildNkk, parseNkk } from '../src/index.js';

const referenceDate = '2025-06-30';

it('decodes an NKK with its recording date', () => {
  expect(parseNkk('3175 0101 0120 0001', { referenceDate })).toEqual({
    ok: true,
    value: {
      nkk: '3175010101200001',
      provinceCode: '31',
      regencyCode: '3175',
      districtCode: '317501',
      recordingDate: '2020-01-01',
      serial: '0001',
    },
    warnings: [],
  });
});

it('rejects a day with 40 added, as an NIK of a woman would have', () => {
  const plusForty = {
    ok: false,
    error: {
      code: 'NKK_DATE',
      message:
        'Tanggal pencatatan pada NKK bukan tanggal yang valid' +
        ' (tanggal pada NKK tidak pernah ditambah 40)',
    },
  };

  expect(
    ['3175014101200001', '3175014512050003'].map((nkk) => parseNkk(nkk, { referenceDate })),
  ).toEqual([plusForty, plusForty]);
});

it('rejects an impossible recording date without the +40 hint', () => {
  expect(parseNkk('3175013102200001', { referenceDate })).toEqual({
    ok: false,
    error: { code: 'NKK_DATE', message: 'Tanggal pencatatan pada NKK bukan tanggal yang valid' },
  });
});

it('uses NKK codes and wording for the checks it shares with the NIK', () => {
  expect(
    [
      '317501010120001',
      '1111111111111111',
      '0075010101200001',
      '3100010101200001',
      '3175000101200001',
      '3175010101200000',
    ].map((nkk) => parseNkk(nkk, { referenceDate })),
  ).toEqual([
    { ok: false, error: { code: 'NKK_FORMAT', message: 'NKK harus terdiri dari 16 digit angka' } },
    {
      ok: false,
      error: { code: 'NKK_JUNK', message: 'NKK tidak valid: keenam belas digitnya sama' },
    },
    {
      ok: false,
      error: { code: 'NKK_PROVINCE', message: 'Kode provinsi pada NKK (00) tidak dikenal' },
    },
    {
      ok: false,
      error: { code: 'NKK_REGENCY', message: 'Kode kabupaten/kota pada NKK tidak boleh 00' },
    },
    {
      ok: false,
      error: { code: 'NKK_DISTRICT', message: 'Kode kecamatan pada NKK tidak boleh 00' },
    },
    { ok: false, error: { code: 'NKK_SERIAL', message: 'Nomor urut NKK tidak boleh 0000' } },
  ]);
});

it('warns about an issuing kecamatan missing from the known set', () => {
  const result = parseNkk('3175110101200001', {
    referenceDate,
    knownDistrictCodes: new Set(['317501']),
  });

  expect(result).toEqual({
    ok: true,
    value: {
      nkk: '3175110101200001',
      provinceCode: '31',
      regencyCode: '3175',
      districtCode: '317511',
      recordingDate: '2020-01-01',
      serial: '0001',
    },
    warnings: [
      {
        code: 'NKK_UNKNOWN_DISTRICT',
        message: 'Kode kecamatan pada NKK (11) tidak ditemukan dalam data wilayah',
      },
    ],
  });
});

it('builds an NKK from a dotted kecamatan code, a date and a serial', () => {
  const nkk = buildNkk({ districtCode: '31.75.06', recordingDate: '2019-11-04', serial: '42' });

  expect([nkk, parseNkk(nkk, { referenceDate })]).toEqual([
    '3175060411190042',
    {
      ok: true,
      value: {
        nkk: '3175060411190042',
        provinceCode: '31',
        regencyCode: '3175',
        districtCode: '317506',
        recordingDate: '2019-11-04',
        serial: '0042',
      },
      warnings: [],
    },
  ]);
});

it('refuses to build an NKK from parts that cannot make one', () => {
  const valid = { districtCode: '317501', recordingDate: '2020-01-01', serial: 1 };

  expect(() => buildNkk({ ...valid, districtCode: '3175' })).toThrow(RangeError);
  expect(() => buildNkk({ ...valid, districtCode: '990101' })).toThrow(
    'Kode provinsi pada NKK (99) tidak dikenal',
  );
  expect(() => buildNkk({ ...valid, recordingDate: '2020-02-30' })).toThrow(RangeError);
  expect(() => buildNkk({ ...valid, serial: 0 })).toThrow('Nomor urut NKK tidak boleh 0000');
  expect(() => buildNkk({ ...valid, serial: 10000 })).toThrow(RangeError);
});
