import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import {
  createProgressReporter,
  stdoutLogger,
  type ProgressMode,
  type SeedLogger,
} from './seed-progress.js';
import { generateVoterBatches } from './synthetic-voters.js';
import { openVoterBulkWriter } from './voter-bulk-writer.js';
import { writeVoterCsvFile } from './voters-csv.js';

/** The seed will not run on this database; the message says why and what to do. */
export class SeedRefusedError extends Error {
  override readonly name = 'SeedRefusedError';
}

export interface SeedOptions {
  /** Number of synthetic voters, a whole number 0 or more. */
  readonly voters: number;
  /** Generator seed: the same seed gives the same rows (see docs/seed.md). */
  readonly seed: number;
  /** Day on which ages are counted, YYYY-MM-DD; default 2024-02-14. */
  readonly referenceDate?: string;
  /** 'bar' (on a terminal), 'log' (a line every ~10 %) or 'none' (the default). */
  readonly progress?: ProgressMode;
  /** Receives the progress lines; default JSON lines on stdout. */
  readonly logger?: SeedLogger;
}

/**
 * Fills an empty voter table with synthetic voters for the catalogue's kabupaten/kota. Refuses
 * a table that already holds rows, so synthetic people can never mix with a real list. Rows go
 * in batches, each its own transaction (one transaction of 2.4 M rows would hold locks and undo
 * log for a minute); if the run fails half-way, the rows already written are deleted again, so
 * the table is as empty as it was found. Only a killed process leaves rows behind, and the next
 * run then refuses the non-empty table. On MySQL two batches are written at once, so
 * neighbouring batches may swap places in `id` order.
 */
export async function seedVoters(
  dataSource: DataSource,
  catalogue: RegionCatalogue,
  options: SeedOptions,
): Promise<{ voters: number; households: number; elapsedMs: number }> {
  const startedAt = performance.now();
  await assertVoterTableEmpty(dataSource);
  await assertRegionsPresent(dataSource, catalogue);

  const writer = await openVoterBulkWriter(dataSource);
  const stream = generateVoterBatches(catalogue, {
    voters: options.voters,
    seed: options.seed,
    referenceDate: options.referenceDate,
    batchSize: writer.batchSize,
  });
  const progress = createProgressReporter(
    options.progress ?? 'none',
    options.voters,
    { name: 'seed', label: 'Mengisi pemilih sintetis' },
    options.logger ?? stdoutLogger,
  );
  let written = 0;
  // A failed write is recorded here rather than left as a rejected promise nobody awaits yet.
  let failure: { error: unknown } | undefined;
  const inFlight = new Set<Promise<void>>();

  try {
    // Up to `concurrency` batches in flight: the next batch is generated while the database
    // stores the last ones.
    for (const batch of stream) {
      while (inFlight.size >= writer.concurrency) await Promise.race(inFlight);
      if (failure) throw failure.error;

      const write: Promise<void> = writer
        .write(batch)
        .then(
          () => {
            written += batch.length;
            progress.update(written);
          },
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .then(() => {
          inFlight.delete(write);
        });
      inFlight.add(write);
    }
    await Promise.all(inFlight);
    if (failure) throw failure.error;
  } catch (error: unknown) {
    await Promise.all(inFlight);
    // The table was empty when the run began (checked above), so emptying it undoes the run.
    await dataSource.query('DELETE FROM voter');
    throw error;
  } finally {
    // Whatever failed, let the writes in flight settle before the connections go back.
    await Promise.all(inFlight);
    progress.stop();
    await writer.close();
  }

  return {
    voters: written,
    households: stream.households,
    elapsedMs: Math.round(performance.now() - startedAt),
  };
}

/**
 * Writes synthetic voters to a CSV file in the official column order (see voters-csv.ts) —
 * the same rows, for the same seed, that `seedVoters` would insert. Needs no database.
 */
export async function writeVotersCsv(
  file: string,
  catalogue: RegionCatalogue,
  options: SeedOptions,
): Promise<{ rows: number; elapsedMs: number }> {
  const startedAt = performance.now();
  const stream = generateVoterBatches(catalogue, {
    voters: options.voters,
    seed: options.seed,
    referenceDate: options.referenceDate,
  });
  const progress = createProgressReporter(
    options.progress ?? 'none',
    options.voters,
    { name: 'csv', label: 'Menulis CSV pemilih sintetis' },
    options.logger ?? stdoutLogger,
  );

  let rows: number;
  try {
    rows = await writeVoterCsvFile(file, stream, (done) => progress.update(done));
  } finally {
    progress.stop();
  }

  return { rows, elapsedMs: Math.round(performance.now() - startedAt) };
}

async function assertVoterTableEmpty(dataSource: DataSource): Promise<void> {
  const rows: unknown[] = await dataSource.query('SELECT 1 AS found FROM voter LIMIT 1');
  if (rows.length > 0) {
    throw new SeedRefusedError(
      'Tabel pemilih sudah berisi data. Data sintetis hanya diisikan ke tabel pemilih yang ' +
        'kosong, agar tidak tercampur dengan data pemilih asli.',
    );
  }
}

/** Every kelurahan of the catalogue must be in the region table, or the foreign key refuses. */
async function assertRegionsPresent(
  dataSource: DataSource,
  catalogue: RegionCatalogue,
): Promise<void> {
  const rows: { code: string }[] = await dataSource.query(
    'SELECT code FROM region WHERE level = ?',
    ['KELURAHAN'],
  );
  const present = new Set(rows.map((row) => row.code));
  const missing = catalogue.kelurahan.filter((kelurahan) => !present.has(kelurahan.code)).length;
  if (missing > 0) {
    throw new SeedRefusedError(
      `Data wilayah di database belum lengkap: ${missing} kelurahan ${catalogue.kabKota.name} ` +
        'tidak ada di tabel region. Jalankan migrasi dan sinkronisasi wilayah terlebih dahulu.',
    );
  }
}
