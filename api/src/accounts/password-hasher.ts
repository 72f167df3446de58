import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

import { DomainError } from '../errors/domain-error.js';

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane). The parameters are stored in each
 * hash, so raising them later re-hashes nobody by force.
 */
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashing requests allowed to wait for a slot; beyond that a flood is refused, not queued. */
const QUEUE_PER_SLOT = 16;

/**
 * Hashes and verifies passwords, at most `concurrency` at a time. Each argon2 run holds 19 MiB,
 * so an unbounded login flood could exhaust memory; a bounded queue sheds the excess with a
 * RATE_LIMITED error instead.
 */
export class PasswordHasher {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** A hash of a random password, verified against for unknown usernames (same cost, same time). */
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly concurrency: number) {}

  hash(password: string): Promise<string> {
    return this.withSlot(() => hash(password, ARGON2_OPTIONS));
  }

  /** True when `password` matches `passwordHash`; a malformed hash counts as no match. */
  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.withSlot(() => verify(passwordHash, password).catch(() => false));
  }

  /** Spends the same work as a real verification and always answers false. */
  async verifyAgainstNothing(password: string): Promise<false> {
    this.dummyHash ??= hash(randomBytes(24).toString('base64'), ARGON2_OPTIONS);
    await this.verify(await this.dummyHash, password);

    return false;
  }

  private async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.concurrency * QUEUE_PER_SLOT) {
        throw new DomainError(
          'RATE_LIMITED',
          'Server sedang menerima terlalu banyak permintaan masuk. Coba lagi sebentar lagi.',
          undefined,
          { retryAfterSeconds: 5 },
        );
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }

    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter; `running` only drops when none waits.
      if (next) next();
      else this.running -= 1;
    }
  }
}
