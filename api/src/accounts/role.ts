import { registerEnumType } from 'type-graphql';

/**
 * The roles of DESIGN §2. Only OPERATOR carries an area scope; the KPU Kota roles work
 * city-wide; PROVINSI and BAWASLU are outside bodies that receive aggregates only.
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

/** The GraphQL enum; its values are the role names themselves. */
export const RoleEnum = Object.fromEntries(ROLES.map((role) => [role, role])) as {
  readonly [R in Role]: R;
};

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an account may do (DESIGN §2)',
  valuesConfig: {
    ADMIN: { description: 'System administrator: accounts, tokens, audit log; no voter data' },
    KOMISIONER: { description: 'Commissioner: reads everything, closes recap periods' },
    VERIFIKATOR: { description: 'Divisi Data: city-wide, approves what others propose' },
    OPERATOR: { description: 'KPU Kota staff, optionally limited to a kecamatan or kelurahan' },
    PROVINSI: { description: 'KPU DKI Jakarta: aggregates only, never personal data' },
    BAWASLU: { description: 'Election supervisor: aggregates and minimised exports' },
  },
});
