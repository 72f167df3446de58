import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { JAKARTA_TIMUR_CODE } from '@kaliber/schema';

import { parseDatabaseUrl, type DatabaseConfig } from '../../src/config/database-url.js';
import { createDataSource } from '../../src/database/data-source.js';
import { loadRegionCatalogue, syncRegionTable } from '../../src/regions/region-service.js';

/** Which database this test run talks to: `KALIBER_TEST_DATABASE=sqlite|mysql`. */
export const testDatabaseKind =
  process.env['KALIBER_TEST_DATABASE'] === 'mysql' ? 'mysql' : 'sqlite';

/** Server used for MySQL runs; each test file gets a database of its own on it. */
const mysqlServerUrl = process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/mysql';

export interface TestDatabase {
  readonly config: DatabaseConfig;
  /** A DATABASE_URL for a child process (e.g. the real server or the CLI). */
  readonly url: string;
  /** Removes the database (MySQL) or its folder (SQLite). */
  drop(): Promise<void>;
}

/** A fresh, empty database of the configured kind. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind === 'sqlite') {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kaliber-test-'));
    const url = `sqlite:${path.join(folder, 'kaliber.sqlite')}`;
    return {
      config: parseDatabaseUrl(url, 1),
      url,
      drop: () => fs.promises.rm(folder, { recursive: true, force: true }),
    };
  }

  const server = parseDatabaseUrl(mysqlServerUrl, 1);
  if (server.kind !== 'mysql') throw new Error('TEST_MYSQL_URL must be a mysql:// URL');
  const name = `kaliber_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({
    host: server.host,
    port: server.port,
    user: server.user,
    password: server.password,
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const credentials = server.password ? `${server.user}:${server.password}` : server.user;
  const url = `mysql://${credentials}@${server.host}:${server.port}/${name}`;
  return {
    config: parseDatabaseUrl(url, 5),
    url,
    drop: async () => {
      const connection = await mysql.createConnection({
        host: server.host,
        port: server.port,
        user: server.user,
        password: server.password,
      });
      await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await connection.end();
    },
  };
}

/** A migrated database with the Jakarta Timur regions in place, opened. */
export async function openMigratedTestDatabase(): Promise<
  TestDatabase & { dataSource: DataSource }
> {
  const database = await createEmptyTestDatabase();
  const dataSource = createDataSource({ database: database.config });
  await dataSource.initialize();
  await dataSource.runMigrations();
  await syncRegionTable(dataSource, await loadRegionCatalogue(JAKARTA_TIMUR_CODE));

  return {
    ...database,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.drop();
    },
  };
}
