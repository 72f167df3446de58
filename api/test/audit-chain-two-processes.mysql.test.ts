import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditLog } from '../src/audit/audit-log.js';
import { createSecretKeys } from '../src/security/secret-keys.js';
import { spawnApi, waitForLine } from './support/api-process.js';
import { LOGIN } from './support/accounts.js';
import { graphqlClient } from './support/graphql-client.js';
import { openMigratedTestDatabase, type TestDatabase } from './support/test-database.js';
import type { DataSource } from 'typeorm';

// Runs in the MariaDB pass only (see vitest.config.ts): several API processes share one MySQL
// database in production, while the embedded SQLite default is one process by design.
const ATTEMPTS_PER_PROCESS = 40;

describe('two API processes appending to one audit chain (mysql)', () => {
  let database: TestDatabase & { dataSource: DataSource };
  let dataDir: string;
  const secretKey = randomBytes(32).toString('hex');
  const processes: ReturnType<typeof spawnApi>[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    database = await openMigratedTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaliber-two-'));
    for (let index = 0; index < 2; index += 1) {
      const child = spawnApi('main', [], {
        DATABASE_URL: database.url,
        SECRET_KEY: secretKey,
        DATA_DIR: dataDir,
        PORT: '0',
        CONSOLE_DIR: '/nonexistent-console',
        LOG_LEVEL: 'info',
        LOGIN_IP_MAX_FAILURES: '10000',
      });
      processes.push(child);
      const line = await waitForLine(child, /Kaliber siap/);
      urls.push((JSON.parse(line) as { url: string }).url);
    }
  });
  afterAll(async () => {
    await Promise.all(
      processes.map(
        (child) =>
          new Promise((resolve) => {
            child.once('close', resolve);
            child.kill('SIGTERM');
          }),
      ),
    );
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps one unbroken chain when both append at the same time', async () => {
    const attempts = urls.flatMap((url) =>
      Array.from({ length: ATTEMPTS_PER_PROCESS }, (_, index) =>
        graphqlClient(url).graphql(LOGIN, {
          input: { username: `nobody${index}`, password: 'not-the-password' },
        }),
      ),
    );
    const answers = await Promise.all(attempts);

    // Every attempt got its entry: none failed on a contended chain head.
    expect(new Set(answers.map((answer) => answer.body.errors?.[0]?.extensions?.['code']))).toEqual(
      new Set(['INVALID_CREDENTIALS']),
    );
    const audit = new AuditLog(
      database.dataSource,
      createSecretKeys(Buffer.from(secretKey, 'hex')).keyFor('audit-chain'),
    );
    expect(await audit.verify()).toEqual({
      isIntact: true,
      checkedCount: 2 * ATTEMPTS_PER_PROCESS,
      firstBrokenSequence: null,
      problem: null,
    });
  });
});
