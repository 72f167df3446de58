import path from 'node:path';

/** Where the data lives: the embedded SQLite file or a MySQL/MariaDB server. */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | {
      readonly kind: 'mysql';
      readonly host: string;
      readonly port: number;
      readonly user: string;
      readonly password: string;
      readonly database: string;
      readonly poolSize: number;
    };

/**
 * Parses `sqlite:PATH` or `mysql://user:password@host:port/database`. The error text never
 * repeats the URL, since it may carry a password.
 */
export function parseDatabaseUrl(url: string, poolSize: number): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('path berkas SQLite kosong (contoh: sqlite:./data/kaliber.sqlite)');
    return { kind: 'sqlite', file: file === ':memory:' ? file : path.resolve(file) };
  }

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('bukan URL (contoh: mysql://user:password@127.0.0.1:3306/kaliber)');
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new Error('skema harus sqlite: atau mysql://');
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]{1,64}$/.test(database)) {
    throw new Error('nama database harus huruf, angka atau garis bawah (contoh: /kaliber)');
  }

  return {
    kind: 'mysql',
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 3306,
    user: decodeURIComponent(parsed.username) || 'root',
    password: decodeURIComponent(parsed.password),
    database,
    poolSize,
  };
}
