import type { RegionCatalogue } from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import { AccountEntity } from '../accounts/account.entity.js';
import { inTransaction } from '../database/transaction.js';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services.js';
import { insertDemoAccounts } from './demo-accounts.js';
import { VoterEntity } from '../voters/voter.entity.js';
import { seedVoters } from '../seed/seed-command.js';

/**
 * On the embedded SQLite database only, an empty voter list is filled with the synthetic demo
 * set, and an empty account table with one demo account per role, so that `npm start` on a
 * fresh machine shows a working system. A MySQL database is never filled on its own: it may be
 * a production server awaiting its real list. Nothing is seeded in production.
 */
export async function seedDemoDataIfEmpty(
  dataSource: DataSource,
  regions: RegionCatalogue,
  services: Services,
  log: Logger,
): Promise<void> {
  const { config } = services;
  if (config.environment === 'production') return;
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

  if ((await dataSource.getRepository(AccountEntity).count()) === 0) {
    const accounts = await inTransaction(dataSource, (manager) =>
      insertDemoAccounts(manager, services.hasher),
    );
    log.info({ accounts }, 'demo accounts created (see README for their names)');
  }
}
