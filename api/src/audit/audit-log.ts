import type { DataSource, EntityManager } from 'typeorm';

import { inTransaction } from '../database/transaction.js';
import {
  appendAuditEntries,
  lockHead,
  verifyAuditChain,
  type AuditActor,
  type AuditRecord,
  type ChainReport,
} from './audit-chain.js';
import type { AuditAction, AuditOutcome } from './audit-event-catalogue.js';

/** Where an audited action came from: the actor and the request's client IP and id. */
export interface AuditSource {
  readonly actor: AuditActor | null;
  readonly clientIp: string | null;
  readonly requestId: string | null;
}

/** The details of one event, besides its source. */
export interface AuditEvent {
  readonly action: AuditAction;
  readonly outcome: AuditOutcome;
  readonly target?: AuditRecord['target'];
  readonly detail?: AuditRecord['detail'];
}

/** The tamper-evident audit log (DESIGN §6.6), written through the hash chain. */
export class AuditLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly chainKey: Buffer,
  ) {}

  /** Records events inside the caller's transaction: they commit with the action or not at all. */
  async append(
    manager: EntityManager,
    source: AuditSource,
    events: readonly AuditEvent[],
  ): Promise<void> {
    await appendAuditEntries(
      manager,
      this.chainKey,
      events.map((event) => ({ ...source, ...event })),
    );
  }

  /**
   * A transaction that will append audit entries. It takes the chain head's lock before
   * anything else, so every audited transaction locks in the same order (head, then rows) and
   * two of them can never deadlock on each other.
   */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      await lockHead(manager);
      return work(manager);
    });
  }

  /** Records events in a transaction of their own: for failures, whose action wrote nothing. */
  async record(source: AuditSource, events: readonly AuditEvent[]): Promise<void> {
    await this.transaction((manager) => this.append(manager, source, events));
  }

  verify(): Promise<ChainReport> {
    return verifyAuditChain(this.dataSource, this.chainKey);
  }
}
