import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditChainHeadEntity } from '../src/audit/audit-entry.entity.js';
import { seedVoters } from '../src/seed/seed-command.js';
import { VoterEntity } from '../src/voters/voter.entity.js';
import { insertAccount, signIn } from './support/accounts.js';
import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import type { GraphQLClient } from './support/graphql-client.js';
import { testDatabaseKind } from './support/test-database.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const SEARCH = /* GraphQL */ `
  query Cari($kelurahan: String!) {
    searchVoters(filter: { kelurahanCode: $kelurahan }, limit: 3) {
      items {
        id
        nik
        name
        sex
      }
    }
  }
`;

describe(`the audit of full personal data (${testDatabaseKind})`, () => {
  let server: TestServer;
  let operator: GraphQLClient;
  let admin: GraphQLClient;
  let kelurahan: string;

  beforeAll(async () => {
    server = await startTestServer();
    await seedVoters(server.server.dataSource, server.server.regions, { voters: 300, seed: 5 });
    const first = await server.server.dataSource
      .getRepository(VoterEntity)
      .findOneOrFail({ where: {}, order: { id: 'ASC' } });
    kelurahan = first.kelurahanCode;
    operator = await signIn(
      server,
      await insertAccount(server, { username: 'operator1', role: 'OPERATOR' }),
    );
    admin = await signIn(
      server,
      await insertAccount(server, { username: 'admin1', role: 'ADMIN' }),
    );
  });
  afterAll(() => server.close());

  it('writes one entry per voter shown in full, naming the fields and never their values', async () => {
    const before = await lastAuditSequence(server);
    const response = await operator.graphql<{
      searchVoters: { items: { id: string; nik: string; name: string }[] };
    }>(SEARCH, { kelurahan });
    const items = response.body.data?.searchVoters.items ?? [];

    expect(items).toHaveLength(3);
    const trail = await auditTrail(server, before);
    expect(trail).toEqual(
      items.map((voter) => ({
        action: 'PERSONAL_DATA_VIEWED',
        outcome: 'SUCCESS',
        actorUsername: 'operator1',
        targetType: 'voter',
        targetId: voter.id,
        detail: { fields: ['name', 'nik'], operation: 'Cari' },
      })),
    );
    const written = JSON.stringify(trail);
    expect(items.some((voter) => written.includes(voter.nik) || written.includes(voter.name))).toBe(
      false,
    );
  });

  it('writes nothing for masked values, which are not personal data in full', async () => {
    const before = await lastAuditSequence(server);
    const response = await admin.graphql<{ searchVoters: { items: { nik: string }[] } }>(SEARCH, {
      kelurahan,
    });

    expect(
      response.body.data?.searchVoters.items.every((voter) => /^\d{6}\*{10}$/.test(voter.nik)),
    ).toBe(true);
    expect(await auditTrail(server, before)).toEqual([]);
  });

  it('audits every search by NIK, found or not, with the NIK only as a keyed hash', async () => {
    const voter = await server.server.dataSource
      .getRepository(VoterEntity)
      .findOneOrFail({ where: {}, order: { id: 'DESC' } });
    const search = 'query ($nik: String!) { searchVoters(filter: { nik: $nik }) { total } }';
    const before = await lastAuditSequence(server);

    await admin.graphql(search, { nik: voter.nik });
    await admin.graphql(search, { nik: '3175010101010099' });
    await admin.graphql(search, { nik: `${voter.nik.slice(0, 4)} ${voter.nik.slice(4)}` });

    const trail = await auditTrail(server, before);
    const hashOf = (index: number) => trail[index]?.detail['nikHash'];
    expect(
      trail.map(({ action, actorUsername, targetType, targetId, detail }) => ({
        action,
        actorUsername,
        targetType,
        targetId,
        isFound: detail['isFound'],
      })),
    ).toEqual([
      {
        action: 'VOTER_SEARCHED_BY_NIK',
        actorUsername: 'admin1',
        targetType: 'voter',
        targetId: String(voter.id),
        isFound: true,
      },
      {
        action: 'VOTER_SEARCHED_BY_NIK',
        actorUsername: 'admin1',
        targetType: null,
        targetId: null,
        isFound: false,
      },
      {
        action: 'VOTER_SEARCHED_BY_NIK',
        actorUsername: 'admin1',
        targetType: 'voter',
        targetId: String(voter.id),
        isFound: true,
      },
    ]);
    expect([
      hashOf(0) === hashOf(2),
      hashOf(0) === hashOf(1),
      JSON.stringify(trail).includes(voter.nik),
    ]).toEqual([true, false, false]);
  });

  it('withholds the data when its audit entries cannot be written', async () => {
    const heads = server.server.dataSource.getRepository(AuditChainHeadEntity);
    const head = await heads.findOneByOrFail({ id: 1 });
    await heads.delete({ id: 1 });
    try {
      const response = await operator.graphql(SEARCH, { kelurahan });

      expect(response.body).toEqual({
        data: null,
        errors: [
          {
            message: 'Layanan sedang tidak tersedia; coba lagi nanti',
            extensions: { code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) as string },
          },
        ],
      });
    } finally {
      await heads.insert(head);
    }
  });
});
