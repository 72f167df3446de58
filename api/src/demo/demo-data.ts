import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import { VoterEntity } from '../voters/voter.entity.js';
import { seedVoters } from '../seed/seed-command.js';

/**
 * On the embedded SQLite database only, an empty voter list is filled with the synthetic demo
 * set so that `npm start` on a fresh machine shows a working system. A MySQL database is never
 * filled on its own: it may be a production server awaiting its real list.
 */
export async function seedDemoDataIfEmpty(
  dataSource: DataSource,
  regions: RegionCatalogue,
  config: Config,
  log: Logger,
): Promise<void> {
  const voterCount = await dataSource.getRepository(VoterEntity).count();
  if (voterCount > 0) return;

  if (config.database.kind !== 'sqlite') {
    log.info(
      'voter list is empty; load a list or run `npm run seed -- --voters N` for synthetic data',
    );
    return;
  }
  if (config.demoVoters === 0) return;

  log.info(
    { voters: config.demoVoters, seed: config.demoSeed },
    'empty embedded database: seeding synthetic demo voters',
  );
  const result = await seedVoters(dataSource, regions, {
    voters: config.demoVoters,
    seed: config.demoSeed,
    progress: 'log',
    logger: log,
  });
  log.info(result, 'demo voters seeded');
}
