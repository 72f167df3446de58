import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';

import type { DatabaseConfig } from '../config/database-url.js';
import type { Logger } from '../logging/logger.js';
import { AccountEntity } from '../accounts/account.entity.js';
import { LoginThrottleEntity } from '../accounts/login-throttle.entity.js';
import { SessionEntity } from '../accounts/session.entity.js';
import { AuditChainHeadEntity, AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { RegionEntity } from '../regions/region.entity.js';
import {
  RegistrationDocumentEntity,
  RegistrationEntity,
} from '../registrations/registration.entity.js';
import { VoterEntity } from '../voters/voter.entity.js';
import { migrations } from './migrations/index.js';
import { PinoTypeOrmLogger } from './typeorm-logger.js';

export const entities = [
  RegionEntity,
  VoterEntity,
  AccountEntity,
  SessionEntity,
  LoginThrottleEntity,
  AuditEntryEntity,
  AuditChainHeadEntity,
  RegistrationEntity,
  RegistrationDocumentEntity,
];

export interface DataSourceSettings {
  readonly database: DatabaseConfig;
  /** Where TypeORM's messages go; without one, they are dropped. */
  readonly log?: Logger;
  /** Log every SQL statement (text only, never parameters) at debug level. */
  readonly logging?: boolean;
}

/**
 * Builds (does not open) the TypeORM data source for either database. Schema changes come only
 * from migrations; `synchronize` stays off so production never alters tables on its own.
 */
export function createDataSource({
  database,
  log,
  logging = false,
}: DataSourceSettings): DataSource {
  const common = {
    entities,
    migrations,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: log ? new PinoTypeOrmLogger(log, logging) : undefined,
    logging: log ? (logging ? 'all' : ['error', 'warn', 'migration']) : false,
  } satisfies Partial<DataSourceOptions>;

  if (database.kind === 'sqlite') {
    if (database.file !== ':memory:')
      fs.mkdirSync(path.dirname(database.file), { recursive: true });
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: database.file,
      enableWAL: true,
      prepareDatabase: (db: { pragma(statement: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    });
  }

  return new DataSource({
    ...common,
    type: 'mysql',
    host: database.host,
    port: database.port,
    username: database.user,
    password: database.password,
    database: database.database,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: ['DATE'],
    poolSize: database.poolSize,
    connectTimeout: 5_000,
    extra: { enableKeepAlive: true },
  });
}

/** A short description of where the data lives, without credentials. */
export function describeDatabase(database: DatabaseConfig): string {
  return database.kind === 'sqlite'
    ? `sqlite ${database.file}`
    : `mysql ${database.host}:${database.port}/${database.database}`;
}
