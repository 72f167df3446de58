// Cross-checks the rows shipped in src against the two sources they come from: the reference
// CSV of the Kemendagri decree (test/fixtures) and the idn-area-data package.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { expect, it } from 'vitest';

import {
  JAKARTA_TIMUR_CODE,
  JAKARTA_TIMUR_REGIONS,
  nikPrefixOf,
  type RegionLevel,
  type RegionRow,
} from '../src/index.js';

// The Jakarta Timur rows of Kemendagri decree 300.2.2-2138/2025, as published, kept as a
// fixture so that the shipped constant is checked against the decree and not against itself.
const referenceDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

const LEVELS: Readonly<Record<string, RegionLevel>> = {
  kota: 'KABKOTA',
  kabupaten: 'KABKOTA',
  kecamatan: 'KECAMATAN',
  kelurahan: 'KELURAHAN',
};

interface ReferenceRow {
  row: RegionRow;
  nikPrefix: string | null;
}

// The file is simple (no quoted fields); refuse anything else rather than misread it.
function readReferenceCsv(): ReferenceRow[] {
  const text = readFileSync(path.join(referenceDir, 'wilayah-3175.csv'), 'utf8');
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  expect(header).toBe('kode,kode_nik_prefix,tingkat,nama,kode_induk');

  return lines.map((line) => {
    const fields = line.split(',');
    if (fields.length !== 5 || line.includes('"')) {
      throw new Error(`Unexpected line in wilayah-3175.csv: ${line}`);
    }
    const [code = '', nikPrefix = '', levelName = '', name = '', parentCode = ''] = fields;
    const level = LEVELS[levelName];
    if (level === undefined) {
      throw new Error(`Unknown level ${levelName} in wilayah-3175.csv`);
    }

    return {
      row: { code, level, name, parentCode: parentCode === '' ? null : parentCode },
      nikPrefix: nikPrefix === '' ? null : nikPrefix,
    };
  });
}

function countByLevel(rows: readonly RegionRow[]): Record<RegionLevel, number> {
  const counts = { KABKOTA: 0, KECAMATAN: 0, KELURAHAN: 0 };
  for (const row of rows) {
    counts[row.level] += 1;
  }

  return counts;
}

it('ships one kota, 10 kecamatan and 65 kelurahan', () => {
  expect(countByLevel(JAKARTA_TIMUR_REGIONS)).toEqual({
    KABKOTA: 1,
    KECAMATAN: 10,
    KELURAHAN: 65,
  });
});

it('ships exactly the rows of the reference CSV, in its order', () => {
  expect(JAKARTA_TIMUR_REGIONS).toEqual(readReferenceCsv().map(({ row }) => row));
});

it('derives the NIK prefix the reference CSV gives for the kota and each kecamatan', () => {
  const reference = readReferenceCsv();

  expect(reference.map(({ row }) => nikPrefixOf(row.code))).toEqual(
    reference.map(({ nikPrefix }) => nikPrefix),
  );
});

it('names the kota with the code Kemendagri and idn-area-data give it', async () => {
  const regency = (await getRegencies()).find((row) => row.code === JAKARTA_TIMUR_CODE);
  const kota = JAKARTA_TIMUR_REGIONS.find((row) => row.level === 'KABKOTA');

  // idn-area-data writes regency names in capitals.
  expect([kota?.code, kota?.name.toUpperCase()]).toEqual([
    JAKARTA_TIMUR_CODE,
    regency?.name.toUpperCase(),
  ]);
});

it('agrees with idn-area-data on every kecamatan and kelurahan code and name', async () => {
  const [districts, villages] = await Promise.all([getDistricts(), getVillages()]);
  const fromPackage = [
    ...districts
      .filter((row) => row.regency_code === JAKARTA_TIMUR_CODE)
      .map((row) => ({ code: row.code, name: row.name, parentCode: row.regency_code })),
    ...villages
      .filter((row) => row.district_code.startsWith(`${JAKARTA_TIMUR_CODE}.`))
      .map((row) => ({ code: row.code, name: row.name, parentCode: row.district_code })),
  ];
  const shipped = JAKARTA_TIMUR_REGIONS.filter((row) => row.level !== 'KABKOTA').map(
    ({ code, name, parentCode }) => ({ code, name, parentCode }),
  );

  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  expect(shipped.sort(byCode)).toEqual(fromPackage.sort(byCode));
}, 30_000);
