import mysql from 'mysql2/promise';
const c = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: 'kaliber_h5_bench' });
await c.query('DELETE FROM rate_limit_counter');
const key = (i: number) => `CEK_NIK:NIK:${i.toString().padStart(64, 'a')}:1`;
for (let b = 0; b < 100; b++) {
  const keys = Array.from({ length: 1000 }, (_, i) => key(b * 1000 + i));
  await c.query(`INSERT INTO rate_limit_counter (counter_key, hits, expires_at) VALUES ${Array(1000).fill('(?, ?, ?)').join(', ')}`, keys.flatMap((k) => [k, 1, '2030-01-01 00:00:00']));
}
await c.query('ANALYZE TABLE rate_limit_counter');
const up = (n: number) => `INSERT INTO rate_limit_counter (counter_key, hits, expires_at) VALUES ${Array(n).fill('(?, ?, ?)').join(', ')} ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)`;
const sel = (n: number) => `SELECT counter_key, hits FROM rate_limit_counter WHERE counter_key IN (${Array(n).fill('?').join(', ')})`;
let next = 200000;
for (const n of [100, 500]) {
  const tu: number[] = [], ts: number[] = [], te: number[] = [];
  for (let r = 0; r < 12; r++) {
    const fresh = Array.from({ length: n }, () => key(next++));
    const existing = Array.from({ length: n }, (_, i) => key((r * 7919 + i * 13) % 100000));
    let t = performance.now();
    await c.query(up(n), fresh.flatMap((k) => [k, 1, '2030-01-01 00:00:00']));
    tu.push(performance.now() - t);
    t = performance.now();
    await c.query(up(n), existing.flatMap((k) => [k, 1, '2030-01-01 00:00:00']));
    te.push(performance.now() - t);
    t = performance.now();
    await c.query(sel(n), fresh);
    ts.push(performance.now() - t);
  }
  for (const a of [tu, ts, te]) a.sort((x, y) => x - y);
  console.log(n, 'upsert new', tu[6]!.toFixed(2), 'upsert existing', te[6]!.toFixed(2), 'select', ts[6]!.toFixed(2));
}
const [plan] = await c.query('EXPLAIN ' + sel(500), Array.from({ length: 500 }, (_, i) => key(i)));
console.log(plan);
await c.query('DELETE FROM rate_limit_counter');
await c.end();
