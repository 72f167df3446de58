import { normalizeNik, PERSONAL_DATA_POLICY } from '@kaliber/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import { parseId } from '../accounts/account-view.js';
import { signedIn } from '../accounts/auth.resolver.js';
import { AllowRoles } from '../authorization/access.js';
import { isKelurahanInScope, scopeCodeOf, scopeCondition } from '../authorization/area-scope.js';
import { badInput, forbidden, notFound } from '../errors/domain-error.js';
import { hashPersonalValue } from '../audit/personal-value-hash.js';
import { auditSourceOf, type GraphQLContext } from '../graphql/context.js';
import { RegionType, toRegionType } from '../regions/region.type.js';
import { VoterEntity } from './voter.entity.js';
import { VoterSearchInput } from './voter-search.input.js';
import { toVoterType, VoterPageType, VoterType } from './voter.type.js';

const MAX_PAGE = 100;

/**
 * Staff lookups of the voter list. Every query is limited to the caller's area in SQL, and an
 * object outside it answers NOT_FOUND, exactly as one that does not exist: a scoped operator
 * cannot even learn that a record lies elsewhere.
 */
@Resolver(() => VoterType)
export class VoterResolver {
  @AllowRoles('OPERATOR', 'VERIFIKATOR', 'KOMISIONER', 'ADMIN')
  @Query(() => VoterType, { description: 'One voter inside the area of the caller' })
  async voter(@Arg('id', () => ID) id: string, @Ctx() context: GraphQLContext): Promise<VoterType> {
    const scope = scopeCodeOf(signedIn(context));
    const query = context.dataSource
      .getRepository(VoterEntity)
      .createQueryBuilder('voter')
      .where('voter.id = :id', { id: parseId(id, 'Pemilih') });
    const condition = scopeCondition(scope, 'voter.kelurahan_code');
    if (condition) query.andWhere(condition.sql, condition.parameters);
    const voter = await query.getOne();
    if (!voter) throw notFound('Pemilih');

    return toVoterType(voter);
  }

  @AllowRoles('OPERATOR', 'VERIFIKATOR', 'KOMISIONER', 'ADMIN')
  @Query(() => VoterPageType, {
    description: 'Voters inside the area of the caller, by NIK or by kelurahan and name prefix',
  })
  async searchVoters(
    @Arg('filter') filter: VoterSearchInput,
    @Ctx() context: GraphQLContext,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('limit', () => Int, { defaultValue: 25 }) limit = 25,
  ): Promise<VoterPageType> {
    const actor = signedIn(context);
    const scope = scopeCodeOf(actor);
    // A caller who sees names masked must not filter by name either: narrowing a prefix letter
    // by letter would spell out the masked name.
    if (filter.name && PERSONAL_DATA_POLICY[actor.role].name !== 'full') {
      throw forbidden('Pencarian menurut nama tidak tersedia untuk peran Anda');
    }
    if (!filter.nik && !filter.kelurahanCode) {
      throw badInput('Isi NIK atau pilih kelurahan', [
        { field: 'kelurahanCode', code: 'required', message: 'Pilih kelurahan atau isi NIK' },
      ]);
    }
    if (filter.kelurahanCode) {
      const kelurahan = context.regions.get(filter.kelurahanCode);
      if (!kelurahan || !isKelurahanInScope(scope, filter.kelurahanCode)) {
        throw notFound('Kelurahan');
      }
    }

    const query = context.dataSource.getRepository(VoterEntity).createQueryBuilder('voter');
    const condition = scopeCondition(scope, 'voter.kelurahan_code');
    if (condition) query.andWhere(condition.sql, condition.parameters);
    if (filter.nik) query.andWhere('voter.nik = :nik', { nik: normalizeNik(filter.nik) });
    if (filter.kelurahanCode) {
      query.andWhere('voter.kelurahan_code = :kelurahan', { kelurahan: filter.kelurahanCode });
    }
    if (filter.name) {
      query.andWhere("voter.name LIKE :name ESCAPE '!'", { name: `${escapeLike(filter.name)}%` });
    }
    const [voters, total] = await query
      .orderBy('voter.name', 'ASC')
      .addOrderBy('voter.id', 'ASC')
      .skip(Math.max(offset, 0))
      .take(Math.min(Math.max(limit, 1), MAX_PAGE))
      .getManyAndCount();

    if (filter.nik) await auditNikSearch(context, filter.nik, voters[0]?.id ?? null);
    return { items: voters.map(toVoterType), total };
  }

  @FieldResolver(() => RegionType, { description: 'The kelurahan the voter is listed in' })
  kelurahan(@Root() voter: VoterType, @Ctx() context: GraphQLContext): RegionType {
    const row = context.regions.get(voter.kelurahanCode);
    if (!row) throw new Error('voter row names a kelurahan outside the catalogue');

    return toRegionType(row);
  }
}

/**
 * A search by NIK says whether that person is on the list, even to a caller who sees the
 * record masked, so it is audited found or not: the NIK as a keyed hash, the voter as target.
 */
async function auditNikSearch(
  context: GraphQLContext,
  nik: string,
  foundVoterId: number | null,
): Promise<void> {
  const nikHash = hashPersonalValue(context.services.keys.keyFor('nik-hash'), normalizeNik(nik));
  await context.services.audit.record(auditSourceOf(context), [
    {
      action: 'VOTER_SEARCHED_BY_NIK',
      outcome: 'SUCCESS',
      target: foundVoterId === null ? null : { type: 'voter', id: foundVoterId },
      detail: { nikHash, isFound: foundVoterId !== null },
    },
  ]);
}

/**
 * A name typed by staff is matched literally: % and _ lose their LIKE meaning. The escape
 * character is '!' because a backslash means different things in MySQL and SQLite literals.
 */
function escapeLike(text: string): string {
  return text.trim().replace(/[!%_]/g, (character) => `!${character}`);
}
