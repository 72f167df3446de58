// The regions of the deployment's kab/kota, checked once when the API or console starts and
// then looked up by code or by name. Building it from bad rows throws: a catalogue with a
// kelurahan under a missing kecamatan would put voters outside every recap.

import { type RegionAlias, REGION_ALIASES } from './region-aliases.js';
import {
  nikPrefixOf,
  normalizeRegionName,
  parentCodeOf,
  REGION_LEVELS,
  regionLevelOfCode,
  type RegionLevel,
  type RegionRow,
} from './region.js';

// Members are function-valued properties, not methods: they do not depend on `this`, so they
// can be passed around (`codes.filter(catalogue.isKelurahanInKabKota)`).
export interface RegionCatalogue {
  /** The configured kabupaten/kota. */
  readonly kabKota: RegionRow;
  /** Its kecamatan, ordered by code. */
  readonly kecamatan: readonly RegionRow[];
  /** All its kelurahan, ordered by code. */
  readonly kelurahan: readonly RegionRow[];
  /** PPKK of the kab/kota, 4 digits, for parseNik/parseNkk. */
  readonly knownRegencyCodes: ReadonlySet<string>;
  /** PPKKCC of each kecamatan, 6 digits, for parseNik/parseNkk. */
  readonly knownDistrictCodes: ReadonlySet<string>;
  /** The region with this dotted code, if it belongs to the catalogue. */
  readonly get: (code: string) => RegionRow | undefined;
  /** The regions directly under `code`, ordered by code; empty for a kelurahan or unknown code. */
  readonly childrenOf: (code: string) => readonly RegionRow[];
  /** The kelurahan of a kecamatan, ordered by code; empty for an unknown kecamatan. */
  readonly kelurahanOf: (kecamatanCode: string) => readonly RegionRow[];
  /**
   * Regions whose name or alias matches `name` (case, spaces and punctuation ignored),
   * optionally of one level only, ordered by level then code.
   */
  readonly findByName: (name: string, level?: RegionLevel) => readonly RegionRow[];
  /** Whether `code` is a kelurahan of this kab/kota. */
  readonly isKelurahanInKabKota: (code: string) => boolean;
}

/**
 * Builds a catalogue from the rows of one kab/kota. Throws if the rows are inconsistent:
 * a malformed or duplicate code, not exactly one KABKOTA, a parent that is missing or of the
 * wrong level, an empty name, or an alias naming a code of this kab/kota that does not exist.
 * Aliases of other regions are ignored, so the default table is harmless elsewhere.
 */
export function createRegionCatalogue(
  rows: readonly RegionRow[],
  aliases: readonly RegionAlias[] = REGION_ALIASES,
): RegionCatalogue {
  const byCode = indexRows(rows);
  const kabKota = requireSingleKabKota(rows);
  for (const row of rows) {
    checkParent(row, byCode);
  }

  const sorted = [...rows].sort(compareRows);
  const childrenByCode = new Map<string, RegionRow[]>();
  for (const row of sorted) {
    if (row.level !== 'KABKOTA') {
      const siblings = childrenByCode.get(row.parentCode ?? '') ?? [];
      siblings.push(row);
      childrenByCode.set(row.parentCode ?? '', siblings);
    }
  }

  const kecamatan = sorted.filter((row) => row.level === 'KECAMATAN');
  const codesByName = indexNames(rows, aliases, byCode, kabKota);

  return {
    kabKota,
    kecamatan,
    kelurahan: sorted.filter((row) => row.level === 'KELURAHAN'),
    knownRegencyCodes: new Set([requireNikPrefix(kabKota)]),
    knownDistrictCodes: new Set(kecamatan.map(requireNikPrefix)),
    get: (code) => byCode.get(code),
    childrenOf: (code) => childrenByCode.get(code) ?? [],
    kelurahanOf: (kecamatanCode) =>
      byCode.get(kecamatanCode)?.level === 'KECAMATAN'
        ? (childrenByCode.get(kecamatanCode) ?? [])
        : [],
    findByName: (name, level) => {
      const codes = codesByName.get(normalizeRegionName(name)) ?? new Set<string>();
      const found = [...codes].flatMap((code) => byCode.get(code) ?? []);

      return found.filter((row) => level === undefined || row.level === level).sort(compareRows);
    },
    isKelurahanInKabKota: (code) => byCode.get(code)?.level === 'KELURAHAN',
  };
}

function indexRows(rows: readonly RegionRow[]): Map<string, RegionRow> {
  const byCode = new Map<string, RegionRow>();

  for (const row of rows) {
    if (regionLevelOfCode(row.code) !== row.level) {
      throw new Error(`Region ${row.code}: the code does not have the shape of a ${row.level}`);
    }
    if (row.name.trim() === '') {
      throw new Error(`Region ${row.code}: the name is empty`);
    }
    if (byCode.has(row.code)) {
      throw new Error(`Region ${row.code} appears more than once`);
    }
    byCode.set(row.code, row);
  }

  return byCode;
}

function requireSingleKabKota(rows: readonly RegionRow[]): RegionRow {
  const kabKotas = rows.filter((row) => row.level === 'KABKOTA');
  const [kabKota] = kabKotas;
  if (kabKota === undefined || kabKotas.length > 1) {
    throw new Error(`A region catalogue has exactly one KABKOTA row, got ${kabKotas.length}`);
  }

  return kabKota;
}

// Each row must hang under the row its code says, one level up. With a single KABKOTA this
// also keeps every row inside that kab/kota.
function checkParent(row: RegionRow, byCode: Map<string, RegionRow>): void {
  const expectedParent = parentCodeOf(row.code);
  if (row.level === 'KABKOTA') {
    if (row.parentCode !== null && row.parentCode !== expectedParent) {
      throw new Error(`Region ${row.code}: its parent must be its province ${expectedParent}`);
    }
    return;
  }

  if (row.parentCode !== expectedParent) {
    throw new Error(`Region ${row.code}: its parent must be ${expectedParent}`);
  }
  const parent = byCode.get(row.parentCode ?? '');
  if (parent === undefined) {
    throw new Error(`Region ${row.code}: its parent ${row.parentCode} is missing`);
  }
  const expectedLevel = row.level === 'KECAMATAN' ? 'KABKOTA' : 'KECAMATAN';
  if (parent.level !== expectedLevel) {
    throw new Error(`Region ${row.code}: its parent ${parent.code} is not a ${expectedLevel}`);
  }
}

// Normalised name → codes, from the official names and the aliases.
function indexNames(
  rows: readonly RegionRow[],
  aliases: readonly RegionAlias[],
  byCode: Map<string, RegionRow>,
  kabKota: RegionRow,
): Map<string, Set<string>> {
  const codesByName = new Map<string, Set<string>>();
  const add = (name: string, code: string): void => {
    const key = normalizeRegionName(name);
    const codes = codesByName.get(key) ?? new Set<string>();
    codes.add(code);
    codesByName.set(key, codes);
  };

  for (const row of rows) {
    add(row.name, row.code);
  }
  for (const { alias, codes } of aliases) {
    for (const code of codes) {
      if (byCode.has(code)) {
        add(alias, code);
      } else if (code.startsWith(`${kabKota.code}.`)) {
        throw new Error(`Region alias '${alias}' names ${code}, which is not in the catalogue`);
      }
    }
  }

  return codesByName;
}

// A kab/kota or kecamatan row always has a prefix; the kelurahan never reach here.
function requireNikPrefix(row: RegionRow): string {
  const prefix = nikPrefixOf(row.code);
  if (prefix === null) {
    throw new Error(`Region ${row.code} has no NIK prefix`);
  }

  return prefix;
}

function compareRows(a: RegionRow, b: RegionRow): number {
  const byLevel = REGION_LEVELS.indexOf(a.level) - REGION_LEVELS.indexOf(b.level);
  if (byLevel !== 0) {
    return byLevel;
  }

  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
