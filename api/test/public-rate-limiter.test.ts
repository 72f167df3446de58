import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';

import { PublicRateLimiter, type LimitDecision } from '../src/public-access/public-rate-limiter.js';
import {
  formatRateLimitRule,
  parseRateLimitRule,
  PUBLIC_ACTIONS,
  type PublicLimits,
} from '../src/public-access/rate-limit-rule.js';
import {
  MemoryCounterStore,
  SqlCounterStore,
  type CounterStore,
} from '../src/public-access/rate-limit-store.js';
import {
  openMigratedTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

/** A Monday 08:00 UTC: on a boundary of every window below. */
const START = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** Small limits so each can be reached alone: IP 3/1m, NIK 2/10m, global 5/1m. */
const lookupLimits = {
  perIp: { points: 3, windowSeconds: 60 },
  perNik: { points: 2, windowSeconds: 600 },
  global: { points: 5, windowSeconds: 60 },
};
const LIMITS: PublicLimits = {
  CEK_NIK: lookupLimits,
  REGISTRATION_STATUS: lookupLimits,
  REGISTRATION_SUBMIT: lookupLimits,
};

function capturingLog() {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
  return { log, lines };
}

function setup(
  store: CounterStore = new MemoryCounterStore(),
  options: { maxKeys?: number; limits?: PublicLimits; minHitsToShare?: number } = {},
) {
  const clock = { now: START };
  const { log, lines } = capturingLog();
  const limiter = new PublicRateLimiter({
    store,
    log,
    limits: options.limits ?? LIMITS,
    now: () => clock.now,
    maxKeys: options.maxKeys,
    minHitsToShare: options.minHitsToShare,
  });
  return { clock, limiter, lines };
}

const allowed = (decision: LimitDecision) => decision.allowed;

it('reads rules written as N/<number><s|m|h> and refuses anything else', () => {
  expect(['30/10m', '5/30s', '3/24h', ' 1/1s '].map(parseRateLimitRule)).toEqual([
    { points: 30, windowSeconds: 600 },
    { points: 5, windowSeconds: 30 },
    { points: 3, windowSeconds: 86_400 },
    { points: 1, windowSeconds: 1 },
  ]);
  for (const junk of [
    '',
    '30',
    '30/m',
    '30/10',
    '0/1m',
    '30/0m',
    '-1/1m',
    '30/10d',
    '3/169h',
    'x/1m',
  ]) {
    expect(() => parseRateLimitRule(junk), junk).toThrow(RangeError);
  }
  expect(
    ['30/10m', '5/30s', '3/24h', '7/90s'].map((text) =>
      formatRateLimitRule(parseRateLimitRule(text)),
    ),
  ).toEqual(['30/10m', '5/30s', '3/24h', '7/90s']);
});

it('keeps every counter key within the 120-character column, hashing an overlong id', async () => {
  const memory = new MemoryCounterStore();
  const keys: string[] = [];
  const recording: CounterStore = {
    addAndRead: (deltas) => {
      keys.push(...deltas.map((delta) => delta.key));
      return memory.addAndRead(deltas);
    },
    purgeExpired: (now) => memory.purgeExpired(now),
  };
  const clock = { now: START };
  const limiter = new PublicRateLimiter({
    store: recording,
    log: capturingLog().log,
    now: () => clock.now,
    minHitsToShare: 1,
  });
  // The longest real address (IPv6 with an IPv4 tail), a SHA-256 hex hash, and junk.
  const longestIp = 'ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255';
  for (const action of PUBLIC_ACTIONS) {
    limiter.consume(action, longestIp, HASH_A);
    limiter.consume(action, 'x'.repeat(200), null);
  }
  await limiter.flush();

  expect(keys).toHaveLength(PUBLIC_ACTIONS.length * 4);
  expect(keys).toContain(`REGISTRATION_STATUS:NIK:${HASH_A}:${START / 1000}`);
  expect(keys.filter((key) => key.length > 120)).toEqual([]);
});

it('trips the per-IP limit at exactly its value and admits the IP again in the next window', () => {
  const { clock, limiter } = setup();
  const first = [1, 2, 3].map((index) =>
    allowed(limiter.consume('CEK_NIK', '10.0.0.1', `${index}`.padStart(64, '0'))),
  );
  clock.now += 20_000;
  const fourth = limiter.consume('CEK_NIK', '10.0.0.1', HASH_B);
  const otherIp = limiter.consume('CEK_NIK', '10.0.0.2', HASH_B);
  clock.now = START + MINUTE;
  const nextWindow = limiter.consume('CEK_NIK', '10.0.0.1', null);

  expect([first, fourth, otherIp, nextWindow]).toEqual([
    [true, true, true],
    { allowed: false, scope: 'IP', retryAfterSeconds: 40, isFirstRefusal: true },
    { allowed: true },
    { allowed: true },
  ]);
});

it('trips the per-NIK limit across IPs and recovers when its window ends', () => {
  const { clock, limiter } = setup();
  const first = ['10.0.0.1', '10.0.0.2'].map((ip) =>
    allowed(limiter.consume('CEK_NIK', ip, HASH_A)),
  );
  const third = limiter.consume('CEK_NIK', '10.0.0.3', HASH_A);
  const otherNik = limiter.consume('CEK_NIK', '10.0.0.3', HASH_B);
  clock.now = START + 9 * MINUTE;
  const stillRefused = limiter.consume('CEK_NIK', '10.0.0.4', HASH_A);
  clock.now = START + 10 * MINUTE;
  const nextWindow = limiter.consume('CEK_NIK', '10.0.0.4', HASH_A);

  expect([first, third, otherNik, stillRefused, nextWindow]).toEqual([
    [true, true],
    { allowed: false, scope: 'NIK', retryAfterSeconds: 600, isFirstRefusal: true },
    { allowed: true },
    { allowed: false, scope: 'NIK', retryAfterSeconds: 60, isFirstRefusal: false },
    { allowed: true },
  ]);
});

it('trips the global limit over many IPs and NIKs and recovers in the next window', () => {
  const { clock, limiter } = setup();
  const first = [1, 2, 3, 4, 5].map((index) =>
    allowed(limiter.consume('CEK_NIK', `10.0.1.${index}`, null)),
  );
  const sixth = limiter.consume('CEK_NIK', '10.0.1.6', HASH_A);
  const otherAction = limiter.consume('REGISTRATION_STATUS', '10.0.1.6', HASH_A);
  clock.now = START + MINUTE;
  const nextWindow = limiter.consume('CEK_NIK', '10.0.1.6', HASH_A);

  expect([first, sixth, otherAction, nextWindow]).toEqual([
    [true, true, true, true, true],
    { allowed: false, scope: 'GLOBAL', retryAfterSeconds: 60, isFirstRefusal: true },
    { allowed: true },
    { allowed: true },
  ]);
});

it('counts refused requests against no limit', async () => {
  const store = new MemoryCounterStore();
  const { limiter } = setup(store);
  for (let index = 0; index < 3; index += 1) limiter.consume('CEK_NIK', '10.0.0.1', null);
  const refused = Array.from({ length: 10 }, () =>
    allowed(limiter.consume('CEK_NIK', '10.0.0.1', HASH_A)),
  );
  // Two global points are left, and HASH_A has not been used up by the refused requests.
  const others = ['10.0.0.2', '10.0.0.3'].map((ip) =>
    allowed(limiter.consume('CEK_NIK', ip, HASH_A)),
  );
  await limiter.flush();

  expect({
    refused: refused.every((isAllowed) => !isAllowed),
    others,
    stored: [
      store.hitsOf(`CEK_NIK:IP:10.0.0.1:${START / 1000}`),
      store.hitsOf(`CEK_NIK:NIK:${HASH_A}:${START / 1000}`),
      store.hitsOf(`CEK_NIK:GLOBAL:all:${START / 1000}`),
    ],
  }).toEqual({ refused: true, others: [true, true], stored: [3, 2, 5] });
});

it('reports a trip as the first refusal once per counter and window', () => {
  const { clock, limiter } = setup();
  const trip = () => {
    for (let index = 0; index < 3; index += 1) limiter.consume('CEK_NIK', '10.0.0.1', null);
    return Array.from({ length: 4 }, () => {
      const decision = limiter.consume('CEK_NIK', '10.0.0.1', null);
      return decision.allowed ? 'allowed' : decision.isFirstRefusal;
    });
  };
  const firstWindow = trip();
  clock.now = START + MINUTE;
  const secondWindow = trip();

  expect([firstWindow, secondWindow]).toEqual([
    [true, false, false, false],
    [true, false, false, false],
  ]);
});

const REFUSED_BY_NIK = {
  allowed: false,
  scope: 'NIK',
  retryAfterSeconds: 600,
  isFirstRefusal: true,
};

/**
 * Two limiters on one store sharing every hit, per-NIK limit 2: each reads a counter back when
 * it syncs its own hits on it, so the second sees the first's hit at once, and the first, whose
 * last read came before the second's hit, lets one more through before it learns: the lag the
 * design accepts.
 */
async function shareOneNik(one: PublicRateLimiter, two: PublicRateLimiter, nik: string) {
  const steps: unknown[] = [];
  steps.push(one.consume('CEK_NIK', '10.0.0.1', nik));
  await one.flush();
  steps.push(two.consume('CEK_NIK', '10.0.0.2', nik));
  await two.flush();
  steps.push(two.consume('CEK_NIK', '10.0.0.3', nik));
  steps.push(one.consume('CEK_NIK', '10.0.0.4', nik));
  await one.flush();
  steps.push(one.consume('CEK_NIK', '10.0.0.5', nik));

  return steps;
}

const SHARED_NIK_STEPS = [
  { allowed: true },
  { allowed: true },
  REFUSED_BY_NIK,
  { allowed: true },
  REFUSED_BY_NIK,
];

it('shares counts between two limiters on one store once each has synced the counter', async () => {
  const store = new MemoryCounterStore();
  const one = setup(store, { minHitsToShare: 1 }).limiter;
  const two = setup(store, { minHitsToShare: 1 }).limiter;

  expect(await shareOneNik(one, two, HASH_A)).toEqual(SHARED_NIK_STEPS);
  expect(store.hitsOf(`CEK_NIK:NIK:${HASH_A}:${START / 1000}`)).toBe(3);
});

it('shares a counter from its second local hit by default, so one-off NIKs cost no row', async () => {
  const store = new MemoryCounterStore();
  const { clock, limiter } = setup(store, {
    limits: { ...LIMITS, CEK_NIK: { ...lookupLimits, perNik: { points: 5, windowSeconds: 600 } } },
  });
  const key = (scope: string, id: string) => `CEK_NIK:${scope}:${id}:${START / 1000}`;
  limiter.consume('CEK_NIK', '10.0.0.1', HASH_A);
  limiter.consume('CEK_NIK', '10.0.0.1', HASH_B);
  await limiter.flush();
  const afterFirstSync = [
    store.hitsOf(key('IP', '10.0.0.1')),
    store.hitsOf(key('NIK', HASH_A)),
    store.hitsOf(key('NIK', HASH_B)),
  ];
  clock.now += 1_000;
  limiter.consume('CEK_NIK', '10.0.0.2', HASH_A);
  await limiter.flush();

  expect({
    afterFirstSync,
    afterSecondSync: [
      store.hitsOf(key('NIK', HASH_A)),
      store.hitsOf(key('NIK', HASH_B)),
      store.hitsOf(key('GLOBAL', 'all')),
    ],
    storedCounters: store.size,
  }).toEqual({
    afterFirstSync: [2, 0, 0],
    afterSecondSync: [2, 0, 3],
    storedCounters: 3,
  });
});

it('keeps limiting locally while the store fails, logs without personal data, and catches up', async () => {
  const memory = new MemoryCounterStore();
  let isDown = true;
  const flaky: CounterStore = {
    addAndRead: (deltas) => {
      if (isDown)
        return Promise.reject(
          Object.assign(new Error(`Duplicate entry '${HASH_A}'`), { code: 'ECONNREFUSED' }),
        );
      return memory.addAndRead(deltas);
    },
    purgeExpired: (now) => memory.purgeExpired(now),
  };
  const { limiter, lines } = setup(flaky);
  const decisions = Array.from({ length: 4 }, () =>
    allowed(limiter.consume('CEK_NIK', '10.9.8.7', HASH_A)),
  );
  await limiter.flush();
  await limiter.flush();
  const whileDown = allowed(limiter.consume('CEK_NIK', '10.9.8.6', HASH_A));
  isDown = false;
  await limiter.flush();

  expect({
    decisions,
    whileDown,
    stored: memory.hitsOf(`CEK_NIK:NIK:${HASH_A}:${START / 1000}`),
    messages: lines.map((line) => (JSON.parse(line) as { msg: string }).msg),
    leaks: lines.filter((line) => line.includes('10.9.8') || line.includes(HASH_A)),
  }).toEqual({
    decisions: [true, true, false, false],
    whileDown: false,
    stored: 2,
    messages: [
      'rate-limit counters could not be synced; limiting with local counts',
      'rate-limit counters synced again',
    ],
    leaks: [],
  });
});

it('holds at most maxKeys counters, dropping the oldest window first', async () => {
  const store = new MemoryCounterStore();
  const limits = { ...lookupLimits, global: { points: 1_000, windowSeconds: 60 } };
  const { clock, limiter } = setup(store, {
    maxKeys: 20,
    limits: { CEK_NIK: limits, REGISTRATION_STATUS: limits, REGISTRATION_SUBMIT: limits },
    minHitsToShare: 1,
  });
  const nikOf = (index: number) => String(index).padStart(64, 'c');
  // Six IP and six NIK counters; the NIK window (10 minutes) outlives the IP one.
  for (let index = 0; index < 6; index += 1) {
    limiter.consume('CEK_NIK', `10.1.0.${index}`, nikOf(index));
  }
  await limiter.flush();
  // Two minutes on, the IP and global windows are new: 14 fresh IPs fill the cap.
  clock.now = START + 2 * MINUTE;
  for (let index = 0; index < 14; index += 1) limiter.consume('CEK_NIK', `10.2.0.${index}`, null);
  const held = limiter.heldKeyCount;
  // NIK 0 was dropped from memory, but its hit is in the store and comes back with the sync.
  const nikAgain = allowed(limiter.consume('CEK_NIK', '10.3.0.1', nikOf(0)));
  await limiter.flush();
  const afterSync = limiter.consume('CEK_NIK', '10.3.0.2', nikOf(0));

  expect({ held, nikAgain, afterSync }).toEqual({
    held: 19,
    nikAgain: true,
    afterSync: { allowed: false, scope: 'NIK', retryAfterSeconds: 480, isFirstRefusal: true },
  });
});

describe(`the SQL counter store (${testDatabaseKind})`, () => {
  let database: TestDatabase & { dataSource: DataSource };

  beforeAll(async () => {
    database = await openMigratedTestDatabase();
  });
  afterAll(() => database.drop());

  it('adds deltas with one upsert, returns the totals and purges expired counters', async () => {
    const store = new SqlCounterStore(database.dataSource);
    const live = START + 10 * MINUTE;
    const first = await store.addAndRead([
      { key: 'CEK_NIK:IP:10.0.0.1:1', hits: 2, expiresAt: live },
      { key: 'CEK_NIK:GLOBAL:all:1', hits: 2, expiresAt: live },
      { key: 'CEK_NIK:GLOBAL:all:0', hits: 7, expiresAt: START - MINUTE },
    ]);
    const second = await store.addAndRead([
      { key: 'CEK_NIK:GLOBAL:all:1', hits: 3, expiresAt: live },
    ]);
    await store.purgeExpired(START);
    const rows: { counter_key: string; hits: number | string }[] = await database.dataSource.query(
      'SELECT counter_key, hits FROM rate_limit_counter ORDER BY counter_key',
    );

    expect({
      first: Object.fromEntries(first),
      second: Object.fromEntries(second),
      rows: rows.map((row) => [row.counter_key, Number(row.hits)]),
    }).toEqual({
      first: { 'CEK_NIK:IP:10.0.0.1:1': 2, 'CEK_NIK:GLOBAL:all:1': 2, 'CEK_NIK:GLOBAL:all:0': 7 },
      second: { 'CEK_NIK:GLOBAL:all:1': 5 },
      rows: [
        ['CEK_NIK:GLOBAL:all:1', 5],
        ['CEK_NIK:IP:10.0.0.1:1', 2],
      ],
    });
  });

  it('writes more counters than one statement holds in one go', async () => {
    const store = new SqlCounterStore(database.dataSource);
    const deltas = Array.from({ length: 1_234 }, (_, index) => ({
      key: `CEK_NIK:NIK:${String(index).padStart(64, 'd')}:2`,
      hits: 1 + (index % 3),
      expiresAt: START + 10 * MINUTE,
    }));
    const totals = await store.addAndRead(deltas);

    expect([...totals.values()].reduce((sum, hits) => sum + hits, 0)).toBe(
      deltas.reduce((sum, delta) => sum + delta.hits, 0),
    );
    expect(totals.size).toBe(1_234);
  });

  it('lets two limiters on the database share a per-NIK limit after a sync', async () => {
    const store = new SqlCounterStore(database.dataSource);
    const one = setup(store, { minHitsToShare: 1 }).limiter;
    const two = setup(store, { minHitsToShare: 1 }).limiter;
    const steps = await shareOneNik(one, two, 'e'.repeat(64));
    await Promise.all([one.stop(), two.stop()]);

    expect(steps).toEqual(SHARED_NIK_STEPS);
  });
});
