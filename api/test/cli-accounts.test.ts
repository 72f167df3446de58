import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';

import { AccountEntity } from '../src/accounts/account.entity.js';
import { AuditEntryEntity } from '../src/audit/audit-entry.entity.js';
import { collect, spawnApi } from './support/api-process.js';
import {
  openMigratedTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

describe(`kaliber user:create (${testDatabaseKind})`, () => {
  let database: TestDatabase & { dataSource: DataSource };
  const secretKey = randomBytes(32).toString('hex');

  beforeEach(async () => {
    database = await openMigratedTestDatabase();
  });
  afterEach(() => database.drop());

  const userCreate = (args: string[]) =>
    collect(
      spawnApi('cli', ['user:create', ...args], {
        DATABASE_URL: database.url,
        SECRET_KEY: secretKey,
        LOG_LEVEL: 'silent',
      }),
    );

  it('creates the first ADMIN with a one-time password that must be changed', async () => {
    const result = await userCreate([
      '--username',
      'kepala.data',
      '--role',
      'admin',
      '--name',
      'Kepala Data',
    ]);

    const password = /sementara \(hanya ditampilkan sekali\): (\S+)/.exec(result.stdout)?.[1];
    expect([result.code, result.stderr, password]).toEqual([
      0,
      '',
      expect.stringMatching(/^[a-z2-9-]{19}$/),
    ]);
    const account = await database.dataSource
      .getRepository(AccountEntity)
      .findOneByOrFail({ username: 'kepala.data' });
    expect({
      role: account.role,
      displayName: account.displayName,
      mustChangePassword: account.mustChangePassword,
      isArgon2id: account.passwordHash.startsWith('$argon2id$'),
      holdsPasswordInClear: account.passwordHash.includes(password ?? '?'),
    }).toEqual({
      role: 'ADMIN',
      displayName: 'Kepala Data',
      mustChangePassword: true,
      isArgon2id: true,
      holdsPasswordInClear: false,
    });
    const [entry] = await database.dataSource.getRepository(AuditEntryEntity).find();
    expect([entry?.action, entry?.actorUsername, entry?.requestId]).toEqual([
      'ACCOUNT_CREATED',
      null,
      'cli:user:create',
    ]);
  });

  it('refuses an unknown role and a taken username with one line', async () => {
    const badRole = await userCreate(['--username', 'budi', '--role', 'RAJA']);
    await userCreate(['--username', 'budi', '--role', 'OPERATOR']);
    const taken = await userCreate(['--username', 'budi', '--role', 'OPERATOR']);

    expect([badRole, taken]).toEqual([
      {
        code: 2,
        stdout: '',
        stderr:
          'kaliber: --role harus salah satu dari ADMIN, KOMISIONER, VERIFIKATOR, OPERATOR, PROVINSI, BAWASLU\n',
      },
      { code: 1, stdout: '', stderr: 'kaliber: Nama pengguna sudah dipakai\n' },
    ]);
  });
});
