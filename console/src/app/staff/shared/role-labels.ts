import { type RegionLevel, type Role } from '../../graphql/generated/graphql';

/** Every staff role, in the order the account forms offer them. */
export const ROLES: readonly Role[] = [
  'OPERATOR',
  'VERIFIKATOR',
  'KOMISIONER',
  'ADMIN',
  'PROVINSI',
  'BAWASLU',
];

/** What each role is called in the console (DESIGN §2). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ADMIN: 'Administrator sistem',
  KOMISIONER: 'Komisioner',
  VERIFIKATOR: 'Verifikator (Divisi Data)',
  OPERATOR: 'Operator',
  PROVINSI: 'KPU Provinsi',
  BAWASLU: 'Bawaslu',
};

/** Roles that may search the voter list; ADMIN sees masked personal data only. */
export const VOTER_SEARCH_ROLES: readonly Role[] = [
  'OPERATOR',
  'VERIFIKATOR',
  'KOMISIONER',
  'ADMIN',
];

/** Roles that reach Kaliber with an API token instead of (or besides) the console. */
export const API_TOKEN_ROLES: readonly Role[] = ['PROVINSI', 'BAWASLU'];

/** The part of a region an account's scope names, as the API returns it. */
export interface ScopeRegion {
  readonly name: string;
  readonly level: RegionLevel;
}

/**
 * An account's area in words: "Seluruh kota" when it has none (every role but a scoped
 * OPERATOR), otherwise "Kecamatan Cakung" or "Kelurahan Jatinegara".
 */
export function scopeLabel(scope: ScopeRegion | null | undefined): string {
  if (!scope) {
    return 'Seluruh kota';
  }

  switch (scope.level) {
    case 'KABKOTA':
      return scope.name;
    case 'KECAMATAN':
      return `Kecamatan ${scope.name}`;
    case 'KELURAHAN':
      return `Kelurahan ${scope.name}`;
    default:
      return assertNever(scope.level);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown region level: ${String(value)}`);
}
