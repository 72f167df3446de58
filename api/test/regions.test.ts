import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestServer, type TestServer } from './support/test-server.js';
import { testDatabaseKind } from './support/test-database.js';

describe(`region queries (${testDatabaseKind})`, () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(async () => {
    await api.close();
  });

  it('returns Jakarta Timur with its ten kecamatan in code order', async () => {
    const response = await api.graphql<{ kabKota: unknown }>(
      '{ kabKota { code level name nikPrefix parentCode children { code name nikPrefix } } }',
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        kabKota: {
          code: '31.75',
          level: 'KABKOTA',
          name: 'Kota Administrasi Jakarta Timur',
          nikPrefix: '3175',
          parentCode: '31',
          children: [
            { code: '31.75.01', name: 'Matraman', nikPrefix: '317501' },
            { code: '31.75.02', name: 'Pulogadung', nikPrefix: '317502' },
            { code: '31.75.03', name: 'Jatinegara', nikPrefix: '317503' },
            { code: '31.75.04', name: 'Kramatjati', nikPrefix: '317504' },
            { code: '31.75.05', name: 'Pasar Rebo', nikPrefix: '317505' },
            { code: '31.75.06', name: 'Cakung', nikPrefix: '317506' },
            { code: '31.75.07', name: 'Duren Sawit', nikPrefix: '317507' },
            { code: '31.75.08', name: 'Makasar', nikPrefix: '317508' },
            { code: '31.75.09', name: 'Ciracas', nikPrefix: '317509' },
            { code: '31.75.10', name: 'Cipayung', nikPrefix: '317510' },
          ],
        },
      },
    });
  });

  it('lists the kelurahan of Cakung, where kelurahan Jatinegara lies', async () => {
    const response = await api.graphql<{ region: { children: { name: string }[] } }>(
      '{ region(code: "31.75.06") { name level children { code name level nikPrefix } } }',
    );

    expect(response.body).toEqual({
      data: {
        region: {
          name: 'Cakung',
          level: 'KECAMATAN',
          children: [
            { code: '31.75.06.1001', name: 'Jatinegara', level: 'KELURAHAN', nikPrefix: null },
            { code: '31.75.06.1002', name: 'Rawa Terate', level: 'KELURAHAN', nikPrefix: null },
            { code: '31.75.06.1003', name: 'Penggilingan', level: 'KELURAHAN', nikPrefix: null },
            { code: '31.75.06.1004', name: 'Cakung Timur', level: 'KELURAHAN', nikPrefix: null },
            { code: '31.75.06.1005', name: 'Pulo Gebang', level: 'KELURAHAN', nikPrefix: null },
            { code: '31.75.06.1006', name: 'Ujung Menteng', level: 'KELURAHAN', nikPrefix: null },
            { code: '31.75.06.1007', name: 'Cakung Barat', level: 'KELURAHAN', nikPrefix: null },
          ],
        },
      },
    });
  });

  it('counts 65 kelurahan across the kota', async () => {
    const response = await api.graphql<{ kabKota: { children: { children: unknown[] }[] } }>(
      '{ kabKota { children { children { code } } } }',
    );

    const kelurahan = response.body.data?.kabKota.children.flatMap(
      (kecamatan) => kecamatan.children,
    );
    expect(kelurahan).toHaveLength(65);
  });

  it('finds a kecamatan by a spelling variant of its name', async () => {
    const response = await api.graphql(
      '{ findRegions(name: "kramat jati", level: KECAMATAN) { code name } }',
    );

    expect(response.body).toEqual({
      data: { findRegions: [{ code: '31.75.04', name: 'Kramatjati' }] },
    });
  });

  it('answers NOT_FOUND for a well-formed code outside the kota', async () => {
    const response = await api.graphql('{ region(code: "31.74.01") { name } }');

    expect(response.body.data).toBeNull();
    expect(response.body.errors).toEqual([
      {
        message: 'Wilayah tidak ditemukan',
        locations: [{ line: 1, column: 3 }],
        path: ['region'],
        extensions: { code: 'NOT_FOUND', requestId: expect.any(String) as string },
      },
    ]);
  });

  it('answers BAD_USER_INPUT with the field problem for a malformed code', async () => {
    const response = await api.graphql('{ region(code: "31-75") { name } }');

    expect(response.body.errors).toEqual([
      {
        message: 'Kode wilayah harus berbentuk 31.75, 31.75.01 atau 31.75.01.1001',
        locations: [{ line: 1, column: 3 }],
        path: ['region'],
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: [
            {
              field: 'code',
              code: 'matches',
              message: 'Kode wilayah harus berbentuk 31.75, 31.75.01 atau 31.75.01.1001',
            },
          ],
          requestId: expect.any(String) as string,
        },
      },
    ]);
  });

  it('keeps the region table equal to the catalogue', async () => {
    const rows = await api.server.dataSource.query<{ level: string; total: number | string }[]>(
      'SELECT level, COUNT(*) AS total FROM region GROUP BY level ORDER BY level',
    );

    expect(rows.map((row) => [row.level, Number(row.total)])).toEqual([
      ['KABKOTA', 1],
      ['KECAMATAN', 10],
      ['KELURAHAN', 65],
    ]);
  });
});

describe(`another kabupaten/kota from idn-area-data (${testDatabaseKind})`, () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer({ KAB_KOTA: '31.71' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('serves Jakarta Pusat with its 8 kecamatan and 44 kelurahan', async () => {
    const response = await api.graphql<{
      kabKota: { children: { name: string; children: unknown[] }[] };
    }>('{ kabKota { code name parentCode children { name children { code } } } }');

    const kabKota = response.body.data?.kabKota;
    expect({ ...kabKota, children: kabKota?.children.map((kecamatan) => kecamatan.name) }).toEqual({
      code: '31.71',
      name: 'Kota Administrasi Jakarta Pusat',
      parentCode: '31',
      children: [
        'Gambir',
        'Sawah Besar',
        'Kemayoran',
        'Senen',
        'Cempaka Putih',
        'Menteng',
        'Tanah Abang',
        'Johar Baru',
      ],
    });
    expect(kabKota?.children.flatMap((kecamatan) => kecamatan.children)).toHaveLength(44);
  });
});
