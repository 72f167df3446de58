import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collect, spawnApi, waitForLine } from './support/api-process.js';
import {
  createEmptyTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

describe(`the API process (${testDatabaseKind})`, () => {
  let dataDir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaliber-process-'));
    database = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops with one line naming the variable when the configuration is bad', async () => {
    const result = await collect(spawnApi('main', [], { PORT: 'delapan', DATA_DIR: dataDir }));

    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kaliber: Konfigurasi PORT tidak valid: harus bilangan bulat\n',
    });
  });

  it('stops with one line when the kabupaten/kota code is not a Kemendagri region', async () => {
    const result = await collect(
      spawnApi('main', [], { KAB_KOTA: '31.99', DATA_DIR: dataDir, DATABASE_URL: database.url }),
    );

    expect({ code: result.code, lastLine: result.stderr.trim().split('\n').at(-1) }).toEqual({
      code: 2,
      lastLine:
        'kaliber: Konfigurasi KAB_KOTA tidak valid: kode 31.99 tidak ada dalam data wilayah Kemendagri',
    });
  });

  it('stops with one clear line when the database cannot be reached', async () => {
    const result = await collect(
      spawnApi('main', [], {
        DATA_DIR: dataDir,
        DATABASE_URL: 'mysql://root:geheim@127.0.0.1:1/kaliber',
        LOG_LEVEL: 'silent',
      }),
    );

    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: 'kaliber: Database tidak dapat dibuka (mysql 127.0.0.1:1/kaliber): ECONNREFUSED\n',
    });
  });

  it('serves, then shuts down cleanly on SIGTERM', async () => {
    const child = spawnApi('main', [], {
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      PORT: '0',
      DEMO_VOTERS: '50',
      LOG_LEVEL: 'info',
    });
    const finished = collect(child);

    const readyLine = await waitForLine(child, /Kaliber siap/);
    const { url } = JSON.parse(readyLine) as { url: string };
    const ready = await fetch(`${url}/readyz`);
    child.kill('SIGTERM');
    const result = await finished;

    expect(ready.status).toBe(200);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"stopped"');
  });

  it('writes no personal data to its log while seeding and serving', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kaliber-log-'));
    const child = spawnApi('main', [], {
      DATA_DIR: folder,
      PORT: '0',
      DEMO_VOTERS: '200',
      LOG_LEVEL: 'trace',
    });
    const finished = collect(child);
    const { url } = JSON.parse(await waitForLine(child, /Kaliber siap/)) as { url: string };
    await fetch(`${url}/graphql?probe=3175014512050003`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ kabKota { name } }' }),
    });
    // Cek NIK is answered in front of Express (http/cek-nik-lane.ts): it logs the same line.
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query ($nik: String!) { cekNik(nik: $nik) { terdaftar } }',
        variables: { nik: '3175014512050003' },
      }),
    });
    child.kill('SIGTERM');
    const result = await finished;
    fs.rmSync(folder, { recursive: true, force: true });

    // Any 16-digit run in the log would be an NIK or NKK.
    expect(result.stdout).toContain('demo voters seeded');
    expect(result.stdout).not.toMatch(/\d{16}/);

    // One line per request: its id, method, path without the query string, status and time.
    const requestLines = result.stdout
      .split('\n')
      .filter((line) => line.includes('"msg":"request completed"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => (entry['req'] as { path?: string } | undefined)?.path === '/graphql');
    expect(requestLines).toHaveLength(2);
    for (const requestLine of requestLines) {
      expect(requestLine).toMatchObject({
        reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        req: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
          method: 'POST',
          path: '/graphql',
        },
        res: { status: 200 },
        responseTime: expect.any(Number) as unknown,
      });
    }
  });

  it('seeds once, then refuses a voter table that has rows with one line', async () => {
    const target = await createEmptyTestDatabase();
    const env = { DATA_DIR: dataDir, DATABASE_URL: target.url, LOG_LEVEL: 'warn' };
    try {
      const first = await collect(spawnApi('cli', ['seed', '--voters', '30'], env));
      const second = await collect(spawnApi('cli', ['seed', '--voters', '30'], env));

      expect([first.code, first.stderr]).toEqual([0, '']);
      expect(second).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'kaliber: Tabel pemilih sudah berisi data. Data sintetis hanya diisikan ke tabel ' +
          'pemilih yang kosong, agar tidak tercampur dengan data pemilih asli.\n',
      });
    } finally {
      await target.drop();
    }
  });

  it('answers an unknown command-line option with the usage text, not a stack trace', async () => {
    const result = await collect(spawnApi('cli', ['seed', '--jumlah', '5'], { DATA_DIR: dataDir }));

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([
      'kaliber: opsi perintah seed tidak dikenal atau tanpa nilai',
      '',
      'Penggunaan: kaliber <perintah> [opsi]',
    ]);
  });
});
