import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';

import { AllowRoles } from '../authorization/access.js';
import { auditSourceOf, type GraphQLContext } from '../graphql/context.js';
import { CreateAccountInput, CreateApiTokenInput, UpdateAccountInput } from './account.inputs.js';
import {
  AccountType,
  AccountWithPasswordType,
  ApiTokenType,
  CreatedApiTokenType,
} from './account.types.js';
import { parseId, toAccountType, toApiTokenType } from './account-view.js';
import { signedIn } from './auth.resolver.js';

/** ADMIN's account, API-token and emergency-switch operations. */
@Resolver()
export class AccountResolver {
  @AllowRoles('ADMIN')
  @Query(() => [AccountType], { description: 'Every account, by username' })
  async accounts(@Ctx() context: GraphQLContext): Promise<AccountType[]> {
    const accounts = await context.services.accounts.listAccounts();

    return accounts.map((account) => toAccountType(account, context.regions));
  }

  @AllowRoles('ADMIN')
  @Mutation(() => AccountWithPasswordType, {
    description: 'Creates an account with a temporary password, shown once',
  })
  async createAccount(
    @Arg('input') input: CreateAccountInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AccountWithPasswordType> {
    const { account, temporaryPassword } = await context.services.accounts.createAccount(
      input.username,
      input,
      auditSourceOf(context),
    );

    return { account: toAccountType(account, context.regions), temporaryPassword };
  }

  @AllowRoles('ADMIN')
  @Mutation(() => AccountType, { description: 'Changes display name, role and scope' })
  async updateAccount(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateAccountInput,
    @Ctx() context: GraphQLContext,
  ): Promise<AccountType> {
    const account = await context.services.accounts.updateAccount(
      parseId(id, 'Akun'),
      input,
      auditSourceOf(context),
    );

    return toAccountType(account, context.regions);
  }

  @AllowRoles('ADMIN')
  @Mutation(() => AccountType, {
    description: 'Disables (ending its sessions and API tokens) or re-enables an account',
  })
  async setAccountDisabled(
    @Arg('id', () => ID) id: string,
    @Arg('isDisabled') isDisabled: boolean,
    @Ctx() context: GraphQLContext,
  ): Promise<AccountType> {
    const account = await context.services.accounts.setDisabled(
      signedIn(context),
      parseId(id, 'Akun'),
      isDisabled,
      auditSourceOf(context),
    );

    return toAccountType(account, context.regions);
  }

  @AllowRoles('ADMIN')
  @Mutation(() => AccountWithPasswordType, {
    description: 'Sets a new temporary password (shown once) and lifts a lockout',
  })
  async resetAccountPassword(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<AccountWithPasswordType> {
    const { account, temporaryPassword } = await context.services.accounts.resetPassword(
      parseId(id, 'Akun'),
      auditSourceOf(context),
    );

    return { account: toAccountType(account, context.regions), temporaryPassword };
  }

  @AllowRoles('ADMIN')
  @Mutation(() => AccountType, {
    description: 'Removes the second factor, e.g. after a lost phone',
  })
  async resetAccountTotp(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<AccountType> {
    const account = await context.services.accounts.resetTotp(
      parseId(id, 'Akun'),
      auditSourceOf(context),
    );

    return toAccountType(account, context.regions);
  }

  @AllowRoles('ADMIN')
  @Query(() => [ApiTokenType], { description: 'Every API token, newest first' })
  async apiTokens(@Ctx() context: GraphQLContext): Promise<ApiTokenType[]> {
    const tokens = await context.services.accounts.listApiTokens();

    return tokens.map((token) => toApiTokenType(token, context.regions));
  }

  @AllowRoles('ADMIN')
  @Mutation(() => CreatedApiTokenType, {
    description: 'Creates a bearer token for a PROVINSI or BAWASLU account; the text is shown once',
  })
  async createApiToken(
    @Arg('input') input: CreateApiTokenInput,
    @Ctx() context: GraphQLContext,
  ): Promise<CreatedApiTokenType> {
    const { apiToken, token } = await context.services.accounts.createApiToken(
      parseId(input.accountId, 'Akun'),
      input.name,
      input.validDays,
      auditSourceOf(context),
    );

    return { apiToken: toApiTokenType(apiToken, context.regions), token };
  }

  @AllowRoles('ADMIN')
  @Mutation(() => ApiTokenType, { description: 'Revokes an API token; it stops working at once' })
  async revokeApiToken(
    @Arg('id', () => ID) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ApiTokenType> {
    const apiToken = await context.services.accounts.revokeApiToken(
      parseId(id, 'Token API'),
      auditSourceOf(context),
    );

    return toApiTokenType(apiToken, context.regions);
  }

  @AllowRoles('ADMIN')
  @Mutation(() => Int, {
    description:
      'Emergency switch: ends every session and API token now, including those of the caller',
  })
  async revokeAllSessions(@Ctx() context: GraphQLContext): Promise<number> {
    const count = await context.services.accounts.revokeEverything(auditSourceOf(context));
    context.sessionCookie.clear();

    return count;
  }
}
