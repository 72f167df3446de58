import type { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's SQLite driver has one connection and one query runner for the whole process: two
 * requests calling `dataSource.transaction()` at once would run inside each other (the second
 * becomes a savepoint of the first, and a rollback of one undoes the other). Writes on SQLite
 * are therefore queued here, one transaction at a time. MySQL takes a pooled connection per
 * transaction and needs no queue.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

/** Runs `work` in one database transaction: everything it writes commits, or nothing does. */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (dataSource.options.type !== 'better-sqlite3') return dataSource.transaction(work);

  const previous = sqliteQueues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(
    () => dataSource.transaction(work),
    () => dataSource.transaction(work),
  );
  sqliteQueues.set(
    dataSource,
    run.catch(() => undefined),
  );

  return run;
}
