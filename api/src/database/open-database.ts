import type { DataSource } from 'typeorm';

import type { DatabaseConfig } from '../config/database-url.js';
import type { Logger } from '../logging/logger.js';
import { createDataSource, describeDatabase } from './data-source.js';

/** The database could not be opened; the message is one line an operator can act on. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/**
 * Opens the data source and applies pending migrations. A connection failure becomes one
 * clear line naming the server (never the password), instead of a driver stack trace.
 */
export async function openDatabase(
  database: DatabaseConfig,
  log: Logger,
  options: { logging?: boolean; migrate?: boolean } = {},
): Promise<DataSource> {
  const dataSource = createDataSource({ database, log, logging: options.logging ?? false });
  try {
    await dataSource.initialize();
  } catch (error: unknown) {
    const code = (error as { code?: unknown }).code;
    const reason =
      typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown';
    throw new DatabaseUnavailableError(
      `Database tidak dapat dibuka (${describeDatabase(database)}): ${reason}`,
    );
  }

  if (options.migrate ?? true) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log.info({ migration: migration.name }, 'migration applied');
  }

  return dataSource;
}
