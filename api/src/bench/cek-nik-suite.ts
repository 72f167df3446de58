import crypto from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { maskNik } from '@kaliber/schema';

import { connectBench } from './bench-database.js';
import { compareRows, loadAverageNow, summarizeRow, type RunReport } from './bench-report.js';
import { API_DIST_DIR, type BenchContext, type BenchSuite } from './bench-suite.js';
import { buildCekNikMix } from './cek-nik-mix.js';
import { runLoad, type LoadFigures, type LoadRequest } from './http-load.js';
import { baseEnvironment, startServerProcess, type ServerLaunch } from './server-process.js';

/** The document every request sends: the console's Cek NIK query, byte for byte. */
export const CEK_NIK_DOCUMENT =
  'query CekNik($nik: String!) { cekNik(nik: $nik) { terdaftar nikMasked } }';

/** Registered NIKs in the mix, and as many that are not on the list. */
const MIX_HALF = 10_000;

/** DESIGN §7: Kaliber's Cek NIK at ≥ 50 % of the bare handler's throughput. */
const TARGET_RATIO = 0.5;

/**
 * Far above anything 50 connections on this box can send in a minute, so the limiter counts
 * every request as it would in production but never refuses one.
 */
const UNREACHABLE_LIMIT = '100000000/1m';

/**
 * The settings both Kaliber rows run with besides the database, port and key: production, the
 * request log on, no proof of work (a load generator cannot solve a challenge per request) and
 * the limits out of reach. Reported in the JSON as they are.
 */
const KALIBER_SETTINGS: Readonly<Record<string, string>> = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  PROOF_OF_WORK: 'false',
  PUBLIC_LIMIT_PER_IP: UNREACHABLE_LIMIT,
  PUBLIC_LIMIT_PER_NIK: UNREACHABLE_LIMIT,
  PUBLIC_LIMIT_GLOBAL: UNREACHABLE_LIMIT,
};

/** The Apollo row: the dedicated Cek NIK path off, every request through the executor. */
const APOLLO_SETTINGS: Readonly<Record<string, string>> = { CEK_NIK_FAST_PATH: 'false' };

/** What every server of the suite is started with. */
interface LaunchSettings {
  readonly logDir: string;
  readonly databaseUrl: string;
  /** One random SECRET_KEY per bench run, shared by both Kaliber variants. */
  readonly secretKey: string;
}

interface Variant {
  readonly id: 'bare' | 'kaliber' | 'kaliber-apollo';
  readonly label: string;
  readonly launch: (settings: LaunchSettings) => ServerLaunch;
}

/** The answer a request must get, as the parsed JSON body. */
type ExpectedAnswer = { data: { cekNik: { terdaftar: boolean; nikMasked: string } } };

/**
 * Public Cek NIK over HTTP: the bare node:http + mysql2 handler (the floor), Kaliber as deployed
 * (with its dedicated Cek NIK path) and Kaliber with that path off (every request through
 * Apollo), each measured once per round in that order, B K K' B K K' …, so that a slow patch of
 * the machine hits all three alike.
 */
export const cekNikSuite: BenchSuite = {
  name: 'cek-nik',

  async run(context) {
    const { options, print } = context;
    const mix = await prepareMix(context);
    const runSeconds = options.warmupSeconds + options.durationSeconds;
    print(
      `Cek NIK: ${VARIANTS.length} varian × ${options.rounds} putaran × ${runSeconds} s ` +
        `(${options.warmupSeconds} s pemanasan), tiap putaran dengan server yang baru dijalankan.`,
    );
    const settings: LaunchSettings = {
      logDir: context.resultsDir,
      databaseUrl: options.database.url,
      secretKey: crypto.randomBytes(32).toString('hex'),
    };
    const runs = new Map<Variant['id'], RunReport[]>(VARIANTS.map((variant) => [variant.id, []]));

    for (let round = 1; round <= options.rounds; round += 1) {
      for (const variant of VARIANTS) {
        const loadAverage = loadAverageNow();
        const server = await startServerProcess(variant.launch(settings));
        let figures: LoadFigures;
        try {
          figures = await runLoad({
            url: server.url,
            path: '/graphql',
            connections: options.connections,
            durationSeconds: options.durationSeconds,
            warmupSeconds: options.warmupSeconds,
            requests: mix,
            isRightAnswer: (answer, expected) => isDeepStrictEqual(answer, expected),
          });
        } finally {
          await server.stop();
        }
        runs.get(variant.id)?.push(toRunReport(round, loadAverage, figures));
        print(
          `  putaran ${round}/${options.rounds} ${variant.label}: ${describeRun(figures)} ` +
            `(beban ${loadAverage})`,
        );
      }
    }

    const [bare, kaliber, apollo] = VARIANTS.map((variant) =>
      summarizeRow(variant.id, variant.label, 'req/s', runs.get(variant.id) ?? []),
    );
    if (!bare || !kaliber || !apollo) throw new Error('A Cek NIK variant has no row');

    return {
      name: 'cek-nik',
      title: 'Cek NIK publik lewat HTTP (POST /graphql)',
      setup: {
        document: CEK_NIK_DOCUMENT,
        requests: mix.length,
        registeredShare: 0.5,
        baselineQuery: BARE_QUERY,
        databasePoolSize: 10,
        kaliberSettings: KALIBER_SETTINGS,
        kaliberApolloSettings: APOLLO_SETTINGS,
      },
      rows: [bare, kaliber, apollo],
      targets: [
        compareRows('Cek NIK', kaliber, bare, TARGET_RATIO),
        compareRows('Cek NIK tanpa jalur khusus', apollo, bare, null),
      ],
    };
  },
};

/** What the baseline runs per request, for the report (see bare-cek-nik-server.ts). */
const BARE_QUERY = 'SELECT kelurahan_code FROM voter WHERE nik = ? AND status = ? LIMIT 1';

const VARIANTS: readonly Variant[] = [
  {
    id: 'bare',
    label: 'node:http + mysql2',
    launch: (settings) => ({
      name: 'bare Cek NIK server',
      script: path.join(API_DIST_DIR, 'bench', 'bare-cek-nik-server.js'),
      env: { ...baseEnvironment(), DATABASE_URL: settings.databaseUrl },
      logFile: path.join(settings.logDir, 'bare.log'),
      readyPath: '/readyz',
    }),
  },
  {
    id: 'kaliber',
    label: 'Kaliber',
    launch: (settings) => kaliberLaunch(settings, 'kaliber', {}),
  },
  {
    id: 'kaliber-apollo',
    label: 'Kaliber, jalur Apollo',
    launch: (settings) => kaliberLaunch(settings, 'kaliber-apollo', APOLLO_SETTINGS),
  },
];

/** The real API as an operator would start it (`node api/dist/main.js`), with KALIBER_SETTINGS. */
function kaliberLaunch(
  settings: LaunchSettings,
  id: string,
  extra: Readonly<Record<string, string>>,
): ServerLaunch {
  return {
    name: id,
    script: path.join(API_DIST_DIR, 'main.js'),
    env: {
      ...baseEnvironment(),
      ...KALIBER_SETTINGS,
      SECRET_KEY: settings.secretKey,
      DATABASE_URL: settings.databaseUrl,
      DATA_DIR: path.join(settings.logDir, 'kaliber-data'),
      ...extra,
    },
    logFile: path.join(settings.logDir, `${id}.log`),
    readyPath: '/readyz',
  };
}

/** The request mix as ready-made bodies, each with the whole answer it must get. */
async function prepareMix(context: BenchContext): Promise<LoadRequest<ExpectedAnswer>[]> {
  context.print(`Menyusun campuran permintaan: ${MIX_HALF} NIK terdaftar, ${MIX_HALF} tidak.`);
  const connection = await connectBench(context.options.database);
  let mix;
  try {
    mix = await buildCekNikMix(connection, MIX_HALF);
  } finally {
    await connection.end();
  }

  return mix.map((entry) => ({
    body: Buffer.from(JSON.stringify({ query: CEK_NIK_DOCUMENT, variables: { nik: entry.nik } })),
    expected: {
      data: { cekNik: { terdaftar: entry.isRegistered, nikMasked: maskNik(entry.nik) } },
    },
  }));
}

function toRunReport(round: number, loadAverage: number, figures: LoadFigures): RunReport {
  return {
    round,
    loadAverage,
    value: figures.requestsPerSecond,
    isValid: figures.isValid,
    latencyMs: figures.latencyMs,
    counts: {
      completed: figures.completed,
      errors: figures.errors,
      timeouts: figures.timeouts,
      non2xx: figures.non2xx,
      graphqlErrors: figures.graphqlErrors,
      sampled: figures.sampled,
      wrongAnswers: figures.wrongAnswers,
    },
  };
}

function describeRun(figures: LoadFigures): string {
  const problems = [
    ['galat soket', figures.errors],
    ['timeout', figures.timeouts],
    ['non-2xx', figures.non2xx],
    ['galat GraphQL', figures.graphqlErrors],
    ['jawaban salah', figures.wrongAnswers],
  ].filter(([, count]) => Number(count) > 0);
  const latency = figures.latencyMs;

  return (
    `${figures.requestsPerSecond} req/s, p50 ${latency.p50} ms, p99 ${latency.p99} ms, ` +
    `${figures.sampled} jawaban diperiksa` +
    (problems.length > 0
      ? `; TIDAK SAH: ${problems.map(([name, count]) => `${count} ${name}`).join(', ')}`
      : '')
  );
}
