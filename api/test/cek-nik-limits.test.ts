import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import { cekNik, unlistedNik } from './support/public-requests.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { testDatabaseKind } from './support/test-database.js';

const WINDOW_SECONDS = 3;

/** Waits for the start of the next fixed window, so a sequence of requests fits in one. */
async function nextWindow(): Promise<void> {
  const windowMs = WINDOW_SECONDS * 1000;
  const wait = windowMs - (Date.now() % windowMs) + 50;
  await new Promise((resolve) => setTimeout(resolve, wait));
}

function codeOf(response: Awaited<ReturnType<typeof cekNik>>): unknown {
  return response.json.errors?.[0]?.extensions?.['code'] ?? 'OK';
}

describe(`Cek NIK limits (${testDatabaseKind})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      TRUST_PROXY: '1',
      PUBLIC_LIMIT_PER_IP: `3/${WINDOW_SECONDS}s`,
      PUBLIC_LIMIT_PER_NIK: `2/${WINDOW_SECONDS}s`,
      PUBLIC_LIMIT_GLOBAL: `6/${WINDOW_SECONDS}s`,
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a client IP after its limit, tells when to retry, and lets it in again', async () => {
    await nextWindow();
    const after = await lastAuditSequence(server);
    const answers = [];
    for (let serial = 1; serial <= 5; serial += 1) {
      answers.push(await cekNik(server, unlistedNik(serial), '198.51.100.1'));
    }
    const other = await cekNik(server, unlistedNik(6), '198.51.100.2');

    expect(answers.map(codeOf)).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
    const refusal = answers[3]?.json.errors?.[0];
    expect(refusal?.extensions?.['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
    expect(refusal?.extensions?.['retryAfterSeconds']).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(refusal?.message).toMatch(/coba lagi/i);
    expect(codeOf(other)).toBe('OK');
    // One audit entry for the trip, not one per refused request.
    const trips = (await auditTrail(server, after)).filter(
      (entry) => entry.action === 'PUBLIC_RATE_LIMIT_TRIPPED',
    );
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ outcome: 'DENIED', detail: { scope: 'IP' } });

    await nextWindow();
    expect(codeOf(await cekNik(server, unlistedNik(7), '198.51.100.1'))).toBe('OK');
  });

  it('limits one NIK across all client IPs', async () => {
    await nextWindow();
    const nik = unlistedNik(20);
    const codes = [];
    for (const ip of ['198.51.100.11', '198.51.100.12', '198.51.100.13']) {
      codes.push(codeOf(await cekNik(server, nik, ip)));
    }
    const otherNik = await cekNik(server, unlistedNik(21), '198.51.100.13');

    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
    expect(codeOf(otherNik)).toBe('OK');

    await nextWindow();
    expect(codeOf(await cekNik(server, nik, '198.51.100.14'))).toBe('OK');
  });

  it('has a global limit over every client and NIK', async () => {
    await nextWindow();
    const codes = [];
    for (let index = 0; index < 7; index += 1) {
      codes.push(codeOf(await cekNik(server, unlistedNik(40 + index), `198.51.100.${40 + index}`)));
    }

    expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'OK', 'RATE_LIMITED']);

    await nextWindow();
    expect(codeOf(await cekNik(server, unlistedNik(50), '198.51.100.50'))).toBe('OK');
  });
});

describe(`Cek NIK behind no trusted proxy (${testDatabaseKind})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '0', PUBLIC_LIMIT_PER_IP: '2/1m' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('ignores a forged X-Forwarded-For, so it cannot reset the limit', async () => {
    const codes = [];
    for (let serial = 1; serial <= 4; serial += 1) {
      codes.push(codeOf(await cekNik(server, unlistedNik(serial), `203.0.113.${serial}`)));
    }

    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
