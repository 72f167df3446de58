import { normalizeRegionName } from '@kaliber/schema';

import { type RegionTreeQuery } from '../../graphql/generated/graphql';

/** A kecamatan as the RegionTree query returns it, with its kelurahan. */
export type KecamatanNode = RegionTreeQuery['kabKota']['children'][number];

/** A kelurahan as the RegionTree query returns it: code (31.75.01.1001) and name. */
export type KelurahanNode = KecamatanNode['children'][number];

/** A kecamatan as the region page lists it once the name filter is applied. */
export interface KecamatanListing {
  /** Kemendagri code of the kecamatan, e.g. 31.75.01. */
  readonly code: string;
  readonly name: string;
  /** The kelurahan to show: all of them, or only those whose own name matched the filter. */
  readonly kelurahan: readonly KelurahanNode[];
  /** How many kelurahan the kecamatan has in total, whatever the filter. */
  readonly kelurahanCount: number;
  /** Whether only some kelurahan are shown because they matched and the kecamatan did not. */
  readonly isNarrowed: boolean;
}

/**
 * Keeps the kecamatan whose name, or one of whose kelurahan's names, contains the query.
 * Names are compared with the shared region-name key (case, spaces and punctuation ignored),
 * so "kramatjati" finds Kramat Jati and "pal meriam" finds Palmeriam.
 * A matching kecamatan keeps all its kelurahan; otherwise only the matching kelurahan remain.
 * An empty query keeps everything.
 */
export function filterKecamatan(
  kecamatan: readonly KecamatanNode[],
  query: string,
): KecamatanListing[] {
  const needle = normalizeRegionName(query);
  const listings: KecamatanListing[] = [];

  for (const node of kecamatan) {
    if (needle === '' || normalizeRegionName(node.name).includes(needle)) {
      listings.push(toListing(node, node.children, false));
      continue;
    }

    const matching = node.children.filter((kelurahan) =>
      normalizeRegionName(kelurahan.name).includes(needle),
    );
    if (matching.length > 0) {
      listings.push(toListing(node, matching, true));
    }
  }

  return listings;
}

function toListing(
  node: KecamatanNode,
  kelurahan: readonly KelurahanNode[],
  isNarrowed: boolean,
): KecamatanListing {
  return {
    code: node.code,
    name: node.name,
    kelurahan,
    kelurahanCount: node.children.length,
    isNarrowed,
  };
}
