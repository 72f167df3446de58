// What the public limiter, scan detector and lookup log cost a Cek NIK request, on the machine it
// runs on. Not part of the product and not a test; run from api/ with
//   node --import @swc-node/register/esm-register src/public-access/limiter-benchmark.ts \
//     [--keys 100000] [--calls 2000000] [--database sqlite:/tmp/limits.sqlite | mysql://…/db]
// With --database (an existing, empty or migrated database) it also times the background sync
// against the real counter table.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { buildNik } from '@kaliber/schema';

import { hashPersonalValue } from '../audit/personal-value-hash.js';
import { parseDatabaseUrl } from '../config/database-url.js';
import { createDataSource } from '../database/data-source.js';
import { PublicLookupLog } from './lookup-log.js';
import { PublicRateLimiter } from './public-rate-limiter.js';
import type { PublicLimits } from './rate-limit-rule.js';
import { MemoryCounterStore, SqlCounterStore, type CounterStore } from './rate-limit-store.js';
import { ScanDetector } from './scan-detector.js';

const { values } = parseArgs({
  options: {
    keys: { type: 'string', default: '100000' },
    calls: { type: 'string', default: '2000000' },
    database: { type: 'string' },
  },
});
const keyCount = Number(values.keys);
const calls = Number(values.calls);
/** Requests per sync interval at ~3,000 Cek NIK/s and the default 200 ms interval. */
const CALLS_PER_SYNC = 600;

// High enough that every call is admitted: the measured path is the full one (three hits).
const open = { points: 1_000_000_000, windowSeconds: 600 };
const limits: PublicLimits = {
  CEK_NIK: { perIp: open, perNik: open, global: open },
  REGISTRATION_STATUS: { perIp: open, perNik: open, global: open },
  REGISTRATION_SUBMIT: { perIp: open, perNik: open, global: open },
};
const log = pino({ level: 'warn' });
const hashKey = randomBytes(32);
const ips = Array.from(
  { length: keyCount },
  (_, index) => `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
);
const nikList = Array.from({ length: keyCount }, (_, index) =>
  buildNik({
    districtCode: `31.75.${String(1 + (index % 10)).padStart(2, '0')}`,
    birthDate: `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 10}`,
    sex: index % 2 === 0 ? 'L' : 'P',
    serial: 1 + (index % 9_999),
  }),
);
const nikHashes = nikList.map((nik) => hashPersonalValue(hashKey, nik));

function report(label: string, totalNs: number, count: number): void {
  console.log(`${label.padEnd(58)} ${(totalNs / count).toFixed(0).padStart(7)} ns/call`);
}

function newLimiter(store: CounterStore): PublicRateLimiter {
  return new PublicRateLimiter({ store, log, limits, maxKeys: 3 * keyCount });
}

// consume() alone: the synchronous decision a request waits for.
{
  const limiter = newLimiter(new MemoryCounterStore());
  for (let index = 0; index < keyCount; index += 1) {
    limiter.consume('CEK_NIK', ips[index] ?? '', nikHashes[index] ?? null);
  }
  const startedAt = process.hrtime.bigint();
  for (let index = 0; index < calls; index += 1) {
    const key = index % keyCount;
    limiter.consume('CEK_NIK', ips[key] ?? '', nikHashes[key] ?? null);
  }
  report(
    `consume(), ${keyCount.toLocaleString('en')} IPs × NIKs held, no sync`,
    Number(process.hrtime.bigint() - startedAt),
    calls,
  );
}

/**
 * Traffic for the sync runs. `repeat`: the same keys again and again, so after the first pass
 * every counter is shared (the worst case for the store). `fresh`: a new NIK on every call from
 * 1,000 client addresses, as in an election week (NIK counters hit once stay local).
 */
type Traffic = 'repeat' | 'fresh';

// consume() plus its share of the background sync, one sync per CALLS_PER_SYNC calls. Repeat
// traffic is measured after a first, untimed pass over the keys.
async function withSync(store: CounterStore, label: string, traffic: Traffic, total: number) {
  let counters = 0;
  const counting: CounterStore = {
    addAndRead: (deltas) => {
      counters += deltas.length;
      return store.addAndRead(deltas);
    },
    purgeExpired: (now) => store.purgeExpired(now),
  };
  const limiter = newLimiter(counting);
  const run = async (count: number) => {
    let syncNs = 0n;
    counters = 0;
    const startedAt = process.hrtime.bigint();
    for (let index = 0; index < count; index += 1) {
      const key = index % keyCount;
      const ip = traffic === 'repeat' ? ips[key] : ips[index % 1_000];
      limiter.consume('CEK_NIK', ip ?? '', nikHashes[key] ?? null);
      if (index % CALLS_PER_SYNC === CALLS_PER_SYNC - 1) {
        const syncStartedAt = process.hrtime.bigint();
        await limiter.flush();
        syncNs += process.hrtime.bigint() - syncStartedAt;
      }
    }
    return { elapsed: Number(process.hrtime.bigint() - startedAt), syncNs: Number(syncNs) };
  };
  if (traffic === 'repeat') await run(keyCount);
  const measured = traffic === 'repeat' ? total : Math.min(total, keyCount);
  const { elapsed, syncNs } = await run(measured);
  const syncs = Math.floor(measured / CALLS_PER_SYNC);

  report(`consume() + sync, ${traffic} traffic, ${label}`, elapsed, measured);
  console.log(
    `${`  one sync: ${Math.round(counters / syncs)} counters (wall time)`.padEnd(58)} ${(syncNs / syncs / 1e6).toFixed(2).padStart(7)} ms`,
  );
}

for (const traffic of ['repeat', 'fresh'] as const) {
  await withSync(new MemoryCounterStore(), 'memory store', traffic, calls);
}

// The other two steps of a lookup: the scan detector and the lookup log's buffer.
{
  const detector = new ScanDetector();
  const total = Math.min(calls, 1_000_000);
  const startedAt = process.hrtime.bigint();
  for (let index = 0; index < total; index += 1) {
    detector.observe(ips[index % keyCount] ?? '', nikList[index % keyCount] ?? '');
  }
  report('ScanDetector.observe()', Number(process.hrtime.bigint() - startedAt), total);
}
{
  // Never flushed: record() only appends, and that is what a request pays.
  const total = 200_000;
  const lookupLog = new PublicLookupLog({
    dataSource: createDataSource({ database: parseDatabaseUrl('sqlite::memory:', 1) }),
    log,
    maxBuffered: total,
  });
  const startedAt = process.hrtime.bigint();
  for (let index = 0; index < total; index += 1) {
    lookupLog.record({
      action: 'CEK_NIK',
      nikHash: nikHashes[index % keyCount] ?? null,
      clientIp: ips[index % keyCount] ?? '',
      requestId: 'bench',
      outcome: 'NOT_FOUND',
    });
  }
  report('PublicLookupLog.record()', Number(process.hrtime.bigint() - startedAt), total);
}

if (values.database) {
  const dataSource = createDataSource({ database: parseDatabaseUrl(values.database, 4) });
  await dataSource.initialize();
  await dataSource.runMigrations();
  for (const traffic of ['repeat', 'fresh'] as const) {
    await dataSource.query('DELETE FROM rate_limit_counter');
    await withSync(
      new SqlCounterStore(dataSource),
      `SQL store (${dataSource.options.type})`,
      traffic,
      120_000,
    );
  }
  await dataSource.query('DELETE FROM rate_limit_counter');
  await dataSource.destroy();
}
