import mysql from 'mysql2/promise';
const c = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'kaliber_h5_bench' });
await c.query('DELETE FROM rate_limit_counter');
let round = 0;
const mk = (n: number) => { round++; return Array.from({ length: n }, (_, i) => `CEK_NIK:NIK:${(round * 100000 + i).toString().padStart(64, 'a')}:1`); };
const up = (n: number) => `INSERT INTO rate_limit_counter (counter_key, hits, expires_at) VALUES ${Array(n).fill('(?, ?, ?)').join(', ')} ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)`;
const sel = (n: number) => `SELECT counter_key, hits FROM rate_limit_counter WHERE counter_key IN (${Array(n).fill('?').join(', ')})`;
for (const mode of ['query', 'execute'] as const) {
  const tu: number[] = [], ts: number[] = [];
  for (let r = 0; r < 12; r++) {
    const keys = mk(500);
    let t = performance.now();
    await c[mode](up(500), keys.flatMap((k) => [k, 1, '2030-01-01 00:00:00']));
    tu.push(performance.now() - t);
    t = performance.now();
    await c[mode](sel(500), keys);
    ts.push(performance.now() - t);
  }
  tu.sort((a, b) => a - b); ts.sort((a, b) => a - b);
  console.log(mode, 'upsert', tu[6]!.toFixed(2), 'select', ts[6]!.toFixed(2));
}
// server-side time of select via profiling
const keys = mk(500);
await c.query(up(500), keys.flatMap((k) => [k, 1, '2030-01-01 00:00:00']));
const sql = c.format(sel(500), keys);
let t = performance.now(); await c.query(sql); console.log('preformatted select', (performance.now() - t).toFixed(2));
t = performance.now(); c.format(sel(500), keys); console.log('format only', (performance.now() - t).toFixed(2));
await c.query('DELETE FROM rate_limit_counter');
await c.end();
