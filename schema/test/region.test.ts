import { expect, it } from 'vitest';

import { nikPrefixOf, normalizeRegionName, parentCodeOf, regionLevelOfCode } from '../src/index.js';

it('gives the NIK prefix of a kota and a kecamatan, and none for a kelurahan', () => {
  expect([nikPrefixOf('31.75'), nikPrefixOf('31.75.01'), nikPrefixOf('31.75.01.1001')]).toEqual([
    '3175',
    '317501',
    null,
  ]);
});

it('refuses to derive a prefix from something that is not a region code', () => {
  expect(() => nikPrefixOf('3175')).toThrow(RangeError);
});

it('tells the level and the parent of a code by its shape', () => {
  expect([
    regionLevelOfCode('31.75'),
    regionLevelOfCode('31.75.01'),
    regionLevelOfCode('31.75.01.1001'),
    regionLevelOfCode('31.75.1'),
    parentCodeOf('31.75.01.1001'),
    parentCodeOf('31.75'),
    parentCodeOf('31'),
  ]).toEqual(['KABKOTA', 'KECAMATAN', 'KELURAHAN', null, '31.75.01', '31', null]);
});

it('compares names regardless of case, spaces, punctuation and accents', () => {
  expect(
    ['Kramat Jati', 'KRAMATJATI', ' kramat-jati ', 'Kramat Játi', 'Kp. Melayu'].map(
      normalizeRegionName,
    ),
  ).toEqual(['kramatjati', 'kramatjati', 'kramatjati', 'kramatjati', 'kpmelayu']);
});
