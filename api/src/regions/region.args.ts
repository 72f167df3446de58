import { Matches, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';

import { RegionLevelEnum } from './region-level.enum.js';

/** Dotted Kemendagri code of a kota, kecamatan or kelurahan. */
const REGION_CODE = /^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/;

@ArgsType()
export class RegionArgs {
  @Field(() => ID)
  @Matches(REGION_CODE, {
    message: 'Kode wilayah harus berbentuk 31.75, 31.75.01 atau 31.75.01.1001',
  })
  code: string;
}

@ArgsType()
export class FindRegionsArgs {
  /** Name as people write it; spelling variants ("Kramat Jati") are matched too. */
  @Field()
  @MinLength(2, { message: 'Nama wilayah minimal 2 huruf' })
  @MaxLength(100, { message: 'Nama wilayah maksimal 100 huruf' })
  name: string;

  @Field(() => RegionLevelEnum, { nullable: true })
  level?: RegionLevelEnum;
}
