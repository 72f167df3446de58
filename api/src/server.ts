import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import type { Config } from './config/config.js';
import { formatError } from './errors/format-error.js';
import { openDatabase } from './database/open-database.js';
import { buildKaliberSchema } from './graphql/build-schema.js';
import type { GraphQLContext } from './graphql/context.js';
import { errorLoggingPlugin } from './graphql/error-logging.plugin.js';
import { createApp } from './http/app.js';
import { withCekNikLane } from './http/cek-nik-lane.js';
import { CekNikFastPath } from './public-access/cek-nik-fast-path.js';
import type { Logger } from './logging/logger.js';
import { loadRegionCatalogue, syncRegionTable } from './regions/region-service.js';
import { seedDemoDataIfEmpty } from './demo/demo-data.js';
import { personalDataAuditPlugin } from './authorization/personal-data-audit.plugin.js';
import { loadSecretKeys } from './security/secret-keys.js';
import { createServices, type Services } from './services.js';
import { graphqlLimits, MAX_TOKENS } from './graphql/graphql-limits.js';

export interface RunningServer {
  /** Base URL the server listens on, e.g. http://127.0.0.1:3000. */
  readonly url: string;
  readonly dataSource: DataSource;
  readonly regions: RegionCatalogue;
  readonly services: Services;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), closes the pool. */
  close(): Promise<void>;
}

/** Opens the database, prepares reference and demo data, and starts listening. */
export async function startServer(config: Config, log: Logger): Promise<RunningServer> {
  const dataSource = await openDatabase(config.database, log, { logging: config.databaseLogging });
  try {
    const regions = await loadRegionCatalogue(config.kabKotaCode);
    const synced = await syncRegionTable(dataSource, regions);
    log.info({ kabKota: regions.kabKota.code, ...synced }, 'region table synchronised');
    const keys = loadSecretKeys(config.secretKey, config.dataDir, log);
    const services = createServices(config, dataSource, regions, keys, log);
    await seedDemoDataIfEmpty(dataSource, regions, services, log);

    return await listen(config, log, dataSource, regions, services);
  } catch (error: unknown) {
    await dataSource.destroy();
    throw error;
  }
}

async function listen(
  config: Config,
  log: Logger,
  dataSource: DataSource,
  regions: RegionCatalogue,
  services: Services,
): Promise<RunningServer> {
  const httpServer = http.createServer();
  const schema = await buildKaliberSchema();
  const armor = graphqlLimits();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // Depth, alias, directive, token and cost limits run before execution: a request with
    // 500 aliased lookups is refused before any resolver (or the database) sees it.
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    formatError,
    // Field suggestions ("Did you mean …") describe the schema to anonymous callers.
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    introspection: config.environment !== 'production',
    // main.ts owns shutdown; Apollo's own handler would re-raise the signal and kill the
    // process before the database pool is closed.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: config.shutdownTimeoutMs,
      }),
      ApolloServerPluginLandingPageDisabled(),
      ...armor.plugins,
      errorLoggingPlugin,
      personalDataAuditPlugin,
    ],
  });
  await apollo.start();

  const app = createApp({
    apollo,
    dataSource,
    regions,
    services,
    log,
    consoleDir: config.consoleDir,
  });
  httpServer.on(
    'request',
    config.publicServices.isCekNikFastPathEnabled
      ? withCekNikLane(
          app,
          new CekNikFastPath(schema, services.cekNik),
          log,
          config.security.trustedProxyHops,
        )
      : app,
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  services.publicAccess.start();
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    dataSource,
    regions,
    services,
    close: () => {
      // The drain plugin stops the listener and waits for in-flight requests.
      // The public services flush their buffered counters and lookup log before the pool goes.
      closing ??= apollo
        .stop()
        .then(() => services.publicAccess.stop())
        .then(() => dataSource.destroy());
      return closing;
    },
  };
}
