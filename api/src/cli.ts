#!/usr/bin/env node
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { USER_CREATE_USAGE, userCreateCommand } from './accounts/user-create-command.js';
import { AUDIT_VERIFY_USAGE, auditVerifyCommand } from './audit/audit-verify-command.js';
import { ConfigError, loadConfig } from './config/config.js';
import { DatabaseUnavailableError, openDatabase } from './database/open-database.js';
import { buildKaliberSchema, printKaliberSchema } from './graphql/build-schema.js';
import { createLogger } from './logging/logger.js';
import { loadRegionCatalogue, syncRegionTable } from './regions/region-service.js';
import { SeedRefusedError, seedVoters, writeVotersCsv } from './seed/seed-command.js';

const USAGE = `Penggunaan: kaliber <perintah> [opsi]

Perintah:
  migrate                       terapkan migrasi database yang tertunda
  seed --voters N [--seed S]    isi database kosong dengan N pemilih sintetis
  seed --voters N --csv FILE    tulis N pemilih sintetis ke berkas CSV (tanpa database)
  schema:emit                   tulis schema/schema.graphql dari kode API
  schema:check                  gagal bila schema/schema.graphql berbeda dari kode API
${USER_CREATE_USAGE}${AUDIT_VERIFY_USAGE}`;

/** The committed SDL, resolved from this file so the command works from any folder. */
const SCHEMA_FILE = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../schema/schema.graphql',
);

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return migrate();
    case 'seed':
      return seed(rest);
    case 'schema:emit':
      fs.writeFileSync(SCHEMA_FILE, printKaliberSchema(await buildKaliberSchema()));
      process.stdout.write(`ditulis: ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
      return 0;
    case 'schema:check':
      return checkSchema();
    case 'user:create':
      return userCreateCommand(rest);
    case 'audit:verify':
      return auditVerifyCommand();
    default:
      process.stderr.write(USAGE);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

async function migrate(): Promise<number> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dataSource = await openDatabase(config.database, log, { migrate: true });
  await syncRegionTable(dataSource, await loadRegionCatalogue(config.kabKotaCode));
  await dataSource.destroy();
  log.info('database is up to date');

  return 0;
}

async function seed(args: string[]): Promise<number> {
  let values: { voters?: string; seed?: string; csv?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { voters: { type: 'string' }, seed: { type: 'string' }, csv: { type: 'string' } },
      strict: true,
    }));
  } catch {
    // node:util throws on an unknown option or one without its value.
    process.stderr.write(`kaliber: opsi perintah seed tidak dikenal atau tanpa nilai\n\n${USAGE}`);
    return 2;
  }

  const voters = Number(values.voters);
  if (!Number.isInteger(voters) || voters < 1 || voters > 3_000_000) {
    process.stderr.write('kaliber: --voters harus bilangan bulat 1 sampai 3000000\n');
    return 2;
  }
  const config = loadConfig();
  const seedValue = values.seed === undefined ? config.demoSeed : Number(values.seed);
  if (!Number.isInteger(seedValue) || seedValue < 0) {
    process.stderr.write('kaliber: --seed harus bilangan bulat tidak negatif\n');
    return 2;
  }
  const log = createLogger(config.logLevel);
  const catalogue = await loadRegionCatalogue(config.kabKotaCode);
  const progress = process.stdout.isTTY ? 'bar' : 'log';

  if (values.csv) {
    const result = await writeVotersCsv(path.resolve(values.csv), catalogue, {
      voters,
      seed: seedValue,
      progress,
    });
    log.info(result, 'synthetic voters written to CSV');
    return 0;
  }

  const dataSource = await openDatabase(config.database, log);
  try {
    await syncRegionTable(dataSource, catalogue);
    const result = await seedVoters(dataSource, catalogue, {
      voters,
      seed: seedValue,
      progress,
      logger: log,
    });
    log.info(result, 'synthetic voters seeded');
  } finally {
    await dataSource.destroy();
  }

  return 0;
}

async function checkSchema(): Promise<number> {
  const emitted = printKaliberSchema(await buildKaliberSchema());
  const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
  if (emitted === committed) {
    process.stdout.write('schema/schema.graphql sesuai dengan kode API\n');
    return 0;
  }
  process.stderr.write(
    'schema/schema.graphql berbeda dari skema yang dihasilkan kode API.\n' +
      'Jalankan `npm run schema:emit` lalu commit berkasnya.\n',
  );

  return 1;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error: unknown) {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof SeedRefusedError
  ) {
    process.stderr.write(`kaliber: ${error.message}\n`);
    process.exitCode = error instanceof ConfigError ? 2 : error instanceof SeedRefusedError ? 1 : 3;
  } else {
    throw error;
  }
}
