import { expect, it } from 'vitest';

import {
  createRegionCatalogue,
  JAKARTA_TIMUR_REGIONS,
  REGION_ALIASES,
  type RegionRow,
} from '../src/index.js';

const catalogue = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);

function codes(rows: readonly RegionRow[]): string[] {
  return rows.map((row) => row.code);
}

const kota: RegionRow = {
  code: '31.75',
  level: 'KABKOTA',
  name: 'Kota Administrasi Jakarta Timur',
  parentCode: '31',
};
const matraman: RegionRow = {
  code: '31.75.01',
  level: 'KECAMATAN',
  name: 'Matraman',
  parentCode: '31.75',
};
const pisanganBaru: RegionRow = {
  code: '31.75.01.1001',
  level: 'KELURAHAN',
  name: 'Pisangan Baru',
  parentCode: '31.75.01',
};

it('exposes the kota and its ten kecamatan in code order', () => {
  expect([catalogue.kabKota, codes(catalogue.kecamatan), catalogue.kelurahan.length]).toEqual([
    kota,
    [
      '31.75.01',
      '31.75.02',
      '31.75.03',
      '31.75.04',
      '31.75.05',
      '31.75.06',
      '31.75.07',
      '31.75.08',
      '31.75.09',
      '31.75.10',
    ],
    65,
  ]);
});

it('lists the kelurahan of a kecamatan, and nothing for anything else', () => {
  expect([
    catalogue.kelurahanOf('31.75.06').map((row) => row.name),
    catalogue.kelurahanOf('31.75'),
    catalogue.kelurahanOf('31.75.11'),
  ]).toEqual([
    [
      'Jatinegara',
      'Rawa Terate',
      'Penggilingan',
      'Cakung Timur',
      'Pulo Gebang',
      'Ujung Menteng',
      'Cakung Barat',
    ],
    [],
    [],
  ]);
});

it('finds regions by code and children by parent', () => {
  expect([
    catalogue.get('31.75.01'),
    catalogue.get('31.74.01'),
    codes(catalogue.childrenOf('31.75')),
    catalogue.childrenOf('31.75.01.1001'),
  ]).toEqual([matraman, undefined, codes(catalogue.kecamatan), []]);
});

it('knows the NIK prefixes of the kota and of its kecamatan', () => {
  expect([catalogue.knownRegencyCodes, catalogue.knownDistrictCodes]).toEqual([
    new Set(['3175']),
    new Set([
      '317501',
      '317502',
      '317503',
      '317504',
      '317505',
      '317506',
      '317507',
      '317508',
      '317509',
      '317510',
    ]),
  ]);
});

it('tells whether a code is a kelurahan of the kota', () => {
  expect(
    ['31.75.01.1001', '31.75.10.1008', '31.75.01', '31.75.01.1099', '31.74.01.1001'].map(
      catalogue.isKelurahanInKabKota,
    ),
  ).toEqual([true, true, false, false, false]);
});

it('finds kecamatan Kramatjati from the spelling kramat jati', () => {
  expect(codes(catalogue.findByName('kramat jati', 'KECAMATAN'))).toEqual(['31.75.04']);
});

it('finds both the kecamatan and the kelurahan of one name, kecamatan first', () => {
  expect([
    codes(catalogue.findByName('Pulo Gadung')),
    codes(catalogue.findByName('PULOGADUNG', 'KELURAHAN')),
  ]).toEqual([['31.75.02', '31.75.02.1001'], ['31.75.02.1001']]);
});

it('finds kelurahan Jatinegara in kecamatan Cakung, not kecamatan Jatinegara', () => {
  const [kelurahan] = catalogue.findByName('Jatinegara', 'KELURAHAN');

  expect([kelurahan, codes(catalogue.findByName('Jatinegara', 'KECAMATAN'))]).toEqual([
    { code: '31.75.06.1001', level: 'KELURAHAN', name: 'Jatinegara', parentCode: '31.75.06' },
    ['31.75.03'],
  ]);
});

it('finds kelurahan by the spelling variants of real addresses', () => {
  expect(
    [
      'Pinang Ranti',
      'Pal Meriam',
      'kp melayu',
      'Cipinang  Besar-Utara',
      'Cip. Besar Selatan',
      'Halim',
      'Pd. Kelapa',
    ].map((name) => codes(catalogue.findByName(name, 'KELURAHAN'))),
  ).toEqual([
    ['31.75.08.1002'],
    ['31.75.01.1004'],
    ['31.75.03.1001'],
    ['31.75.03.1008'],
    ['31.75.03.1007'],
    ['31.75.08.1004'],
    ['31.75.07.1004'],
  ]);
});

it('finds nothing for a name outside the kota or an empty one', () => {
  expect([catalogue.findByName('Bekasi'), catalogue.findByName(' . ')]).toEqual([[], []]);
});

it('resolves every alias of the table to all the codes it lists', () => {
  const unresolved = REGION_ALIASES.filter(({ alias, codes: aliasCodes }) => {
    const found = codes(catalogue.findByName(alias));
    return !aliasCodes.every((code) => found.includes(code));
  });

  expect(unresolved).toEqual([]);
});

it('rejects a duplicate code', () => {
  expect(() => createRegionCatalogue([kota, matraman, pisanganBaru, matraman])).toThrow(
    'Region 31.75.01 appears more than once',
  );
});

it('rejects a kelurahan whose kecamatan is missing', () => {
  expect(() => createRegionCatalogue([kota, pisanganBaru])).toThrow(
    'Region 31.75.01.1001: its parent 31.75.01 is missing',
  );
});

it('rejects rows without exactly one kab/kota', () => {
  const secondKota: RegionRow = {
    ...kota,
    code: '31.74',
    name: 'Kota Administrasi Jakarta Selatan',
  };

  expect(() => createRegionCatalogue([kota, secondKota, matraman])).toThrow(
    'A region catalogue has exactly one KABKOTA row, got 2',
  );
  expect(() => createRegionCatalogue([matraman])).toThrow(
    'A region catalogue has exactly one KABKOTA row, got 0',
  );
});

it('rejects a code that does not match its level or its parent', () => {
  expect(() =>
    createRegionCatalogue([kota, { ...matraman, level: 'KELURAHAN', parentCode: '31.75' }]),
  ).toThrow('Region 31.75.01: the code does not have the shape of a KELURAHAN');
  expect(() =>
    createRegionCatalogue([kota, matraman, { ...pisanganBaru, parentCode: '31.75' }]),
  ).toThrow('Region 31.75.01.1001: its parent must be 31.75.01');
  expect(() => createRegionCatalogue([kota, { ...matraman, name: '  ' }])).toThrow(
    'Region 31.75.01: the name is empty',
  );
});

it('rejects an alias to a code of the kota that does not exist, and ignores other regions', () => {
  const rows = [kota, matraman, pisanganBaru];

  expect(() =>
    createRegionCatalogue(rows, [{ alias: 'Pisangan', codes: ['31.75.01.1099'] }]),
  ).toThrow("Region alias 'Pisangan' names 31.75.01.1099, which is not in the catalogue");
  expect(
    codes(
      createRegionCatalogue(rows, [
        { alias: 'Pisangan', codes: ['31.75.01.1001', '32.01.01.1001'] },
      ]).findByName('pisangan'),
    ),
  ).toEqual(['31.75.01.1001']);
});
