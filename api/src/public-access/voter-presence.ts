import type { Database } from 'better-sqlite3';
import type { Pool, RowDataPacket } from 'mysql2';
import type { DataSource } from 'typeorm';

/**
 * "Is this NIK on the active list, and in which kelurahan?" in one prepared, indexed query
 * (uq_voter_nik). It bypasses TypeORM's query builder on purpose: the public check is the
 * hottest path of the system and the builder costs more than the query (DESIGN §7). The
 * statement is fixed text with one bound parameter, so nothing user-supplied reaches the SQL.
 */
export interface VoterPresence {
  /** Kelurahan code of the active voter with this normalised NIK, or null. */
  kelurahanOf(nik: string): Promise<string | null>;
}

const PRESENCE_SQL = "SELECT kelurahan_code FROM voter WHERE nik = ? AND status = 'AKTIF' LIMIT 1";

export function createVoterPresence(dataSource: DataSource): VoterPresence {
  return dataSource.options.type === 'mysql'
    ? mysqlPresence(dataSource.driver as unknown as { pool: Pool })
    : sqlitePresence(dataSource.driver as unknown as { databaseConnection: Database });
}

// mysql2's execute() prepares the statement once per pooled connection and reuses it.
function mysqlPresence(driver: { pool: Pool }): VoterPresence {
  return {
    kelurahanOf: (nik) =>
      new Promise((resolve, reject) => {
        driver.pool.execute<RowDataPacket[]>(PRESENCE_SQL, [nik], (error, rows) => {
          if (error) reject(error);
          else resolve(kelurahanCodeOf(rows[0] as { kelurahan_code?: unknown } | undefined));
        });
      }),
  };
}

function sqlitePresence(driver: { databaseConnection: Database }): VoterPresence {
  const statement = driver.databaseConnection.prepare<[string], { kelurahan_code: string }>(
    PRESENCE_SQL,
  );

  return { kelurahanOf: (nik) => Promise.resolve(kelurahanCodeOf(statement.get(nik))) };
}

function kelurahanCodeOf(row: { kelurahan_code?: unknown } | undefined): string | null {
  return typeof row?.kelurahan_code === 'string' ? row.kelurahan_code : null;
}
