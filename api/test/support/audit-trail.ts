import { AuditEntryEntity } from '../../src/audit/audit-entry.entity.js';
import type { TestServer } from './test-server.js';

/** An audit entry as tests compare it: what happened, to what, by whom, with what outcome. */
export interface AuditFacts {
  action: string;
  outcome: string;
  actorUsername: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown>;
}

/** The audit entries written after `afterSequence`, oldest first. */
export async function auditTrail(server: TestServer, afterSequence = 0): Promise<AuditFacts[]> {
  const entries = await server.server.dataSource
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('entry')
    .where('entry.sequence > :after', { after: afterSequence })
    .orderBy('entry.sequence', 'ASC')
    .getMany();

  return entries.map((entry) => ({
    action: entry.action,
    outcome: entry.outcome,
    actorUsername: entry.actorUsername,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: JSON.parse(entry.detail) as Record<string, unknown>,
  }));
}

/** The sequence of the newest entry, to read only what a test step adds. */
export async function lastAuditSequence(server: TestServer): Promise<number> {
  const newest = await server.server.dataSource
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('entry')
    .orderBy('entry.sequence', 'DESC')
    .getOne();

  return newest?.sequence ?? 0;
}
