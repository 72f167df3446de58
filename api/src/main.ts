import 'reflect-metadata';

import { ConfigError, loadConfig } from './config/config.js';
import { DatabaseUnavailableError } from './database/open-database.js';
import { createLogger } from './logging/logger.js';
import { startServer } from './server.js';

/**
 * `npm start`: one process serving GraphQL at /graphql and the console at /. Configuration and
 * database problems end the process with one readable line, not a stack trace.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      process.stderr.write(`kaliber: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const log = createLogger(config.logLevel);
  let server;
  try {
    server = await startServer(config, log);
  } catch (error: unknown) {
    if (error instanceof DatabaseUnavailableError || error instanceof ConfigError) {
      log.fatal(error.message);
      process.stderr.write(`kaliber: ${error.message}\n`);
      process.exit(error instanceof ConfigError ? 2 : 3);
    }
    throw error;
  }
  log.info(
    { url: server.url },
    `Kaliber siap: konsol di ${server.url}/ dan GraphQL di ${server.url}/graphql`,
  );

  const running = server;
  const shutdown = (signal: NodeJS.Signals) => {
    log.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs + 5_000);
    forced.unref();
    running.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

await main();
