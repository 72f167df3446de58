import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import { loadConfig } from './config/config.js';
import { openDatabase } from './database/open-database.js';
import { createLogger, type Logger } from './logging/logger.js';
import { loadRegionCatalogue, syncRegionTable } from './regions/region-service.js';
import { loadSecretKeys } from './security/secret-keys.js';
import { createServices, type Services } from './services.js';

/** What a CLI command that works on the database needs: the same services as the server. */
export interface CommandContext {
  readonly dataSource: DataSource;
  readonly regions: RegionCatalogue;
  readonly services: Services;
  readonly log: Logger;
}

/** Opens the configured database (migrating it), runs `work`, and always closes the pool. */
export async function withCommandContext<T>(
  work: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dataSource = await openDatabase(config.database, log);
  try {
    const regions = await loadRegionCatalogue(config.kabKotaCode);
    await syncRegionTable(dataSource, regions);
    const keys = loadSecretKeys(config.secretKey, config.dataDir, log);
    const services = createServices(config, dataSource, regions, keys, log);

    return await work({ dataSource, regions, services, log });
  } finally {
    await dataSource.destroy();
  }
}
