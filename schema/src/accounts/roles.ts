// The account roles of DESIGN §2, shared so that the console offers exactly the roles the API
// accepts.

/**
 * Only OPERATOR carries an area scope; the KPU Kota roles work city-wide; PROVINSI and BAWASLU
 * are outside bodies that receive aggregates only.
 */
export const ROLES = [
  'ADMIN',
  'KOMISIONER',
  'VERIFIKATOR',
  'OPERATOR',
  'PROVINSI',
  'BAWASLU',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose machines may hold API tokens (DESIGN §2: GraphQL with an API token). */
export const API_TOKEN_ROLES: readonly Role[] = ['PROVINSI', 'BAWASLU'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
