import { JAKARTA_TIMUR_CODE, type RegionCatalogue } from '@kaliber/schema';

/**
 * Voters per kecamatan of Kota Administrasi Jakarta Timur in the 2024 final voter list (DPT
 * Pemilu 2024), keyed by the dotted Kemendagri kecamatan code. The synthetic generator spreads
 * its voters in these proportions so that a seeded database looks like the real city:
 * Cakung has three times the voters of Matraman.
 */
export const JAKARTA_TIMUR_VOTERS_2024: Readonly<Record<string, number>> = {
  '31.75.01': 141_761, // Matraman
  '31.75.02': 229_274, // Pulogadung
  '31.75.03': 250_218, // Jatinegara
  '31.75.04': 232_712, // Kramatjati
  '31.75.05': 167_331, // Pasar Rebo
  '31.75.06': 421_015, // Cakung
  '31.75.07': 332_461, // Duren Sawit
  '31.75.08': 159_845, // Makasar
  '31.75.09': 232_861, // Ciracas
  '31.75.10': 216_494, // Cipayung
};

/**
 * The relative weight of each kecamatan of the catalogue, in catalogue order. Jakarta Timur
 * uses the 2024 counts; any other kabupaten/kota gets equal weights, since Kaliber ships no
 * voter counts for it.
 */
export function kecamatanWeights(catalogue: RegionCatalogue): ReadonlyMap<string, number> {
  const isJakartaTimur = catalogue.kabKota.code === JAKARTA_TIMUR_CODE;
  const weights = new Map<string, number>();

  for (const kecamatan of catalogue.kecamatan) {
    const count = isJakartaTimur ? JAKARTA_TIMUR_VOTERS_2024[kecamatan.code] : 1;
    if (count === undefined) {
      // The table and the shipped region rows are both Jakarta Timur; a gap is a bug.
      throw new Error(`No 2024 voter count for kecamatan ${kecamatan.code}`);
    }
    weights.set(kecamatan.code, count);
  }

  return weights;
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest-remainder method), so the
 * parts add up to exactly `total` and each is within one of its exact share.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((running, weight) => running + weight, 0);
  if (!(sum > 0)) throw new RangeError('Weights must add up to more than zero');

  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let missing = total - parts.reduce((running, part) => running + part, 0);

  // Hand the remaining units to the largest fractions; ties go to the earlier entry.
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((left, right) => right.remainder - left.remainder || left.index - right.index);
  for (const { index } of byRemainder) {
    if (missing === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    missing -= 1;
  }

  return parts;
}
