import type { DataSource } from 'typeorm';

/** Hits one process admitted for one counter since its last sync. */
export interface CounterDelta {
  /** `${action}:${scope}:${id}:${windowStartSeconds}`, at most 120 characters. */
  readonly key: string;
  readonly hits: number;
  /** End of the counter's window, epoch milliseconds: after it the row is garbage. */
  readonly expiresAt: number;
}

/**
 * Where the API processes pool their rate-limit counts. The limiter calls it from a background
 * sync only, never on a request's path.
 */
export interface CounterStore {
  /**
   * Adds the deltas (creating missing counters) and returns the totals of their keys
   * afterwards, which include the hits of every other process. All or nothing: when it
   * throws, the caller may assume no delta was added and send them again.
   */
  addAndRead(deltas: readonly CounterDelta[]): Promise<ReadonlyMap<string, number>>;
  /** Deletes counters whose window ended before `now` (epoch milliseconds). */
  purgeExpired(now: number): Promise<void>;
}

/**
 * Counters per statement: a sync of up to 1,000 counters (about 3,000 Cek NIK a second at the
 * default interval) is one autocommit upsert and one read. 3,000 parameters stay far below
 * MySQL's 65,535 and SQLite's 32,766.
 */
const ROWS_PER_STATEMENT = 1_000;

/**
 * The counters in the `rate_limit_counter` table, for MySQL/MariaDB (shared by every API
 * process) and SQLite. One multi-row upsert and one keyed read per 1,000 counters; all SQL
 * is fixed text with placeholders.
 */
export class SqlCounterStore implements CounterStore {
  private readonly upsertTail: string;

  constructor(private readonly dataSource: DataSource) {
    const isMysql = dataSource.options.type === 'mysql' || dataSource.options.type === 'mariadb';
    this.upsertTail = isMysql
      ? 'ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)'
      : 'ON CONFLICT (counter_key) DO UPDATE SET hits = rate_limit_counter.hits + excluded.hits';
  }

  async addAndRead(deltas: readonly CounterDelta[]): Promise<ReadonlyMap<string, number>> {
    const totals = new Map<string, number>();
    if (deltas.length === 0) return totals;

    // Sorted keys lock rows in the same order in every process, so two syncs that touch the
    // same counters (the global one always) wait for each other instead of deadlocking.
    const sorted = [...deltas].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const chunks = chunk(sorted, ROWS_PER_STATEMENT);
    if (chunks.length === 1) {
      await this.dataSource.query(this.upsertSql(sorted.length), upsertValues(sorted));
    } else {
      await this.dataSource.transaction(async (manager) => {
        for (const rows of chunks)
          await manager.query(this.upsertSql(rows.length), upsertValues(rows));
      });
    }

    for (const rows of chunks) {
      const found: { counter_key: string; hits: number | string }[] = await this.dataSource.query(
        `SELECT counter_key, hits FROM rate_limit_counter WHERE counter_key IN (${placeholders(rows.length)})`,
        rows.map((row) => row.key),
      );
      for (const row of found) totals.set(row.counter_key, Number(row.hits));
    }

    return totals;
  }

  async purgeExpired(now: number): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_counter WHERE expires_at < ?', [
      sqlDateTime(now),
    ]);
  }

  private upsertSql(rows: number): string {
    const values = Array<string>(rows).fill('(?, ?, ?)').join(', ');

    return `INSERT INTO rate_limit_counter (counter_key, hits, expires_at) VALUES ${values} ${this.upsertTail}`;
  }
}

/**
 * Counters in this process's memory: for unit tests, and for a deployment that wants purely
 * local limits (one process on SQLite). Expired counters stay until `purgeExpired`.
 */
export class MemoryCounterStore implements CounterStore {
  private readonly counters = new Map<string, { hits: number; expiresAt: number }>();

  addAndRead(deltas: readonly CounterDelta[]): Promise<ReadonlyMap<string, number>> {
    const totals = new Map<string, number>();
    for (const { key, hits, expiresAt } of deltas) {
      const counter = this.counters.get(key) ?? { hits: 0, expiresAt };
      counter.hits += hits;
      this.counters.set(key, counter);
      totals.set(key, counter.hits);
    }

    return Promise.resolve(totals);
  }

  purgeExpired(now: number): Promise<void> {
    for (const [key, counter] of this.counters) {
      if (counter.expiresAt < now) this.counters.delete(key);
    }

    return Promise.resolve();
  }

  /** The stored total of a key (0 when absent), for tests. */
  hitsOf(key: string): number {
    return this.counters.get(key)?.hits ?? 0;
  }

  get size(): number {
    return this.counters.size;
  }
}

/**
 * A UTC `YYYY-MM-DD HH:MM:SS` string for a datetime column. Both drivers take it as is
 * (better-sqlite3 cannot bind a Date), and whole seconds avoid MySQL rounding a fraction up.
 */
export function sqlDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}

export function placeholders(count: number): string {
  return Array<string>(count).fill('?').join(', ');
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }

  return chunks;
}

function upsertValues(rows: readonly CounterDelta[]): (string | number)[] {
  return rows.flatMap((row) => [row.key, row.hits, sqlDateTime(row.expiresAt)]);
}
