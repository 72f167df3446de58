import { createRegionCatalogue, JAKARTA_TIMUR_REGIONS } from '@kaliber/schema';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { seedVoters } from '../src/seed/seed-command.js';
import { generateVoterBatches, type SyntheticVoter } from '../src/seed/synthetic-voters.js';
import { openVoterBulkWriter } from '../src/seed/voter-bulk-writer.js';
import { VoterEntity } from '../src/voters/voter.entity.js';
import {
  openMigratedTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

const catalogue = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);

let database: TestDatabase & { dataSource: DataSource };

beforeEach(async () => {
  database = await openMigratedTestDatabase();
});

afterEach(async () => {
  await database.drop();
});

/**
 * The voter table read back in NIK order, as the generator's row shape. NIK order, not id order:
 * on MySQL two batches are inserted at once and may swap places.
 */
async function storedVoters(dataSource: DataSource): Promise<SyntheticVoter[]> {
  const rows = await dataSource.getRepository(VoterEntity).find({ order: { nik: 'ASC' } });

  return rows.map(
    ({
      id: _id,
      version: _version,
      sidalihDpId: _dpId,
      createdAt: _created,
      updatedAt: _updated,
      ...voter
    }) => voter,
  );
}

/** The generator's rows, in NIK order like storedVoters. */
function generated(voters: number, seed: number): SyntheticVoter[] {
  return [...generateVoterBatches(catalogue, { voters, seed })]
    .flat()
    .sort((left, right) => (left.nik < right.nik ? -1 : 1));
}

describe(`seeding synthetic voters (${testDatabaseKind})`, () => {
  it('inserts N rows that read back equal to the generator’s rows', async () => {
    const result = await seedVoters(database.dataSource, catalogue, { voters: 4_500, seed: 11 });
    const expected = generated(4_500, 11);

    expect(result).toEqual({
      voters: 4_500,
      households: new Set(expected.map((voter) => voter.nkk)).size,
      elapsedMs: expect.any(Number) as number,
    });
    expect(await storedVoters(database.dataSource)).toEqual(expected);
  });

  it('stores the table defaults for the bookkeeping columns', async () => {
    await seedVoters(database.dataSource, catalogue, { voters: 3, seed: 11 });
    const [first] = await database.dataSource
      .getRepository(VoterEntity)
      .find({ order: { nik: 'ASC' }, take: 1 });

    expect(first).toEqual({
      ...generated(3, 11)[0],
      id: expect.any(Number) as number,
      version: 1,
      sidalihDpId: null,
      createdAt: expect.any(Date) as Date,
      updatedAt: expect.any(Date) as Date,
    });
  });

  it('refuses to seed a voter table that already has rows, and leaves it as it was', async () => {
    await seedVoters(database.dataSource, catalogue, { voters: 10, seed: 1 });

    await expect(
      seedVoters(database.dataSource, catalogue, { voters: 10, seed: 2 }),
    ).rejects.toThrow(
      'Tabel pemilih sudah berisi data. Data sintetis hanya diisikan ke tabel pemilih yang kosong, ' +
        'agar tidak tercampur dengan data pemilih asli.',
    );
    expect(await storedVoters(database.dataSource)).toEqual(generated(10, 1));
  });

  it('refuses to seed when the kelurahan are missing from the region table', async () => {
    await database.dataSource.query('DELETE FROM region WHERE level = ?', ['KELURAHAN']);

    await expect(
      seedVoters(database.dataSource, catalogue, { voters: 10, seed: 2 }),
    ).rejects.toThrow(
      'Data wilayah di database belum lengkap: 65 kelurahan Kota Administrasi Jakarta Timur tidak ada ' +
        'di tabel region. Jalankan migrasi dan sinkronisasi wilayah terlebih dahulu.',
    );
    expect(await database.dataSource.getRepository(VoterEntity).count()).toBe(0);
  });

  it('removes what it wrote when the run fails half-way', async () => {
    // A trigger refuses one row near the end, after several batches have been committed.
    const late = generated(25_000, 4).find((_voter, index) => index === 21_000) as SyntheticVoter;
    await database.dataSource.query(
      testDatabaseKind === 'mysql'
        ? `CREATE TRIGGER refuse_late BEFORE INSERT ON voter FOR EACH ROW
             IF NEW.nik = '${late.nik}' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused'; END IF`
        : `CREATE TRIGGER refuse_late BEFORE INSERT ON voter WHEN NEW.nik = '${late.nik}'
             BEGIN SELECT RAISE(ABORT, 'refused'); END`,
    );

    await expect(
      seedVoters(database.dataSource, catalogue, { voters: 25_000, seed: 4 }),
    ).rejects.toThrow(/refused/);
    expect(await database.dataSource.getRepository(VoterEntity).count()).toBe(0);
  });

  it('writes a batch in one transaction: a failing row leaves none of the batch behind', async () => {
    const [batch = []] = generateVoterBatches(catalogue, {
      voters: 5_000,
      seed: 3,
      batchSize: 5_000,
    });
    const first = batch[0] as SyntheticVoter;
    const clash: SyntheticVoter = { ...(batch[4_900] as SyntheticVoter), nik: first.nik };
    const writer = await openVoterBulkWriter(database.dataSource);

    try {
      await writer.write(batch.slice(0, 10));
      await expect(writer.write([...batch.slice(10, 4_900), clash])).rejects.toThrow();
    } finally {
      await writer.close();
    }
    expect(await storedVoters(database.dataSource)).toEqual(
      batch.slice(0, 10).sort((left, right) => (left.nik < right.nik ? -1 : 1)),
    );
  });
});
