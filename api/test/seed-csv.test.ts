import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRegionCatalogue, JAKARTA_TIMUR_REGIONS } from '@kaliber/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { writeVotersCsv } from '../src/seed/seed-command.js';
import { generateVoterBatches, type SyntheticVoter } from '../src/seed/synthetic-voters.js';
import { csvField } from '../src/seed/voters-csv.js';

const catalogue = createRegionCatalogue(JAKARTA_TIMUR_REGIONS);

let folder: string;

beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kaliber-seed-csv-'));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

/** A strict RFC 4180 reader for the test: CRLF records, quoted fields with doubled quotes. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('The last record has no CRLF');

  return records;
}

/** What the CSV must say about a voter, written out by hand from the documented format. */
function expectedFields(voter: SyntheticVoter): string[] {
  const [year, month, day] = voter.birthDate.split('-');

  return [
    voter.nkk,
    voter.nik,
    voter.name,
    voter.birthPlace,
    `${day}-${month}-${year}`,
    voter.maritalStatus,
    voter.sex,
    voter.address,
    voter.rt,
    voter.rw,
    String(voter.disability),
    voter.ktpElStatus,
    voter.remarks ?? '',
    voter.kelurahanCode,
    voter.tps === null ? '' : String(voter.tps),
  ];
}

describe('the synthetic voter CSV', () => {
  it('has the official header in capitals and one record per generated voter', async () => {
    const file = path.join(folder, 'pemilih.csv');
    const result = await writeVotersCsv(file, catalogue, { voters: 2_500, seed: 4 });
    const voters = [...generateVoterBatches(catalogue, { voters: 2_500, seed: 4 })].flat();
    const [header, ...records] = readCsv(fs.readFileSync(file, 'utf8'));

    expect(result).toEqual({ rows: 2_500, elapsedMs: expect.any(Number) as number });
    expect(header).toEqual([
      'NKK',
      'NIK',
      'NAMA',
      'TEMPAT LAHIR',
      'TANGGAL LAHIR',
      'STATUS PERKAWINAN',
      'JENIS KELAMIN',
      'ALAMAT',
      'RT',
      'RW',
      'DISABILITAS',
      'STATUS KTP-EL',
      'KETERANGAN',
      'KODE KELURAHAN',
      'TPS',
    ]);
    expect(records).toEqual(voters.map(expectedFields));
  });

  it('writes a first data line that matches the generator’s first voter character for character', async () => {
    const file = path.join(folder, 'pemilih.csv');
    await writeVotersCsv(file, catalogue, { voters: 100, seed: 4 });
    const [voter] = [...generateVoterBatches(catalogue, { voters: 100, seed: 4 })].flat();
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');

    expect(voter).toBeDefined();
    expect(lines[1]).toBe(expectedFields(voter as SyntheticVoter).join(','));
    expect(lines.length).toBe(102);
    expect(lines[101]).toBe('');
  });

  it('quotes an address that holds a comma', async () => {
    const file = path.join(folder, 'pemilih.csv');
    await writeVotersCsv(file, catalogue, { voters: 500, seed: 4 });
    const voters = [...generateVoterBatches(catalogue, { voters: 500, seed: 4 })].flat();
    const withComma = voters.find((voter) => voter.address.includes(','));
    const lines = fs.readFileSync(file, 'utf8').split('\r\n');

    expect(withComma).toBeDefined();
    expect(lines[voters.indexOf(withComma as SyntheticVoter) + 1]).toContain(
      `,"${withComma?.address}",`,
    );
  });

  it('quotes fields with commas, double quotes or line breaks and leaves the rest bare', () => {
    expect(
      [
        'Jl. Kenanga II, Blok C3 No. 7',
        'Gg. "Haji" Naim',
        'baris\r\nbaru',
        'Jl. Damai No. 4',
        '',
      ].map(csvField),
    ).toEqual([
      '"Jl. Kenanga II, Blok C3 No. 7"',
      '"Gg. ""Haji"" Naim"',
      '"baris\r\nbaru"',
      'Jl. Damai No. 4',
      '',
    ]);
  });
});

describe('progress of a long run', () => {
  it('logs a line every tenth of the run with counts only', async () => {
    const lines: { obj: object; msg?: string }[] = [];
    const logger = { info: (obj: object, msg?: string) => lines.push({ obj, msg }) };
    await writeVotersCsv(path.join(folder, 'pemilih.csv'), catalogue, {
      voters: 100_000,
      seed: 4,
      progress: 'log',
      logger,
    });

    expect(lines).toEqual(
      [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((percent) => ({
        obj: {
          task: 'csv',
          done: percent * 1_000,
          total: 100_000,
          percent,
          rowsPerSecond: expect.any(Number) as number,
        },
        msg: 'progress',
      })),
    );
  });
});
