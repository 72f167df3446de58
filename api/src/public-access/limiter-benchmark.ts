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
const niks = Array.from({ length: keyCount }, (_, index) =>
  buildNik({
    districtCode: `31.75.${String(1 + (index % 10)).padStart(2, '0')}`,
    birthDate: `19${50 + (index % 50)}-0${1 + (index % 9)}-1${index % 10}`,
    sex: index % 2 === 0 ? 'L' : 'P',
    serial: 1 + (index % 9_999),
  }),
);
const nikHashes = niks.map((nik) => hashPersonalValue(hashKey, nik));

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

// consume() plus its share of the background sync (memory store: the in-process part only).
async function withSync(store: CounterStore, label: string, total: number): Promise<void> {
  const limiter = newLimiter(store);
  let syncNs = 0n;
  const startedAt = process.hrtime.bigint();
  for (let index = 0; index < total; index += 1) {
    const key = index % keyCount;
    limiter.consume('CEK_NIK', ips[key] ?? '', nikHashes[key] ?? null);
    if (index % CALLS_PER_SYNC === CALLS_PER_SYNC - 1) {
      const syncStartedAt = process.hrtime.bigint();
      await limiter.flush();
      syncNs += process.hrtime.bigint() - syncStartedAt;
    }
  }
  const elapsed = Number(process.hrtime.bigint() - startedAt);
  report(`consume() + sync every ${CALLS_PER_SYNC} calls, ${label}`, elapsed, total);
  const syncs = Math.floor(total / CALLS_PER_SYNC);
  console.log(
    `${'  one sync of ~1,200 counters (wall time)'.padEnd(58)} ${(Number(syncNs) / syncs / 1e6).toFixed(2).padStart(7)} ms`,
  );
}

await withSync(new MemoryCounterStore(), 'memory store', calls);

// The other two steps of a lookup: the scan detector and the lookup log's buffer.
{
  const detector = new ScanDetector();
  const total = Math.min(calls, 1_000_000);
  const startedAt = process.hrtime.bigint();
  for (let index = 0; index < total; index += 1) {
    detector.observe(ips[index % keyCount] ?? '', niks[index % keyCount] ?? '');
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
  await dataSource.query('DELETE FROM rate_limit_counter');
  await withSync(
    new SqlCounterStore(dataSource),
    `SQL store (${dataSource.options.type})`,
    120_000,
  );
  await dataSource.query('DELETE FROM rate_limit_counter');
  await dataSource.destroy();
}
