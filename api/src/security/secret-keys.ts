import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Logger } from '../logging/logger.js';

/** What each derived key protects; a key is never used for two purposes. */
export type KeyPurpose =
  | 'audit-chain'
  | 'nik-hash'
  | 'totp-secret'
  /** AES-256-GCM key of the stored KTP/KK documents. */
  | 'document'
  /** HMAC secret that signs the public proof-of-work challenges. */
  | 'proof-of-work';

/** The keys Kaliber derives from its one master secret. */
export interface SecretKeys {
  /** A 32-byte key for one purpose, derived with HKDF-SHA256 from the master secret. */
  keyFor(purpose: KeyPurpose): Buffer;
}

const KEY_FILE_NAME = 'secret.key';

/**
 * The master secret comes from SECRET_KEY. Without it (demo and development only; the config
 * refuses production without it) a random key is generated once into the data folder, readable
 * by the owner only, so that audit hashes and TOTP secrets survive a restart.
 */
export function loadSecretKeys(secretKey: string | undefined, dataDir: string, log: Logger) {
  const master = secretKey ? Buffer.from(secretKey, 'hex') : readOrCreateKeyFile(dataDir, log);

  return createSecretKeys(master);
}

export function createSecretKeys(master: Buffer): SecretKeys {
  const cache = new Map<KeyPurpose, Buffer>();

  return {
    keyFor(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `kaliber/${purpose}`, 32));
        cache.set(purpose, key);
      }
      return key;
    },
  };
}

function readOrCreateKeyFile(dataDir: string, log: Logger): Buffer {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');

  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  // `wx` fails if another process created the file a moment ago; then that one is used.
  try {
    fs.writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  log.warn({ file }, 'SECRET_KEY not set: generated a key file for this data folder');

  return key;
}
