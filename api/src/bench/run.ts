// `npm run bench`: the speed targets of DESIGN §7, each a ratio against a baseline measured in
// the same run, so the verdict holds on a noisy machine. Prints a table and writes
// bench-results/<name>.json (docs/benchmarks.md). Exits 0 when a target is missed: the bench
// reports, it does not gate; only a bench that could not run exits non-zero.
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';

import { prepareBenchDatabase } from './bench-database.js';
import {
  BENCH_USAGE,
  BenchUsageError,
  parseBenchOptions,
  type SuiteName,
} from './bench-options.js';
import {
  formatReport,
  machineInfo,
  writeReport,
  type BenchReport,
  type SuiteReport,
} from './bench-report.js';
import { RESULTS_DIR, type BenchSuite } from './bench-suite.js';
import { cekNikSuite } from './cek-nik-suite.js';

const SUITES: Readonly<Record<SuiteName, BenchSuite>> = {
  'cek-nik': cekNikSuite,
};

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(BENCH_USAGE);
    return 0;
  }
  let options;
  try {
    options = parseBenchOptions(args);
  } catch (error: unknown) {
    if (!(error instanceof BenchUsageError)) throw error;
    process.stderr.write(`kaliber bench: ${error.message}\n\n${BENCH_USAGE}`);
    return 2;
  }

  const print = (line: string) => process.stdout.write(`${line}\n`);
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const resultsDir = path.join(RESULTS_DIR, options.name);
  fs.mkdirSync(resultsDir, { recursive: true });

  const database = await prepareBenchDatabase(options.database, options.voters, print);
  const suites: SuiteReport[] = [];
  for (const name of options.suites) {
    print(`Suite ${name}: log server di ${path.relative(process.cwd(), resultsDir)}/`);
    suites.push(await SUITES[name].run({ options, resultsDir, print }));
  }

  const report: BenchReport = {
    name: options.name,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    database,
    settings: {
      voters: options.voters,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      rounds: options.rounds,
    },
    suites,
  };
  process.stdout.write(formatReport(report));
  const file = writeReport(RESULTS_DIR, report);
  print(`\nHasil: ${path.relative(process.cwd(), file)}`);

  return 0;
}

process.exitCode = await main(process.argv.slice(2));
