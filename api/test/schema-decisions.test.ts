import 'reflect-metadata';

import { Authorized, buildSchema, Mutation, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';

import { ROLES } from '../src/accounts/role.js';
import { AllowRoles, PublicAccess } from '../src/authorization/access.js';
import { authChecker } from '../src/authorization/auth-checker.js';
import {
  assertEveryOperationDecided,
  buildKaliberSchema,
  operationAccess,
} from '../src/graphql/build-schema.js';

const STAGES = ['PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED', 'ACTIVE'];

/**
 * A resolver as a hurried feature might write it: one operation decided, one forgotten, and
 * one guarded by TypeGraphQL's own @Authorized, which enforces roles but declares nothing that
 * the schema, the docs or this test could read.
 */
@Resolver()
class HalfDecidedResolver {
  @PublicAccess()
  @Query(() => String)
  decidedProbe(): string {
    return 'decided';
  }

  @Query(() => String)
  forgottenProbe(): string {
    return 'open to anyone';
  }

  @Authorized('ADMIN')
  @Mutation(() => String)
  bareAuthorizedProbe(): string {
    return 'enforced but undeclared';
  }

  @AllowRoles('ADMIN')
  @Mutation(() => String)
  decidedMutationProbe(): string {
    return 'decided';
  }
}

describe('authorization decisions in the schema', () => {
  it('gives every query and mutation of the API an explicit decision', async () => {
    const schema = await buildKaliberSchema();
    const undecided = operationAccess(schema).filter(({ decision }) => decision === undefined);

    expect(undecided).toEqual([]);
  });

  it('names at least one known role or stage in every decision that limits callers', async () => {
    const schema = await buildKaliberSchema();
    const malformed = operationAccess(schema).filter(({ decision }) => {
      if (decision?.kind === 'roles') {
        return decision.roles.length === 0 || decision.roles.some((role) => !ROLES.includes(role));
      }
      if (decision?.kind === 'signed-in') {
        return decision.stages.length === 0 || decision.stages.some((s) => !STAGES.includes(s));
      }
      return false;
    });

    expect(malformed).toEqual([]);
  });

  it('lists every operation of a schema with its decision, undecided ones as undefined', async () => {
    const schema = await buildSchema({ resolvers: [HalfDecidedResolver], authChecker });

    expect(operationAccess(schema)).toEqual([
      { operation: 'Query.decidedProbe', decision: { kind: 'public' } },
      { operation: 'Query.forgottenProbe', decision: undefined },
      { operation: 'Mutation.bareAuthorizedProbe', decision: undefined },
      { operation: 'Mutation.decidedMutationProbe', decision: { kind: 'roles', roles: ['ADMIN'] } },
    ]);
  });

  it('refuses to start a schema with an undecided operation and names each one', async () => {
    const schema = await buildSchema({ resolvers: [HalfDecidedResolver], authChecker });

    expect(() => assertEveryOperationDecided(schema)).toThrow(
      new Error(
        'operations without an authorization decision (@PublicAccess, @SignedIn or @AllowRoles): ' +
          'Query.forgottenProbe, Mutation.bareAuthorizedProbe',
      ),
    );
  });
});
