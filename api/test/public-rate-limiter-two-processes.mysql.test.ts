import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';

import { createDataSource } from '../src/database/data-source.js';
import { PublicRateLimiter } from '../src/public-access/public-rate-limiter.js';
import type { PublicLimits } from '../src/public-access/rate-limit-rule.js';
import { SqlCounterStore } from '../src/public-access/rate-limit-store.js';
import { openMigratedTestDatabase, type TestDatabase } from './support/test-database.js';

// Runs in the MariaDB pass only (see vitest.config.ts): API processes share their limits
// through MySQL, each with a pool of its own; here each limiter gets its own DataSource.
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const NIK_HASH = '9'.repeat(64);
const lookup = {
  perIp: { points: 1_000, windowSeconds: 60 },
  perNik: { points: 10, windowSeconds: 600 },
  global: { points: 100_000, windowSeconds: 60 },
};
const LIMITS: PublicLimits = {
  CEK_NIK: lookup,
  REGISTRATION_STATUS: lookup,
  REGISTRATION_SUBMIT: lookup,
};

describe('two API processes sharing the public rate limits (mysql)', () => {
  let database: TestDatabase & { dataSource: DataSource };
  let secondDataSource: DataSource;
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  const limiterOn = (dataSource: DataSource) =>
    new PublicRateLimiter({
      store: new SqlCounterStore(dataSource),
      log,
      limits: LIMITS,
      now: () => START,
    });

  beforeAll(async () => {
    database = await openMigratedTestDatabase();
    secondDataSource = createDataSource({ database: database.config });
    await secondDataSource.initialize();
  });
  afterAll(async () => {
    await secondDataSource.destroy();
    await database.drop();
  });

  const storedHits = async (key: string): Promise<number> => {
    const rows: { hits: number }[] = await database.dataSource.query(
      'SELECT hits FROM rate_limit_counter WHERE counter_key = ?',
      [key],
    );
    return Number(rows[0]?.hits ?? 0);
  };

  it('shares a per-NIK limit after a sync, over one interval of lag at most', async () => {
    const one = limiterOn(database.dataSource);
    const two = limiterOn(secondDataSource);
    const consume = (limiter: PublicRateLimiter, times: number) =>
      Array.from({ length: times }, (_, index) => {
        const decision = limiter.consume('CEK_NIK', `10.7.0.${index}`, NIK_HASH);
        return decision.allowed ? 'allowed' : decision.scope;
      });

    const steps = [consume(one, 6)];
    await one.flush();
    // Two shares a counter from its second hit; then it knows of one's six too.
    steps.push(consume(two, 2));
    await two.flush();
    steps.push(consume(two, 3));
    await two.flush();
    // One last read the counter at six; it lets one through before its sync shows eleven.
    steps.push(consume(one, 1));
    await one.flush();
    steps.push(consume(one, 1));

    expect(steps).toEqual([
      Array(6).fill('allowed'),
      ['allowed', 'allowed'],
      ['allowed', 'allowed', 'NIK'],
      ['allowed'],
      ['NIK'],
    ]);
    expect(await storedHits(`CEK_NIK:NIK:${NIK_HASH}:${START / 1000}`)).toBe(11);
  });

  it('adds both processes’ hits when they sync the same counters at the same time', async () => {
    const one = limiterOn(database.dataSource);
    const two = limiterOn(secondDataSource);
    lines.length = 0;
    // 1,101 counters each (IP, NIK and the global one): more than one statement's worth, in a
    // transaction, with every counter contended by the other process.
    for (let round = 0; round < 3; round += 1) {
      for (let index = 0; index < 550; index += 1) {
        const ip = `10.8.${Math.floor(index / 250)}.${index % 250}`;
        const nikHash = String(index).padStart(64, 'a');
        one.consume('REGISTRATION_STATUS', ip, nikHash);
        two.consume('REGISTRATION_STATUS', ip, nikHash);
      }
      await Promise.all([one.flush(), two.flush()]);
    }
    const [totals] = await database.dataSource.query<
      { counters: number | string; hits: number | string }[]
    >(
      `SELECT COUNT(*) AS counters, SUM(hits) AS hits FROM rate_limit_counter WHERE counter_key LIKE 'REGISTRATION_STATUS:%'`,
    );

    expect([Number(totals?.counters), Number(totals?.hits)]).toEqual([1_101, 3 * 2 * 550 * 3]);
    expect(lines).toEqual([]);
  });
});
