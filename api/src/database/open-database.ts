import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';

import type { DatabaseConfig } from '../config/database-url.js';
import type { Logger } from '../logging/logger.js';
import { createDataSource, describeDatabase } from './data-source.js';

/** The database could not be opened; the message is one line an operator can act on. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/**
 * Opens the data source and applies pending migrations. A MySQL database that does not exist
 * yet is created (utf8mb4) when the account may do so. A connection failure becomes one clear
 * line naming the server (never the password), instead of a driver stack trace.
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
    if (database.kind !== 'mysql' || driverCode(error) !== 'ER_BAD_DB_ERROR') {
      throw unavailable(database, error);
    }
    await createMysqlDatabase(database, log);
    try {
      await dataSource.initialize();
    } catch (retryError: unknown) {
      throw unavailable(database, retryError);
    }
  }

  if (options.migrate ?? true) {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) log.info({ migration: migration.name }, 'migration applied');
  }

  return dataSource;
}

async function createMysqlDatabase(
  database: Extract<DatabaseConfig, { kind: 'mysql' }>,
  log: Logger,
): Promise<void> {
  try {
    const connection = await mysql.createConnection({
      host: database.host,
      port: database.port,
      user: database.user,
      password: database.password,
      connectTimeout: 5_000,
    });
    // The name passed parseDatabaseUrl's [A-Za-z0-9_] check, so quoting it is safe.
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await connection.end();
  } catch (error: unknown) {
    throw unavailable(database, error);
  }
  log.info({ database: describeDatabase(database) }, 'database created');
}

function unavailable(database: DatabaseConfig, error: unknown): DatabaseUnavailableError {
  const reason = driverCode(error) ?? (error instanceof Error ? error.message : 'unknown');

  return new DatabaseUnavailableError(
    `Database tidak dapat dibuka (${describeDatabase(database)}): ${reason}`,
  );
}

function driverCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
