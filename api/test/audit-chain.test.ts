import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { AuditLog, type AuditSource } from '../src/audit/audit-log.js';
import { inTransaction } from '../src/database/transaction.js';
import { collect, spawnApi } from './support/api-process.js';
import {
  openMigratedTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';
import type { DataSource } from 'typeorm';

const source: AuditSource = { actor: null, clientIp: '10.0.0.1', requestId: 'test' };
const masterKey = randomBytes(32).toString('hex');

describe(`the audit hash chain (${testDatabaseKind})`, () => {
  let database: TestDatabase & { dataSource: DataSource };
  let audit: AuditLog;

  beforeEach(async () => {
    database = await openMigratedTestDatabase();
    audit = new AuditLog(database.dataSource, randomBytes(32));
  });
  afterEach(() => database.drop());

  /** Five entries in one chain, numbered 1–5. */
  async function appendFive(): Promise<void> {
    for (let index = 1; index <= 5; index += 1) {
      await audit.record(source, [
        { action: 'LOGIN_FAILED', outcome: 'FAILURE', detail: { reason: 'WRONG_PASSWORD', index } },
      ]);
    }
  }

  const sql = (statement: string, parameters: unknown[] = []) =>
    database.dataSource.query(statement, parameters);

  it('verifies an untouched chain', async () => {
    await appendFive();

    expect(await audit.verify()).toEqual({
      isIntact: true,
      checkedCount: 5,
      firstBrokenSequence: null,
      problem: null,
    });
  });

  it('finds an entry whose detail was edited in the database', async () => {
    await appendFive();
    await sql(`UPDATE audit_entry SET detail = '{"reason":"OK"}' WHERE sequence = 3`);

    expect(await audit.verify()).toEqual({
      isIntact: false,
      checkedCount: 2,
      firstBrokenSequence: 3,
      problem: 'HASH_MISMATCH',
    });
  });

  it('finds an entry edited together with a recomputed plain hash, since the key is not in the database', async () => {
    await appendFive();
    await sql(`UPDATE audit_entry SET actor_username = 'someone', hash = ? WHERE sequence = 2`, [
      'f'.repeat(64),
    ]);

    expect(await audit.verify()).toMatchObject({
      firstBrokenSequence: 2,
      problem: 'HASH_MISMATCH',
    });
  });

  it('finds an entry removed from the middle', async () => {
    await appendFive();
    await sql('DELETE FROM audit_entry WHERE sequence = 3');

    expect(await audit.verify()).toEqual({
      isIntact: false,
      checkedCount: 2,
      firstBrokenSequence: 3,
      problem: 'SEQUENCE_GAP',
    });
  });

  it('finds entries cut off the end of the chain', async () => {
    await appendFive();
    await sql('DELETE FROM audit_entry WHERE sequence = 5');

    expect(await audit.verify()).toEqual({
      isIntact: false,
      checkedCount: 4,
      firstBrokenSequence: 5,
      problem: 'HEAD_MISMATCH',
    });
  });

  it('finds entries swapped in order', async () => {
    await appendFive();
    await sql('UPDATE audit_entry SET sequence = 99 WHERE sequence = 2');
    await sql('UPDATE audit_entry SET sequence = 2 WHERE sequence = 3');
    await sql('UPDATE audit_entry SET sequence = 3 WHERE sequence = 99');

    expect(await audit.verify()).toMatchObject({
      firstBrokenSequence: 2,
      problem: 'LINK_MISMATCH',
    });
  });

  it('keeps the chain whole under many concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        audit.record(source, [{ action: 'LOGOUT', outcome: 'SUCCESS', detail: { index } }]),
      ),
    );

    expect(await audit.verify()).toEqual({
      isIntact: true,
      checkedCount: 40,
      firstBrokenSequence: null,
      problem: null,
    });
  });

  it('writes no entry when the action it belongs to rolls back', async () => {
    await appendFive();
    const failing = inTransaction(database.dataSource, async (manager) => {
      await audit.append(manager, source, [{ action: 'ACCOUNT_CREATED', outcome: 'SUCCESS' }]);
      throw new Error('the action failed after its entry was appended');
    });

    await expect(failing).rejects.toThrow('the action failed');
    expect([await sql('SELECT COUNT(*) AS n FROM audit_entry'), await audit.verify()]).toEqual([
      [{ n: testDatabaseKind === 'mysql' ? '5' : 5 }],
      { isIntact: true, checkedCount: 5, firstBrokenSequence: null, problem: null },
    ]);
  });
});

describe(`kaliber audit:verify (${testDatabaseKind})`, () => {
  let database: TestDatabase & { dataSource: DataSource };

  beforeEach(async () => {
    database = await openMigratedTestDatabase();
  });
  afterEach(() => database.drop());

  const verifyCommand = () =>
    collect(
      spawnApi('cli', ['audit:verify'], {
        DATABASE_URL: database.url,
        SECRET_KEY: masterKey,
        LOG_LEVEL: 'silent',
      }),
    );

  it('exits 0 on an intact chain and 1 naming the first broken entry, auditing each run', async () => {
    const intact = await verifyCommand();
    await database.dataSource.query(
      `UPDATE audit_entry SET outcome = 'FAILURE' WHERE sequence = 1`,
    );
    const broken = await verifyCommand();

    expect([intact, broken]).toEqual([
      {
        code: 0,
        stdout: 'Rantai log audit utuh: 0 entri diperiksa.\n',
        stderr: '',
      },
      {
        code: 1,
        stdout: '',
        stderr:
          'Rantai log audit RUSAK pada entri nomor 1: Isi entri tidak cocok dengan hash-nya: ' +
          'entri ini telah diubah. 0 entri sebelumnya utuh.\n',
      },
    ]);
  });
});
