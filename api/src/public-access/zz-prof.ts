import { createDataSource } from '../database/data-source.js';
import { parseDatabaseUrl } from '../config/database-url.js';
import { SqlCounterStore } from './rate-limit-store.js';
const url = process.argv[2]!;
const ds = createDataSource({ database: parseDatabaseUrl(url, 4) });
await ds.initialize(); await ds.runMigrations();
await ds.query('DELETE FROM rate_limit_counter');
const store = new SqlCounterStore(ds);
const exp = Date.now() + 600_000;
let round = 0;
const mk = (n: number, fresh: boolean) => Array.from({ length: n }, (_, i) => ({ key: `CEK_NIK:NIK:${(fresh ? round * 100000 + i : i).toString().padStart(64, 'a')}:1`, hits: 1, expiresAt: exp }));
for (const [n, fresh] of [[400, true], [1200, true], [1200, false], [100, true]] as const) {
  const times: number[] = [];
  for (let r = 0; r < 10; r++) { round++; const d = mk(n, fresh); const t = performance.now(); await store.addAndRead(d); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(n, fresh ? 'new keys' : 'existing', 'median ms', times[5]!.toFixed(2));
}
// pieces
const d = mk(500, true);
let t = performance.now();
await ds.query(`INSERT INTO rate_limit_counter (counter_key, hits, expires_at) VALUES ${Array(500).fill('(?, ?, ?)').join(', ')} ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)`.replace(/ON DUPLICATE.*$/, ds.options.type === 'mysql' ? 'ON DUPLICATE KEY UPDATE hits = hits + VALUES(hits)' : 'ON CONFLICT (counter_key) DO UPDATE SET hits = rate_limit_counter.hits + excluded.hits'), d.flatMap((x) => [x.key, x.hits, '2030-01-01 00:00:00']));
console.log('one upsert 500', (performance.now() - t).toFixed(2));
t = performance.now();
await ds.query(`SELECT counter_key, hits FROM rate_limit_counter WHERE counter_key IN (${Array(500).fill('?').join(', ')})`, d.map((x) => x.key));
console.log('one select 500', (performance.now() - t).toFixed(2));
await ds.query('DELETE FROM rate_limit_counter');
await ds.destroy();
