import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { deriveKey as webCryptoDeriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import express from 'express';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { createDataSource } from '../src/database/data-source.js';
import { proofOfWorkRouter } from '../src/http/proof-of-work-route.js';
import { ProofOfWork, type ProofOfWorkOptions } from '../src/public-access/proof-of-work.js';
import { openMigratedTestDatabase, type TestDatabase } from './support/test-database.js';

// One iteration per attempt keeps a solve well under a second here; the work is the same code
// path as the production cost, only cheaper.
const OPTIONS: ProofOfWorkOptions = { cost: 1, expirySeconds: 300 };
const SECRET = randomBytes(32);

let database: TestDatabase & { dataSource: DataSource };
/** Milliseconds the injected clock runs ahead of the real one. */
let clockOffsetMs = 0;
const clock = () => new Date(Date.now() + clockOffsetMs);

beforeAll(async () => {
  database = await openMigratedTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

beforeEach(async () => {
  clockOffsetMs = 0;
  await database.dataSource.query('DELETE FROM spent_challenge');
});

function newProofOfWork(dataSource = database.dataSource, secret = SECRET): ProofOfWork {
  return new ProofOfWork(dataSource, secret, OPTIONS, clock);
}

/** What the altcha widget does: solve, then base64 of `{ challenge, solution }`. */
async function solve(challenge: Challenge, derive = deriveKey): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey: derive });
  if (!solution) throw new Error('the test challenge was not solved');

  return encode({
    challenge: { parameters: challenge.parameters, signature: challenge.signature },
    solution,
  });
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

function decode(payload: string): {
  challenge: { parameters: Record<string, unknown>; signature: string };
  solution: { counter: number; derivedKey: string };
} {
  return JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as ReturnType<typeof decode>;
}

async function spentCount(): Promise<number> {
  const rows: { count: number | string }[] = await database.dataSource.query(
    'SELECT COUNT(*) AS count FROM spent_challenge',
  );

  return Number(rows[0]?.count);
}

it('accepts a solved challenge once and calls the same payload a replay afterwards', async () => {
  const pow = newProofOfWork();
  const payload = await solve(await pow.createChallenge());

  expect([await pow.verify(payload), await pow.verify(payload)]).toEqual(['VALID', 'REPLAYED']);
  expect(await spentCount()).toBe(1);
});

it('accepts a solution found with WebCrypto, as browsers compute it', async () => {
  const pow = newProofOfWork();

  expect(await pow.verify(await solve(await pow.createChallenge(), webCryptoDeriveKey))).toBe(
    'VALID',
  );
});

it('lets only one of two API processes accept a payload both receive at once', async () => {
  const secondDataSource = createDataSource({ database: database.config });
  await secondDataSource.initialize();
  try {
    const first = newProofOfWork();
    const second = newProofOfWork(secondDataSource);
    const payload = await solve(await first.createChallenge());

    const verdicts = await Promise.all([first.verify(payload), second.verify(payload)]);

    expect(verdicts.sort()).toEqual(['REPLAYED', 'VALID']);
  } finally {
    await secondDataSource.destroy();
  }
});

it('issues challenges the widget can solve: PBKDF2, the configured cost, a signed expiry', async () => {
  const before = Math.floor(Date.now() / 1000);
  const challenge = await newProofOfWork().createChallenge();

  expect(challenge).toMatchObject({
    parameters: {
      algorithm: 'PBKDF2/SHA-256',
      cost: OPTIONS.cost,
      nonce: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      salt: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown,
      keyPrefix: expect.stringMatching(/^[0-9a-f]+$/) as unknown,
      keySignature: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    },
    signature: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
  });
  const expiresAt = challenge.parameters.expiresAt ?? 0;
  expect(expiresAt - before).toBeGreaterThanOrEqual(OPTIONS.expirySeconds - 1);
  expect(expiresAt - before).toBeLessThanOrEqual(OPTIONS.expirySeconds + 1);
});

describe('expiry', () => {
  it('accepts a solution until its challenge expires', async () => {
    const pow = newProofOfWork();
    const payload = await solve(await pow.createChallenge());

    clockOffsetMs = (OPTIONS.expirySeconds - 5) * 1000;

    expect(await pow.verify(payload)).toBe('VALID');
  });

  it('calls a solution expired once the clock has passed the expiry, and spends nothing', async () => {
    const pow = newProofOfWork();
    const payload = await solve(await pow.createChallenge());

    clockOffsetMs = (OPTIONS.expirySeconds + 1) * 1000;

    expect(await pow.verify(payload)).toBe('EXPIRED');
    expect(await spentCount()).toBe(0);
  });
});

describe('tampering and garbage', () => {
  it('refuses a changed solution, signature or parameter, and spends nothing', async () => {
    const pow = newProofOfWork();
    const payload = await solve(await pow.createChallenge());
    const original = decode(payload);
    const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);

    const tampered = [
      {
        ...original,
        solution: { ...original.solution, derivedKey: flip(original.solution.derivedKey) },
      },
      {
        ...original,
        challenge: { ...original.challenge, signature: flip(original.challenge.signature) },
      },
      {
        ...original,
        challenge: {
          ...original.challenge,
          parameters: { ...original.challenge.parameters, expiresAt: 4_102_444_800 },
        },
      },
      {
        ...original,
        challenge: {
          ...original.challenge,
          parameters: { ...original.challenge.parameters, cost: 0 },
        },
      },
    ];

    const verdicts = [];
    for (const value of tampered) verdicts.push(await pow.verify(encode(value)));

    expect(verdicts).toEqual(['INVALID', 'INVALID', 'INVALID', 'INVALID']);
    expect(await spentCount()).toBe(0);
    expect(await pow.verify(payload)).toBe('VALID');
  });

  it('refuses a challenge signed with another deployment’s key', async () => {
    const other = newProofOfWork(database.dataSource, randomBytes(32));
    const payload = await solve(await other.createChallenge());

    expect(await newProofOfWork().verify(payload)).toBe('INVALID');
  });

  it('refuses garbage of every kind without throwing', async () => {
    const pow = newProofOfWork();
    const garbage = [
      '!!!not base64!!!',
      Buffer.from('not json').toString('base64'),
      encode(null),
      encode([1, 2, 3]),
      encode({ challenge: 'x', solution: 'y' }),
      encode({ challenge: { parameters: {} }, solution: {} }),
      // The widget's `test` mode payload, which must never pass on a real server.
      encode({ challenge: null, solution: null, test: true }),
      // A Sentinel server-signed payload: this deployment does not use Sentinel.
      encode({
        algorithm: 'SHA-256',
        signature: 'ab',
        verificationData: 'verified=true',
        verified: true,
      }),
      'A'.repeat(10_000),
      42 as unknown as string,
    ];

    const verdicts = [];
    for (const payload of garbage) verdicts.push(await pow.verify(payload));

    expect(verdicts).toEqual(garbage.map(() => 'INVALID'));
  });

  it('calls an absent or empty payload missing', async () => {
    const pow = newProofOfWork();

    expect(
      await Promise.all([null, undefined, '', '   '].map((payload) => pow.verify(payload))),
    ).toEqual(['MISSING', 'MISSING', 'MISSING', 'MISSING']);
  });
});

it('purges only spent challenges that expired more than a minute ago', async () => {
  const now = Date.now();
  const at = (offsetSeconds: number) =>
    new Date(now + offsetSeconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const rows = [
    ['a'.repeat(64), at(-3600)],
    ['b'.repeat(64), at(-61)],
    ['c'.repeat(64), at(-30)],
    ['d'.repeat(64), at(300)],
  ];
  for (const row of rows) {
    await database.dataSource.query(
      'INSERT INTO spent_challenge (challenge_hash, expires_at) VALUES (?, ?)',
      row,
    );
  }

  const purged = await newProofOfWork().purgeExpired();
  const left: { challenge_hash: string }[] = await database.dataSource.query(
    'SELECT challenge_hash FROM spent_challenge ORDER BY challenge_hash',
  );

  expect(purged).toBe(2);
  expect(left.map((row) => row.challenge_hash)).toEqual(['c'.repeat(64), 'd'.repeat(64)]);
});

it('refuses options that would make the challenge free or never valid', () => {
  expect(
    () => new ProofOfWork(database.dataSource, SECRET, { cost: 0, expirySeconds: 60 }),
  ).toThrow(RangeError);
  expect(
    () => new ProofOfWork(database.dataSource, SECRET, { cost: 10, expirySeconds: 0 }),
  ).toThrow(RangeError);
});

describe('GET /public/challenge', () => {
  async function getChallenge(pow: ProofOfWork) {
    const app = express().use(proofOfWorkRouter(pow));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/public/challenge`);
      return {
        status: response.status,
        cacheControl: response.headers.get('cache-control'),
        contentType: response.headers.get('content-type'),
        body: (await response.json()) as Challenge,
      };
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('serves a fresh, uncached challenge whose solution the server accepts', async () => {
    const pow = newProofOfWork();

    const [first, second] = [await getChallenge(pow), await getChallenge(pow)];

    expect([first.status, first.cacheControl, first.contentType]).toEqual([
      200,
      'no-store',
      'application/json; charset=utf-8',
    ]);
    expect(first.body.parameters.nonce).not.toBe(second.body.parameters.nonce);
    expect(await pow.verify(await solve(first.body))).toBe('VALID');
  });
});
