import mysql from 'mysql2/promise';
import { JAKARTA_TIMUR_CODE } from '@kaliber/schema';

import { createDataSource } from '../database/data-source.js';
import { loadRegionCatalogue, syncRegionTable } from '../regions/region-service.js';
import { seedVoters } from '../seed/seed-command.js';
import type { SeedLogger } from '../seed/seed-progress.js';
import type { BenchDatabase } from './bench-options.js';

/** Generator seed of the bench's synthetic list, so every machine benchmarks the same rows. */
export const BENCH_SEED = 1;

/** What the report says about the database the figures were measured on. */
export interface BenchDatabaseInfo {
  /** `SELECT VERSION()`, e.g. 10.11.19-MariaDB-0+deb12u1. */
  readonly serverVersion: string;
  readonly bufferPoolBytes: number;
  readonly voters: number;
  /** Seconds spent seeding in this run; null when the list was already there. */
  readonly seedSeconds: number | null;
}

/** Opens a plain mysql2 connection to the bench database (or to the server, for DDL). */
export function connectBench(
  database: BenchDatabase,
  options: { withDatabase: boolean } = { withDatabase: true },
): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: database.host,
    port: database.port,
    user: database.user,
    password: database.password,
    database: options.withDatabase ? database.database : undefined,
    connectTimeout: 5_000,
  });
}

/**
 * Makes the bench database hold exactly `voters` synthetic voters of seed BENCH_SEED, with the
 * schema migrated and the regions in place. A list of the right size is kept, so a re-run starts
 * in seconds; one of another size cannot be topped up (seedVoters fills empty tables only), so
 * the database is dropped and created again. The lookup log and rate-limit counters of earlier
 * runs are emptied, so that every run starts from the same tables.
 */
export async function prepareBenchDatabase(
  database: BenchDatabase,
  voters: number,
  print: (line: string) => void,
): Promise<BenchDatabaseInfo> {
  const server = await connectBench(database, { withDatabase: false });
  // The name passed parseDatabaseUrl's [A-Za-z0-9_] check, so quoting it is safe.
  const name = `\`${database.database}\``;
  let found: number;
  try {
    await server.query(
      `CREATE DATABASE IF NOT EXISTS ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    found = await countVoters(server, name);
    if (found !== voters && found > 0) {
      print(`Database bench berisi ${found} pemilih, bukan ${voters}: dibuat ulang.`);
      await server.query(`DROP DATABASE ${name}`);
      await server.query(
        `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    }
  } finally {
    await server.end();
  }

  const seedSeconds = await migrateAndSeed(database, found === voters ? 0 : voters, print);
  if (seedSeconds === null) print(`Database bench sudah berisi ${voters} pemilih sintetis.`);

  const connection = await connectBench(database);
  try {
    // Both tables only grow during a bench (every Cek NIK request adds a lookup row).
    await connection.query('TRUNCATE TABLE public_lookup');
    await connection.query('TRUNCATE TABLE rate_limit_counter');
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool',
    );

    return {
      serverVersion: String(rows[0]?.version),
      bufferPoolBytes: Number(rows[0]?.bufferPool),
      voters,
      seedSeconds,
    };
  } finally {
    await connection.end();
  }
}

/** Voters in the table, 0 when the table does not exist yet. */
async function countVoters(server: mysql.Connection, quotedName: string): Promise<number> {
  try {
    const [rows] = await server.query<mysql.RowDataPacket[]>(
      `SELECT COUNT(*) AS voters FROM ${quotedName}.voter`,
    );
    return Number(rows[0]?.voters);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code === 'ER_NO_SUCH_TABLE') return 0;
    throw error;
  }
}

/** Runs the migrations and region sync, then seeds `voters` rows (none for 0). */
async function migrateAndSeed(
  database: BenchDatabase,
  voters: number,
  print: (line: string) => void,
): Promise<number | null> {
  const dataSource = createDataSource({
    database: { kind: 'mysql', ...database, poolSize: 4 },
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const catalogue = await loadRegionCatalogue(JAKARTA_TIMUR_CODE);
    await syncRegionTable(dataSource, catalogue);
    if (voters === 0) return null;

    print(`Mengisi ${voters} pemilih sintetis (seed ${BENCH_SEED}); sekali saja per ukuran.`);
    const result = await seedVoters(dataSource, catalogue, {
      voters,
      seed: BENCH_SEED,
      progress: process.stdout.isTTY ? 'bar' : 'log',
      logger: progressLines(print),
    });

    return Math.round(result.elapsedMs / 100) / 10;
  } finally {
    await dataSource.destroy();
  }
}

/** seedVoters' progress records as short lines (counts and speed only). */
function progressLines(print: (line: string) => void): SeedLogger {
  return {
    info(record) {
      const { percent, done, total, rowsPerSecond } = record as Record<string, unknown>;
      if (typeof percent !== 'number') return;
      print(
        `  ${percent} % (${String(done)} dari ${String(total)}), ${String(rowsPerSecond)}/detik`,
      );
    },
  };
}
