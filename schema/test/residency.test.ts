import { expect, it } from 'vitest';

import { checkResidency, createRegionCatalogue, JAKARTA_TIMUR_REGIONS } from '../src/index.js';

const catalogue = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);
const referenceDate = '2025-06-30';

it('accepts a KK issued in the kecamatan of its Jakarta Timur address', () => {
  expect(
    checkResidency(
      { nkk: '3175010101200001', kelurahanCode: '31.75.01.1001', referenceDate },
      catalogue,
    ),
  ).toEqual({ resident: true, warnings: [] });
});

it('refuses an address in another kota, naming the kota it should be in', () => {
  expect(
    checkResidency(
      { nkk: '3174010101200001', kelurahanCode: '31.74.01.1001', referenceDate },
      catalogue,
    ),
  ).toEqual({
    resident: false,
    error: {
      code: 'BUKAN_PENDUDUK',
      message: 'Alamat pada KK tidak berada di wilayah Kota Administrasi Jakarta Timur',
    },
  });
});

it('warns when the NKK was issued in another kecamatan of the kota', () => {
  expect(
    checkResidency(
      { nkk: '3175060101200001', kelurahanCode: '31.75.01.1001', referenceDate },
      catalogue,
    ),
  ).toEqual({
    resident: true,
    warnings: [
      {
        code: 'NKK_PREFIX_MISMATCH',
        message: 'Kode kecamatan pada NKK tidak sesuai dengan kecamatan alamat (Matraman)',
      },
    ],
  });
});

it('warns when the NKK was issued outside the kota but the address is inside', () => {
  expect(
    checkResidency(
      { nkk: '3201010101200001', kelurahanCode: '31.75.06.1001', referenceDate },
      catalogue,
    ),
  ).toEqual({
    resident: true,
    warnings: [
      {
        code: 'NKK_PREFIX_MISMATCH',
        message:
          'NKK diterbitkan di luar Kota Administrasi Jakarta Timur, sedangkan alamat berada di wilayahnya',
      },
    ],
  });
});

it('passes on the NKK error when the number itself is invalid', () => {
  expect(
    checkResidency(
      { nkk: '31750101012', kelurahanCode: '31.75.01.1001', referenceDate },
      catalogue,
    ),
  ).toEqual({
    resident: false,
    error: { code: 'NKK_FORMAT', message: 'NKK harus terdiri dari 16 digit angka' },
  });
});

it('calls an unknown or malformed kelurahan code an input error, not non-residency', () => {
  const unknownKelurahan = {
    resident: false,
    error: { code: 'UNKNOWN_KELURAHAN', message: 'Kode kelurahan pada alamat tidak dikenal' },
  };

  expect(
    ['31.75.01.1099', '31.75.01', 'Matraman'].map((kelurahanCode) =>
      checkResidency({ nkk: '3175010101200001', kelurahanCode, referenceDate }, catalogue),
    ),
  ).toEqual([unknownKelurahan, unknownKelurahan, unknownKelurahan]);
});
