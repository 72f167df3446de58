import { nikPrefixOf, type RegionCatalogue, type RegionRow } from '@kaliber/schema';

import { NIK_ORIGINS_ELSEWHERE } from './nik-origins.js';
import { hashString, type SeededRandom } from './seeded-random.js';
import type { SyntheticPools } from './synthetic-pools.js';

// Where synthetic people live and come from: kelurahan shares, RT/RW layout, addresses, the
// district that issued an NIK and the birth place that goes with it.

/** Share of residents whose NIK was issued in another kecamatan of the same city / elsewhere. */
const NIK_FROM_OTHER_KECAMATAN = 0.03;
const NIK_FROM_ELSEWHERE = 0.07;

/** Where an NIK can say it was first issued, and the birth place such a person writes. */
export interface NikOriginChoice {
  /** Six digits PPKKCC. */
  readonly districtCode: string;
  /** Town of an origin elsewhere; null for the kecamatan of the deployment itself. */
  readonly town: string | null;
}

/**
 * The NIK origins of a run: first the kecamatan of the catalogue (index = kecamatan index),
 * then the places elsewhere in Indonesia, minus any that lie in this kabupaten/kota.
 */
export function nikOriginsOf(catalogue: RegionCatalogue): NikOriginChoice[] {
  const kabKotaPrefix = nikPrefixOf(catalogue.kabKota.code) ?? '';
  const home = catalogue.kecamatan.map((kecamatan): NikOriginChoice => {
    const districtCode = nikPrefixOf(kecamatan.code);
    if (!districtCode) throw new Error(`Kecamatan ${kecamatan.code} has no NIK prefix`);
    return { districtCode, town: null };
  });
  const elsewhere = NIK_ORIGINS_ELSEWHERE.filter(
    (origin) => !origin.districtCode.startsWith(kabKotaPrefix),
  );

  return [...home, ...elsewhere];
}

/**
 * The origin index for a resident of kecamatan `kecamatanIndex`: mostly that kecamatan, ~3 %
 * another kecamatan of the city, ~7 % somewhere else in Indonesia.
 */
export function pickNikOrigin(
  random: SeededRandom,
  kecamatanIndex: number,
  kecamatanCount: number,
  originCount: number,
): number {
  const roll = random.nextFloat();
  if (roll < NIK_FROM_OTHER_KECAMATAN && kecamatanCount > 1) {
    // Another kecamatan of the same city: skip the own one.
    const other = random.nextInt(kecamatanCount - 1);
    return other >= kecamatanIndex ? other + 1 : other;
  }
  if (roll < NIK_FROM_OTHER_KECAMATAN + NIK_FROM_ELSEWHERE && originCount > kecamatanCount) {
    return kecamatanCount + random.nextInt(originCount - kecamatanCount);
  }

  return kecamatanIndex;
}

/** Most people write the city they live in; newcomers mostly the town their NIK comes from. */
export function pickBirthPlace(
  random: SeededRandom,
  pools: SyntheticPools,
  origin: NikOriginChoice,
  homeTown: string,
): string {
  if (origin.town !== null && random.chance(0.75)) return origin.town;

  return random.chance(0.82) ? homeTown : random.pick(pools.otherBirthPlaces);
}

/** "Jl. Kenanga II No. 12", now and then "No. 12A" or a housing-estate block. */
export function pickAddress(random: SeededRandom, streets: readonly string[]): string {
  const street = random.pick(streets);
  const houseNumber = 1 + Math.floor(160 * random.nextFloat() ** 1.5);
  const roll = random.nextFloat();
  if (roll < 0.07) return `${street} No. ${houseNumber}${random.pick(['A', 'B', 'C'])}`;
  if (roll < 0.12) {
    const block = `${random.pick(['A', 'B', 'C', 'D', 'E'])}${random.nextIntBetween(1, 9)}`;
    return `${street}, Blok ${block} No. ${houseNumber}`;
  }

  return `${street} No. ${houseNumber}`;
}

/** A kelurahan's share of its kecamatan: fixed by its code, between 0.7 and 1.3. */
export function kelurahanWeight(kelurahan: RegionRow): number {
  return 0.7 + (hashString(kelurahan.code) % 601) / 1000;
}

/** How many RW a kelurahan has and RT per RW, fixed by its code (6–15 and 8–15). */
export function neighbourhoodLayout(kelurahan: RegionRow): { rwCount: number; rtCount: number } {
  const hash = hashString(`${kelurahan.code}/rt-rw`);

  return { rwCount: 6 + (hash % 10), rtCount: 8 + ((hash >>> 8) % 8) };
}
