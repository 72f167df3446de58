import type { RegionRow } from '@kaliber/schema';
import { Field, ID, ObjectType } from 'type-graphql';

import { RegionLevelEnum } from './region-level.enum.js';

@ObjectType('Region', { description: 'An administrative region of the configured kabupaten/kota' })
export class RegionType {
  @Field(() => ID, {
    description: 'Kemendagri code: 31.75 (kota), 31.75.01 (kecamatan), 31.75.01.1001 (kelurahan)',
  })
  code: string;

  @Field(() => RegionLevelEnum)
  level: RegionLevelEnum;

  @Field()
  name: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Code of the enclosing region; for the kabupaten/kota, its province (31)',
  })
  parentCode: string | null;
}

export function toRegionType(row: RegionRow): RegionType {
  return {
    code: row.code,
    level: RegionLevelEnum[row.level],
    name: row.name,
    parentCode: row.parentCode,
  };
}
