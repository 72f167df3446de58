import { registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '@kaliber/schema';

export { API_TOKEN_ROLES, isRole, ROLES, type Role } from '@kaliber/schema';

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
