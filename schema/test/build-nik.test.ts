import { expect, it } from 'vitest';

import { buildNik } from '../src/index.js';

it('builds a woman’s NIK with 40 added to the day of birth', () => {
  expect(buildNik({ districtCode: '31.75.01', birthDate: '2005-12-05', sex: 'P', serial: 3 })).toBe(
    '3175014512050003',
  );
});

it('builds a man’s NIK from a plain kecamatan code and a serial string', () => {
  expect(
    buildNik({ districtCode: '317501', birthDate: '1997-03-13', sex: 'L', serial: '0001' }),
  ).toBe('3175011303970001');
});

it('refuses parts that cannot make a valid NIK', () => {
  const valid = { districtCode: '317501', birthDate: '1997-03-13', sex: 'L', serial: 1 } as const;

  expect(() => buildNik({ ...valid, districtCode: '31750' })).toThrow(RangeError);
  expect(() => buildNik({ ...valid, districtCode: '317500' })).toThrow(
    'Kode kecamatan pada NIK tidak boleh 00',
  );
  expect(() => buildNik({ ...valid, birthDate: '1997-02-29' })).toThrow(RangeError);
  expect(() => buildNik({ ...valid, serial: 0 })).toThrow('Nomor urut NIK tidak boleh 0000');
  expect(() => buildNik({ ...valid, serial: 1.5 })).toThrow(RangeError);
  expect(() =>
    buildNik({ districtCode: '111111', birthDate: '2011-11-11', sex: 'L', serial: 1111 }),
  ).toThrow('NIK tidak valid: keenam belas digitnya sama');
});
