import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';

import { PublicAccess, SignedIn } from '../authorization/access.js';
import type { SignedInActor } from '../authorization/actor.js';
import { unauthenticated } from '../errors/domain-error.js';
import { auditSourceOf, type GraphQLContext } from '../graphql/context.js';
import { ChangePasswordInput, LoginInput } from './account.inputs.js';
import { LoginResultType, TotpEnrolmentType, ViewerType } from './account.types.js';
import { toViewerType } from './account-view.js';
import { stageOf } from './session-service.js';

/** Sign-in and the account owner's own steps. */
@Resolver()
export class AuthResolver {
  // Public: answers "who am I" with null for anonymous callers, which the console needs in
  // order to show the sign-in page. It reveals nothing about other accounts.
  @PublicAccess()
  @Query(() => ViewerType, { nullable: true, description: 'The signed-in caller, or null' })
  async viewer(@Ctx() context: GraphQLContext): Promise<ViewerType | null> {
    const { actor } = context;
    if (!actor || actor.sessionKind !== 'CONSOLE') return null;
    const account = await context.services.signIn.accountOf(actor);

    return toViewerType(account, actor.stage, context);
  }

  // Public by nature: it is how a caller stops being anonymous. Defended by the per-IP
  // throttle, the per-account lockout and uniform failures (sign-in-service.ts).
  @PublicAccess()
  @Mutation(() => LoginResultType, {
    description: 'Signs in with username, password and, once enrolled, a TOTP code',
  })
  async login(
    @Arg('input') input: LoginInput,
    @Ctx() context: GraphQLContext,
  ): Promise<LoginResultType> {
    const { services } = context;
    const outcome = await services.signIn.login(input, auditSourceOf(context));
    if (outcome.status === 'TOTP_REQUIRED') return { status: 'TOTP_REQUIRED', viewer: null };

    context.sessionCookie.set(outcome.token, services.config.security.sessionAbsoluteMs);
    const stage = stageOf(outcome.account, services.config.security.isMfaRequired);
    return { status: 'SIGNED_IN', viewer: toViewerType(outcome.account, stage, context) };
  }

  @SignedIn('PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED', 'ACTIVE')
  @Mutation(() => Boolean, { description: 'Ends this session; its cookie stops working at once' })
  async logout(@Ctx() context: GraphQLContext): Promise<boolean> {
    await context.services.signIn.logout(signedIn(context), auditSourceOf(context));
    context.sessionCookie.clear();

    return true;
  }

  @SignedIn('PASSWORD_CHANGE_REQUIRED', 'TOTP_ENROLMENT_REQUIRED', 'ACTIVE')
  @Mutation(() => ViewerType, {
    description: 'Changes the own password; other sessions of the account end',
  })
  async changePassword(
    @Arg('input') input: ChangePasswordInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ViewerType> {
    const actor = signedIn(context);
    const account = await context.services.signIn.changePassword(
      actor,
      input.currentPassword,
      input.newPassword,
      auditSourceOf(context),
    );

    return toViewerType(
      account,
      stageOf(account, context.services.config.security.isMfaRequired),
      context,
    );
  }

  @SignedIn('TOTP_ENROLMENT_REQUIRED', 'ACTIVE')
  @Mutation(() => TotpEnrolmentType, {
    description: 'Offers a new TOTP secret; confirmTotpEnrolment activates it',
  })
  startTotpEnrolment(@Ctx() context: GraphQLContext): Promise<TotpEnrolmentType> {
    return context.services.signIn.startTotpEnrolment(signedIn(context));
  }

  @SignedIn('TOTP_ENROLMENT_REQUIRED', 'ACTIVE')
  @Mutation(() => ViewerType, { description: 'Activates the offered secret with a code from it' })
  async confirmTotpEnrolment(
    @Arg('code') code: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ViewerType> {
    const account = await context.services.signIn.confirmTotpEnrolment(
      signedIn(context),
      code,
      auditSourceOf(context),
    );

    return toViewerType(
      account,
      stageOf(account, context.services.config.security.isMfaRequired),
      context,
    );
  }
}

/** The actor of an operation the auth checker has already let through as signed in. */
export function signedIn(context: GraphQLContext): SignedInActor {
  if (!context.actor) throw unauthenticated();

  return context.actor;
}
