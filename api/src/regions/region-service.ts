import { createRegionCatalogue, type RegionCatalogue, type RegionRow } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import { RegionEntity } from './region.entity.js';
import { loadRegionRows } from './region-source.js';

/** Loads the configured kabupaten/kota into an in-memory catalogue. */
export async function loadRegionCatalogue(kabKotaCode: string): Promise<RegionCatalogue> {
  return createRegionCatalogue(await loadRegionRows(kabKotaCode));
}

/**
 * Makes the `region` table hold exactly the catalogue's rows, in one transaction. Rows no
 * longer in the catalogue are left in place when voters still reference them (the foreign key
 * would refuse the delete); that only happens after a Kemendagri re-coding, which needs a
 * migration of its own.
 */
export async function syncRegionTable(
  dataSource: DataSource,
  catalogue: RegionCatalogue,
): Promise<{ inserted: number; updated: number }> {
  const rows: readonly RegionRow[] = [
    catalogue.kabKota,
    ...catalogue.kecamatan,
    ...catalogue.kelurahan,
  ];

  return dataSource.transaction(async (manager) => {
    const repository = manager.getRepository(RegionEntity);
    const existing = new Map((await repository.find()).map((row) => [row.code, row]));
    let inserted = 0;
    let updated = 0;

    // Parents first, so a database that enforces the hierarchy never sees an orphan.
    for (const row of rows) {
      const current = existing.get(row.code);
      if (!current) {
        await repository.insert(row);
        inserted += 1;
      } else if (
        current.name !== row.name ||
        current.level !== row.level ||
        current.parentCode !== row.parentCode
      ) {
        await repository.update({ code: row.code }, row);
        updated += 1;
      }
    }

    return { inserted, updated };
  });
}
