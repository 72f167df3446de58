// Who sees which personal field of a voter (DESIGN §6.1), shared so that the console shows
// and offers only what the API will answer.

import { maskName, maskNik, type MaskPolicy } from '../masking/mask.js';
import type { Role } from '../accounts/roles.js';

/** The voter fields that are personal data (DESIGN §3.5, §6.1). */
export const PERSONAL_FIELDS = [
  'nik',
  'nkk',
  'name',
  'birthPlace',
  'birthDate',
  'address',
  'disability',
] as const;

export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * full: the value, inside the caller's area only, and the view is audited.
 * masked: a masked form (only fields that have one: NIK, NKK, name).
 * refused: null, with a FORBIDDEN error for that field.
 */
export type PersonalFieldAccess = 'full' | 'masked' | 'refused';

const ALL_FULL = {
  nik: 'full',
  nkk: 'full',
  name: 'full',
  birthPlace: 'full',
  birthDate: 'full',
  address: 'full',
  disability: 'full',
} as const satisfies Record<PersonalField, PersonalFieldAccess>;

const ALL_REFUSED = {
  nik: 'refused',
  nkk: 'refused',
  name: 'refused',
  birthPlace: 'refused',
  birthDate: 'refused',
  address: 'refused',
  disability: 'refused',
} as const satisfies Record<PersonalField, PersonalFieldAccess>;

/**
 * Who sees what; the API enforces it field by field, docs/authorization.md shows it to people,
 * and a test checks that the two agree. Least privilege: an ADMIN runs the system and may need to tell whether a record
 * exists and where (e.g. following an audit trail), so it sees masked identifiers and nothing
 * else; PROVINSI and BAWASLU receive aggregates only and never a personal field.
 */
export const PERSONAL_DATA_POLICY: Readonly<
  Record<Role | 'ANONYMOUS', Readonly<Record<PersonalField, PersonalFieldAccess>>>
> = {
  OPERATOR: ALL_FULL,
  VERIFIKATOR: ALL_FULL,
  KOMISIONER: ALL_FULL,
  ADMIN: { ...ALL_REFUSED, nik: 'masked', nkk: 'masked', name: 'masked' },
  PROVINSI: ALL_REFUSED,
  BAWASLU: ALL_REFUSED,
  ANONYMOUS: ALL_REFUSED,
};

/**
 * Staff without full rights see only the region prefix of an NIK or NKK. The public policy
 * (last 6 starred) would leave the day and month of birth readable (digits 7–10), which
 * would undo the refusal of `birthDate`.
 */
export const STAFF_MASK_POLICY: MaskPolicy = { visibleDigits: 6 };

/** The masked form of a field whose policy says `masked`. */
export function maskPersonalValue(field: PersonalField, value: string): string {
  switch (field) {
    case 'nik':
    case 'nkk':
      return maskNik(value, STAFF_MASK_POLICY);
    case 'name':
      return maskName(value);
    case 'birthPlace':
    case 'birthDate':
    case 'address':
    case 'disability':
      throw new Error(`personal field ${field} has no masked form`);
    default: {
      const unknownField: never = field;
      throw new Error(`unknown personal field ${String(unknownField)}`);
    }
  }
}
