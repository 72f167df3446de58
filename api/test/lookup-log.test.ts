import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataSource } from 'typeorm';

import { hashPersonalValue } from '../src/audit/personal-value-hash.js';
import { PublicLookupLog, type LookupOutcome } from '../src/public-access/lookup-log.js';
import {
  openMigratedTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

const NIK = '3175014512900001';
const START = Date.UTC(2026, 0, 5, 8, 0, 0);

interface LookupRow {
  occurred_at: string | Date;
  action: string;
  nik_hash: string | null;
  client_ip: string;
  outcome: string;
  request_id: string | null;
}

/** MySQL hands a datetime back as a Date (UTC connection), SQLite as the text written. */
function epochOf(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);
}

const DAY_MS = 24 * 3_600_000;

describe(`the public lookup log (${testDatabaseKind})`, () => {
  let database: TestDatabase & { dataSource: DataSource };
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });

  beforeEach(async () => {
    database = await openMigratedTestDatabase();
    lines.length = 0;
  });
  afterEach(() => database.drop());

  const readRows = async (): Promise<LookupRow[]> =>
    database.dataSource.query(
      'SELECT occurred_at, action, nik_hash, client_ip, outcome, request_id FROM public_lookup ORDER BY id',
    );
  const messages = () => lines.map((line) => (JSON.parse(line) as { msg: string }).msg);

  it('purges the records older than the retention period, and only those', async () => {
    let now = START;
    const lookupLog = new PublicLookupLog({ dataSource: database.dataSource, log, now: () => now });
    const record = (requestId: string) => {
      lookupLog.record({
        action: 'CEK_NIK',
        nikHash: null,
        clientIp: '203.0.113.7',
        requestId,
        outcome: 'INVALID',
      });
    };
    record('old');
    await lookupLog.flush();
    now = START + 10 * DAY_MS;
    record('recent');
    await lookupLog.flush();

    now = START + 40 * DAY_MS;
    const purged = await lookupLog.purgeOlderThan(35);

    expect(purged).toBe(1);
    expect((await readRows()).map((row) => row.request_id)).toEqual(['recent']);
  });

  it('writes batched rows with the NIK hash and never the NIK', async () => {
    const nikHash = hashPersonalValue(randomBytes(32), NIK);
    const lookupLog = new PublicLookupLog({
      dataSource: database.dataSource,
      log,
      now: () => START,
    });
    const outcomes: LookupOutcome[] = [
      'FOUND',
      'NOT_FOUND',
      'INVALID',
      'LIMITED',
      'CHALLENGE_FAILED',
    ];
    for (let index = 0; index < 1_200; index += 1) {
      lookupLog.record({
        action: 'CEK_NIK',
        nikHash: index % 5 === 2 ? null : nikHash,
        clientIp: '203.0.113.7',
        requestId: `req-${index}`,
        outcome: outcomes[index % 5] ?? 'FOUND',
      });
    }
    const query = vi.spyOn(database.dataSource, 'query');
    await lookupLog.flush();
    const statements = query.mock.calls.length;
    query.mockRestore();
    const rows = await readRows();

    // 1,200 rows in statements of 500.
    expect(statements).toBe(3);
    expect(rows).toHaveLength(1_200);
    expect(
      rows.slice(0, 5).map((row) => ({ ...row, occurred_at: epochOf(row.occurred_at) })),
    ).toEqual(
      outcomes.map((outcome, index) => ({
        occurred_at: START,
        action: 'CEK_NIK',
        nik_hash: index === 2 ? null : nikHash,
        client_ip: '203.0.113.7',
        outcome,
        request_id: `req-${index}`,
      })),
    );
    expect(JSON.stringify(rows).includes(NIK)).toBe(false);
  });

  it('writes on its timer and on stop, and keeps nothing buffered after stop', async () => {
    const lookupLog = new PublicLookupLog({
      dataSource: database.dataSource,
      log,
      flushIntervalMs: 10,
    });
    lookupLog.start();
    lookupLog.record({
      action: 'CEK_NIK',
      nikHash: null,
      clientIp: '203.0.113.8',
      requestId: 'a',
      outcome: 'INVALID',
    });
    await vi.waitFor(async () => expect(await readRows()).toHaveLength(1), {
      timeout: 5_000,
      interval: 20,
    });
    lookupLog.record({
      action: 'REGISTRATION_STATUS',
      nikHash: null,
      clientIp: '203.0.113.8',
      requestId: 'b',
      outcome: 'NOT_FOUND',
    });
    await lookupLog.stop();

    expect((await readRows()).map((row) => [row.request_id, row.action])).toEqual([
      ['a', 'CEK_NIK'],
      ['b', 'REGISTRATION_STATUS'],
    ]);
    expect(lookupLog.bufferedCount).toBe(0);
  });

  it('keeps rows while the table cannot be written, dropping the oldest past its cap', async () => {
    const lookupLog = new PublicLookupLog({ dataSource: database.dataSource, log, maxBuffered: 5 });
    const record = (requestId: string) =>
      lookupLog.record({
        action: 'CEK_NIK',
        nikHash: null,
        clientIp: '198.51.100.9',
        requestId,
        outcome: 'INVALID',
      });
    await database.dataSource.query('ALTER TABLE public_lookup RENAME TO public_lookup_away');
    for (const requestId of ['r1', 'r2', 'r3', 'r4']) record(requestId);
    await lookupLog.flush();
    for (const requestId of ['r5', 'r6', 'r7']) record(requestId);
    await database.dataSource.query('ALTER TABLE public_lookup_away RENAME TO public_lookup');
    await lookupLog.flush();

    expect((await readRows()).map((row) => row.request_id)).toEqual(['r3', 'r4', 'r5', 'r6', 'r7']);
    expect(
      lines
        .map((line) => JSON.parse(line) as { msg: string; droppedCount?: number })
        .map(({ msg, droppedCount }) => [msg, droppedCount]),
    ).toEqual([
      ['public lookup log could not be written; keeping the rows', undefined],
      ['public lookup log dropped its oldest rows: the buffer was full', 2],
      ['public lookup log written again', undefined],
    ]);
    expect(lines.some((line) => line.includes('198.51.100.9'))).toBe(false);
    expect(messages()).toHaveLength(3);
  });

  it('cuts values to the column widths instead of failing the batch', async () => {
    const lookupLog = new PublicLookupLog({ dataSource: database.dataSource, log });
    lookupLog.record({
      action: 'CEK_NIK',
      nikHash: 'f'.repeat(80),
      clientIp: '1'.repeat(60),
      requestId: 'r'.repeat(90),
      outcome: 'FOUND',
    });
    await lookupLog.flush();
    const [row] = await readRows();

    expect([row?.nik_hash?.length, row?.client_ip.length, row?.request_id?.length]).toEqual([
      64, 45, 64,
    ]);
    expect(messages()).toEqual([]);
  });
});
