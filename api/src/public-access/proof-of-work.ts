import { createHash, createHmac } from 'node:crypto';
import {
  type Challenge,
  createChallenge,
  randomInt,
  type Solution,
  verifySolution,
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { DataSource } from 'typeorm';

import { inTransaction } from '../database/transaction.js';
import { sqlDateTime } from './rate-limit-store.js';

/**
 * What a submitted proof of work turned out to be: good and now spent (VALID), not given
 * (MISSING), not one of ours or not solved (INVALID), past its expiry (EXPIRED), or good but
 * already used once (REPLAYED).
 */
export type ProofOfWorkVerdict = 'VALID' | 'MISSING' | 'INVALID' | 'EXPIRED' | 'REPLAYED';

export interface ProofOfWorkOptions {
  /** PBKDF2-SHA256 iterations per attempt (altcha's `cost`); the solver makes ~1,000 attempts. */
  readonly cost: number;
  /** How long a challenge may be solved and used after it was issued. */
  readonly expirySeconds: number;
}

/**
 * PBKDF2/SHA-256 because the altcha widget ships it in its default bundle and browsers run it
 * natively through WebCrypto: a phone pays the same per iteration as a script on a server
 * core, which the memory-hard algorithms (a separate WASM worker in the widget) do not give.
 * The aim is to make each public lookup cost a client CPU time next to the rate limits, not to
 * defeat GPUs. 2,000 iterations × on average 1,000 attempts is 2 M iterations: measured here
 * at ~3 M/s on one core, so a mid-range phone with its 4 widget workers needs about a second
 * and a slow one two or three.
 */
export const DEFAULT_PROOF_OF_WORK_OPTIONS: ProofOfWorkOptions = {
  cost: 2_000,
  // Long enough to fill in the registration form after the widget has solved it.
  expirySeconds: 600,
};

const ALGORITHM = 'PBKDF2/SHA-256';

// The counter the solver must reach (deterministic mode): the server knows it, so the work is
// the same for every challenge instead of a lottery with a long tail on slow phones, and the
// derived key is checked with one HMAC (the key signature) instead of a PBKDF2 run.
const MIN_ATTEMPTS = 500;
const MAX_ATTEMPTS = 1_500;

// A real payload is under 1.5 kB; anything far larger is refused before it is decoded.
const MAX_PAYLOAD_LENGTH = 4_096;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Spent rows outlive their challenge by this much before purgeExpired removes them, so that an
// API process whose clock runs a little behind still finds the row of a challenge it accepts.
const PURGE_GRACE_SECONDS = 60;

/**
 * The self-hosted ALTCHA proof of work of the public services (DESIGN §6.3): challenges signed
 * with a key of this deployment, and each solution accepted once. A solution is spent by
 * inserting its challenge into `spent_challenge`; the primary key makes the first insert win
 * even when two API processes on one MySQL server see the same payload at once.
 */
export class ProofOfWork {
  private readonly signatureSecret: string;
  private readonly keySignatureSecret: string;

  constructor(
    private readonly dataSource: DataSource,
    hmacSecret: Buffer,
    private readonly options: ProofOfWorkOptions = DEFAULT_PROOF_OF_WORK_OPTIONS,
    private readonly clock: () => Date = () => new Date(),
  ) {
    if (!Number.isInteger(options.cost) || options.cost < 1) {
      throw new RangeError('The proof-of-work cost must be a positive whole number');
    }
    if (!Number.isInteger(options.expirySeconds) || options.expirySeconds < 1) {
      throw new RangeError('The proof-of-work expiry must be a positive number of seconds');
    }

    // One secret per use, so that a key signature can never pass as a challenge signature.
    this.signatureSecret = subkey(hmacSecret, 'challenge-signature');
    this.keySignatureSecret = subkey(hmacSecret, 'key-signature');
  }

  /** A new challenge, as the widget fetches it from its `challenge` URL. */
  async createChallenge(): Promise<Challenge> {
    const expiresAt = new Date(this.clock().getTime() + this.options.expirySeconds * 1000);

    return createChallenge({
      algorithm: ALGORITHM,
      cost: this.options.cost,
      counter: randomInt(MAX_ATTEMPTS, MIN_ATTEMPTS),
      deriveKey,
      expiresAt,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
    });
  }

  /**
   * Checks the widget's payload (base64 of `{ challenge, solution }`) and spends it. Never
   * throws on what a client sends; only a database failure propagates.
   */
  async verify(payload: string | null | undefined): Promise<ProofOfWorkVerdict> {
    if (payload === null || payload === undefined) return 'MISSING';
    // A plain JavaScript caller may hand over anything; GraphQL's String sees to the rest.
    if (typeof payload !== 'string') return 'INVALID';
    if (payload.trim() === '') return 'MISSING';

    const submitted = decodePayload(payload);
    if (!submitted) return 'INVALID';
    const { challenge, solution } = submitted;

    // altcha-lib checks the expiry against the real clock; this check uses the injected one,
    // and both must pass.
    const expiresAtSeconds = challenge.parameters.expiresAt;
    if (expiresAtSeconds === undefined) return 'INVALID';
    if (expiresAtSeconds * 1000 <= this.clock().getTime()) return 'EXPIRED';

    let result;
    try {
      result = await verifySolution({
        challenge,
        solution,
        deriveKey,
        hmacSignatureSecret: this.signatureSecret,
        hmacKeySignatureSecret: this.keySignatureSecret,
      });
    } catch {
      // altcha-lib throws on some malformed parameters (an unknown algorithm, bad hex).
      return 'INVALID';
    }
    if (result.expired) return 'EXPIRED';
    if (!result.verified) return 'INVALID';

    return this.spend(challenge.parameters.nonce, expiresAtSeconds);
  }

  /** Deletes spent challenges that expired (plus a grace minute); returns how many. */
  async purgeExpired(): Promise<number> {
    const cutoff = this.clock().getTime() - PURGE_GRACE_SECONDS * 1000;
    const result = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from('spent_challenge')
      .where('expires_at <= :cutoff', { cutoff: sqlDateTime(cutoff) })
      .execute();

    return result.affected ?? 0;
  }

  // The nonce is the challenge's random identity and is covered by its signature; stored
  // hashed so the key has a fixed width whatever the nonce length.
  private async spend(nonce: string, expiresAtSeconds: number): Promise<ProofOfWorkVerdict> {
    const challengeHash = createHash('sha256').update(nonce).digest('hex');

    try {
      // Through the SQLite write queue, so the row never joins (and never rolls back with)
      // another request's open transaction on the single connection.
      await inTransaction(this.dataSource, (manager) =>
        manager.query('INSERT INTO spent_challenge (challenge_hash, expires_at) VALUES (?, ?)', [
          challengeHash,
          sqlDateTime(expiresAtSeconds * 1000),
        ]),
      );
    } catch (error: unknown) {
      if (isDuplicateKey(error)) return 'REPLAYED';
      throw error;
    }

    return 'VALID';
  }
}

function subkey(secret: Buffer, purpose: string): string {
  return createHmac('sha256', secret).update(`altcha/${purpose}`).digest('hex');
}

/**
 * Decodes the payload and checks the shape verifySolution relies on, so that garbage of any
 * kind is INVALID rather than an exception deep inside altcha-lib. Only the widget's own
 * payload is accepted: not its `test` payload, not Sentinel's server-signed kind.
 */
function decodePayload(payload: string): { challenge: Challenge; solution: Solution } | null {
  if (payload.length > MAX_PAYLOAD_LENGTH || !BASE64.test(payload)) return null;

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  } catch {
    return null;
  }

  if (!isRecord(decoded) || !isRecord(decoded['challenge']) || !isRecord(decoded['solution'])) {
    return null;
  }
  const { parameters, signature } = decoded['challenge'];
  const { counter, derivedKey } = decoded['solution'];
  const isWellFormed =
    isRecord(parameters) &&
    typeof parameters['nonce'] === 'string' &&
    typeof parameters['salt'] === 'string' &&
    typeof parameters['keyPrefix'] === 'string' &&
    typeof parameters['expiresAt'] === 'number' &&
    typeof signature === 'string' &&
    typeof counter === 'number' &&
    typeof derivedKey === 'string';
  if (!isWellFormed) return null;

  return {
    challenge: { parameters: parameters as unknown as Challenge['parameters'], signature },
    solution: { counter, derivedKey },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// MySQL reports a duplicate primary key as ER_DUP_ENTRY; SQLite as a PRIMARYKEY constraint.
function isDuplicateKey(error: unknown): boolean {
  const codes = [
    (error as { code?: unknown } | null)?.code,
    (error as { driverError?: { code?: unknown } } | null)?.driverError?.code,
  ];

  return codes.some(
    (code) =>
      code === 'ER_DUP_ENTRY' ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE',
  );
}
