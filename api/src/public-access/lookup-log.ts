import type { DataSource } from 'typeorm';

import type { Logger } from '../logging/logger.js';
import type { PublicAction } from './rate-limit-rule.js';
import { chunk, sqlDateTime } from './rate-limit-store.js';
import { WriteBehind } from './write-behind.js';

/**
 * How a public lookup ended: the NIK is on the list (FOUND) or not (NOT_FOUND), the input was
 * not a valid NIK (INVALID), a rate limit refused it (LIMITED), or the proof of work was
 * missing, stale or replayed (CHALLENGE_FAILED).
 */
export type LookupOutcome = 'FOUND' | 'NOT_FOUND' | 'INVALID' | 'LIMITED' | 'CHALLENGE_FAILED';

/** One public lookup as the caller reports it. */
export interface LookupRecord {
  readonly action: PublicAction;
  /** Keyed hash of the normalised NIK (hashPersonalValue), null when no valid NIK was given. */
  readonly nikHash: string | null;
  readonly clientIp: string;
  readonly requestId: string | null;
  readonly outcome: LookupOutcome;
}

export interface PublicLookupLogOptions {
  /** Initialised data source whose `public_lookup` table receives the rows. */
  readonly dataSource: DataSource;
  readonly log: Logger;
  /** Epoch milliseconds; injected so tests can move time. */
  readonly now?: () => number;
  readonly flushIntervalMs?: number;
  /** Rows per INSERT statement. */
  readonly rowsPerStatement?: number;
  /** Rows held while the database does not take them; beyond it the oldest are dropped. */
  readonly maxBuffered?: number;
}

/** A buffered row, in column order: occurred_at, action, nik_hash, client_ip, outcome, request_id. */
type Row = readonly [string, string, string | null, string, string, string | null];

const COLUMNS = '(occurred_at, action, nik_hash, client_ip, outcome, request_id)';

/**
 * The log of every public lookup (DESIGN §6.3) in `public_lookup`, with the NIK only as a keyed
 * hash. `record` is synchronous and only appends to a buffer, so a lookup never waits on this
 * write; a timer writes the buffer with multi-row INSERTs every `flushIntervalMs`. The price is
 * that a crash loses at most the last interval's lookups (plus whatever piled up while the
 * database was refusing writes): acceptable for a log whose job is spotting patterns of
 * thousands of lookups, not proving a single one. `stop()` writes what is left.
 */
export class PublicLookupLog {
  private readonly dataSource: DataSource;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly rowsPerStatement: number;
  private readonly maxBuffered: number;
  /** Oldest first; rows before `head` are already taken (dropped or being written). */
  private buffer: Row[] = [];
  private head = 0;
  private droppedCount = 0;
  private readonly writeJob: WriteBehind;
  private isFailing = false;
  /** The last second formatted, since a busy second formats the same text thousands of times. */
  private formattedSecond = -1;
  private formattedTime = '';

  constructor(options: PublicLookupLogOptions) {
    this.dataSource = options.dataSource;
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.writeJob = new WriteBehind(() => this.write(), options.flushIntervalMs ?? 1_000);
    this.rowsPerStatement = options.rowsPerStatement ?? 500;
    this.maxBuffered = options.maxBuffered ?? 100_000;
  }

  /** Queues one lookup for the next write. Never throws and never waits. */
  record(entry: LookupRecord): void {
    if (this.buffer.length - this.head >= this.maxBuffered) {
      this.head += 1;
      this.droppedCount += 1;
    }
    // Cut to the column widths: one overlong value would otherwise fail its whole batch.
    this.buffer.push([
      this.occurredAt(),
      entry.action,
      entry.nikHash?.slice(0, 64) ?? null,
      entry.clientIp.slice(0, 45),
      entry.outcome,
      entry.requestId?.slice(0, 64) ?? null,
    ]);
    if (this.head > 1_024 && this.head * 2 > this.buffer.length) this.compact();
  }

  start(): void {
    this.writeJob.start();
  }

  /** Stops the timer and writes what is buffered. */
  stop(): Promise<void> {
    return this.writeJob.stop();
  }

  /** Writes the buffer now; never rejects (a failure is logged and the rows kept). */
  flush(): Promise<void> {
    return this.writeJob.flush();
  }

  /**
   * Deletes the records older than `retentionDays` (by the injected clock) and returns how many
   * went: the log serves investigations of recent scans, not a history of who checked whom.
   */
  async purgeOlderThan(retentionDays: number): Promise<number> {
    const cutoff = sqlDateTime(this.now() - retentionDays * 24 * 3_600_000);
    const result: unknown = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('public_lookup')
      .where('occurred_at < :cutoff', { cutoff })
      .execute();

    return (result as { affected?: number | null }).affected ?? 0;
  }

  /** Rows waiting to be written, for tests and health figures. */
  get bufferedCount(): number {
    return this.buffer.length - this.head;
  }

  private async write(): Promise<void> {
    this.reportDrops();
    const rows = this.buffer.slice(this.head);
    this.buffer = [];
    this.head = 0;
    if (rows.length === 0) return;

    const batches = chunk(rows, this.rowsPerStatement);
    let written = 0;
    try {
      for (const batch of batches) {
        const values = Array<string>(batch.length).fill('(?, ?, ?, ?, ?, ?)').join(', ');
        await this.dataSource.query(
          `INSERT INTO public_lookup ${COLUMNS} VALUES ${values}`,
          batch.flat(),
        );
        written += batch.length;
      }
      if (this.isFailing) {
        this.isFailing = false;
        this.log.info('public lookup log written again');
      }
    } catch (error: unknown) {
      // Put the unwritten rows back in front of what arrived meanwhile, then apply the cap.
      const unwritten = rows.slice(written);
      const arrived = this.buffer.slice(this.head);
      const kept = [...unwritten, ...arrived];
      const excess = Math.max(0, kept.length - this.maxBuffered);
      this.droppedCount += excess;
      this.buffer = kept.slice(excess);
      this.head = 0;
      if (!this.isFailing) {
        this.isFailing = true;
        this.log.warn(
          {
            errorClass: error instanceof Error ? error.name : typeof error,
            errorCode: (error as { code?: unknown } | null)?.code,
          },
          'public lookup log could not be written; keeping the rows',
        );
      }
    }
  }

  private reportDrops(): void {
    if (this.droppedCount === 0) return;
    this.log.warn(
      { droppedCount: this.droppedCount, maxBuffered: this.maxBuffered },
      'public lookup log dropped its oldest rows: the buffer was full',
    );
    this.droppedCount = 0;
  }

  private occurredAt(): string {
    const second = Math.floor(this.now() / 1000);
    if (second !== this.formattedSecond) {
      this.formattedSecond = second;
      this.formattedTime = sqlDateTime(second * 1000);
    }

    return this.formattedTime;
  }

  private compact(): void {
    this.buffer = this.buffer.slice(this.head);
    this.head = 0;
  }
}
