import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { totpCode, totpStepAt } from '../src/accounts/totp.js';
import {
  base32Decode,
  currentTotpCode,
  insertAccount,
  LOGIN,
  signIn,
  type TestAccount,
} from './support/accounts.js';
import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import { graphqlClient, type GraphQLClient } from './support/graphql-client.js';
import { testDatabaseKind } from './support/test-database.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const CREATE_ACCOUNT = /* GraphQL */ `
  mutation ($input: CreateAccountInput!) {
    createAccount(input: $input) {
      temporaryPassword
      account {
        id
        username
        role
        scopeCode
        scope {
          name
        }
        mustChangePassword
        hasTotp
      }
    }
  }
`;

const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      stage
    }
  }
`;

const NEW_PASSWORD = 'kopi tubruk di pagi hari';

/** Signs in with a username and password only, returning the client and the login answer. */
async function loginAs(server: TestServer, username: string, password: string) {
  const client = graphqlClient(server.url);
  const response = await client.graphql(LOGIN, { input: { username, password } });

  return { client, response };
}

describe(`account lifecycle with second factors required (${testDatabaseKind})`, () => {
  let server: TestServer;
  let admin: TestAccount;
  let adminClient: GraphQLClient;

  beforeAll(async () => {
    server = await startTestServer({ REQUIRE_MFA: 'true' });
    admin = await insertAccount(server, { username: 'admin1', role: 'ADMIN', withTotp: true });
    adminClient = await signIn(server, admin);
  });
  afterAll(() => server.close());

  it('takes a new operator through password change and TOTP enrolment before any work', async () => {
    const before = await lastAuditSequence(server);
    const created = await adminClient.graphql<{
      createAccount: { temporaryPassword: string; account: { id: string } };
    }>(CREATE_ACCOUNT, {
      input: {
        username: 'ppk.cakung',
        displayName: 'PPK Cakung',
        role: 'OPERATOR',
        scopeCode: '31.75.06',
      },
    });
    const { temporaryPassword, account } = created.body.data?.createAccount ?? {
      temporaryPassword: '',
      account: { id: '' },
    };
    expect(created.body.data?.createAccount).toEqual({
      temporaryPassword: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/) as string,
      account: {
        id: account.id,
        username: 'ppk.cakung',
        role: 'OPERATOR',
        scopeCode: '31.75.06',
        scope: { name: 'Cakung' },
        mustChangePassword: true,
        hasTotp: false,
      },
    });

    // First sign-in: only the password change is open.
    const { client, response } = await loginAs(server, 'ppk.cakung', temporaryPassword);
    expect(response.body.data).toEqual({
      login: {
        status: 'SIGNED_IN',
        viewer: { stage: 'PASSWORD_CHANGE_REQUIRED', account: { username: 'ppk.cakung' } },
      },
    });
    const tooEarly = await client.graphql(
      '{ searchVoters(filter: { kelurahanCode: "31.75.06.1001" }) { total } }',
    );
    expect(tooEarly.body.errors?.[0]?.extensions).toEqual({
      code: 'FORBIDDEN',
      stage: 'PASSWORD_CHANGE_REQUIRED',
      requestId: expect.any(String) as string,
    });

    const changed = await client.graphql(CHANGE_PASSWORD, {
      input: { currentPassword: temporaryPassword, newPassword: NEW_PASSWORD },
    });
    expect(changed.body.data).toEqual({ changePassword: { stage: 'TOTP_ENROLMENT_REQUIRED' } });

    // Then TOTP: the offered secret activates once a code from it is confirmed.
    const offer = await client.graphql<{
      startTotpEnrolment: { otpauthUri: string; secret: string };
    }>('mutation { startTotpEnrolment { otpauthUri secret } }');
    const { otpauthUri, secret } = offer.body.data?.startTotpEnrolment ?? {
      otpauthUri: '',
      secret: '',
    };
    expect(otpauthUri).toBe(
      `otpauth://totp/Kaliber%20KPU%20Kota%20Jakarta%20Timur%3Appk.cakung?secret=${secret}&issuer=Kaliber+KPU+Kota+Jakarta+Timur&algorithm=SHA1&digits=6&period=30`,
    );
    const wrong = await client.graphql(
      'mutation { confirmTotpEnrolment(code: "000000") { stage } }',
    );
    const code = totpCode(base32Decode(secret), totpStepAt(new Date()));
    const confirmed = await client.graphql(
      'mutation ($code: String!) { confirmTotpEnrolment(code: $code) { stage account { hasTotp } } }',
      { code },
    );
    expect([wrong.body.errors?.[0]?.message, confirmed.body.data]).toEqual([
      'Kode TOTP salah',
      { confirmTotpEnrolment: { stage: 'ACTIVE', account: { hasTotp: true } } },
    ]);

    const working = await client.graphql<{ searchVoters: { total: number } }>(
      '{ searchVoters(filter: { kelurahanCode: "31.75.06.1001" }) { total } }',
    );
    expect(working.body).toEqual({ data: { searchVoters: { total: 0 } } });

    expect(
      (await auditTrail(server, before)).map(({ action, outcome, actorUsername, targetId }) => ({
        action,
        outcome,
        actorUsername,
        targetId,
      })),
    ).toEqual([
      {
        action: 'ACCOUNT_CREATED',
        outcome: 'SUCCESS',
        actorUsername: 'admin1',
        targetId: account.id,
      },
      {
        action: 'LOGIN_SUCCEEDED',
        outcome: 'SUCCESS',
        actorUsername: 'ppk.cakung',
        targetId: account.id,
      },
      {
        action: 'PASSWORD_CHANGED',
        outcome: 'SUCCESS',
        actorUsername: 'ppk.cakung',
        targetId: account.id,
      },
      {
        action: 'TOTP_ENROLLED',
        outcome: 'SUCCESS',
        actorUsername: 'ppk.cakung',
        targetId: account.id,
      },
    ]);
  });

  it('resets a password: a new temporary one, the old one and old sessions stop working', async () => {
    const target = await insertAccount(server, {
      username: 'operator3',
      role: 'OPERATOR',
      withTotp: true,
    });
    const targetClient = await signIn(server, target);
    const before = await lastAuditSequence(server);

    const reset = await adminClient.graphql<{
      resetAccountPassword: { temporaryPassword: string; account: { mustChangePassword: boolean } };
    }>(
      'mutation ($id: ID!) { resetAccountPassword(id: $id) { temporaryPassword account { mustChangePassword } } }',
      { id: String(target.id) },
    );
    const oldPassword = await loginAs(server, 'operator3', target.password);

    expect([
      reset.body.data?.resetAccountPassword.account,
      (await targetClient.graphql('{ viewer { stage } }')).body,
      oldPassword.response.body.errors?.[0]?.extensions?.['code'],
    ]).toEqual([{ mustChangePassword: true }, { data: { viewer: null } }, 'INVALID_CREDENTIALS']);
    expect((await auditTrail(server, before))[0]).toEqual({
      action: 'ACCOUNT_PASSWORD_RESET',
      outcome: 'SUCCESS',
      actorUsername: 'admin1',
      targetType: 'account',
      targetId: String(target.id),
      detail: { sessionsEnded: 1 },
    });
  });

  it('resets a second factor so that a lost phone can be replaced', async () => {
    const target = await insertAccount(server, {
      username: 'operator4',
      role: 'OPERATOR',
      withTotp: true,
    });
    const reset = await adminClient.graphql(
      'mutation ($id: ID!) { resetAccountTotp(id: $id) { hasTotp } }',
      { id: String(target.id) },
    );
    const { response } = await loginAs(server, 'operator4', target.password);

    expect([reset.body.data, response.body.data]).toEqual([
      { resetAccountTotp: { hasTotp: false } },
      {
        login: {
          status: 'SIGNED_IN',
          viewer: { stage: 'TOTP_ENROLMENT_REQUIRED', account: { username: 'operator4' } },
        },
      },
    ]);
  });

  it('changes role and scope, and audits before and after', async () => {
    const target = await insertAccount(server, { username: 'operator5', role: 'OPERATOR' });
    const before = await lastAuditSequence(server);
    const updated = await adminClient.graphql(
      `mutation ($id: ID!, $input: UpdateAccountInput!) {
        updateAccount(id: $id, input: $input) { role scopeCode scope { name } displayName }
      }`,
      {
        id: String(target.id),
        input: { displayName: 'PPS Jatinegara', role: 'OPERATOR', scopeCode: '31.75.06.1001' },
      },
    );

    expect(updated.body.data).toEqual({
      updateAccount: {
        role: 'OPERATOR',
        scopeCode: '31.75.06.1001',
        scope: { name: 'Jatinegara' },
        displayName: 'PPS Jatinegara',
      },
    });
    expect((await auditTrail(server, before))[0]?.detail).toEqual({
      before: { displayName: 'operator5', role: 'OPERATOR', scopeCode: null },
      after: { displayName: 'PPS Jatinegara', role: 'OPERATOR', scopeCode: '31.75.06.1001' },
      apiTokensEnded: 0,
    });
  });

  it('refuses a scope for a role other than OPERATOR, an unknown region and a taken username', async () => {
    const answers = await Promise.all([
      adminClient.graphql(CREATE_ACCOUNT, {
        input: { username: 'verif9', displayName: 'V', role: 'VERIFIKATOR', scopeCode: '31.75.06' },
      }),
      adminClient.graphql(CREATE_ACCOUNT, {
        input: { username: 'op9', displayName: 'O', role: 'OPERATOR', scopeCode: '31.71.01' },
      }),
      adminClient.graphql(CREATE_ACCOUNT, {
        input: { username: 'admin1', displayName: 'A', role: 'ADMIN' },
      }),
      adminClient.graphql(CREATE_ACCOUNT, {
        input: { username: 'Bukan Nama', displayName: 'A', role: 'ADMIN' },
      }),
    ]);

    expect(
      answers.map((answer) => [
        answer.body.errors?.[0]?.extensions?.['code'],
        answer.body.errors?.[0]?.message,
      ]),
    ).toEqual([
      ['BAD_USER_INPUT', 'Cakupan wilayah hanya untuk peran OPERATOR'],
      ['BAD_USER_INPUT', 'Cakupan wilayah harus kecamatan atau kelurahan di kota ini'],
      ['CONFLICT', 'Nama pengguna sudah dipakai'],
      [
        'BAD_USER_INPUT',
        'Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung',
      ],
    ]);
  });

  it('keeps at least one enabled ADMIN and refuses to disable the caller', async () => {
    const demote = await adminClient.graphql(
      `mutation ($id: ID!) { updateAccount(id: $id, input: { displayName: "A", role: VERIFIKATOR }) { role } }`,
      { id: String(admin.id) },
    );
    const disableSelf = await adminClient.graphql(
      'mutation ($id: ID!) { setAccountDisabled(id: $id, isDisabled: true) { isDisabled } }',
      { id: String(admin.id) },
    );

    expect([demote.body.errors?.[0]?.message, disableSelf.body.errors?.[0]?.message]).toEqual([
      'Harus tetap ada minimal satu ADMIN yang aktif',
      'Anda tidak dapat menonaktifkan akun Anda sendiri',
    ]);
  });

  it('ends the other sessions of an account when its owner changes the password', async () => {
    const owner = await insertAccount(server, {
      username: 'operator6',
      role: 'OPERATOR',
      withTotp: true,
    });
    const laptop = await signIn(server, owner);
    // The phone signs in within the same 30 s: it needs the next step's code, as a used code
    // is never accepted twice.
    const phone = graphqlClient(server.url);
    await phone.graphql(LOGIN, {
      input: {
        username: owner.username,
        password: owner.password,
        totpCode: currentTotpCode(owner.totpSecret ?? Buffer.alloc(0), 1),
      },
    });
    const changed = await laptop.graphql(CHANGE_PASSWORD, {
      input: { currentPassword: owner.password, newPassword: NEW_PASSWORD },
    });

    expect([
      changed.body.data,
      (await laptop.graphql('{ viewer { stage } }')).body,
      (await phone.graphql('{ viewer { stage } }')).body,
    ]).toEqual([
      { changePassword: { stage: 'ACTIVE' } },
      { data: { viewer: { stage: 'ACTIVE' } } },
      { data: { viewer: null } },
    ]);
  });
});
