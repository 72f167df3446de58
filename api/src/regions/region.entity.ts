import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@kaliber/schema';

/**
 * Reference rows of the deployment's kabupaten/kota, kept in the database so that voter rows
 * can reference a kelurahan by foreign key. Written at start from the region catalogue.
 */
@Entity({ name: 'region' })
export class RegionEntity {
  /** Kemendagri code, dotted: 31.75 (kota), 31.75.01 (kecamatan), 31.75.01.1001 (kelurahan). */
  @PrimaryColumn({ type: 'varchar', length: 13 })
  code: string;

  /** KABKOTA, KECAMATAN or KELURAHAN. */
  @Column({ type: 'varchar', length: 10 })
  level: RegionLevel;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Enclosing region; for the kabupaten/kota row, its province code (not a row here). */
  @Index('idx_region_parent')
  @Column({ name: 'parent_code', type: 'varchar', length: 13, nullable: true })
  parentCode: string | null;
}
