import type { DataSource, EntityManager } from 'typeorm';

import { DomainError } from '../errors/domain-error.js';
import { LoginThrottleEntity } from './login-throttle.entity.js';

/**
 * Failed sign-ins per client IP in a fixed window, shared by every API process through the
 * database. The per-account lockout (on the account row) stops guessing one password; this
 * stops one client trying many accounts.
 */
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Throws RATE_LIMITED, with the seconds left, once the IP has used up its window. */
  async assertAllowed(clientIp: string, now: Date): Promise<void> {
    const row = await this.dataSource
      .getRepository(LoginThrottleEntity)
      .findOneBy({ throttleKey: keyOf(clientIp) });
    if (!row || row.failures < this.maxFailures) return;

    const windowEnd = row.windowStartedAt.getTime() + this.windowMs;
    if (windowEnd <= now.getTime()) return;

    const retryAfterSeconds = Math.ceil((windowEnd - now.getTime()) / 1000);
    throw new DomainError(
      'RATE_LIMITED',
      `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${Math.ceil(retryAfterSeconds / 60)} menit.`,
      undefined,
      { retryAfterSeconds },
    );
  }

  async recordFailure(manager: EntityManager, clientIp: string, now: Date): Promise<void> {
    const repository = manager.getRepository(LoginThrottleEntity);
    const throttleKey = keyOf(clientIp);
    const row = await repository.findOneBy({ throttleKey });
    const isWindowOver = !row || row.windowStartedAt.getTime() + this.windowMs <= now.getTime();
    await repository.save(
      repository.create({
        throttleKey,
        failures: isWindowOver ? 1 : row.failures + 1,
        windowStartedAt: isWindowOver ? now : row.windowStartedAt,
      }),
    );
  }
}

function keyOf(clientIp: string): string {
  return `ip:${clientIp}`.slice(0, 80);
}
