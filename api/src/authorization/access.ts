import { Authorized, Extensions } from 'type-graphql';

import type { Role } from '../accounts/role.js';
import type { SessionStage } from './actor.js';

/**
 * The authorization decision every query and mutation declares, kept in the field's GraphQL
 * extensions so that a test (and the start-up check in build-schema.ts) can read it from the
 * built schema and refuse an operation without one.
 */
export type AccessDecision =
  | { readonly kind: 'public' }
  /** Any signed-in console session in one of these stages, whatever the role. */
  | { readonly kind: 'signed-in'; readonly stages: readonly SessionStage[] }
  /** A session past its forced steps, with one of these roles. */
  | { readonly kind: 'roles'; readonly roles: readonly Role[] };

/** The marker TypeGraphQL hands to the auth checker for a `signed-in` decision. */
export const SIGNED_IN_MARKER = '@signed-in';

type OperationDecorator = MethodDecorator & PropertyDecorator;

function both(first: OperationDecorator, second: OperationDecorator): OperationDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    first(target, key, descriptor as never);
    second(target, key, descriptor as never);
  };
}

/** Anyone, signed in or not. Say in the resolver why the operation may be public. */
export function PublicAccess(): OperationDecorator {
  return Extensions({ access: { kind: 'public' } satisfies AccessDecision });
}

/**
 * Any signed-in console session whose stage is listed: for the forced steps themselves
 * (password change, TOTP enrolment) and for logout.
 */
export function SignedIn(...stages: SessionStage[]): OperationDecorator {
  return both(
    Extensions({ access: { kind: 'signed-in', stages } satisfies AccessDecision }),
    Authorized(SIGNED_IN_MARKER, ...stages),
  );
}

/**
 * Only these roles, on a session past its forced steps. On a resolver method this replaces any
 * class-level @Authorized, which is why Kaliber puts decisions on methods only.
 */
export function AllowRoles(...roles: Role[]): OperationDecorator {
  return both(
    Extensions({ access: { kind: 'roles', roles } satisfies AccessDecision }),
    Authorized(...roles),
  );
}
