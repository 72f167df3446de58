import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import type { Actor } from '../authorization/actor.js';
import type { PersonalDataViews } from '../authorization/personal-data-views.js';
import type { AuditSource } from '../audit/audit-log.js';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services.js';

/** Sets or clears the console's session cookie on the response being built. */
export interface SessionCookieWriter {
  set(token: string, maxAgeMs: number): void;
  clear(): void;
}

/** What every resolver receives. Built once per request by the HTTP layer. */
export interface GraphQLContext {
  /** Correlation id of this request; also in the log line and the X-Request-Id header. */
  readonly requestId: string;
  readonly log: Logger;
  readonly dataSource: DataSource;
  readonly regions: RegionCatalogue;
  readonly services: Services;
  /** The signed-in caller, or null. */
  readonly actor: Actor;
  /** The client address after the configured trusted proxy hops. */
  readonly clientIp: string;
  readonly sessionCookie: SessionCookieWriter;
  /** Full personal values this request resolved; audited before the response leaves. */
  readonly personalDataViews: PersonalDataViews;
}

/** The audit source of a request: who, from where, under which correlation id. */
export function auditSourceOf(context: GraphQLContext): AuditSource {
  const { actor } = context;

  return {
    actor: actor
      ? { accountId: actor.accountId, username: actor.username, role: actor.role }
      : null,
    clientIp: context.clientIp,
    requestId: context.requestId,
  };
}
