import { nikPrefixOf } from '@kaliber/schema';
import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';

import { PublicAccess } from '../authorization/access.js';
import { notFound } from '../errors/domain-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { FindRegionsArgs, RegionArgs } from './region.args.js';
import { RegionType, toRegionType } from './region.type.js';

/**
 * Region data is public reference data (Kemendagri codes and names), served from the in-memory
 * catalogue: no personal data, no database round trip. Hence every query here is public.
 */
@Resolver(() => RegionType)
export class RegionResolver {
  @PublicAccess()
  @Query(() => RegionType, {
    description: 'The configured kabupaten/kota with its kecamatan and their kelurahan',
  })
  kabKota(@Ctx() context: GraphQLContext): RegionType {
    return toRegionType(context.regions.kabKota);
  }

  @PublicAccess()
  @Query(() => RegionType, {
    description: 'One region by its Kemendagri code, e.g. 31.75.01 or 31.75.01.1001',
  })
  region(@Args() { code }: RegionArgs, @Ctx() context: GraphQLContext): RegionType {
    const row = context.regions.get(code);
    if (!row) throw notFound('Wilayah');

    return toRegionType(row);
  }

  @PublicAccess()
  @Query(() => [RegionType], {
    description: 'Kecamatan or kelurahan whose name matches, spelling variants included',
  })
  findRegions(
    @Args() { name, level }: FindRegionsArgs,
    @Ctx() context: GraphQLContext,
  ): RegionType[] {
    return context.regions.findByName(name, level).map(toRegionType);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'NIK/NKK prefix of the region: 4 digits for a kota, 6 for a kecamatan; null for a kelurahan',
  })
  nikPrefix(@Root() region: RegionType): string | null {
    return nikPrefixOf(region.code);
  }

  @FieldResolver(() => [RegionType], {
    description: 'Kecamatan of a kota, kelurahan of a kecamatan, sorted by code',
  })
  children(@Root() region: RegionType, @Ctx() context: GraphQLContext): RegionType[] {
    return context.regions.childrenOf(region.code).map(toRegionType);
  }
}
