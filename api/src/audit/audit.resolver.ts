import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';

import { AllowRoles } from '../authorization/access.js';
import { auditSourceOf, type GraphQLContext } from '../graphql/context.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AUDIT_EVENTS } from './audit-event-catalogue.js';
import {
  AuditChainReportType,
  AuditEntryFilter,
  AuditEntryPageType,
  AuditEntryType,
  AuditEventKindType,
  CHAIN_PROBLEM_TEXT,
} from './audit.types.js';

/** ADMIN's view of the audit log; reading and verifying it are audited too. */
@Resolver()
export class AuditResolver {
  @AllowRoles('ADMIN')
  @Query(() => AuditEntryPageType, { description: 'Audit entries, newest first' })
  async auditEntries(
    @Ctx() context: GraphQLContext,
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter?: AuditEntryFilter | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit = 50,
  ): Promise<AuditEntryPageType> {
    // Paging values are clamped rather than refused: a large page is a mistake, not an attack.
    const boundedLimit = Math.min(Math.max(limit, 1), 200);
    const boundedOffset = Math.max(offset, 0);
    const query = context.dataSource
      .getRepository(AuditEntryEntity)
      .createQueryBuilder('entry')
      .orderBy('entry.sequence', 'DESC')
      .skip(boundedOffset)
      .take(boundedLimit);
    if (filter?.action) query.andWhere('entry.action = :action', { action: filter.action });
    if (filter?.actorUsername) {
      query.andWhere('entry.actor_username = :username', { username: filter.actorUsername });
    }
    const [entries, total] = await query.getManyAndCount();

    await context.services.audit.record(auditSourceOf(context), [
      {
        action: 'AUDIT_LOG_READ',
        outcome: 'SUCCESS',
        detail: { filter: filter ?? {}, offset: boundedOffset, limit: boundedLimit },
      },
    ]);
    return { items: entries.map(toAuditEntryType), total };
  }

  @AllowRoles('ADMIN')
  @Query(() => [AuditEventKindType], { description: 'The catalogue of audit event kinds' })
  auditEventKinds(): AuditEventKindType[] {
    return Object.entries(AUDIT_EVENTS).map(([action, description]) => ({ action, description }));
  }

  @AllowRoles('ADMIN')
  @Query(() => AuditChainReportType, {
    description: 'Walks the hash chain and reports the first entry that does not verify',
  })
  async verifyAuditChain(@Ctx() context: GraphQLContext): Promise<AuditChainReportType> {
    const report = await context.services.audit.verify();
    await context.services.audit.record(auditSourceOf(context), [
      {
        action: 'AUDIT_CHAIN_VERIFIED',
        outcome: report.isIntact ? 'SUCCESS' : 'FAILURE',
        detail: { ...report },
      },
    ]);

    return {
      isIntact: report.isIntact,
      checkedCount: report.checkedCount,
      firstBrokenSequence: report.firstBrokenSequence,
      reason: report.problem ? CHAIN_PROBLEM_TEXT[report.problem] : null,
    };
  }
}

function toAuditEntryType(entry: AuditEntryEntity): AuditEntryType {
  return {
    id: entry.id,
    sequence: entry.sequence,
    occurredAt: new Date(entry.occurredAt),
    actorUsername: entry.actorUsername,
    actorRole: entry.actorRole,
    clientIp: entry.clientIp,
    requestId: entry.requestId,
    action: entry.action,
    actionDescription: AUDIT_EVENTS[entry.action],
    targetType: entry.targetType,
    targetId: entry.targetId,
    outcome: entry.outcome,
    detail: entry.detail,
  };
}
