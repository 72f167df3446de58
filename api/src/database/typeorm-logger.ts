import type { Logger as TypeOrmLogger } from 'typeorm';

import type { Logger } from '../logging/logger.js';

/** Longest statement text kept in a log line; bulk INSERTs would otherwise flood the log. */
const MAX_STATEMENT_LENGTH = 300;

/**
 * Sends TypeORM's messages to the operations log. Query parameters are never logged (they are
 * NIKs, names, birth dates); statements are parameterised, so their text carries no values.
 * Statement text is logged only when SQL logging is asked for, or with a failure.
 */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(
    private readonly operations: Logger,
    private readonly logStatements: boolean,
  ) {}

  logQuery(query: string): void {
    if (this.logStatements) this.operations.debug({ sql: shorten(query) }, 'query');
  }

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'string' ? undefined : (error as { code?: unknown }).code;
    this.operations.warn({ sql: shorten(query), errorCode: code }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.operations.warn({ sql: shorten(query), ms: time }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.operations.debug(message);
  }

  logMigration(message: string): void {
    this.operations.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.operations.warn({ detail: String(message) }, 'typeorm warning');
    else this.operations.debug({ detail: String(message) }, 'typeorm');
  }
}

function shorten(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_STATEMENT_LENGTH ? `${flat.slice(0, MAX_STATEMENT_LENGTH)}…` : flat;
}
