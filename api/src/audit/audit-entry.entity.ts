import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { AuditAction, AuditOutcome } from './audit-event-catalogue.js';

/**
 * One audit entry. Rows are only ever inserted. Each commits to its predecessor through
 * `previousHash`, and `hash` is an HMAC over the entry's own fields and that link, so an edited,
 * removed or inserted row breaks the chain at that point (see audit-chain.ts).
 */
@Entity('audit_entry')
@Index('idx_audit_entry_target', ['targetType', 'targetId'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Position in the chain: 1, 2, 3 … with no gaps. */
  @Index('uq_audit_entry_sequence', { unique: true })
  @Column({ type: 'integer' })
  sequence: number;

  /** UTC time as an ISO 8601 string with milliseconds; a string so it hashes the same everywhere. */
  @Column({ name: 'occurred_at', type: 'varchar', length: 24 })
  occurredAt: string;

  @Column({ name: 'actor_account_id', type: 'integer', nullable: true })
  actorAccountId: number | null;

  /** The staff member's username (not voter data); null for anonymous callers. */
  @Index('idx_audit_entry_actor')
  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ name: 'client_ip', type: 'varchar', length: 45, nullable: true })
  clientIp: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;

  @Index('idx_audit_entry_action')
  @Column({ type: 'varchar', length: 48 })
  action: AuditAction;

  /** What was acted on: 'account', 'voter', 'api-token', 'session' …; null for none. */
  @Column({ name: 'target_type', type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  /** The target's internal id (never an NIK); with target_type it answers "who touched X". */
  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'varchar', length: 8 })
  outcome: AuditOutcome;

  /** JSON object of structured facts; personal values appear only as keyed hashes. */
  @Column({ type: 'text' })
  detail: string;

  @Column({ name: 'previous_hash', type: 'varchar', length: 64 })
  previousHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}

/**
 * The end of the chain: the last sequence and hash, in one row. Appenders lock this row, which
 * orders appends across API processes; verification compares it with the last entry, so a
 * removed tail is detected too.
 */
@Entity('audit_chain_head')
export class AuditChainHeadEntity {
  @Column({ type: 'integer', primary: true })
  id: number;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
