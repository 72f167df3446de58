import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { SyntheticVoter } from './synthetic-voters.js';

/**
 * The header of the voter-list CSV: the 13 elements of the official list in their official
 * order, then Kaliber's kelurahan code and TPS number.
 */
export const VOTER_CSV_HEADER = [
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
] as const;

/** RFC 4180 ends every record, the last one included, with CRLF. */
const RECORD_END = '\r\n';

/**
 * One field, quoted only when it must be (it holds a comma, a double quote or a line break),
 * with inner double quotes doubled — RFC 4180.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One voter as a CSV record (without the line end). Dates are written DD-MM-YYYY, as the
 * official lists write them; empty values (no remark, no TPS yet) are empty fields.
 */
export function voterCsvRecord(voter: SyntheticVoter): string {
  const birthDate = `${voter.birthDate.slice(8, 10)}-${voter.birthDate.slice(5, 7)}-${voter.birthDate.slice(0, 4)}`;

  return [
    voter.nkk,
    voter.nik,
    csvField(voter.name),
    csvField(voter.birthPlace),
    birthDate,
    voter.maritalStatus,
    voter.sex,
    csvField(voter.address),
    voter.rt,
    voter.rw,
    String(voter.disability),
    voter.ktpElStatus,
    csvField(voter.remarks ?? ''),
    voter.kelurahanCode,
    voter.tps === null ? '' : String(voter.tps),
  ].join(',');
}

/**
 * Streams the header and every batch to `file` (created or replaced), one chunk per batch. The
 * batches are pulled only as fast as the disk takes them, so memory holds about one batch
 * whatever the row count. Resolves with the number of data rows written.
 */
export async function writeVoterCsvFile(
  file: string,
  batches: Iterable<readonly SyntheticVoter[]>,
  onBatchWritten: (rowsSoFar: number) => void = () => undefined,
): Promise<number> {
  let rows = 0;
  function* chunks(): Generator<string> {
    yield VOTER_CSV_HEADER.join(',') + RECORD_END;
    for (const batch of batches) {
      yield batch.map((voter) => voterCsvRecord(voter) + RECORD_END).join('');
      rows += batch.length;
      onBatchWritten(rows);
    }
  }

  await pipeline(Readable.from(chunks(), { objectMode: false }), fs.createWriteStream(file));

  return rows;
}
