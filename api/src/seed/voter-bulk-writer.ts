import type BetterSqlite3 from 'better-sqlite3';
import type { PoolConnection } from 'mysql2';
import type { DataSource, QueryRunner } from 'typeorm';

import type { SyntheticVoter } from './synthetic-voters.js';

/** Table columns in insert order; `voterValues` lists the values in the same order. */
const VOTER_COLUMNS = [
  'nik',
  'nkk',
  'name',
  'birth_place',
  'birth_date',
  'marital_status',
  'sex',
  'address',
  'rt',
  'rw',
  'disability',
  'ktp_el_status',
  'remarks',
  'kelurahan_code',
  'tps',
  'status',
  'tms_reason',
  'source',
] as const;

function voterValues(voter: SyntheticVoter): (string | number | null)[] {
  return [
    voter.nik,
    voter.nkk,
    voter.name,
    voter.birthPlace,
    voter.birthDate,
    voter.maritalStatus,
    voter.sex,
    voter.address,
    voter.rt,
    voter.rw,
    voter.disability,
    voter.ktpElStatus,
    voter.remarks,
    voter.kelurahanCode,
    voter.tps,
    voter.status,
    voter.tmsReason,
    voter.source,
  ];
}

/**
 * Rows per multi-row INSERT on MySQL/MariaDB: 2,000 × 18 placeholders stays well under the
 * protocol's 65,535 parameters and the default 16 MB packet, and is past the point where larger
 * statements stop paying off.
 */
const MYSQL_ROWS_PER_STATEMENT = 2_000;
/** Rows per transaction on SQLite: large enough that commits (fsyncs) are a small share. */
const SQLITE_ROWS_PER_TRANSACTION = 10_000;
/**
 * Connection settings while seeding SQLite, put back on close: a 256 MB page cache (in KiB,
 * negative by SQLite's convention) so the growing NIK index stays in memory, and a WAL
 * checkpoint every 64 MB instead of every 4 MB. Neither weakens durability or a constraint;
 * measured on 2.4 M rows here they cut the run by about a sixth.
 */
const SQLITE_SEED_PRAGMAS = { cache_size: -262_144, wal_autocheckpoint: 16_384 } as const;

/**
 * Appends voter rows straight through the database driver. TypeORM's entity saves cost several
 * times the driver's own speed, which matters at 2.4 million rows. Every value goes
 * through a placeholder: nothing is spliced into SQL text.
 */
export interface VoterBulkWriter {
  /** Rows per `write` call that suit this database; callers should batch by it. */
  readonly batchSize: number;
  /** How many `write`s may run at once, each on a connection of its own. */
  readonly concurrency: number;
  /** Inserts the rows in one transaction: all of them or, on error, none. */
  write(voters: readonly SyntheticVoter[]): Promise<void>;
  /** Gives the connections back to TypeORM; call it once no write is in flight. */
  close(): Promise<void>;
}

/**
 * Connections a MySQL writer uses at most. Two concurrent INSERT streams let the server work
 * on one batch while it receives the next; measured here, two connections insert ~1.7× the rows
 * per second of one, and more do not help on two cores.
 */
const MYSQL_CONNECTIONS = 2;

/**
 * Opens a writer on connections of its own from the data source, which must be initialised.
 * On MySQL it takes up to two connections of the pool (one if the pool has only one).
 */
export async function openVoterBulkWriter(dataSource: DataSource): Promise<VoterBulkWriter> {
  switch (dataSource.options.type) {
    case 'mysql':
    case 'mariadb': {
      const connections = Math.max(
        1,
        Math.min(MYSQL_CONNECTIONS, dataSource.options.poolSize ?? 10),
      );
      const queryRunners: QueryRunner[] = [];
      const poolConnections: PoolConnection[] = [];
      try {
        for (let index = 0; index < connections; index += 1) {
          const queryRunner = dataSource.createQueryRunner('master');
          queryRunners.push(queryRunner);
          poolConnections.push((await queryRunner.connect()) as PoolConnection);
        }
      } catch (error: unknown) {
        await Promise.all(queryRunners.map((queryRunner) => queryRunner.release()));
        throw error;
      }
      return mysqlWriter(queryRunners, poolConnections);
    }
    case 'better-sqlite3': {
      const queryRunner = dataSource.createQueryRunner('master');
      const database = (await queryRunner.connect()) as BetterSqlite3.Database;
      return sqliteWriter(queryRunner, database);
    }
    default:
      throw new Error(`Bulk insert is not implemented for ${dataSource.options.type}`);
  }
}

function insertStatement(rows: number): string {
  const row = `(${VOTER_COLUMNS.map(() => '?').join(', ')})`;

  return `INSERT INTO voter (${VOTER_COLUMNS.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`;
}

/** A connection of the MySQL writer, in mysql2's promise form. */
type Lane = ReturnType<PoolConnection['promise']>;

/**
 * MySQL/MariaDB: server-side prepared multi-row INSERTs (mysql2 `execute` caches a statement
 * per connection, so each row count is prepared once). A write of one statement's worth of
 * rows runs in autocommit — a single statement is atomic on InnoDB — which saves two round
 * trips per batch; a larger write is wrapped in an explicit transaction. Each write takes an
 * idle connection, or waits for one.
 */
function mysqlWriter(
  queryRunners: readonly QueryRunner[],
  poolConnections: readonly PoolConnection[],
): VoterBulkWriter {
  const lanes = poolConnections.map((connection) => connection.promise());
  const idle = [...lanes];
  const waiting: ((lane: Lane) => void)[] = [];
  const statements = new Set<string>();

  const acquire = (): Promise<Lane> => {
    const lane = idle.pop();
    return lane ? Promise.resolve(lane) : new Promise((resolve) => waiting.push(resolve));
  };
  const release = (lane: Lane): void => {
    const next = waiting.shift();
    if (next) next(lane);
    else idle.push(lane);
  };
  const insert = async (lane: Lane, voters: readonly SyntheticVoter[]): Promise<void> => {
    const sql = insertStatement(voters.length);
    statements.add(sql);
    await lane.execute(sql, voters.flatMap(voterValues));
  };

  return {
    batchSize: MYSQL_ROWS_PER_STATEMENT,
    concurrency: lanes.length,
    async write(voters) {
      if (voters.length === 0) return;
      const lane = await acquire();
      try {
        if (voters.length <= MYSQL_ROWS_PER_STATEMENT) {
          await insert(lane, voters);
          return;
        }

        await lane.beginTransaction();
        try {
          for (let start = 0; start < voters.length; start += MYSQL_ROWS_PER_STATEMENT) {
            await insert(lane, voters.slice(start, start + MYSQL_ROWS_PER_STATEMENT));
          }
          await lane.commit();
        } catch (error: unknown) {
          await lane.rollback();
          throw error;
        }
      } finally {
        release(lane);
      }
    },
    async close() {
      // Prepared statements of a pooled connection would otherwise live as long as the pool.
      for (const lane of lanes) for (const sql of statements) lane.unprepare(sql);
      await Promise.all(queryRunners.map((queryRunner) => queryRunner.release()));
    },
  };
}

/**
 * SQLite: one prepared single-row INSERT, run in a better-sqlite3 transaction per batch. The
 * driver is synchronous and in-process, so there are no round trips to save by multi-row
 * statements; the transaction is what keeps SQLite from syncing after every row.
 */
function sqliteWriter(queryRunner: QueryRunner, database: BetterSqlite3.Database): VoterBulkWriter {
  const previous = Object.keys(SQLITE_SEED_PRAGMAS).map(
    (name) => [name, database.pragma(name, { simple: true }) as number] as const,
  );
  for (const [name, value] of Object.entries(SQLITE_SEED_PRAGMAS)) {
    database.pragma(`${name} = ${value}`);
  }
  const statement = database.prepare(insertStatement(1));
  const insertAll = database.transaction((voters: readonly SyntheticVoter[]) => {
    for (const voter of voters) statement.run(voterValues(voter));
  });

  return {
    batchSize: SQLITE_ROWS_PER_TRANSACTION,
    // better-sqlite3 is synchronous: a second write could not overlap the first anyway.
    concurrency: 1,
    write(voters) {
      // A throw inside the executor becomes a rejection, like the MySQL writer's errors.
      return new Promise<void>((resolve) => {
        insertAll(voters);
        resolve();
      });
    },
    async close() {
      for (const [name, value] of previous) database.pragma(`${name} = ${value}`);
      await queryRunner.release();
    },
  };
}
