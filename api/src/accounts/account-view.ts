import type { RegionCatalogue } from '@kaliber/schema';

import type { SignedInActor } from '../authorization/actor.js';
import { notFound } from '../errors/domain-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import { toRegionType } from '../regions/region.type.js';
import type { AccountEntity } from './account.entity.js';
import type { AccountType, ApiTokenType, ViewerType } from './account.types.js';
import type { SessionEntity } from './session.entity.js';

/** The GraphQL view of an account: secrets and counters stay behind. */
export function toAccountType(account: AccountEntity, regions: RegionCatalogue): AccountType {
  const scope = account.scopeCode ? regions.get(account.scopeCode) : undefined;

  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scopeCode: account.scopeCode,
    scope: scope ? toRegionType(scope) : null,
    isDisabled: account.isDisabled,
    mustChangePassword: account.mustChangePassword,
    hasTotp: account.totpSecret !== null,
    lastLoginAt: account.lastLoginAt,
    previousLoginAt: account.previousLoginAt,
    createdAt: account.createdAt,
  };
}

export function toViewerType(
  account: AccountEntity,
  stage: SignedInActor['stage'],
  context: GraphQLContext,
): ViewerType {
  return {
    account: toAccountType(account, context.regions),
    stage,
    isTotpRequired: context.services.config.security.isMfaRequired,
  };
}

export function toApiTokenType(token: SessionEntity, regions: RegionCatalogue): ApiTokenType {
  if (!token.account) throw new Error('API token loaded without its account');

  return {
    id: token.id,
    name: token.name ?? '',
    account: toAccountType(token.account, regions),
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastSeenAt.getTime() === token.createdAt.getTime() ? null : token.lastSeenAt,
    revokedAt: token.revokedAt,
  };
}

/** Internal ids travel as GraphQL IDs (strings); anything but digits cannot name a row. */
export function parseId(id: string, what: string): number {
  if (!/^\d{1,10}$/.test(id)) throw notFound(what);

  return Number(id);
}
