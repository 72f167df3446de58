import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openMigratedTestDatabase, testDatabaseKind } from './support/test-database.js';

describe(`migrations (${testDatabaseKind})`, () => {
  let database: Awaited<ReturnType<typeof openMigratedTestDatabase>>;

  beforeAll(async () => {
    database = await openMigratedTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates the region and voter tables with the lookup indexes', async () => {
    const runner = database.dataSource.createQueryRunner();
    const voter = await runner.getTable('voter');
    await runner.release();

    expect(
      voter?.indices.map((index) => [index.name, index.columnNames, index.isUnique]).sort(),
    ).toEqual([
      ['idx_voter_kelurahan_status_sex', ['kelurahan_code', 'status', 'sex'], false],
      ['idx_voter_nkk', ['nkk'], false],
      ['uq_voter_nik', ['nik'], true],
    ]);
    expect(voter?.foreignKeys.map((key) => [key.columnNames, key.referencedTableName])).toEqual([
      [['kelurahan_code'], 'region'],
    ]);
  });

  it('has nothing left to apply after a run', async () => {
    expect(await database.dataSource.showMigrations()).toBe(false);
    expect(await database.dataSource.runMigrations()).toEqual([]);
  });

  it('refuses a voter whose kelurahan is not a known region', async () => {
    const insert = database.dataSource.query(
      `INSERT INTO voter (nik, nkk, name, birth_place, birth_date, marital_status, sex, address,
         rt, rw, ktp_el_status, kelurahan_code, source)
       VALUES ('3175011303970001', '3175010101100001', 'Uji', 'Jakarta', '1997-03-13', 'B', 'L',
         'Jl. Uji', '001', '002', 'S', '31.74.01.1001', 'IMPORT')`,
    );

    await expect(insert).rejects.toThrow(/foreign key/i);
  });

  it('rolls back and re-applies cleanly', async () => {
    await database.dataSource.undoLastMigration();
    const afterUndo = await database.dataSource.showMigrations();
    await database.dataSource.runMigrations();

    expect(afterUndo).toBe(true);
    expect(await database.dataSource.showMigrations()).toBe(false);
  });
});
