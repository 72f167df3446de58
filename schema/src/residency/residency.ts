// "Filter KK" (DESIGN §3.2): whether a family card belongs to this office. What decides is the
// address kelurahan written on the KK; the NKK prefix only says where the card was issued,
// which usually but not always agrees, so a disagreement is a warning for staff.

import { parseNkk } from '../nik/nkk.js';
import { type RegionCatalogue } from '../regions/region-catalogue.js';
import { nikPrefixOf, regionLevelOfCode } from '../regions/region.js';
import { type DomainIssue } from '../result.js';

export type ResidencyErrorCode = 'BUKAN_PENDUDUK' | 'UNKNOWN_KELURAHAN';
export type ResidencyWarningCode = 'NKK_PREFIX_MISMATCH';

export interface ResidencyInput {
  /** The NKK as typed; normalised and checked with parseNkk. */
  nkk: string;
  /** Dotted code of the address kelurahan on the KK, for example '31.75.01.1001'. */
  kelurahanCode: string;
  /** `YYYY-MM-DD` for parseNkk's century rule; default today in UTC. */
  referenceDate?: string;
}

export type ResidencyResult =
  | { resident: true; warnings: DomainIssue<ResidencyWarningCode>[] }
  | { resident: false; error: DomainIssue };

/**
 * Decides residency: an invalid NKK gives parseNkk's error; an address outside the catalogue's
 * kab/kota gives BUKAN_PENDUDUK; a kelurahan code that is malformed, or inside the kab/kota but
 * unknown, gives UNKNOWN_KELURAHAN (a form or import error, not a fact about the person).
 */
export function checkResidency(input: ResidencyInput, catalogue: RegionCatalogue): ResidencyResult {
  const parsed = parseNkk(input.nkk, { referenceDate: input.referenceDate });
  if (!parsed.ok) {
    return { resident: false, error: parsed.error };
  }

  const { kabKota } = catalogue;
  const code = input.kelurahanCode;
  const isInsideKabKota = code.startsWith(`${kabKota.code}.`);
  if (regionLevelOfCode(code) !== 'KELURAHAN' || (isInsideKabKota && !catalogue.get(code))) {
    return {
      resident: false,
      error: { code: 'UNKNOWN_KELURAHAN', message: 'Kode kelurahan pada alamat tidak dikenal' },
    };
  }
  if (!catalogue.isKelurahanInKabKota(code)) {
    return {
      resident: false,
      error: {
        code: 'BUKAN_PENDUDUK',
        message: `Alamat pada KK tidak berada di wilayah ${kabKota.name}`,
      },
    };
  }

  return { resident: true, warnings: prefixWarnings(parsed.value.districtCode, code, catalogue) };
}

// The NKK should have been issued in the kecamatan of the address; say how it differs if not.
function prefixWarnings(
  nkkDistrictCode: string,
  kelurahanCode: string,
  catalogue: RegionCatalogue,
): DomainIssue<ResidencyWarningCode>[] {
  const kelurahan = catalogue.get(kelurahanCode);
  const kecamatan = catalogue.get(kelurahan?.parentCode ?? '');
  if (kelurahan === undefined || kecamatan === undefined) {
    throw new Error(`Catalogue has no kecamatan for kelurahan ${kelurahanCode}`);
  }

  if (nkkDistrictCode === nikPrefixOf(kecamatan.code)) {
    return [];
  }
  const kabKotaPrefix = nikPrefixOf(catalogue.kabKota.code);
  const message = nkkDistrictCode.startsWith(kabKotaPrefix ?? '')
    ? `Kode kecamatan pada NKK tidak sesuai dengan kecamatan alamat (${kecamatan.name})`
    : `NKK diterbitkan di luar ${catalogue.kabKota.name}, sedangkan alamat berada di wilayahnya`;

  return [{ code: 'NKK_PREFIX_MISMATCH', message }];
}
