// The baseline of the Cek NIK bench (DESIGN §7): the least any implementation of the lookup must
// do over HTTP — read a JSON body, one indexed query through a mysql2 pool, a JSON answer of the
// same shape as Kaliber's. No validation, limits, logging or GraphQL. Started by run.ts as a
// child process with DATABASE_URL and PORT; not part of the product.
import http from 'node:http';
import mysql from 'mysql2/promise';
import { maskNik } from '@kaliber/schema';

import { parseDatabaseUrl } from '../config/database-url.js';

/** The API's default DATABASE_POOL_SIZE, so both sides get the same database concurrency. */
const POOL_SIZE = 10;

const database = parseDatabaseUrl(process.env.DATABASE_URL ?? '', POOL_SIZE);
if (database.kind !== 'mysql') throw new Error('DATABASE_URL must be mysql://…');

const pool = mysql.createPool({
  host: database.host,
  port: database.port,
  user: database.user,
  password: database.password,
  database: database.database,
  connectionLimit: POOL_SIZE,
  charset: 'utf8mb4_unicode_ci',
  enableKeepAlive: true,
});

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/readyz') {
    send(response, 200, '{"status":"ok"}');
    return;
  }
  if (request.method !== 'POST' || request.url !== '/graphql') {
    send(response, 404, '{"errors":[{"message":"not found"}]}');
    return;
  }

  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    answer(Buffer.concat(chunks).toString('utf8')).then(
      (body) => send(response, 200, body),
      () => send(response, 500, '{"errors":[{"message":"lookup failed"}]}'),
    );
  });
});

async function answer(body: string): Promise<string> {
  const nik = String((JSON.parse(body) as { variables: { nik: unknown } }).variables.nik);
  const [rows] = await pool.execute<mysql.RowDataPacket[]>(
    'SELECT kelurahan_code FROM voter WHERE nik = ? AND status = ? LIMIT 1',
    [nik, 'AKTIF'],
  );

  return JSON.stringify({
    data: { cekNik: { terdaftar: rows.length > 0, nikMasked: maskNik(nik) } },
  });
}

function send(response: http.ServerResponse, status: number, body: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

server.listen(Number(process.env.PORT), '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end();
});
