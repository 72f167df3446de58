// Administrative regions of one kabupaten/kota (DESIGN §3.6), with the codes of the Kemendagri
// decree written as Kemendagri writes them: '31.75' (kab/kota), '31.75.01' (kecamatan),
// '31.75.01.1001' (kelurahan).

/** The three levels Kaliber knows, from the top. */
export const REGION_LEVELS = ['KABKOTA', 'KECAMATAN', 'KELURAHAN'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface RegionRow {
  /** Dotted Kemendagri code: PP.KK, PP.KK.CC or PP.KK.CC.DDDD. */
  code: string;
  level: RegionLevel;
  /** Official name, for example 'Kota Administrasi Jakarta Timur' or 'Pulo Gadung'. */
  name: string;
  /** Code of the region one level up; for the kab/kota its province ('31') or null. */
  parentCode: string | null;
}

const CODE_PATTERNS: Readonly<Record<RegionLevel, RegExp>> = {
  KABKOTA: /^[0-9]{2}\.[0-9]{2}$/,
  KECAMATAN: /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}$/,
  KELURAHAN: /^[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}$/,
};

/** The level a code has by its shape; null if it is no kab/kota, kecamatan or kelurahan code. */
export function regionLevelOfCode(code: string): RegionLevel | null {
  return REGION_LEVELS.find((level) => CODE_PATTERNS[level].test(code)) ?? null;
}

/** The code one level up: '31.75.01.1001' → '31.75.01', '31.75' → '31'. */
export function parentCodeOf(code: string): string | null {
  const cut = code.lastIndexOf('.');

  return cut === -1 ? null : code.slice(0, cut);
}

/**
 * The digits an NIK or NKK starts with when issued in this region: '31.75' → '3175',
 * '31.75.01' → '317501'. A kelurahan has none (null): numbers only encode up to the kecamatan.
 * Throws a RangeError for a code that is not a region code.
 */
export function nikPrefixOf(code: string): string | null {
  const level = regionLevelOfCode(code);
  if (level === null) {
    throw new RangeError(`Not a kab/kota, kecamatan or kelurahan code: ${code}`);
  }

  return level === 'KELURAHAN' ? null : code.replaceAll('.', '');
}

/**
 * A key to compare region names as people write them: case, spaces, punctuation and accents
 * do not count, so 'Kramat Jati', 'KRAMATJATI' and 'Kramat-Jati' give the same key.
 */
export function normalizeRegionName(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
