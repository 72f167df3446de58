import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

import { AuditChainHeadEntity, AuditEntryEntity } from './audit-entry.entity.js';
import type { AuditAction, AuditOutcome } from './audit-event-catalogue.js';

/** The link of the first entry: there is no predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

const HEAD_ID = 1;
const VERIFY_BATCH_SIZE = 1_000;

/** Who acted; null for an anonymous caller. */
export interface AuditActor {
  readonly accountId: number;
  readonly username: string;
  readonly role: string;
}

/** An event to record, before it gets its place in the chain. */
export interface AuditRecord {
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly actor: AuditActor | null;
  readonly clientIp: string | null;
  readonly requestId: string | null;
  readonly target?: { readonly type: string; readonly id: string | number } | null;
  /** Structured facts; never a personal value in clear (hash it with hashPersonalValue). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

type ChainedFields = Omit<AuditEntryEntity, 'id' | 'hash'>;

/**
 * Appends entries at the end of the chain inside the caller's transaction, so an action and its
 * audit entry commit together or not at all. On MySQL the head row is locked FOR UPDATE, which
 * serialises appenders across API processes; SQLite transactions are already one at a time.
 */
export async function appendAuditEntries(
  manager: EntityManager,
  chainKey: Buffer,
  records: readonly AuditRecord[],
  now: Date = new Date(),
): Promise<AuditEntryEntity[]> {
  if (records.length === 0) return [];

  const head = await lockHead(manager);
  let { sequence, hash: previousHash } = head;
  const entries: AuditEntryEntity[] = [];
  for (const record of records) {
    sequence += 1;
    const fields: ChainedFields = {
      sequence,
      occurredAt: now.toISOString(),
      actorAccountId: record.actor?.accountId ?? null,
      actorUsername: record.actor?.username ?? null,
      actorRole: record.actor?.role ?? null,
      clientIp: record.clientIp,
      requestId: record.requestId,
      action: record.action,
      targetType: record.target?.type ?? null,
      targetId: record.target ? String(record.target.id) : null,
      outcome: record.outcome,
      detail: JSON.stringify(record.detail ?? {}),
      previousHash,
    };
    const hash = entryHash(chainKey, fields);
    entries.push(manager.create(AuditEntryEntity, { ...fields, hash }));
    previousHash = hash;
  }

  await manager.insert(AuditEntryEntity, entries);
  await manager.update(AuditChainHeadEntity, { id: HEAD_ID }, { sequence, hash: previousHash });

  return entries;
}

/** Takes the chain head's lock (MySQL) for the rest of the caller's transaction. */
export async function lockHead(manager: EntityManager): Promise<AuditChainHeadEntity> {
  const query = manager
    .getRepository(AuditChainHeadEntity)
    .createQueryBuilder('head')
    .where('head.id = :id', { id: HEAD_ID });
  const head = await (manager.connection.options.type === 'mysql'
    ? query.setLock('pessimistic_write').getOne()
    : query.getOne());
  if (!head) throw new Error('audit_chain_head row is missing; run the migrations');

  return head;
}

/** HMAC-SHA256 over the entry's fields in a fixed order, hex. */
export function entryHash(chainKey: Buffer, fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.sequence,
    fields.occurredAt,
    fields.actorAccountId,
    fields.actorUsername,
    fields.actorRole,
    fields.clientIp,
    fields.requestId,
    fields.action,
    fields.targetType,
    fields.targetId,
    fields.outcome,
    fields.detail,
    fields.previousHash,
  ]);

  return createHmac('sha256', chainKey).update(canonical).digest('hex');
}

/** Why verification stopped at an entry. */
export type ChainProblem = 'HASH_MISMATCH' | 'LINK_MISMATCH' | 'SEQUENCE_GAP' | 'HEAD_MISMATCH';

export interface ChainReport {
  readonly isIntact: boolean;
  readonly checkedCount: number;
  /** Sequence of the first entry that does not verify (for HEAD_MISMATCH: the head's). */
  readonly firstBrokenSequence: number | null;
  readonly problem: ChainProblem | null;
}

/**
 * Walks the whole chain in sequence order and reports the first entry that does not verify:
 * its fields were edited (hash), its predecessor was edited or removed (link), an entry is
 * missing (gap), or entries were cut off the end (head).
 */
export async function verifyAuditChain(
  dataSource: DataSource,
  chainKey: Buffer,
): Promise<ChainReport> {
  // The head is read first and the walk stops at it: entries appended during the walk are
  // newer than this report, not a break.
  const head = await dataSource.getRepository(AuditChainHeadEntity).findOneBy({ id: HEAD_ID });
  if (!head) throw new Error('audit_chain_head row is missing; run the migrations');
  const repository = dataSource.getRepository(AuditEntryEntity);
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let checkedCount = 0;

  for (;;) {
    const batch = await repository
      .createQueryBuilder('entry')
      .where('entry.sequence >= :from', { from: expectedSequence })
      .andWhere('entry.sequence <= :last', { last: head.sequence })
      .orderBy('entry.sequence', 'ASC')
      .limit(VERIFY_BATCH_SIZE)
      .getMany();
    if (batch.length === 0) break;

    for (const entry of batch) {
      const problem =
        entry.sequence !== expectedSequence
          ? 'SEQUENCE_GAP'
          : entry.previousHash !== previousHash
            ? 'LINK_MISMATCH'
            : !sameHex(entryHash(chainKey, entry), entry.hash)
              ? 'HASH_MISMATCH'
              : null;
      if (problem) {
        const firstBrokenSequence = problem === 'SEQUENCE_GAP' ? expectedSequence : entry.sequence;
        return { isIntact: false, checkedCount, firstBrokenSequence, problem };
      }
      checkedCount += 1;
      expectedSequence += 1;
      previousHash = entry.hash;
    }
  }

  if (head.sequence !== checkedCount || head.hash !== previousHash) {
    return {
      isIntact: false,
      checkedCount,
      firstBrokenSequence: checkedCount + 1,
      problem: 'HEAD_MISMATCH',
    };
  }

  return { isIntact: true, checkedCount, firstBrokenSequence: null, problem: null };
}

function sameHex(left: string, right: string): boolean {
  const a = Buffer.from(left, 'hex');
  const b = Buffer.from(right, 'hex');

  return a.length === b.length && timingSafeEqual(a, b);
}
