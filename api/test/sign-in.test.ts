import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AccountEntity } from '../src/accounts/account.entity.js';
import {
  currentTotpCode,
  insertAccount,
  LOGIN,
  signIn,
  type TestAccount,
} from './support/accounts.js';
import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import { graphqlClient } from './support/graphql-client.js';
import { testDatabaseKind } from './support/test-database.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const FAILURES_BEFORE_LOCK = 3;
const IP_FAILURES = 8;

describe(`signing in (${testDatabaseKind})`, () => {
  let server: TestServer;
  let operator: TestAccount;

  beforeAll(async () => {
    server = await startTestServer({
      LOGIN_MAX_FAILURES: String(FAILURES_BEFORE_LOCK),
      LOGIN_IP_MAX_FAILURES: String(IP_FAILURES),
      // A proxy of our own sits in front: one X-Forwarded-For hop is trusted.
      TRUST_PROXY: '1',
    });
    operator = await insertAccount(server, { username: 'operator1', role: 'OPERATOR' });
  });
  afterAll(() => server.close());

  /** A client with its own (simulated) address, so per-IP throttling of one test stays its own. */
  const clientAt = (ip: string) =>
    graphqlClient(server.url, { headers: { 'x-forwarded-for': ip } });

  const login = (ip: string, username: string, password: string, totpCode?: string) =>
    clientAt(ip).graphql(LOGIN, { input: { username, password, totpCode } });

  it('starts a session with an httpOnly, SameSite=Strict cookie and audits it', async () => {
    const before = await lastAuditSequence(server);
    const client = clientAt('10.0.0.1');
    const response = await client.graphql(LOGIN, {
      input: { username: 'OPERATOR1 ', password: operator.password },
    });

    expect(response.body).toEqual({
      data: {
        login: {
          status: 'SIGNED_IN',
          viewer: { stage: 'ACTIVE', account: { username: 'operator1' } },
        },
      },
    });
    const setCookie = response.headers.getSetCookie()[0] ?? '';
    expect(setCookie).toMatch(/^kaliber_session=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(await auditTrail(server, before)).toEqual([
      {
        action: 'LOGIN_SUCCEEDED',
        outcome: 'SUCCESS',
        actorUsername: 'operator1',
        targetType: 'account',
        targetId: String(operator.id),
        detail: { sessionId: expect.any(Number) as number, withTotp: false },
      },
    ]);
  });

  it('gives a new session token at every sign-in', async () => {
    const first = await signIn(server, operator, { headers: { 'x-forwarded-for': '10.0.0.2' } });
    const second = await signIn(server, operator, { headers: { 'x-forwarded-for': '10.0.0.2' } });

    expect(first.cookie).not.toBe(second.cookie);
  });

  it('shows the owner the sign-in before the latest one, to spot one that was not theirs', async () => {
    const owner = await insertAccount(server, { username: 'operator7', role: 'OPERATOR' });
    const query = '{ viewer { account { lastLoginAt previousLoginAt } } }';
    const first = await signIn(server, owner, { headers: { 'x-forwarded-for': '10.0.0.7' } });
    const afterFirst = await first.graphql<{
      viewer: { account: { lastLoginAt: string; previousLoginAt: string | null } };
    }>(query);
    const second = await signIn(server, owner, { headers: { 'x-forwarded-for': '10.0.0.7' } });
    const afterSecond = await second.graphql<{
      viewer: { account: { lastLoginAt: string; previousLoginAt: string | null } };
    }>(query);

    const firstSignIn = afterFirst.body.data?.viewer.account;
    expect([
      firstSignIn?.previousLoginAt,
      afterSecond.body.data?.viewer.account.previousLoginAt,
    ]).toEqual([null, firstSignIn?.lastLoginAt]);
  });

  it('answers unknown user, wrong password and disabled account alike', async () => {
    const disabled = await insertAccount(server, {
      username: 'disabled1',
      role: 'OPERATOR',
      isDisabled: true,
    });
    const before = await lastAuditSequence(server);
    const answers = await Promise.all([
      login('10.0.1.1', 'nobody', 'whatever-password'),
      login('10.0.1.2', 'operator1', 'wrong-password-here'),
      login('10.0.1.3', 'disabled1', disabled.password),
    ]);

    const expected = {
      status: 200,
      errors: [
        {
          message: 'Nama pengguna atau kata sandi salah',
          code: 'INVALID_CREDENTIALS',
        },
      ],
    };
    expect(
      answers.map((answer) => ({
        status: answer.status,
        errors: answer.body.errors?.map((error) => ({
          message: error.message,
          code: error.extensions?.['code'],
        })),
      })),
    ).toEqual([expected, expected, expected]);

    const trail = await auditTrail(server, before);
    expect(trail.map((entry) => entry.detail['reason']).sort()).toEqual([
      'DISABLED',
      'UNKNOWN_ACCOUNT',
      'WRONG_PASSWORD',
    ]);
    const unknown = trail.find((entry) => entry.detail['reason'] === 'UNKNOWN_ACCOUNT');
    // The typed name is kept only as a keyed hash: people type passwords into that field.
    expect(unknown).toEqual({
      action: 'LOGIN_FAILED',
      outcome: 'FAILURE',
      actorUsername: null,
      targetType: null,
      targetId: null,
      detail: {
        reason: 'UNKNOWN_ACCOUNT',
        usernameHash: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
      },
    });
    expect(JSON.stringify(trail)).not.toContain('nobody');
  });

  it('locks an account after repeated failures, with the same answer even for the right password', async () => {
    const target = await insertAccount(server, { username: 'locked1', role: 'OPERATOR' });
    for (let attempt = 1; attempt <= FAILURES_BEFORE_LOCK; attempt += 1) {
      await login(`10.0.2.${attempt}`, 'locked1', 'wrong-password-here');
    }
    const before = await lastAuditSequence(server);
    const withRightPassword = await login('10.0.2.9', 'locked1', target.password);

    expect(withRightPassword.body.errors?.[0]?.extensions?.['code']).toBe('INVALID_CREDENTIALS');
    expect((await auditTrail(server, before)).map((entry) => entry.detail)).toEqual([
      { reason: 'LOCKED' },
    ]);
    const row = await server.server.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ id: target.id });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
  });

  it('lets the account in again once the lockout has passed', async () => {
    const target = await insertAccount(server, { username: 'locked2', role: 'OPERATOR' });
    await server.server.dataSource
      .getRepository(AccountEntity)
      .update({ id: target.id }, { lockedUntil: new Date(Date.now() - 1_000) });

    const response = await login('10.0.3.1', 'locked2', target.password);

    expect(response.body.data).toEqual({
      login: { status: 'SIGNED_IN', viewer: { stage: 'ACTIVE', account: { username: 'locked2' } } },
    });
  });

  it('throttles one client IP trying many accounts, with the wait time, and audits the refusal', async () => {
    for (let attempt = 0; attempt < IP_FAILURES; attempt += 1) {
      await login('10.9.9.9', `guess${attempt}`, 'some-password-here');
    }
    const before = await lastAuditSequence(server);
    const refused = await login('10.9.9.9', 'operator1', operator.password);
    const otherClient = await login('10.9.9.10', 'operator1', operator.password);

    expect(refused.body.errors?.[0]?.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number) as number,
      requestId: expect.any(String) as string,
    });
    expect(otherClient.body.data).toEqual({
      login: {
        status: 'SIGNED_IN',
        viewer: { stage: 'ACTIVE', account: { username: 'operator1' } },
      },
    });
    expect((await auditTrail(server, before))[0]).toEqual({
      action: 'LOGIN_FAILED',
      outcome: 'DENIED',
      actorUsername: null,
      targetType: null,
      targetId: null,
      detail: { reason: 'IP_THROTTLED' },
    });
  });

  it('counts the address the trusted proxy saw, not one the client put in front of it', async () => {
    // The client forges "1.2.3.4"; our one proxy appends the real peer, 10.0.5.5.
    const client = graphqlClient(server.url, {
      headers: { 'x-forwarded-for': '1.2.3.4, 10.0.5.5' },
    });
    const before = await lastAuditSequence(server);
    await client.graphql(LOGIN, { input: { username: 'nobody', password: 'whatever-pass' } });

    const [entry] = await server.server.dataSource.query<{ client_ip: string }[]>(
      'SELECT client_ip FROM audit_entry WHERE sequence > ? ORDER BY sequence',
      [before],
    );
    expect(entry?.client_ip).toBe('10.0.5.5');
  });

  it('asks for the TOTP code after the password, and refuses a wrong one', async () => {
    const withTotp = await insertAccount(server, {
      username: 'totp1',
      role: 'VERIFIKATOR',
      withTotp: true,
    });
    const secret = withTotp.totpSecret ?? Buffer.alloc(0);
    const withoutCode = await login('10.0.6.1', 'totp1', withTotp.password);
    const wrongCode = await login('10.0.6.2', 'totp1', withTotp.password, '000000');
    const rightCode = await login('10.0.6.3', 'totp1', withTotp.password, currentTotpCode(secret));

    expect([
      withoutCode.body,
      wrongCode.body.errors?.[0]?.extensions?.['code'],
      rightCode.body.data,
    ]).toEqual([
      { data: { login: { status: 'TOTP_REQUIRED', viewer: null } } },
      'INVALID_CREDENTIALS',
      {
        login: { status: 'SIGNED_IN', viewer: { stage: 'ACTIVE', account: { username: 'totp1' } } },
      },
    ]);
  });

  it('refuses a TOTP code that was already used to sign in', async () => {
    const withTotp = await insertAccount(server, {
      username: 'totp2',
      role: 'VERIFIKATOR',
      withTotp: true,
    });
    const code = currentTotpCode(withTotp.totpSecret ?? Buffer.alloc(0));
    const first = await login('10.0.7.1', 'totp2', withTotp.password, code);
    const replay = await login('10.0.7.2', 'totp2', withTotp.password, code);

    expect([first.body.data?.['login'], replay.body.errors?.[0]?.extensions?.['code']]).toEqual([
      { status: 'SIGNED_IN', viewer: { stage: 'ACTIVE', account: { username: 'totp2' } } },
      'INVALID_CREDENTIALS',
    ]);
  });

  it('refuses an oversized password before hashing it', async () => {
    const response = await login('10.0.8.1', 'operator1', 'x'.repeat(10_000));

    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
