import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, it } from 'vitest';

import { parseDatabaseUrl } from '../src/config/database-url.js';
import { openDatabase } from '../src/database/open-database.js';
import { createLogger } from '../src/logging/logger.js';
import { testDatabaseKind } from './support/test-database.js';

const serverUrl = process.env['TEST_MYSQL_URL'] ?? 'mysql://root@127.0.0.1:3306/mysql';
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A database location that does not exist yet, of this run's kind. */
function missingDatabaseUrl(): string {
  if (testDatabaseKind === 'sqlite') {
    const folder = path.join(os.tmpdir(), `kaliber-new-${randomBytes(4).toString('hex')}`);
    cleanups.push(() => fs.promises.rm(folder, { recursive: true, force: true }));
    return `sqlite:${path.join(folder, 'nested', 'kaliber.sqlite')}`;
  }
  const name = `kaliber_test_${randomBytes(6).toString('hex')}`;
  cleanups.push(async () => {
    const connection = await mysql.createConnection(serverUrl);
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
  });
  return serverUrl.replace(/\/[^/]*$/, `/${name}`);
}

describe(`opening the database (${testDatabaseKind})`, () => {
  it('creates a database that does not exist yet and migrates it', async () => {
    const dataSource = await openDatabase(
      parseDatabaseUrl(missingDatabaseUrl(), 2),
      createLogger('silent'),
    );

    const pending = await dataSource.showMigrations();
    const voters = await dataSource.query<{ total: number | string }[]>(
      'SELECT COUNT(*) AS total FROM voter',
    );
    await dataSource.destroy();

    expect({ pending, voters: Number(voters[0]?.total) }).toEqual({ pending: false, voters: 0 });
  });
});
