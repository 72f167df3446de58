import {
  type RegionLevel,
  type Role,
  type SessionStage,
  type ViewerFieldsFragment,
} from '../graphql/generated/graphql';

interface ViewerOptions {
  readonly role?: Role;
  readonly stage?: SessionStage;
  /** The account's area; omitted = whole kota. */
  readonly scope?: { readonly code: string; readonly name: string; readonly level: RegionLevel };
  readonly hasTotp?: boolean;
}

/** A viewer shaped as the API answers ViewerFields, `__typename` included as Apollo asks. */
export function viewerFixture(options: ViewerOptions = {}): ViewerFieldsFragment {
  const role = options.role ?? 'OPERATOR';
  const stage = options.stage ?? 'ACTIVE';
  const scope = options.scope ?? null;

  return {
    __typename: 'Viewer',
    stage,
    isTotpRequired: true,
    account: {
      __typename: 'Account',
      id: '7',
      username: role === 'ADMIN' ? 'admin' : 'ppk-cakung',
      displayName: role === 'ADMIN' ? 'Admin Sistem' : 'Siti Rahmawati',
      role,
      scopeCode: scope?.code ?? null,
      scope: scope ? { __typename: 'Region', ...scope } : null,
      hasTotp: options.hasTotp ?? stage === 'ACTIVE',
      mustChangePassword: stage === 'PASSWORD_CHANGE_REQUIRED',
      lastLoginAt: '2026-12-01T02:30:00.000Z',
      previousLoginAt: '2026-11-30T01:15:00.000Z',
    },
  };
}

/** Kecamatan Cakung, the area of the PPK operator in the tests. */
export const cakungScope = { code: '31.75.06', name: 'Cakung', level: 'KECAMATAN' } as const;
