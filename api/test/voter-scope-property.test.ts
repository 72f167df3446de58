import { createRegionCatalogue, JAKARTA_TIMUR_REGIONS } from '@kaliber/schema';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedVoters } from '../src/seed/seed-command.js';
import { VoterEntity } from '../src/voters/voter.entity.js';
import { insertAccount, signIn } from './support/accounts.js';
import type { GraphQLClient } from './support/graphql-client.js';
import { testDatabaseKind } from './support/test-database.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server.js';

const codesOf = (level: string) =>
  JAKARTA_TIMUR_REGIONS.filter((region) => region.level === level).map(({ code }) => code);
const KECAMATAN = codesOf('KECAMATAN');
const KELURAHAN = codesOf('KELURAHAN');

/** The scope rule, written out again here so that a bug in the API's copy cannot hide. */
function isInArea(scopeCode: string, kelurahanCode: string): boolean {
  return kelurahanCode === scopeCode || kelurahanCode.startsWith(`${scopeCode}.`);
}

/** What the test knows of a seeded voter, read straight from the table. */
interface KnownVoter {
  readonly id: string;
  readonly nik: string;
  readonly name: string;
  readonly kelurahanCode: string;
}

type VoterRequest =
  | { readonly kind: 'voter'; readonly id: string }
  | {
      readonly kind: 'search';
      readonly kelurahanCode?: string | undefined;
      readonly nik?: string | undefined;
      readonly namePrefix?: string | undefined;
    };

const FIELDS = 'id nik name kelurahan { code }';
const VOTER = `query ($id: ID!) { voter(id: $id) { ${FIELDS} } }`;
// Every kelurahan holds far fewer than 100 seeded voters, so one page is the whole answer.
const SEARCH = `query ($filter: VoterSearchInput!) {
  searchVoters(filter: $filter, limit: 100) { total items { ${FIELDS} } }
}`;

const notFoundAt = (field: string) => ({
  data: null,
  errors: [
    {
      message: expect.any(String) as string,
      locations: expect.any(Array) as unknown[],
      path: [field],
      extensions: { code: 'NOT_FOUND', requestId: expect.any(String) as string },
    },
  ],
});

const view = (voter: KnownVoter) => ({
  id: voter.id,
  nik: voter.nik,
  name: voter.name,
  kelurahan: { code: voter.kelurahanCode },
});

/** What the API must answer, from the seeded rows and the scope rule alone. */
function expectedAnswer(voters: readonly KnownVoter[], scopeCode: string, request: VoterRequest) {
  if (request.kind === 'voter') {
    const voter = voters.find(({ id }) => id === request.id);
    return voter && isInArea(scopeCode, voter.kelurahanCode)
      ? { data: { voter: view(voter) } }
      : notFoundAt('voter');
  }
  if (request.kelurahanCode && !isInArea(scopeCode, request.kelurahanCode)) {
    return notFoundAt('searchVoters');
  }

  // The API trims a typed name before matching, as staff type it.
  const prefix = request.namePrefix?.trim().toLowerCase();
  const matches = voters.filter(
    (voter) =>
      isInArea(scopeCode, voter.kelurahanCode) &&
      (!request.kelurahanCode || voter.kelurahanCode === request.kelurahanCode) &&
      (!request.nik || voter.nik === request.nik) &&
      (!prefix || voter.name.toLowerCase().startsWith(prefix)),
  );
  return { data: { searchVoters: { total: matches.length, items: matches.map(view) } } };
}

type VoterView = ReturnType<typeof view>;
interface AnswerData {
  voter?: VoterView | null;
  searchVoters?: { total: number; items: VoterView[] };
}
type Answer = GraphQLResponse<AnswerData>['body'];

/** The voters of an answer, and the answer with its page in id order (SQL orders by name). */
function readAnswer(body: Answer): { received: VoterView[]; answer: Answer } {
  const page = body.data?.searchVoters;
  if (page) {
    const items = [...page.items].sort((left, right) => Number(left.id) - Number(right.id));
    return { received: items, answer: { ...body, data: { searchVoters: { ...page, items } } } };
  }

  const voter = body.data?.voter;
  return { received: voter ? [voter] : [], answer: body };
}

/**
 * One to six lookups an operator of the scope might make. About half of the voters, NIKs and
 * kelurahan picked lie inside the area, so that both sides of its border are exercised; ids
 * above the highest seeded one stand for records that do not exist.
 */
function requestsWithin(
  voters: readonly KnownVoter[],
  scopeCode: string,
): fc.Arbitrary<VoterRequest[]> {
  const inside = voters.filter((voter) => isInArea(scopeCode, voter.kelurahanCode));
  const anyVoter = fc.constantFrom(...voters);
  const someVoter = inside.length > 0 ? fc.oneof(fc.constantFrom(...inside), anyVoter) : anyVoter;
  const someKelurahan = fc.oneof(
    fc.constantFrom(...KELURAHAN.filter((code) => isInArea(scopeCode, code))),
    fc.constantFrom(...KELURAHAN),
  );
  const highestId = Math.max(...voters.map(({ id }) => Number(id)));

  const byId = fc.oneof(
    someVoter.map(({ id }) => id),
    fc.integer({ min: highestId + 1, max: highestId + 10_000 }).map(String),
  );
  const namePrefix = someVoter.chain(({ name }) =>
    fc.integer({ min: 2, max: 4 }).map((length) => name.slice(0, length)),
  );
  const bySearch = fc
    .record({
      kelurahanCode: fc.option(someKelurahan, { nil: undefined }),
      nik: fc.option(
        someVoter.map(({ nik }) => nik),
        { nil: undefined },
      ),
      namePrefix: fc.option(namePrefix, { nil: undefined }),
    })
    // The API asks for a NIK or a kelurahan; a name alone is refused as bad input.
    .filter(({ kelurahanCode, nik }) => kelurahanCode !== undefined || nik !== undefined);

  return fc.array(
    fc.oneof(
      byId.map((id): VoterRequest => ({ kind: 'voter', id })),
      bySearch.map((filter): VoterRequest => ({ kind: 'search', ...filter })),
    ),
    { minLength: 1, maxLength: 6 },
  );
}

describe(`a scoped OPERATOR and the voters outside its area (${testDatabaseKind})`, () => {
  let api: TestServer;
  let voters: KnownVoter[];
  const operators = new Map<string, GraphQLClient>();

  /** One OPERATOR account per scope, signed in once and reused by later runs. */
  async function operatorFor(scopeCode: string): Promise<GraphQLClient> {
    let operator = operators.get(scopeCode);
    if (!operator) {
      const username = `operator-${scopeCode.replaceAll('.', '-')}`;
      operator = await signIn(
        api,
        await insertAccount(api, { username, role: 'OPERATOR', scopeCode }),
      );
      operators.set(scopeCode, operator);
    }

    return operator;
  }

  beforeAll(async () => {
    api = await startTestServer();
    await seedVoters(api.server.dataSource, createRegionCatalogue(JAKARTA_TIMUR_REGIONS), {
      voters: 400,
      seed: 31,
    });
    const rows = await api.server.dataSource.getRepository(VoterEntity).find();
    voters = rows
      .map(({ id, nik, name, kelurahanCode }) => ({ id: String(id), nik, name, kelurahanCode }))
      .sort((left, right) => Number(left.id) - Number(right.id));
  });
  afterAll(async () => {
    await api.close();
  });

  it('never receives a voter outside its kecamatan or kelurahan; ids from outside answer NOT_FOUND', async () => {
    const scopes = fc.constantFrom(...KECAMATAN, ...KELURAHAN);

    await fc.assert(
      fc.asyncProperty(
        scopes.chain((scopeCode) =>
          requestsWithin(voters, scopeCode).map((requests) => ({ scopeCode, requests })),
        ),
        async ({ scopeCode, requests }) => {
          const operator = await operatorFor(scopeCode);

          for (const request of requests) {
            const response =
              request.kind === 'voter'
                ? await operator.graphql<AnswerData>(VOTER, { id: request.id })
                : await operator.graphql<AnswerData>(SEARCH, {
                    filter: {
                      kelurahanCode: request.kelurahanCode,
                      nik: request.nik,
                      name: request.namePrefix,
                    },
                  });
            const { received, answer } = readAnswer(response.body);
            const outside = received.filter(
              ({ kelurahan }) => !isInArea(scopeCode, kelurahan.code),
            );

            expect(outside).toEqual([]);
            expect(answer).toEqual(expectedAnswer(voters, scopeCode, request));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
