// Times the synthetic seed on the machine it runs on, for the table in docs/seed.md. Not part of the
// product; run from api/ with
//   node --import @swc-node/register/esm-register src/seed/seed-benchmark.ts \
//     --database sqlite:/tmp/seed.sqlite --voters 2400000 [--seed 1] [--drop]
//   ... --database mysql://root@127.0.0.1:3306/kaliber_seedbench --create --drop
//   ... --csv /tmp/voters.csv            (CSV only, no database)
//   ... --generate-only                  (generator alone, rows discarded)
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import mysql from 'mysql2/promise';
import { JAKARTA_TIMUR_CODE } from '@kaliber/schema';

import { parseDatabaseUrl, type DatabaseConfig } from '../config/database-url.js';
import { createDataSource, describeDatabase } from '../database/data-source.js';
import { loadRegionCatalogue, syncRegionTable } from '../regions/region-service.js';
import { seedVoters, writeVotersCsv } from './seed-command.js';
import { generateVoterBatches } from './synthetic-voters.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    voters: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    csv: { type: 'string' },
    create: { type: 'boolean', default: false },
    drop: { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
  },
});

const voters = Number(values.voters);
const seed = Number(values.seed);
const catalogue = await loadRegionCatalogue(JAKARTA_TIMUR_CODE);
const progress = process.stdout.isTTY ? 'bar' : 'log';

if (values['generate-only']) {
  const startedAt = performance.now();
  let rows = 0;
  for (const batch of generateVoterBatches(catalogue, { voters, seed })) rows += batch.length;
  report('generate', rows, performance.now() - startedAt);
} else if (values.csv) {
  const result = await writeVotersCsv(values.csv, catalogue, { voters, seed, progress });
  report(`csv ${values.csv}`, result.rows, result.elapsedMs);
} else {
  if (!values.database) throw new Error('--database sqlite:FILE or mysql://… is required');
  const database = parseDatabaseUrl(values.database, 2);
  if (values.create) await createMysqlDatabase(database);

  const dataSource = createDataSource({ database });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    await syncRegionTable(dataSource, catalogue);
    const result = await seedVoters(dataSource, catalogue, { voters, seed, progress });
    report(describeDatabase(database), result.voters, result.elapsedMs, result.households);
  } finally {
    await dataSource.destroy();
    if (values.drop) await dropDatabase(database);
  }
}

function report(target: string, rows: number, elapsedMs: number, households?: number): void {
  const result = {
    target,
    rows,
    households,
    seconds: Math.round(elapsedMs / 100) / 10,
    rowsPerSecond: Math.round(rows / (elapsedMs / 1000)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The database name passed parseDatabaseUrl's [A-Za-z0-9_] check, so it is safe to quote. */
async function createMysqlDatabase(database: DatabaseConfig): Promise<void> {
  if (database.kind !== 'mysql') return;
  const admin = await mysql.createConnection({
    host: database.host,
    port: database.port,
    user: database.user,
    password: database.password,
  });
  await admin.query(
    `CREATE DATABASE \`${database.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();
}

async function dropDatabase(database: DatabaseConfig): Promise<void> {
  if (database.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database.file + suffix, { force: true });
    return;
  }
  const admin = await mysql.createConnection({
    host: database.host,
    port: database.port,
    user: database.user,
    password: database.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${database.database}\``);
  await admin.end();
}
