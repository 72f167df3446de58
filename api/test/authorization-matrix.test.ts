import 'reflect-metadata';

import {
  buildNik,
  createRegionCatalogue,
  JAKARTA_TIMUR_REGIONS,
  maskName,
  maskNik,
  PERSONAL_FIELDS,
  receiptCodeFromBytes,
  STAFF_MASK_POLICY,
  type PersonalField,
  type RegionRow,
} from '@kaliber/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Role } from '../src/accounts/role.js';
import type { AccessDecision } from '../src/authorization/access.js';
import type { SessionStage } from '../src/authorization/actor.js';
import { AUDIT_EVENTS } from '../src/audit/audit-event-catalogue.js';
import { buildKaliberSchema, operationAccess } from '../src/graphql/build-schema.js';
import { seedVoters } from '../src/seed/seed-command.js';
import { VoterEntity } from '../src/voters/voter.entity.js';
import { insertAccount, signIn, type TestAccount } from './support/accounts.js';
import { graphqlClient, type ClientOptions, type UploadedFile } from './support/graphql-client.js';
import { registrationForm } from './support/registration-requests.js';
import { testDatabaseKind } from './support/test-database.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/test-server.js';

// The operators' areas: kecamatan Cakung and one of its kelurahan.
const KECAMATAN = '31.75.06';
const KELURAHAN = '31.75.06.1001';
const OTHER_KELURAHAN_OF_KECAMATAN = '31.75.06.1002';
const KELURAHAN_OF_OTHER_KECAMATAN = '31.75.01.1001';
const NO_SUCH_ID = '999999';

/** Who calls: each column of the matrix. Tokens belong to the PROVINSI and BAWASLU accounts. */
interface Actor {
  readonly label: string;
  /** The account's username; null for anonymous. */
  readonly username: string | null;
  readonly role: Role | null;
  readonly scopeCode: string | null;
  readonly via: 'nothing' | 'console' | 'token';
  readonly mustChangePassword: boolean;
}

function staff(
  label: string,
  role: Role,
  extra: Partial<Pick<Actor, 'scopeCode' | 'via' | 'mustChangePassword' | 'username'>> = {},
): Actor {
  return {
    label,
    username: `matrix-${label.toLowerCase().replaceAll(/[^a-z]+/g, '-')}`,
    role,
    scopeCode: null,
    via: 'console',
    mustChangePassword: false,
    ...extra,
  };
}

const ANONYMOUS: Actor = {
  label: 'anonymous',
  username: null,
  role: null,
  scopeCode: null,
  via: 'nothing',
  mustChangePassword: false,
};
const ADMIN = staff('ADMIN', 'ADMIN');
const PROVINSI = staff('PROVINSI', 'PROVINSI');
const BAWASLU = staff('BAWASLU', 'BAWASLU');

const ACTORS: readonly Actor[] = [
  ANONYMOUS,
  ADMIN,
  staff('KOMISIONER', 'KOMISIONER'),
  staff('VERIFIKATOR', 'VERIFIKATOR'),
  staff('OPERATOR kota', 'OPERATOR'),
  staff('OPERATOR kecamatan', 'OPERATOR', { scopeCode: KECAMATAN }),
  staff('OPERATOR kelurahan', 'OPERATOR', { scopeCode: KELURAHAN }),
  PROVINSI,
  { ...PROVINSI, label: 'PROVINSI token', via: 'token' },
  BAWASLU,
  { ...BAWASLU, label: 'BAWASLU token', via: 'token' },
  staff('ADMIN, password change due', 'ADMIN', { mustChangePassword: true }),
];

/** The account `login` is tried with: right password, TOTP enrolled, so no session starts. */
const LOGIN_TARGET = staff('login target', 'OPERATOR');

/**
 * Outcomes. With data: `ok` the case's data; `full` its voters with every personal field;
 * `masked` its voters with NIK, NKK and name masked and the other personal fields null, each
 * with a FORBIDDEN error; `empty` an empty page (what lies outside the caller's area does not
 * exist for it). Errors on the operation: U UNAUTHENTICATED, F FORBIDDEN, S FORBIDDEN with
 * `extensions.stage` (a forced step comes first), N NOT_FOUND, I BAD_USER_INPUT (authorization
 * passed; the deliberately wrong input did not), P FORBIDDEN by the personal-data policy after
 * the operation's own decision let the caller in (an ADMIN filtering by a name it sees masked).
 */
const OUTCOMES = [
  'ok',
  'full',
  'masked',
  'empty',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'STAGE',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'POLICY_FORBIDDEN',
] as const;
type Outcome = (typeof OUTCOMES)[number];
const [ok, full, masked, empty, U, F, S, N, I, P] = OUTCOMES;

interface Fixture {
  /** By username. */
  readonly accounts: ReadonlyMap<string, TestAccount>;
  /** A voter in the scoped operators' kelurahan: inside both areas. */
  readonly inKelurahan: VoterEntity;
  /** A voter in another kelurahan of their kecamatan: inside one area only. */
  readonly inKecamatan: VoterEntity;
  /** A voter in another kecamatan: outside both areas. */
  readonly elsewhere: VoterEntity;
  /** The first page (3) of each kelurahan the cases search, in the API's order, and its total. */
  readonly pages: ReadonlyMap<string, { readonly voters: VoterEntity[]; readonly total: number }>;
  /** API token names in the order created. */
  readonly tokenNames: string[];
}

type VoterResult =
  | { readonly kind: 'one'; readonly voter: VoterEntity }
  | { readonly kind: 'page'; readonly voters: VoterEntity[]; readonly total: number };

/** One request of the matrix; its key is the operation, then a comma and the case if any. */
interface OperationCase {
  readonly query: string;
  readonly variables?: (fixture: Fixture) => Record<string, unknown>;
  /** The data of outcome `ok`. */
  readonly data?: (fixture: Fixture, actor: Actor) => unknown;
  /** The voters of outcomes `full` and `masked`. */
  readonly voters?: (fixture: Fixture) => VoterResult;
  /** A call that succeeds ends the caller's session, or every session. */
  readonly endsSessions?: 'own' | 'all';
  /** Files for `Upload` variables: the request goes as multipart. */
  readonly uploads?: Readonly<Record<string, UploadedFile>>;
}

const VOTER_FIELDS = `id nik nkk name birthPlace birthDate address disability
  sex maritalStatus rt rw ktpElStatus tps status tmsReason kelurahan { code }`;
const VOTER = `query ($id: ID!) { voter(id: $id) { ${VOTER_FIELDS} } }`;
const SEARCH = `query ($filter: VoterSearchInput!) {
  searchVoters(filter: $filter, limit: 3) { total items { ${VOTER_FIELDS} } }
}`;
const ACCOUNT_SETTINGS = { displayName: 'Uji', role: 'OPERATOR' };
const OPEN_PUBLIC_LIMITS = {
  PUBLIC_LIMIT_PER_IP: '10000/1m',
  PUBLIC_LIMIT_PER_NIK: '10000/1m',
  REGISTRATION_LIMIT_PER_IP: '10000/1m',
  REGISTRATION_LIMIT_PER_NIK: '10000/1m',
  REGISTRATION_LIMIT_GLOBAL: '10000/1m',
};
/** Well formed, and on nobody's list: no synthetic voter has serial 9999. */
const UNLISTED_NIK = buildNik({
  districtCode: '317501',
  birthDate: '1990-05-17',
  sex: 'L',
  serial: 9_999,
});
/** Well formed (its check symbol is right), and nobody's. */
const UNKNOWN_RECEIPT = receiptCodeFromBytes(new Uint8Array(7));

const regionRow = (code: string): RegionRow => {
  const row = JAKARTA_TIMUR_REGIONS.find((region) => region.code === code);
  if (!row) throw new Error(`no region ${code}`);
  return row;
};

const CASES = {
  'Query.viewer': {
    query: '{ viewer { stage account { username role scopeCode } } }',
    data: (_, actor) => ({
      viewer:
        actor.via === 'console'
          ? {
              stage: stageOf(actor),
              account: { username: actor.username, role: actor.role, scopeCode: actor.scopeCode },
            }
          : null,
    }),
  },
  'Query.kabKota': {
    query: '{ kabKota { code name children { code } } }',
    data: () => ({
      kabKota: {
        code: '31.75',
        name: regionRow('31.75').name,
        children: JAKARTA_TIMUR_REGIONS.filter(({ level }) => level === 'KECAMATAN').map(
          ({ code }) => ({ code }),
        ),
      },
    }),
  },
  'Query.region': {
    query: `{ region(code: "${KECAMATAN}") { code name level parentCode } }`,
    data: () => ({
      region: { code: KECAMATAN, name: 'Cakung', level: 'KECAMATAN', parentCode: '31.75' },
    }),
  },
  'Query.findRegions': {
    query: '{ findRegions(name: "Kramat Jati", level: KECAMATAN) { code name } }',
    data: () => ({ findRegions: [{ code: '31.75.04', name: 'Kramatjati' }] }),
  },
  'Query.cekNik, an NIK nobody has': {
    query: `{ cekNik(nik: "${UNLISTED_NIK}") { terdaftar nikMasked } }`,
    data: () => ({ cekNik: { terdaftar: false, nikMasked: `${UNLISTED_NIK.slice(0, 10)}******` } }),
  },
  'Query.publicServiceSettings': {
    query: '{ publicServiceSettings { isProofOfWorkRequired showsKelurahan } }',
    data: () => ({
      publicServiceSettings: { isProofOfWorkRequired: false, showsKelurahan: false },
    }),
  },
  'Query.registrationStatus, a receipt nobody has': {
    query: `{ registrationStatus(receiptCode: "${UNKNOWN_RECEIPT}", nik: "${UNLISTED_NIK}") { stage } }`,
  },
  'Mutation.submitRegistration, a form without consent': {
    query: `mutation ($input: RegistrationInput!, $ktp: Upload!, $kk: Upload!) {
      submitRegistration(input: $input, ktp: $ktp, kk: $kk) { receiptCode }
    }`,
    variables: () => ({ input: { ...registrationForm(), consent: false } }),
    uploads: {
      ktp: { bytes: Buffer.from('ktp'), name: 'ktp.png', type: 'image/png' },
      kk: { bytes: Buffer.from('kk'), name: 'kk.png', type: 'image/png' },
    },
  },
  'Query.accounts': {
    query: '{ accounts { username role scopeCode isDisabled mustChangePassword } }',
    data: () => ({
      accounts: [...ACTORS, LOGIN_TARGET]
        .filter((actor) => actor.username !== null && actor.via !== 'token')
        .map(({ username, role, scopeCode, mustChangePassword }) => ({
          username,
          role,
          scopeCode,
          isDisabled: false,
          mustChangePassword,
        }))
        .sort((left, right) => ((left.username ?? '') < (right.username ?? '') ? -1 : 1)),
    }),
  },
  'Query.apiTokens': {
    query: '{ apiTokens { name account { username } } }',
    data: (fixture) => ({
      apiTokens: fixture.tokenNames
        .map((name) => ({ name, account: { username: name.replace(/-token-\d+$/, '') } }))
        .reverse(),
    }),
  },
  'Query.auditEntries': {
    query: `{
      auditEntries(filter: { action: "LOGIN_SUCCEEDED", actorUsername: "${ADMIN.username}" }, limit: 1) {
        total items { action actorUsername actorRole outcome targetType targetId }
      }
    }`,
    data: (fixture) => ({
      auditEntries: {
        total: expect.any(Number) as number,
        items: [
          {
            action: 'LOGIN_SUCCEEDED',
            actorUsername: ADMIN.username,
            actorRole: 'ADMIN',
            outcome: 'SUCCESS',
            targetType: 'account',
            targetId: String(accountOf(fixture, ADMIN).id),
          },
        ],
      },
    }),
  },
  'Query.auditEventKinds': {
    query: '{ auditEventKinds { action description } }',
    data: () => ({
      auditEventKinds: Object.entries(AUDIT_EVENTS).map(([action, description]) => ({
        action,
        description,
      })),
    }),
  },
  'Query.verifyAuditChain': {
    query: '{ verifyAuditChain { isIntact checkedCount firstBrokenSequence reason } }',
    data: () => ({
      verifyAuditChain: {
        isIntact: true,
        checkedCount: expect.any(Number) as number,
        firstBrokenSequence: null,
        reason: null,
      },
    }),
  },
  'Query.voter, in the kelurahan of the scoped operators': {
    query: VOTER,
    variables: (fixture) => ({ id: String(fixture.inKelurahan.id) }),
    voters: (fixture) => ({ kind: 'one', voter: fixture.inKelurahan }),
  },
  'Query.voter, elsewhere in the kecamatan': {
    query: VOTER,
    variables: (fixture) => ({ id: String(fixture.inKecamatan.id) }),
    voters: (fixture) => ({ kind: 'one', voter: fixture.inKecamatan }),
  },
  'Query.voter, in another kecamatan': {
    query: VOTER,
    variables: (fixture) => ({ id: String(fixture.elsewhere.id) }),
    voters: (fixture) => ({ kind: 'one', voter: fixture.elsewhere }),
  },
  'Query.voter, an id nobody has': {
    query: VOTER,
    variables: () => ({ id: NO_SUCH_ID }),
  },
  'Query.searchVoters, the kelurahan of the scoped operators': {
    query: SEARCH,
    variables: () => ({ filter: { kelurahanCode: KELURAHAN } }),
    voters: (fixture) => pageOf(fixture, KELURAHAN),
  },
  'Query.searchVoters, another kelurahan of the kecamatan': {
    query: SEARCH,
    variables: () => ({ filter: { kelurahanCode: OTHER_KELURAHAN_OF_KECAMATAN } }),
    voters: (fixture) => pageOf(fixture, OTHER_KELURAHAN_OF_KECAMATAN),
  },
  'Query.searchVoters, a kelurahan of another kecamatan': {
    query: SEARCH,
    variables: () => ({ filter: { kelurahanCode: KELURAHAN_OF_OTHER_KECAMATAN } }),
    voters: (fixture) => pageOf(fixture, KELURAHAN_OF_OTHER_KECAMATAN),
  },
  'Query.searchVoters, the NIK of a voter in another kecamatan': {
    query: SEARCH,
    variables: (fixture) => ({ filter: { nik: fixture.elsewhere.nik } }),
    voters: (fixture) => ({ kind: 'page', voters: [fixture.elsewhere], total: 1 }),
  },
  'Query.searchVoters, neither NIK nor kelurahan': {
    query: SEARCH,
    variables: () => ({ filter: { name: 'Nur' } }),
  },
  'Mutation.login, right password of an account with TOTP': {
    query: `mutation ($input: LoginInput!) { login(input: $input) { status viewer { stage } } }`,
    variables: (fixture) => ({
      input: {
        username: LOGIN_TARGET.username,
        password: accountOf(fixture, LOGIN_TARGET).password,
      },
    }),
    data: () => ({ login: { status: 'TOTP_REQUIRED', viewer: null } }),
  },
  'Mutation.changePassword, wrong current password': {
    query: `mutation {
      changePassword(input: { currentPassword: "salah-sekali", newPassword: "baru-dan-panjang-sekali" }) { stage }
    }`,
  },
  'Mutation.startTotpEnrolment': {
    query: 'mutation { startTotpEnrolment { otpauthUri secret } }',
    data: () => ({
      startTotpEnrolment: {
        otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]+&/) as string,
        secret: expect.stringMatching(/^[A-Z2-7]{26,}$/) as string,
      },
    }),
  },
  'Mutation.confirmTotpEnrolment, a code that is not one': {
    query: 'mutation { confirmTotpEnrolment(code: "abcdef") { stage } }',
  },
  'Mutation.createAccount, invalid username': {
    query: `mutation ($input: CreateAccountInput!) {
      createAccount(input: $input) { temporaryPassword }
    }`,
    variables: () => ({ input: { ...ACCOUNT_SETTINGS, username: 'X' } }),
  },
  'Mutation.updateAccount, unknown account': {
    query: `mutation ($input: UpdateAccountInput!) {
      updateAccount(id: "${NO_SUCH_ID}", input: $input) { username }
    }`,
    variables: () => ({ input: ACCOUNT_SETTINGS }),
  },
  'Mutation.setAccountDisabled, unknown account': {
    query: `mutation { setAccountDisabled(id: "${NO_SUCH_ID}", isDisabled: true) { username } }`,
  },
  'Mutation.resetAccountPassword, unknown account': {
    query: `mutation { resetAccountPassword(id: "${NO_SUCH_ID}") { temporaryPassword } }`,
  },
  'Mutation.resetAccountTotp, unknown account': {
    query: `mutation { resetAccountTotp(id: "${NO_SUCH_ID}") { username } }`,
  },
  'Mutation.createApiToken, unknown account': {
    query: `mutation {
      createApiToken(input: { accountId: "${NO_SUCH_ID}", name: "uji", validDays: 30 }) { token }
    }`,
  },
  'Mutation.revokeApiToken, unknown token': {
    query: `mutation { revokeApiToken(id: "${NO_SUCH_ID}") { name } }`,
  },
  'Mutation.logout': {
    query: 'mutation { logout }',
    data: () => ({ logout: true }),
    endsSessions: 'own',
  },
  'Mutation.revokeAllSessions': {
    query: 'mutation { revokeAllSessions }',
    data: () => ({ revokeAllSessions: expect.any(Number) as number }),
    endsSessions: 'all',
  },
} satisfies Record<string, OperationCase>;

type CaseKey = keyof typeof CASES;

/** 'Query.voter, an id nobody has' → 'Query.voter'. */
function operationOf(key: CaseKey): string {
  return key.split(',')[0] ?? key;
}
type MatrixLine = readonly [
  CaseKey,
  ...[Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
  ...[Outcome, Outcome, Outcome, Outcome, Outcome, Outcome],
];

/**
 * Who gets what. Lines run top to bottom against one server; the two that end sessions come
 * last, and a caller whose session ended signs in again before its next request.
 */
// prettier-ignore
const MATRIX: readonly MatrixLine[] = [
  //                                                              anonymous
  //                                                              |      ADMIN
  //                                                              |      |      KOMISIONER
  //                                                              |      |      |      VERIFIKATOR
  //                                                              |      |      |      |       OPERATOR for the kota
  //                                                              |      |      |      |       |     OPERATOR for a kecamatan
  //                                                              |      |      |      |       |     |      OPERATOR for a kelurahan
  //                                                              |      |      |      |       |     |      |       PROVINSI, console
  //                                                              |      |      |      |       |     |      |       |     PROVINSI, API token
  //                                                              |      |      |      |       |     |      |       |     |      BAWASLU, console
  //                                                              |      |      |      |       |     |      |       |     |      |     BAWASLU, API token
  //                                                              |      |      |      |       |     |      |       |     |      |     |      ADMIN, password change due
  ['Query.viewer',                                                ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Query.kabKota',                                               ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Query.region',                                                ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Query.findRegions',                                           ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Query.cekNik, an NIK nobody has',                             ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Query.publicServiceSettings',                                 ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Query.registrationStatus, a receipt nobody has',              N,     N,     N,     N,      N,    N,     N,      N,    N,     N,    N,     N],
  ['Mutation.submitRegistration, a form without consent',          I,     I,     I,     I,      I,    I,     I,      I,    I,     I,    I,     I],
  ['Query.accounts',                                              U,     ok,    F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Query.apiTokens',                                             U,     ok,    F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Query.auditEntries',                                          U,     ok,    F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Query.auditEventKinds',                                       U,     ok,    F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Query.verifyAuditChain',                                      U,     ok,    F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Query.voter, in the kelurahan of the scoped operators',       U,     masked,full,  full,   full, full,  full,   F,    F,     F,    F,     S],
  ['Query.voter, elsewhere in the kecamatan',                     U,     masked,full,  full,   full, full,  N,      F,    F,     F,    F,     S],
  ['Query.voter, in another kecamatan',                           U,     masked,full,  full,   full, N,     N,      F,    F,     F,    F,     S],
  ['Query.voter, an id nobody has',                               U,     N,     N,     N,      N,    N,     N,      F,    F,     F,    F,     S],
  ['Query.searchVoters, the kelurahan of the scoped operators',   U,     masked,full,  full,   full, full,  full,   F,    F,     F,    F,     S],
  ['Query.searchVoters, another kelurahan of the kecamatan',      U,     masked,full,  full,   full, full,  N,      F,    F,     F,    F,     S],
  ['Query.searchVoters, a kelurahan of another kecamatan',        U,     masked,full,  full,   full, N,     N,      F,    F,     F,    F,     S],
  ['Query.searchVoters, the NIK of a voter in another kecamatan', U,     masked,full,  full,   full, empty, empty,  F,    F,     F,    F,     S],
  ['Query.searchVoters, neither NIK nor kelurahan',               U,     P,     I,     I,      I,    I,     I,      F,    F,     F,    F,     S],
  ['Mutation.login, right password of an account with TOTP',      ok,    ok,    ok,    ok,     ok,   ok,    ok,     ok,   ok,    ok,   ok,    ok],
  ['Mutation.changePassword, wrong current password',             U,     I,     I,     I,      I,    I,     I,      I,    F,     I,    F,     I],
  ['Mutation.startTotpEnrolment',                                 U,     ok,    ok,    ok,     ok,   ok,    ok,     ok,   F,     ok,   F,     S],
  ['Mutation.confirmTotpEnrolment, a code that is not one',       U,     I,     I,     I,      I,    I,     I,      I,    F,     I,    F,     S],
  ['Mutation.createAccount, invalid username',                    U,     I,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.updateAccount, unknown account',                     U,     N,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.setAccountDisabled, unknown account',                U,     N,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.resetAccountPassword, unknown account',              U,     N,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.resetAccountTotp, unknown account',                  U,     N,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.createApiToken, unknown account',                    U,     N,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.revokeApiToken, unknown token',                      U,     N,     F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
  ['Mutation.logout',                                             U,     ok,    ok,    ok,     ok,   ok,    ok,     ok,   F,     ok,   F,     ok],
  ['Mutation.revokeAllSessions',                                  U,     ok,    F,     F,      F,    F,     F,      F,    F,     F,    F,     S],
];

const SEARCHED_KELURAHAN = [KELURAHAN, OTHER_KELURAHAN_OF_KECAMATAN, KELURAHAN_OF_OTHER_KECAMATAN];
/** What an ADMIN may not see even masked (the brief's least-privilege rule). */
const REFUSED_FOR_ADMIN: readonly PersonalField[] = [
  'birthPlace',
  'birthDate',
  'address',
  'disability',
];
const GATES: readonly Outcome[] = [U, F, S];

const CREATE_API_TOKEN = `mutation ($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token }
}`;

function stageOf(actor: Actor): SessionStage {
  return actor.via === 'console' && actor.mustChangePassword
    ? 'PASSWORD_CHANGE_REQUIRED'
    : 'ACTIVE';
}

function accountOf(fixture: Fixture, actor: Actor): TestAccount {
  const account = actor.username === null ? undefined : fixture.accounts.get(actor.username);
  if (!account) throw new Error(`the fixture has no account for ${actor.label}`);

  return account;
}

function pageOf(fixture: Fixture, kelurahanCode: string): VoterResult {
  const page = fixture.pages.get(kelurahanCode);
  if (!page) throw new Error(`the fixture has no page of ${kelurahanCode}`);

  return { kind: 'page', ...page };
}

/** Where the auth checker should stop a caller, by the operation's declared decision. */
function gateOf(decision: AccessDecision | undefined, actor: Actor): Outcome | 'pass' {
  if (!decision) throw new Error('an operation without a decision');
  if (decision.kind === 'public') return 'pass';
  if (actor.via === 'nothing') return U;

  switch (decision.kind) {
    case 'signed-in':
      if (actor.via === 'token') return F;
      return decision.stages.includes(stageOf(actor)) ? 'pass' : S;
    case 'roles':
      if (stageOf(actor) !== 'ACTIVE') return S;
      return actor.role !== null && decision.roles.includes(actor.role) ? 'pass' : F;
    default: {
      const unknownDecision: never = decision;
      throw new Error(`unknown decision ${JSON.stringify(unknownDecision)}`);
    }
  }
}

function fullVoter(voter: VoterEntity) {
  return {
    id: String(voter.id),
    nik: voter.nik,
    nkk: voter.nkk,
    name: voter.name,
    birthPlace: voter.birthPlace,
    birthDate: voter.birthDate,
    address: voter.address,
    disability: voter.disability,
    sex: voter.sex,
    maritalStatus: voter.maritalStatus,
    rt: voter.rt,
    rw: voter.rw,
    ktpElStatus: voter.ktpElStatus,
    tps: voter.tps,
    status: voter.status,
    tmsReason: voter.tmsReason,
    kelurahan: { code: voter.kelurahanCode },
  };
}

function maskedVoter(voter: VoterEntity) {
  return {
    ...fullVoter(voter),
    nik: maskNik(voter.nik, STAFF_MASK_POLICY),
    nkk: maskNik(voter.nkk, STAFF_MASK_POLICY),
    name: maskName(voter.name),
    ...Object.fromEntries(REFUSED_FOR_ADMIN.map((field) => [field, null])),
  };
}

type Body = GraphQLResponse['body'];

/** One error as the edge sends it; where in the query text it points does not matter here. */
function errorAt(path: readonly (string | number)[], code: string, extra: object = {}) {
  return {
    message: expect.any(String) as string,
    locations: expect.any(Array) as unknown[],
    path,
    extensions: { code, requestId: expect.any(String) as string, ...extra },
  };
}

/** Errors in path order: the order in which sibling fields fail is not part of the contract. */
function normalized(body: Body): Body {
  const { errors, ...rest } = body;
  if (!errors) return rest;

  const key = (error: object) => JSON.stringify((error as { path?: unknown }).path);
  return { ...rest, errors: [...errors].sort((a, b) => (key(a) < key(b) ? -1 : 1)) };
}

function expectedBody(key: CaseKey, outcome: Outcome, actor: Actor, fixture: Fixture): unknown {
  const operationCase: OperationCase = CASES[key];
  const root = operationOf(key).split('.')[1] ?? '';
  const refusal = (code: string, extra: object = {}) => ({
    data: null,
    errors: [errorAt([root], code, extra)],
  });

  switch (outcome) {
    case ok:
      if (!operationCase.data) throw new Error(`${key} has no data for ok`);
      return { data: operationCase.data(fixture, actor) };
    case full:
    case masked:
    case empty:
      return normalized(voterBody(key, outcome, fixture));
    case U:
    case F:
    case N:
      return refusal(outcome);
    case S:
      return refusal(F, { stage: stageOf(actor) });
    case P:
      return refusal(F);
    case I:
      return {
        data: null,
        errors: [
          {
            ...errorAt([root], I),
            extensions: expect.objectContaining({ code: I }) as object,
          },
        ],
      };
    default: {
      const unknownOutcome: never = outcome;
      throw new Error(`unknown outcome ${String(unknownOutcome)}`);
    }
  }
}

function voterBody(
  key: CaseKey,
  outcome: typeof full | typeof masked | typeof empty,
  fixture: Fixture,
): Body {
  const operationCase: OperationCase = CASES[key];
  const result = operationCase.voters?.(fixture);
  if (!result) throw new Error(`${key} names no voters for ${outcome}`);
  const view = outcome === masked ? maskedVoter : fullVoter;
  const refusals = (path: (string | number)[]) =>
    outcome === masked ? REFUSED_FOR_ADMIN.map((field) => errorAt([...path, field], F)) : [];

  if (result.kind === 'one') {
    const errors = refusals(['voter']);
    return { data: { voter: view(result.voter) }, ...(errors.length > 0 ? { errors } : {}) };
  }
  const voters = outcome === empty ? [] : result.voters;
  const errors = voters.flatMap((_, index) => refusals(['searchVoters', 'items', index]));

  return {
    data: {
      searchVoters: { total: outcome === empty ? 0 : result.total, items: voters.map(view) },
    },
    ...(errors.length > 0 ? { errors } : {}),
  };
}

async function decisionsByOperation(): Promise<Map<string, AccessDecision | undefined>> {
  const access = operationAccess(await buildKaliberSchema());

  return new Map(access.map(({ operation, decision }) => [operation, decision]));
}

describe(`the authorization matrix (${testDatabaseKind})`, () => {
  let api: TestServer;
  let fixture: Fixture;
  /** Each caller's cookie or bearer header; a caller whose session ended is dropped. */
  const credentials = new Map<string, ClientOptions>();

  async function credentialsOf(actor: Actor): Promise<ClientOptions> {
    let known = credentials.get(actor.label);
    if (!known) {
      known = await newCredentials(actor);
      credentials.set(actor.label, known);
    }

    return known;
  }

  async function newCredentials(actor: Actor): Promise<ClientOptions> {
    if (actor.via === 'nothing') return {};
    const account = accountOf(fixture, actor);
    if (actor.via === 'console') return { cookie: (await signIn(api, account)).cookie };

    // API tokens are issued the way an ADMIN issues them.
    const name = `${account.username}-token-${fixture.tokenNames.length + 1}`;
    const admin = graphqlClient(api.url, await credentialsOf(ADMIN));
    const response = await admin.graphql<{ createApiToken: { token: string } }>(CREATE_API_TOKEN, {
      input: { accountId: String(account.id), name, validDays: 30 },
    });
    const token = response.body.data?.createApiToken.token;
    if (!token) throw new Error(`no API token: ${JSON.stringify(response.body)}`);
    fixture.tokenNames.push(name);

    return { headers: { authorization: `Bearer ${token}` } };
  }

  /** A new client per request, so that no answer (a login's cookie) changes who asks next. */
  async function call(
    actor: Actor,
    request: {
      query: string;
      variables?: Record<string, unknown> | undefined;
      uploads?: Readonly<Record<string, UploadedFile>> | undefined;
    },
  ): Promise<Body> {
    const client = graphqlClient(api.url, await credentialsOf(actor));
    const response = await client.graphql(request.query, request.variables, request.uploads);

    return normalized(response.body);
  }

  beforeAll(async () => {
    // Every caller asks about the same NIK from one address: the public limits out of the way.
    api = await startTestServer(OPEN_PUBLIC_LIMITS);
    const { dataSource } = api.server;
    await seedVoters(dataSource, createRegionCatalogue(JAKARTA_TIMUR_REGIONS), {
      voters: 300,
      seed: 7,
    });

    const accounts = new Map<string, TestAccount>();
    for (const actor of [...ACTORS, LOGIN_TARGET]) {
      if (actor.username === null || actor.role === null || accounts.has(actor.username)) continue;
      const account = await insertAccount(api, {
        username: actor.username,
        role: actor.role,
        scopeCode: actor.scopeCode,
        mustChangePassword: actor.mustChangePassword,
        withTotp: actor === LOGIN_TARGET,
      });
      accounts.set(actor.username, account);
    }

    const voters = dataSource.getRepository(VoterEntity);
    const firstIn = async (kelurahanCode: string) => {
      const voter = await voters.findOne({ where: { kelurahanCode }, order: { id: 'ASC' } });
      if (!voter) throw new Error(`the seed put nobody in ${kelurahanCode}`);
      return voter;
    };
    const pages = new Map<string, { voters: VoterEntity[]; total: number }>();
    for (const kelurahanCode of SEARCHED_KELURAHAN) {
      const [page, total] = await voters.findAndCount({
        where: { kelurahanCode },
        order: { name: 'ASC', id: 'ASC' },
        take: 3,
      });
      pages.set(kelurahanCode, { voters: page, total });
    }
    fixture = {
      accounts,
      inKelurahan: await firstIn(KELURAHAN),
      inKecamatan: await firstIn(OTHER_KELURAHAN_OF_KECAMATAN),
      elsewhere: await firstIn(KELURAHAN_OF_OTHER_KECAMATAN),
      pages,
      tokenNames: [],
    };

    // Every caller signs in, and every token is issued, up front and in column order.
    for (const actor of ACTORS) await credentialsOf(actor);
  });
  afterAll(async () => {
    await api.close();
  });

  it('has a line for every query and mutation of the schema', async () => {
    const operations = [...(await decisionsByOperation()).keys()].sort();
    const covered = [...new Set(MATRIX.map(([key]) => operationOf(key)))].sort();

    expect(covered).toEqual(operations);
  });

  it('agrees with the decision every operation declares', async () => {
    const decisions = await decisionsByOperation();
    const disagreements = MATRIX.flatMap(([key, ...outcomes]) =>
      ACTORS.flatMap((actor, index) => {
        const gate = gateOf(decisions.get(operationOf(key)), actor);
        const cell = outcomes[index];
        const agrees =
          gate === 'pass' ? cell !== undefined && !GATES.includes(cell) : cell === gate;
        return agrees ? [] : [`${key} / ${actor.label}: table says ${cell}, decision ${gate}`];
      }),
    );

    expect(disagreements).toEqual([]);
  });

  const lines = MATRIX.map(([key, ...outcomes]) => ({ key, outcomes }));

  it.each(lines)('$key: every caller gets the outcome of its column', async ({ key, outcomes }) => {
    const operationCase: OperationCase = CASES[key];
    const actual: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};

    for (const [index, actor] of ACTORS.entries()) {
      const outcome = outcomes[index];
      if (outcome === undefined) throw new Error(`${key} has no outcome for ${actor.label}`);
      actual[actor.label] = await call(actor, {
        query: operationCase.query,
        variables: operationCase.variables?.(fixture),
        uploads: operationCase.uploads,
      });
      expected[actor.label] = expectedBody(key, outcome, actor, fixture);

      if (outcome === ok && operationCase.endsSessions === 'own') credentials.delete(actor.label);
      if (outcome === ok && operationCase.endsSessions === 'all') credentials.clear();
    }

    expect(actual).toEqual(expected);
  });

  it('refuses anonymous, PROVINSI and BAWASLU callers every personal field, one at a time', async () => {
    const outsiders = ACTORS.filter(
      ({ role }) => role === null || role === 'PROVINSI' || role === 'BAWASLU',
    );
    const voter = fixture.inKelurahan;
    const actual: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};

    for (const actor of outsiders) {
      const code = actor.via === 'nothing' ? U : F;
      for (const field of PERSONAL_FIELDS) {
        actual[`${actor.label}, voter.${field}`] = await call(actor, {
          query: `query ($id: ID!) { voter(id: $id) { ${field} } }`,
          variables: { id: String(voter.id) },
        });
        actual[`${actor.label}, searchVoters.${field}`] = await call(actor, {
          query: `query ($nik: String!) { searchVoters(filter: { nik: $nik }) { items { ${field} } } }`,
          variables: { nik: voter.nik },
        });
        expected[`${actor.label}, voter.${field}`] = {
          data: null,
          errors: [errorAt(['voter'], code)],
        };
        expected[`${actor.label}, searchVoters.${field}`] = {
          data: null,
          errors: [errorAt(['searchVoters'], code)],
        };
      }
    }

    expect(actual).toEqual(expected);
  });

  describe('when second factors are required', () => {
    let mfaApi: TestServer;
    let withoutTotp: TestAccount;

    beforeAll(async () => {
      mfaApi = await startTestServer({ REQUIRE_MFA: 'true', ...OPEN_PUBLIC_LIMITS });
      withoutTotp = await insertAccount(mfaApi, {
        username: 'matrix-admin-no-totp',
        role: 'ADMIN',
      });
    });
    afterAll(async () => {
      await mfaApi.close();
    });

    it('lets a session without TOTP only enrol, change its password, log out and use public operations', async () => {
      const openBeforeTotp = new Set([
        'Query.viewer',
        'Query.kabKota',
        'Query.region',
        'Query.findRegions',
        'Query.cekNik',
        'Query.publicServiceSettings',
        'Query.registrationStatus',
        'Mutation.submitRegistration',
        'Mutation.login',
        'Mutation.logout',
        'Mutation.changePassword',
        'Mutation.startTotpEnrolment',
        'Mutation.confirmTotpEnrolment',
      ]);
      let session = await signIn(mfaApi, withoutTotp);
      const actual: Record<string, unknown> = {};
      const expected: Record<string, unknown> = {};

      for (const [key] of MATRIX) {
        const operationCase: OperationCase = CASES[key];
        const response = await session.graphql(
          operationCase.query,
          operationCase.variables?.(fixture),
          operationCase.uploads,
        );
        const extensions = response.body.errors?.[0]?.extensions;
        actual[key] = {
          isRefused: extensions?.['code'] === U || extensions?.['code'] === F,
          stage: extensions?.['stage'] ?? null,
        };
        expected[key] = openBeforeTotp.has(operationOf(key))
          ? { isRefused: false, stage: null }
          : { isRefused: true, stage: 'TOTP_ENROLMENT_REQUIRED' };

        if (operationCase.endsSessions === 'own') session = await signIn(mfaApi, withoutTotp);
      }

      expect(actual).toEqual(expected);
    });
  });
});
