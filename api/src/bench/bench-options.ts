import { parseArgs } from 'node:util';

import { parseDatabaseUrl } from '../config/database-url.js';

/** A command-line value the bench cannot use; the message says which option and why. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

/** The suites `--only` may name; each adds its own rows and targets to the report. */
export const SUITE_NAMES = ['cek-nik'] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

/** Where the bench database lives: MySQL/MariaDB only, the production target of DESIGN §7. */
export interface BenchDatabase {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** Contains "bench": the bench fills, empties and may recreate it. */
  readonly database: string;
  /** The URL as given, passed on to the servers under test. Never printed: it may hold a password. */
  readonly url: string;
}

export interface BenchOptions {
  readonly database: BenchDatabase;
  /** Synthetic voters the bench database must hold. */
  readonly voters: number;
  /** Seconds of measured load per run, after the warm-up. */
  readonly durationSeconds: number;
  /** Seconds of load before each run whose figures are thrown away. */
  readonly warmupSeconds: number;
  /** Concurrent keep-alive connections of the load generator. */
  readonly connections: number;
  /** Times each variant is measured; medians are reported. */
  readonly rounds: number;
  readonly suites: readonly SuiteName[];
  /** Base name of the JSON report and log files under bench-results/. */
  readonly name: string;
}

export const BENCH_USAGE = `Penggunaan: npm run bench -- [opsi]

  --database URL     database MySQL/MariaDB khusus bench (nama memuat "bench");
                     bawaan mysql://root@127.0.0.1:3306/kaliber_bench
  --voters N         jumlah pemilih sintetis di database bench; bawaan 2400000
  --duration S       detik pengukuran per putaran; bawaan 15
  --warmup S         detik pemanasan sebelum tiap pengukuran (dibuang); bawaan 3
  --connections N    koneksi serentak generator beban; bawaan 50
  --rounds N         jumlah putaran tiap varian (median yang dilaporkan); bawaan 2
  --only NAMA[,…]    hanya suite ini (${SUITE_NAMES.join(', ')}); bawaan semua
  --name NAMA        nama berkas hasil di bench-results/; bawaan dari waktu mulai
`;

/** Parses the bench's command line; throws a BenchUsageError on anything it cannot use. */
export function parseBenchOptions(args: readonly string[], now = new Date()): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        database: { type: 'string', default: 'mysql://root@127.0.0.1:3306/kaliber_bench' },
        voters: { type: 'string', default: '2400000' },
        duration: { type: 'string', default: '15' },
        warmup: { type: 'string', default: '3' },
        connections: { type: 'string', default: '50' },
        rounds: { type: 'string', default: '2' },
        only: { type: 'string' },
        name: { type: 'string' },
      },
    }));
  } catch {
    // node:util throws on an unknown option or one without its value.
    throw new BenchUsageError('opsi tidak dikenal atau tanpa nilai');
  }

  return {
    database: parseBenchDatabase(values.database),
    voters: wholeNumber('--voters', values.voters, 1, 3_000_000),
    durationSeconds: wholeNumber('--duration', values.duration, 1, 3_600),
    warmupSeconds: wholeNumber('--warmup', values.warmup, 0, 600),
    connections: wholeNumber('--connections', values.connections, 1, 1_000),
    rounds: wholeNumber('--rounds', values.rounds, 1, 50),
    suites: parseSuites(values.only),
    name: parseName(values.name, now),
  };
}

/**
 * The bench writes synthetic people into its database, clears its lookup log and may drop and
 * recreate it; a name without "bench" is refused so that a mistyped URL cannot do that to a
 * real list.
 */
function parseBenchDatabase(url: string): BenchDatabase {
  let parsed;
  try {
    parsed = parseDatabaseUrl(url, 1);
  } catch (error: unknown) {
    throw new BenchUsageError(`--database: ${error instanceof Error ? error.message : 'salah'}`);
  }
  if (parsed.kind !== 'mysql') {
    throw new BenchUsageError('--database harus mysql://…: baseline bench memakai mysql2');
  }
  if (!/bench/i.test(parsed.database)) {
    throw new BenchUsageError(
      '--database harus database khusus bench (namanya memuat "bench"), karena isinya diganti',
    );
  }

  return {
    host: parsed.host,
    port: parsed.port,
    user: parsed.user,
    password: parsed.password,
    database: parsed.database,
    url,
  };
}

function parseSuites(only: string | undefined): SuiteName[] {
  if (only === undefined) return [...SUITE_NAMES];

  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SUITE_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new BenchUsageError(`--only harus salah satu dari: ${SUITE_NAMES.join(', ')}`);
  }

  return SUITE_NAMES.filter((name) => names.includes(name));
}

/** The name becomes file names, so it is kept to letters, digits, dots, dashes and underscores. */
function parseName(name: string | undefined, now: Date): string {
  if (name === undefined) {
    // 2025-01-31T08:15:00.000Z → bench-20250131-081500
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `bench-${stamp}`;
  }
  if (!/^[A-Za-z0-9._-]{1,80}$/.test(name) || name.startsWith('.')) {
    throw new BenchUsageError(
      '--name hanya boleh huruf, angka, titik, garis bawah dan tanda minus',
    );
  }

  return name;
}

function wholeNumber(option: string, value: string, min: number, max: number): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new BenchUsageError(`${option} harus bilangan bulat ${min} sampai ${max}`);
  }

  return number;
}
