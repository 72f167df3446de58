import type mysql from 'mysql2/promise';
import { buildNik, JAKARTA_TIMUR_CODE, parseNik, toIsoDate, type Sex } from '@kaliber/schema';

import { loadRegionCatalogue } from '../regions/region-service.js';
import { SeededRandom } from '../seed/seeded-random.js';

/** One Cek NIK request of the mix and the answer it must get. */
export interface MixEntry {
  /** 16-digit NIK sent as the `nik` variable. */
  readonly nik: string;
  /** Whether the NIK belongs to an AKTIF voter, i.e. the expected `terdaftar`. */
  readonly isRegistered: boolean;
}

/** Ids drawn per `WHERE id IN (…)`, and NIKs checked per `WHERE nik IN (…)`. */
const BATCH = 1_000;

/**
 * The request mix of the Cek NIK bench: `size` NIKs of AKTIF voters drawn from the table and as
 * many well-formed NIKs that are on no row, shuffled so that found and not-found requests
 * interleave. The same data and seed give the same mix.
 */
export async function buildCekNikMix(
  connection: mysql.Connection,
  size: number,
  seed = 1,
): Promise<MixEntry[]> {
  const random = new SeededRandom(seed);
  const registered = await drawRegistered(connection, size, random);
  const absent = await makeAbsent(connection, size, random);
  const mix: MixEntry[] = [
    ...registered.map((nik) => ({ nik, isRegistered: true })),
    ...absent.map((nik) => ({ nik, isRegistered: false })),
  ];

  // Fisher–Yates.
  for (let index = mix.length - 1; index > 0; index -= 1) {
    const other = random.nextInt(index + 1);
    [mix[index], mix[other]] = [mix[other] as MixEntry, mix[index] as MixEntry];
  }

  return mix;
}

/**
 * Draws NIKs of AKTIF voters by random ids between the smallest and largest: primary-key point
 * reads, cheap on millions of rows where `ORDER BY RAND()` would sort the whole table. Ids
 * missing from the table (rows deleted after a failed seed) or of TMS voters are simply not
 * returned and more are drawn.
 */
async function drawRegistered(
  connection: mysql.Connection,
  size: number,
  random: SeededRandom,
): Promise<string[]> {
  const [bounds] = await connection.query<mysql.RowDataPacket[]>(
    'SELECT MIN(id) AS low, MAX(id) AS high FROM voter',
  );
  const low = Number(bounds[0]?.low);
  const high = Number(bounds[0]?.high);
  if (!Number.isInteger(low) || !Number.isInteger(high)) {
    throw new Error('The bench voter table is empty');
  }

  const found = new Set<string>();
  for (let attempt = 0; found.size < size; attempt += 1) {
    if (attempt > 100 + (size / BATCH) * 10) {
      throw new Error(`Could not draw ${size} AKTIF voters; the table holds too few`);
    }
    const ids = Array.from({ length: BATCH }, () => random.nextIntBetween(low, high));
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT nik FROM voter WHERE id IN (?) AND status = ?',
      [ids, 'AKTIF'],
    );
    for (const row of rows) {
      if (found.size < size) found.add(String(row.nik));
    }
  }

  return [...found];
}

/**
 * Builds NIKs a resident of the city could type: a kecamatan of Jakarta Timur, a birth date of
 * a voter's age, either sex, a random serial — each one valid under the domain's parseNik, so
 * the server must do the lookup, and each checked to be on no row of the table.
 */
async function makeAbsent(
  connection: mysql.Connection,
  size: number,
  random: SeededRandom,
): Promise<string[]> {
  const catalogue = await loadRegionCatalogue(JAKARTA_TIMUR_CODE);
  const districts = [...catalogue.knownDistrictCodes];
  const absent = new Set<string>();

  while (absent.size < size) {
    const candidates = new Set<string>();
    while (candidates.size < BATCH) {
      const nik = buildNik({
        districtCode: random.pick(districts),
        birthDate: toIsoDate(
          random.nextIntBetween(1940, 2006),
          random.nextIntBetween(1, 12),
          random.nextIntBetween(1, 28),
        ),
        sex: random.pick<Sex>(['L', 'P']),
        serial: random.nextIntBetween(1, 9999),
      });
      if (parseNik(nik).ok && !absent.has(nik)) candidates.add(nik);
    }

    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      'SELECT nik FROM voter WHERE nik IN (?)',
      [[...candidates]],
    );
    for (const row of rows) candidates.delete(String(row.nik));
    for (const nik of candidates) {
      if (absent.size < size) absent.add(nik);
    }
  }

  return [...absent];
}
