import { kpuOfficeName, type RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import { AccountAdminService } from './accounts/account-admin-service.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { SessionService } from './accounts/session-service.js';
import { SignInService } from './accounts/sign-in-service.js';
import { AuditLog } from './audit/audit-log.js';
import type { Config } from './config/config.js';
import type { Logger } from './logging/logger.js';
import { CekNikService } from './public-access/cek-nik-service.js';
import { PublicLookupLog } from './public-access/lookup-log.js';
import { ProofOfWork } from './public-access/proof-of-work.js';
import { PublicGate } from './public-access/public-gate.js';
import { PublicRateLimiter } from './public-access/public-rate-limiter.js';
import { SqlCounterStore } from './public-access/rate-limit-store.js';
import { ScanDetector } from './public-access/scan-detector.js';
import { createVoterPresence } from './public-access/voter-presence.js';
import { RegistrationService } from './registrations/registration-service.js';
import type { SecretKeys } from './security/secret-keys.js';

/** The long-lived services of one API process, built once at start-up. */
export interface Services {
  readonly config: Config;
  readonly keys: SecretKeys;
  readonly hasher: PasswordHasher;
  readonly audit: AuditLog;
  readonly sessions: SessionService;
  readonly signIn: SignInService;
  readonly accounts: AccountAdminService;
  readonly cekNik: CekNikService;
  readonly registrations: RegistrationService;
  readonly publicAccess: PublicAccessServices;
}

/** The parts of the public gate that run in the background: timers to start and flush. */
export interface PublicAccessServices {
  readonly limiter: PublicRateLimiter;
  readonly lookupLog: PublicLookupLog;
  /** Present when the deployment requires a proof of work for public requests. */
  readonly proofOfWork: ProofOfWork | null;
  start(): void;
  /** Pushes the last counters and lookup records; call before the database closes. */
  stop(): Promise<void>;
}

export function createServices(
  config: Config,
  dataSource: DataSource,
  regions: RegionCatalogue,
  keys: SecretKeys,
  log: Logger,
): Services {
  const hasher = new PasswordHasher(config.security.passwordHashConcurrency);
  const audit = new AuditLog(dataSource, keys.keyFor('audit-chain'));
  const sessions = new SessionService(dataSource, config.security);
  const totpIssuer = `Kaliber ${kpuOfficeName(regions.kabKota.name)}`;
  const publicAccess = createPublicAccess(config, dataSource, keys, log);
  const gate = new PublicGate(
    publicAccess.limiter,
    publicAccess.proofOfWork,
    publicAccess.lookupLog,
    audit,
  );
  const settings = config.publicServices;
  const nikHashKey = keys.keyFor('nik-hash');

  return {
    config,
    keys,
    hasher,
    audit,
    sessions,
    signIn: new SignInService(
      dataSource,
      config.security,
      hasher,
      sessions,
      audit,
      keys,
      totpIssuer,
    ),
    accounts: new AccountAdminService(dataSource, regions, hasher, sessions, audit),
    cekNik: new CekNikService({
      settings,
      regions,
      presence: createVoterPresence(dataSource),
      gate,
      scanDetector: new ScanDetector(),
      audit,
      nikHashKey,
    }),
    registrations: new RegistrationService({
      dataSource,
      regions,
      settings,
      gate,
      audit,
      nikHashKey,
      documentKey: keys.keyFor('document'),
    }),
    publicAccess,
  };
}

/** How often old lookup records and spent proof-of-work challenges are deleted. */
const PUBLIC_PURGE_INTERVAL_MS = 10 * 60_000;

function errorName(error: unknown): { name: string } {
  return { name: error instanceof Error ? error.name : 'unknown' };
}

function createPublicAccess(
  config: Config,
  dataSource: DataSource,
  keys: SecretKeys,
  log: Logger,
): PublicAccessServices {
  const limiter = new PublicRateLimiter({
    store: new SqlCounterStore(dataSource),
    log,
    limits: config.publicServices.limits,
  });
  const lookupLog = new PublicLookupLog({ dataSource, log });
  const proofOfWork = config.publicServices.isProofOfWorkRequired
    ? new ProofOfWork(dataSource, keys.keyFor('proof-of-work'))
    : null;

  let purgeTimer: NodeJS.Timeout | undefined;

  return {
    limiter,
    lookupLog,
    proofOfWork,
    start() {
      limiter.start();
      lookupLog.start();
      purgeTimer = setInterval(() => {
        const retentionDays = config.publicServices.lookupRetentionDays;
        lookupLog.purgeOlderThan(retentionDays).catch((error: unknown) => {
          log.warn({ err: errorName(error) }, 'old public lookups could not be purged');
        });
        proofOfWork?.purgeExpired().catch((error: unknown) => {
          log.warn({ err: errorName(error) }, 'spent challenges could not be purged');
        });
      }, PUBLIC_PURGE_INTERVAL_MS);
      purgeTimer.unref();
    },
    async stop() {
      clearInterval(purgeTimer);
      await Promise.all([limiter.stop(), lookupLog.stop()]);
    },
  };
}
