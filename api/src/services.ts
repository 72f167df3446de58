import { kpuOfficeName, type RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import { AccountAdminService } from './accounts/account-admin-service.js';
import { PasswordHasher } from './accounts/password-hasher.js';
import { SessionService } from './accounts/session-service.js';
import { SignInService } from './accounts/sign-in-service.js';
import { AuditLog } from './audit/audit-log.js';
import type { Config } from './config/config.js';
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
}

export function createServices(
  config: Config,
  dataSource: DataSource,
  regions: RegionCatalogue,
  keys: SecretKeys,
): Services {
  const hasher = new PasswordHasher(config.security.passwordHashConcurrency);
  const audit = new AuditLog(dataSource, keys.keyFor('audit-chain'));
  const sessions = new SessionService(dataSource, config.security);
  const totpIssuer = `Kaliber ${kpuOfficeName(regions.kabKota.name)}`;

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
  };
}
