import { createRegionCatalogue, JAKARTA_TIMUR_REGIONS } from '@kaliber/schema';
import { afterAll, beforeAll, it } from 'vitest';

import { seedVoters } from '../src/seed/seed-command.js';
import { VoterEntity } from '../src/voters/voter.entity.js';
import { insertAccount, signIn } from './support/accounts.js';
import { startTestServer, type TestServer } from './support/test-server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api.close();
});

it('probe', async () => {
  await seedVoters(api.server.dataSource, createRegionCatalogue(JAKARTA_TIMUR_REGIONS), {
    voters: 300,
    seed: 7,
  });
  const voters = await api.server.dataSource.getRepository(VoterEntity).find();
  const counts: Record<string, number> = {};
  for (const v of voters) counts[v.kelurahanCode] = (counts[v.kelurahanCode] ?? 0) + 1;
  console.log(JSON.stringify(counts), voters.slice(0, 3));
  const admin = await insertAccount(api, { username: 'probe-admin', role: 'ADMIN' });
  const pw = await insertAccount(api, {
    username: 'probe-pw',
    role: 'ADMIN',
    mustChangePassword: true,
  });
  const prov = await insertAccount(api, { username: 'probe-prov', role: 'PROVINSI' });
  const c = await signIn(api, admin);
  const p = await signIn(api, pw);
  const id = voters[0]!.id;
  const q = `query($id: ID!) { voter(id: $id) { id nik name birthPlace disability kelurahan { code } } }`;
  console.log(JSON.stringify((await c.graphql(q, { id: String(id) })).body, null, 1));
  console.log(JSON.stringify((await p.graphql(q, { id: String(id) })).body, null, 1));
  console.log(JSON.stringify((await api.graphql(q, { id: String(id) })).body, null, 1));
  console.log(
    JSON.stringify(
      (
        await c.graphql(
          `mutation { createAccount(input: {username: "X", displayName: "", role: OPERATOR}) { temporaryPassword } }`,
        )
      ).body,
      null,
      1,
    ),
  );
  console.log(
    JSON.stringify(
      (
        await c.graphql(
          `mutation { createApiToken(input: {accountId: "${prov.id}", name: "t", validDays: 30}) { token apiToken { id name createdAt } } }`,
        )
      ).body,
      null,
      1,
    ),
  );
  console.log(
    JSON.stringify(
      (await c.graphql(`{ apiTokens { id name createdAt lastUsedAt } }`)).body,
      null,
      1,
    ),
  );
});
