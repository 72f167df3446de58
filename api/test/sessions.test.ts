import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SessionEntity } from '../src/accounts/session.entity.js';
import { insertAccount, signIn, type TestAccount } from './support/accounts.js';
import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import { graphqlClient } from './support/graphql-client.js';
import { testDatabaseKind } from './support/test-database.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const VIEWER = /* GraphQL */ `
  query {
    viewer {
      stage
      account {
        username
      }
    }
  }
`;

const ADMIN_ONLY = /* GraphQL */ `
  query {
    accounts {
      username
    }
  }
`;

describe(`sessions and API tokens (${testDatabaseKind})`, () => {
  let server: TestServer;
  let admin: TestAccount;
  let operator: TestAccount;

  beforeAll(async () => {
    server = await startTestServer({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '12' });
    admin = await insertAccount(server, { username: 'admin1', role: 'ADMIN' });
    operator = await insertAccount(server, { username: 'operator1', role: 'OPERATOR' });
  });
  afterAll(() => server.close());

  const viewerOf = async (client: { graphql: (query: string) => Promise<{ body: unknown }> }) =>
    (await client.graphql(VIEWER)).body;

  const sessionRows = () => server.server.dataSource.getRepository(SessionEntity);

  it('stops a stolen cookie from working once its owner logs out', async () => {
    const owner = await signIn(server, operator);
    const thief = graphqlClient(server.url, { cookie: owner.cookie });
    const before = await lastAuditSequence(server);

    const thiefBefore = await viewerOf(thief);
    const logout = await owner.graphql('mutation { logout }');
    const thiefAfter = await viewerOf(thief);

    expect([thiefBefore, logout.body, owner.cookie, thiefAfter]).toEqual([
      { data: { viewer: { stage: 'ACTIVE', account: { username: 'operator1' } } } },
      { data: { logout: true } },
      undefined,
      { data: { viewer: null } },
    ]);
    expect(await auditTrail(server, before)).toEqual([
      {
        action: 'LOGOUT',
        outcome: 'SUCCESS',
        actorUsername: 'operator1',
        targetType: 'session',
        targetId: expect.any(String) as string,
        detail: {},
      },
    ]);
  });

  it('ends a session that stayed idle longer than the idle limit', async () => {
    const client = await signIn(server, operator);
    await sessionRows()
      .createQueryBuilder()
      .update()
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where('revoked_at IS NULL AND account_id = :id', { id: operator.id })
      .execute();

    expect(await viewerOf(client)).toEqual({ data: { viewer: null } });
  });

  it('ends a session at its absolute expiry however busy it is', async () => {
    const client = await signIn(server, operator);
    await sessionRows()
      .createQueryBuilder()
      .update()
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where('revoked_at IS NULL AND account_id = :id', { id: operator.id })
      .execute();

    expect(await viewerOf(client)).toEqual({ data: { viewer: null } });
  });

  it('answers UNAUTHENTICATED on a staff operation once the session is gone', async () => {
    const client = graphqlClient(server.url, { cookie: 'kaliber_session=' + 'x'.repeat(43) });
    const response = await client.graphql(ADMIN_ONLY);

    expect(response.body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('ends every session of an account when ADMIN disables it, on the next request', async () => {
    const victim = await insertAccount(server, { username: 'operator2', role: 'OPERATOR' });
    const victimClient = await signIn(server, victim);
    const adminClient = await signIn(server, admin);

    const disabled = await adminClient.graphql(
      'mutation ($id: ID!) { setAccountDisabled(id: $id, isDisabled: true) { isDisabled } }',
      { id: String(victim.id) },
    );

    expect([disabled.body, await viewerOf(victimClient)]).toEqual([
      { data: { setAccountDisabled: { isDisabled: true } } },
      { data: { viewer: null } },
    ]);
  });

  it('lets a PROVINSI machine call the API with a bearer token until it is revoked', async () => {
    const provinsi = await insertAccount(server, { username: 'provinsi1', role: 'PROVINSI' });
    const adminClient = await signIn(server, admin);
    const created = await adminClient.graphql<{
      createApiToken: { token: string; apiToken: { id: string; name: string } };
    }>(
      `mutation ($input: CreateApiTokenInput!) {
        createApiToken(input: $input) { token apiToken { id name account { username } } }
      }`,
      { input: { accountId: String(provinsi.id), name: 'Sidalih DKI', validDays: 30 } },
    );
    const { token, apiToken } = created.body.data?.createApiToken ?? {
      token: '',
      apiToken: { id: '' },
    };
    const machine = graphqlClient(server.url, { headers: { authorization: `Bearer ${token}` } });
    // `kabKota` is public; `viewer` is for console sessions; an ADMIN operation is refused.
    const whileValid = await machine.graphql(ADMIN_ONLY);

    await adminClient.graphql('mutation ($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', {
      id: apiToken.id,
    });
    const afterRevoke = await machine.graphql(ADMIN_ONLY);

    expect(token).toMatch(/^kbr_[A-Za-z0-9_-]{43}$/);
    expect([
      whileValid.body.errors?.[0]?.extensions?.['code'],
      afterRevoke.body.errors?.[0]?.extensions?.['code'],
    ]).toEqual(['FORBIDDEN', 'UNAUTHENTICATED']);
    const stored = await sessionRows().findOneByOrFail({ id: Number(apiToken.id) });
    expect(stored.tokenHash).not.toContain(token.slice(4, 20));
  });

  it('ends the API tokens of an account that is moved to a staff role', async () => {
    const machineAccount = await insertAccount(server, { username: 'provinsi2', role: 'PROVINSI' });
    const adminClient = await signIn(server, admin);
    const created = await adminClient.graphql<{ createApiToken: { token: string } }>(
      `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      { input: { accountId: String(machineAccount.id), name: 'mesin', validDays: 30 } },
    );
    const machine = graphqlClient(server.url, {
      headers: { authorization: `Bearer ${created.body.data?.createApiToken.token ?? ''}` },
    });
    const before = await lastAuditSequence(server);

    await adminClient.graphql(
      `mutation ($id: ID!) {
        updateAccount(id: $id, input: { displayName: "Verifikator", role: VERIFIKATOR }) { role }
      }`,
      { id: String(machineAccount.id) },
    );
    const afterPromotion = await machine.graphql('{ voter(id: "1") { nik } }');

    expect(afterPromotion.body.errors?.map((error) => error.extensions?.['code'])).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect((await auditTrail(server, before))[0]?.detail['apiTokensEnded']).toBe(1);
  });

  it('refuses an API token for an account that is not PROVINSI or BAWASLU', async () => {
    const adminClient = await signIn(server, admin);
    const response = await adminClient.graphql(
      `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      { input: { accountId: String(operator.id), name: 'salah', validDays: 30 } },
    );

    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('revokes every session and token at once with the emergency switch, and audits it', async () => {
    const bawaslu = await insertAccount(server, { username: 'bawaslu1', role: 'BAWASLU' });
    const adminClient = await signIn(server, admin);
    const operatorClient = await signIn(server, operator);
    const created = await adminClient.graphql<{ createApiToken: { token: string } }>(
      `mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      { input: { accountId: String(bawaslu.id), name: 'Bawaslu', validDays: 7 } },
    );
    const machine = graphqlClient(server.url, {
      headers: { authorization: `Bearer ${created.body.data?.createApiToken.token ?? ''}` },
    });
    const before = await lastAuditSequence(server);

    const revoked = await adminClient.graphql<{ revokeAllSessions: number }>(
      'mutation { revokeAllSessions }',
    );

    expect(revoked.body.data?.revokeAllSessions).toBeGreaterThanOrEqual(3);
    expect([
      await viewerOf(adminClient),
      await viewerOf(operatorClient),
      (await machine.graphql(ADMIN_ONLY)).body.errors?.[0]?.extensions?.['code'],
    ]).toEqual([{ data: { viewer: null } }, { data: { viewer: null } }, 'UNAUTHENTICATED']);
    expect(await auditTrail(server, before)).toEqual([
      {
        action: 'ALL_SESSIONS_REVOKED',
        outcome: 'SUCCESS',
        actorUsername: 'admin1',
        targetType: null,
        targetId: null,
        detail: { count: revoked.body.data?.revokeAllSessions },
      },
    ]);
  });

  it('stores only a hash of each session token', async () => {
    const client = await signIn(server, operator);
    const token = (client.cookie ?? '').split('=')[1] ?? '';
    const rows = await sessionRows().find();

    expect(rows.some((row) => row.tokenHash === token)).toBe(false);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });
});

describe(`the session cookie over HTTPS (${testDatabaseKind})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ COOKIE_SECURE: 'true' });
  });
  afterAll(() => server.close());

  it('is Secure and carries the __Host- prefix', async () => {
    const account = await insertAccount(server, { username: 'operator1', role: 'OPERATOR' });
    const client = await signIn(server, account);

    expect(client.cookie).toMatch(/^__Host-kaliber_session=/);
  });
});
