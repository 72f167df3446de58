import 'reflect-metadata';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildKaliberSchema } from '../src/graphql/build-schema.js';
import { createLogger } from '../src/logging/logger.js';
import { CekNikFastPath } from '../src/public-access/cek-nik-fast-path.js';
import { seedVoters } from '../src/seed/seed-command.js';
import { VoterEntity } from '../src/voters/voter.entity.js';
import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import {
  CEK_NIK,
  cekNik,
  firstVoter,
  postGraphQL,
  unlistedNik,
} from './support/public-requests.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { testDatabaseKind } from './support/test-database.js';

// Generous limits: this file is about the answer, cek-nik-limits.test.ts about the limits.
const OPEN_LIMITS = {
  PUBLIC_LIMIT_PER_IP: '1000/1m',
  PUBLIC_LIMIT_PER_NIK: '1000/1m',
  PUBLIC_LIMIT_GLOBAL: '100000/1m',
};

describe(`Cek NIK (${testDatabaseKind})`, () => {
  let server: TestServer;
  let general: TestServer;

  beforeAll(async () => {
    server = await startTestServer(OPEN_LIMITS);
    await seedVoters(server.server.dataSource, server.server.regions, { voters: 200, seed: 7 });
    // The same data behind the general executor only, to hold the dedicated path to it.
    general = await startTestServer({ ...OPEN_LIMITS, CEK_NIK_FAST_PATH: 'false' });
    await seedVoters(general.server.dataSource, general.server.regions, { voters: 200, seed: 7 });
  });
  afterAll(async () => {
    await server.close();
    await general.close();
  });

  it('answers terdaftar with the NIK masked, last 6 digits starred, and nothing else', async () => {
    const voter = await firstVoter(server);

    const { json } = await cekNik(server, voter.nik);

    expect(json).toEqual({
      data: {
        cekNik: { terdaftar: true, nikMasked: `${voter.nik.slice(0, 10)}******`, kelurahan: null },
      },
    });
  });

  it('answers an unlisted NIK with the same shape, and identically every time', async () => {
    const nik = unlistedNik(9_871);
    expect(await server.server.dataSource.getRepository(VoterEntity).countBy({ nik })).toBe(0);

    const first = await cekNik(server, nik);
    const second = await cekNik(server, nik, '203.0.113.9');

    expect(first.json).toEqual({
      data: {
        cekNik: { terdaftar: false, nikMasked: `${nik.slice(0, 10)}******`, kelurahan: null },
      },
    });
    expect(second.text).toBe(first.text);
    const found = await cekNik(server, (await firstVoter(server)).nik);
    expect(Object.keys(first.json.data?.['cekNik'] ?? {})).toEqual(
      Object.keys(found.json.data?.['cekNik'] ?? {}),
    );
  });

  it('counts a TMS voter as not registered', async () => {
    const voter = await firstVoter(server);
    const voters = server.server.dataSource.getRepository(VoterEntity);
    await voters.update({ id: voter.id }, { status: 'TMS', tmsReason: 'MENINGGAL' });
    try {
      const { json } = await cekNik(server, voter.nik);
      expect(json.data?.['cekNik']).toMatchObject({ terdaftar: false });
    } finally {
      await voters.update({ id: voter.id }, { status: 'AKTIF', tmsReason: null });
    }
  });

  it('says what is wrong with an invalid NIK, without echoing it', async () => {
    const { json } = await cekNik(server, '3175014513970000');

    expect(json.data).toBeNull();
    expect(json.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'nik', code: 'NIK_DATE' }],
    });
    expect(json.errors?.[0]?.message).toMatch(/tanggal/i);
    expect(JSON.stringify(json)).not.toContain('3175014513970000');
  });

  it('accepts an NIK typed with spaces, dots and dashes', async () => {
    const voter = await firstVoter(server);
    const typed = `${voter.nik.slice(0, 6)} ${voter.nik.slice(6, 12)}-${voter.nik.slice(12)}`;

    const { json } = await cekNik(server, typed);

    expect(json.data?.['cekNik']).toMatchObject({ terdaftar: true });
  });

  it('gives byte-identical answers on the dedicated path and the general executor', async () => {
    const listed = (await firstVoter(server)).nik;
    const cases = [
      { query: CEK_NIK, variables: { nik: listed } },
      { query: CEK_NIK, variables: { nik: unlistedNik(9_872) } },
      {
        query: 'query ($n: String!) { check: cekNik(nik: $n) { __typename nikMasked terdaftar } }',
        variables: { n: listed },
      },
      { query: '{ cekNik(nik: "1234") { terdaftar } }' },
      { query: CEK_NIK, variables: { nik: 'bukan NIK' } },
    ];

    for (const body of cases) {
      const fast = await postGraphQL(server, body);
      const slow = await postGraphQL(general, body);
      expect(withoutRequestId(fast.text), JSON.stringify(body)).toBe(withoutRequestId(slow.text));
      expect(fast.status).toBe(slow.status);
      expect(fast.headers).toEqual(slow.headers);
    }
  });

  it('still serves the plain Cek NIK document on its path after a flood of other documents', async () => {
    const fastPath = new CekNikFastPath(await buildKaliberSchema(), server.server.services.cekNik);
    const request = () => ({
      clientIp: '192.0.2.1',
      requestId: 'uji-jalur-khusus',
      log: createLogger('silent'),
    });
    const body = { query: CEK_NIK, variables: { nik: unlistedNik(9_875) } };

    // Sent first, as right after a restart: the cache is full before the console's document
    // arrives, and must still make room for it.
    for (let index = 0; index < 100; index += 1) {
      expect(
        fastPath.answer({ query: `{ kabKota { code } }${' '.repeat(index)}` }, request),
      ).toBeNull();
    }
    const answer = fastPath.answer(body, request);

    expect(answer).not.toBeNull();
    expect(JSON.parse((await answer) ?? '')).toMatchObject({
      data: { cekNik: { terdaftar: false } },
    });
  });

  it('records every lookup with the NIK as a keyed hash, never in clear', async () => {
    const nik = unlistedNik(9_873);
    await cekNik(server, nik);
    await server.server.services.publicAccess.lookupLog.flush();

    const rows = await server.server.dataSource.query<Record<string, unknown>[]>(
      'SELECT * FROM public_lookup',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(nik);
    expect(rows.every((row) => row['action'] === 'CEK_NIK')).toBe(true);
    expect(new Set(rows.map((row) => row['outcome']))).toEqual(
      new Set(['FOUND', 'NOT_FOUND', 'INVALID']),
    );
  });

  it('refuses 500 aliased lookups in one request before any lookup runs', async () => {
    const nik = unlistedNik(9_874);
    await server.server.services.publicAccess.lookupLog.flush();
    const before = await lookupCount(server);
    const aliases = Array.from(
      { length: 500 },
      (_, index) => `a${index}: cekNik(nik: "${nik}") { terdaftar }`,
    ).join(' ');

    const { json } = await postGraphQL(server, { query: `{ ${aliases} }` });
    await server.server.services.publicAccess.lookupLog.flush();

    expect(json.data).toBeUndefined();
    expect(json.errors?.[0]?.extensions?.['code']).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);
    expect(await lookupCount(server)).toBe(before);
  });

  it('hides field suggestions from the error of a misspelt field', async () => {
    const { json } = await postGraphQL(server, { query: '{ cekNk(nik: "1") { terdaftar } }' });

    expect(JSON.stringify(json)).not.toMatch(/did you mean/i);
  });

  it('raises a scan alert when one client walks consecutive serials', async () => {
    const after = await lastAuditSequence(server);
    for (let serial = 9_001; serial <= 9_012; serial += 1) {
      await cekNik(server, unlistedNik(serial, '1991-02-03'), undefined);
    }

    const alerts = (await auditTrail(server, after)).filter(
      (entry) => entry.action === 'PUBLIC_LOOKUP_SCAN_SUSPECTED',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.detail).toMatchObject({ pattern: 'CONSECUTIVE_SERIALS' });
  });
});

describe(`Cek NIK settings (${testDatabaseKind})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ NIK_MASK: 'last4', CEK_NIK_SHOWS_KELURAHAN: 'true' });
    await seedVoters(server.server.dataSource, server.server.regions, { voters: 20, seed: 3 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('masks by the configured policy and names the kelurahan of a registered NIK only', async () => {
    const voter = await firstVoter(server);
    const kelurahan = server.server.regions.get(voter.kelurahanCode)?.name;

    const found = await cekNik(server, voter.nik);
    const missing = await cekNik(server, unlistedNik(9_880));

    expect(found.json.data?.['cekNik']).toEqual({
      terdaftar: true,
      nikMasked: `${voter.nik.slice(0, 12)}****`,
      kelurahan,
    });
    expect(missing.json.data?.['cekNik']).toMatchObject({ terdaftar: false, kelurahan: null });
  });

  it('tells the public pages which settings apply', async () => {
    const { json } = await postGraphQL(server, {
      query: '{ publicServiceSettings { isProofOfWorkRequired showsKelurahan nikVisibleDigits } }',
    });

    expect(json.data?.['publicServiceSettings']).toEqual({
      isProofOfWorkRequired: false,
      showsKelurahan: true,
      nikVisibleDigits: 12,
    });
  });
});

async function lookupCount(server: TestServer): Promise<number> {
  const rows = await server.server.dataSource.query<{ total: number | string }[]>(
    'SELECT COUNT(*) AS total FROM public_lookup',
  );
  return Number(rows[0]?.total);
}

function withoutRequestId(text: string): string {
  return text.replace(/"requestId":"[^"]*"/g, '"requestId":"…"');
}
