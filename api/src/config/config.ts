import path from 'node:path';
import { z } from 'zod';
import {
  JAKARTA_TIMUR_CODE,
  parseMaskPolicy,
  requireIsoDate,
  type MaskPolicy,
} from '@kaliber/schema';

import {
  DEFAULT_PUBLIC_LIMITS,
  parseRateLimitRule,
  type ActionLimits,
  type PublicLimits,
  type RateLimitRule,
} from '../public-access/rate-limit-rule.js';

import { parseDatabaseUrl, type DatabaseConfig } from './database-url.js';

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Parses "true"/"false"/"1"/"0"/"yes"/"no" and nothing else, so a typo is an error. */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'harus true atau false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'harus bilangan bulat' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `minimal ${min}` })
        .max(max, { message: `maksimal ${max}` }),
    );

/**
 * Every environment variable Kaliber reads, with its default. The README's configuration table
 * is written from this list; keep the two together.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: wholeNumber(0, 65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  KAB_KOTA: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, { message: 'harus kode kabupaten/kota Kemendagri, mis. 31.75' })
    .default(JAKARTA_TIMUR_CODE),
  DEMO_VOTERS: wholeNumber(0, 3_000_000).default(20_000),
  DEMO_SEED: wholeNumber(0, 2 ** 31 - 1).default(20_261_203),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CONSOLE_DIR: z.string().min(1).optional(),
  SHUTDOWN_TIMEOUT_MS: wholeNumber(0, 600_000).default(10_000),
  DATABASE_POOL_SIZE: wholeNumber(1, 500).default(10),
  DATABASE_LOGGING: booleanFlag.default(false),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, { message: 'harus 64 digit heksadesimal (32 bita acak)' })
    .optional(),
  REQUIRE_MFA: booleanFlag.optional(),
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: wholeNumber(0, 10).default(0),
  SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: wholeNumber(1, 30 * 24).default(12),
  LOGIN_MAX_FAILURES: wholeNumber(1, 100).default(5),
  LOGIN_LOCKOUT_MINUTES: wholeNumber(1, 24 * 60).default(15),
  LOGIN_IP_MAX_FAILURES: wholeNumber(1, 10_000).default(50),
  PASSWORD_HASH_CONCURRENCY: wholeNumber(1, 64).default(4),
  NIK_MASK: z.string().min(1).default('last6'),
  CEK_NIK_SHOWS_KELURAHAN: booleanFlag.default(false),
  CEK_NIK_FAST_PATH: booleanFlag.default(true),
  PROOF_OF_WORK: booleanFlag.optional(),
  PUBLIC_LIMIT_PER_IP: z.string().min(1).optional(),
  PUBLIC_LIMIT_PER_NIK: z.string().min(1).optional(),
  PUBLIC_LIMIT_GLOBAL: z.string().min(1).optional(),
  REGISTRATION_LIMIT_PER_IP: z.string().min(1).optional(),
  REGISTRATION_LIMIT_PER_NIK: z.string().min(1).optional(),
  REGISTRATION_LIMIT_GLOBAL: z.string().min(1).optional(),
  PUBLIC_LOOKUP_RETENTION_DAYS: wholeNumber(1, 3_650).default(90),
  POLLING_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'harus tanggal YYYY-MM-DD' })
    .optional(),
});

export interface Config {
  readonly environment: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** Folder of the embedded database file. Absolute. */
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Kemendagri code of the kabupaten/kota this deployment serves, e.g. 31.75. */
  readonly kabKotaCode: string;
  /** Voters seeded into an empty embedded database at start; 0 turns the demo set off. */
  readonly demoVoters: number;
  /** Seed of the synthetic-data generator, so the demo set is the same on every machine. */
  readonly demoSeed: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Built console served at `/`; absent folder means the API runs without a console. */
  readonly consoleDir: string;
  readonly shutdownTimeoutMs: number;
  readonly databaseLogging: boolean;
  /**
   * Master secret (32 bytes, hex) from which the audit-chain, NIK-hash and TOTP keys are
   * derived. Absent outside production: a key file is generated in the data folder.
   */
  readonly secretKey: string | undefined;
  readonly security: SecurityConfig;
  readonly publicServices: PublicServicesConfig;
}

/** The public services: Cek NIK, registration and tracking (DESIGN §4.1, §4.2, §6.3). */
export interface PublicServicesConfig {
  /** How Cek NIK masks the NIK it echoes (NIK_MASK: last6, last4 or visible digits). */
  readonly nikMask: MaskPolicy;
  /** Cek NIK also names the kelurahan of a registered NIK. Off by default. */
  readonly showsKelurahan: boolean;
  /** Public lookups and submissions need an ALTCHA proof of work; on by default in production. */
  readonly isProofOfWorkRequired: boolean;
  /** Serve the exact Cek NIK operation on the dedicated path instead of the general executor. */
  readonly isCekNikFastPathEnabled: boolean;
  /** Limits per client IP, per NIK and overall, for each public action. */
  readonly limits: PublicLimits;
  /** Next polling day, so that who turns 17 by then may register now (pemilih pemula). */
  readonly pollingDate: string | null;
  /** Days the lookup log keeps a record before it is purged. */
  readonly lookupRetentionDays: number;
}

export interface SecurityConfig {
  /** Every staff account must enrol a TOTP second factor before it can work. */
  readonly isMfaRequired: boolean;
  /** Session cookie marked Secure with the `__Host-` prefix: the console is served over HTTPS. */
  readonly isCookieSecure: boolean;
  /** Reverse proxies in front of the API; their X-Forwarded-For hops are trusted, no more. */
  readonly trustedProxyHops: number;
  /** A session unused this long ends. */
  readonly sessionIdleMs: number;
  /** A session ends this long after sign-in, however busy. */
  readonly sessionAbsoluteMs: number;
  /** Failed sign-ins of one account before it is locked for `lockoutMs`. */
  readonly maxFailuresPerAccount: number;
  readonly lockoutMs: number;
  /** Failed sign-ins from one client IP within `lockoutMs` before that IP is refused. */
  readonly maxFailuresPerIp: number;
  /** Password hashes computed at once; each takes 19 MiB, so a login flood cannot exhaust memory. */
  readonly passwordHashConcurrency: number;
}

const defaultConsoleDir = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '../../../console/dist/browser',
);

/**
 * Reads and validates the configuration. Throws a ConfigError whose message is one line naming
 * the first bad variable, so an operator sees what to fix without a stack trace.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(pickDefined(env));
  if (!parsed.success) {
    // Name the variable only: the rejected value can be a secret.
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join('.') ?? 'lingkungan';
    throw new ConfigError(`Konfigurasi ${variable} tidak valid: ${issue?.message ?? 'salah'}`);
  }
  const values = parsed.data;

  const dataDir = path.resolve(values.DATA_DIR);
  const databaseUrl = values.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'kaliber.sqlite')}`;
  const database = withVariableName('DATABASE_URL', () =>
    parseDatabaseUrl(databaseUrl, values.DATABASE_POOL_SIZE),
  );

  return {
    environment: values.NODE_ENV,
    host: values.HOST,
    port: values.PORT,
    dataDir,
    database,
    kabKotaCode: values.KAB_KOTA,
    demoVoters: values.DEMO_VOTERS,
    demoSeed: values.DEMO_SEED,
    logLevel: values.LOG_LEVEL,
    consoleDir: values.CONSOLE_DIR ? path.resolve(values.CONSOLE_DIR) : defaultConsoleDir,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    databaseLogging: values.DATABASE_LOGGING,
    secretKey: requireSecretInProduction(values.NODE_ENV, values.SECRET_KEY),
    security: {
      isMfaRequired: values.REQUIRE_MFA ?? values.NODE_ENV === 'production',
      isCookieSecure: values.COOKIE_SECURE ?? values.NODE_ENV === 'production',
      trustedProxyHops: values.TRUST_PROXY,
      sessionIdleMs: values.SESSION_IDLE_MINUTES * 60_000,
      sessionAbsoluteMs: values.SESSION_ABSOLUTE_HOURS * 3_600_000,
      maxFailuresPerAccount: values.LOGIN_MAX_FAILURES,
      lockoutMs: values.LOGIN_LOCKOUT_MINUTES * 60_000,
      maxFailuresPerIp: values.LOGIN_IP_MAX_FAILURES,
      passwordHashConcurrency: values.PASSWORD_HASH_CONCURRENCY,
    },
    publicServices: {
      nikMask: withVariableName('NIK_MASK', () => parseMaskPolicy(values.NIK_MASK)),
      showsKelurahan: values.CEK_NIK_SHOWS_KELURAHAN,
      isProofOfWorkRequired: values.PROOF_OF_WORK ?? values.NODE_ENV === 'production',
      isCekNikFastPathEnabled: values.CEK_NIK_FAST_PATH,
      limits: publicLimits(values),
      lookupRetentionDays: values.PUBLIC_LOOKUP_RETENTION_DAYS,
      pollingDate: values.POLLING_DATE
        ? withVariableName('POLLING_DATE', () => checkedDate(values.POLLING_DATE ?? ''))
        : null,
    },
  };
}

// PUBLIC_LIMIT_* set the limits of both Cek NIK and tracking, since both answer a question
// about an NIK; each keeps its own counters and, when unset, its own default.
function publicLimits(values: z.infer<typeof environmentSchema>): PublicLimits {
  const rule = (variable: LimitVariable, fallback: RateLimitRule): RateLimitRule => {
    const text = values[variable];
    return text === undefined
      ? fallback
      : withVariableName(variable, () => parseRateLimitRule(text));
  };
  const lookup = (defaults: ActionLimits): ActionLimits => ({
    perIp: rule('PUBLIC_LIMIT_PER_IP', defaults.perIp),
    perNik: rule('PUBLIC_LIMIT_PER_NIK', defaults.perNik),
    global: rule('PUBLIC_LIMIT_GLOBAL', defaults.global),
  });
  const submit = DEFAULT_PUBLIC_LIMITS.REGISTRATION_SUBMIT;

  return {
    CEK_NIK: lookup(DEFAULT_PUBLIC_LIMITS.CEK_NIK),
    REGISTRATION_STATUS: lookup(DEFAULT_PUBLIC_LIMITS.REGISTRATION_STATUS),
    REGISTRATION_SUBMIT: {
      perIp: rule('REGISTRATION_LIMIT_PER_IP', submit.perIp),
      perNik: rule('REGISTRATION_LIMIT_PER_NIK', submit.perNik),
      global: rule('REGISTRATION_LIMIT_GLOBAL', submit.global),
    },
  };
}

type LimitVariable =
  | 'PUBLIC_LIMIT_PER_IP'
  | 'PUBLIC_LIMIT_PER_NIK'
  | 'PUBLIC_LIMIT_GLOBAL'
  | 'REGISTRATION_LIMIT_PER_IP'
  | 'REGISTRATION_LIMIT_PER_NIK'
  | 'REGISTRATION_LIMIT_GLOBAL';

function checkedDate(text: string): string {
  requireIsoDate(text);
  return text;
}

/**
 * A generated key file suits a demo; in production the key must come from the operator's
 * secret store, so that a copy of the data folder does not carry the key with it.
 */
function requireSecretInProduction(
  environment: Config['environment'],
  secretKey: string | undefined,
): string | undefined {
  if (environment === 'production' && !secretKey) {
    throw new ConfigError(
      'Konfigurasi SECRET_KEY tidak valid: wajib diisi di produksi (64 digit heksadesimal)',
    );
  }

  return secretKey?.toLowerCase();
}

/** Empty strings count as unset, as shells and compose files often produce them. */
function pickDefined(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

function withVariableName<T>(variable: string, parse: () => T): T {
  try {
    return parse();
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`Konfigurasi ${variable} tidak valid: ${reason}`);
  }
}
