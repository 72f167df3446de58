import { getDistricts, getRegencies, getVillages } from 'idn-area-data';
import { JAKARTA_TIMUR_CODE, JAKARTA_TIMUR_REGIONS, type RegionRow } from '@kaliber/schema';

import { ConfigError } from '../config/config.js';

/**
 * The region rows of one kabupaten/kota. Jakarta Timur ships with the domain package (checked
 * against the Kemendagri reference in its tests); any other of the 514 comes from the
 * `idn-area-data` package (ODbL data), read once at start.
 */
export async function loadRegionRows(kabKotaCode: string): Promise<readonly RegionRow[]> {
  if (kabKotaCode === JAKARTA_TIMUR_CODE) return JAKARTA_TIMUR_REGIONS;

  const [regencies, districts, villages] = await Promise.all([
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const regency = regencies.find((row) => row.code === kabKotaCode);
  if (!regency) {
    throw new ConfigError(
      `Konfigurasi KAB_KOTA tidak valid: kode ${kabKotaCode} tidak ada dalam data wilayah Kemendagri`,
    );
  }

  const kecamatan = districts.filter((row) => row.regency_code === kabKotaCode);
  const kecamatanCodes = new Set(kecamatan.map((row) => row.code));
  const kelurahan = villages.filter((row) => kecamatanCodes.has(row.district_code));

  return [
    {
      code: regency.code,
      level: 'KABKOTA',
      name: titleCase(regency.name),
      parentCode: regency.province_code,
    },
    ...kecamatan.map((row): RegionRow => ({
      code: row.code,
      level: 'KECAMATAN',
      name: row.name,
      parentCode: kabKotaCode,
    })),
    ...kelurahan.map((row): RegionRow => ({
      code: row.code,
      level: 'KELURAHAN',
      name: row.name,
      parentCode: row.district_code,
    })),
  ];
}

/** idn-area-data writes kabupaten/kota names in capitals ("KOTA ADMINISTRASI JAKARTA TIMUR"). */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s(-])(\p{L})/gu, (_, lead: string, letter: string) => {
    return lead + letter.toUpperCase();
  });
}
