import { registerEnumType } from 'type-graphql';

/** GraphQL mirror of the domain's RegionLevel union. */
export enum RegionLevelEnum {
  KABKOTA = 'KABKOTA',
  KECAMATAN = 'KECAMATAN',
  KELURAHAN = 'KELURAHAN',
}

registerEnumType(RegionLevelEnum, { name: 'RegionLevel' });
