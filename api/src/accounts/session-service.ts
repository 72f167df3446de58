import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';

import type { SecurityConfig } from '../config/config.js';
import { inTransaction } from '../database/transaction.js';
import type { SessionStage, SignedInActor } from '../authorization/actor.js';
import { API_TOKEN_PREFIX, newOpaqueToken, tokenHash } from '../security/opaque-token.js';
import type { AccountEntity } from './account.entity.js';
import { API_TOKEN_ROLES } from './role.js';
import { SessionEntity } from './session.entity.js';

/** last_seen_at is written at most this often per session: not a database write per request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The console cookie's name: `__Host-` (Secure, no Domain, Path=/) whenever served over HTTPS. */
export function sessionCookieName(isSecure: boolean): string {
  return isSecure ? '__Host-kaliber_session' : 'kaliber_session';
}

/** Where an account stands in its forced steps; API tokens skip them (machines, no TOTP). */
export function stageOf(account: AccountEntity, isMfaRequired: boolean): SessionStage {
  if (account.mustChangePassword) return 'PASSWORD_CHANGE_REQUIRED';
  if (isMfaRequired && !account.totpSecret) return 'TOTP_ENROLMENT_REQUIRED';

  return 'ACTIVE';
}

/**
 * Server-side sessions and API tokens. Each request looks its token up, so logout, account
 * disable and the emergency switch take effect on the very next request, in every process.
 */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly security: SecurityConfig,
  ) {}

  /** The actor of a console cookie or an API bearer token, or null if it is not (or no longer) valid. */
  async resolve(token: string, now: Date = new Date()): Promise<SignedInActor | null> {
    const session = await this.dataSource.getRepository(SessionEntity).findOne({
      where: { tokenHash: tokenHash(token) },
      relations: { account: true },
    });
    const account = session?.account;
    if (!session || !account || !this.isLive(session, account, now)) return null;

    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await inTransaction(this.dataSource, (manager) =>
        manager.update(SessionEntity, { id: session.id }, { lastSeenAt: now }),
      );
    }

    return {
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      scopeCode: account.scopeCode,
      sessionId: session.id,
      sessionKind: session.kind,
      stage:
        session.kind === 'API_TOKEN' ? 'ACTIVE' : stageOf(account, this.security.isMfaRequired),
    };
  }

  private isLive(session: SessionEntity, account: AccountEntity, now: Date): boolean {
    if (session.revokedAt || account.isDisabled) return false;
    if (session.expiresAt.getTime() <= now.getTime()) return false;
    // A token skips the console's forced steps and second factor, so it is good only while its
    // account keeps a machine role: a PROVINSI account promoted to staff loses its tokens.
    if (session.kind === 'API_TOKEN') return API_TOKEN_ROLES.includes(account.role);

    return now.getTime() - session.lastSeenAt.getTime() < this.security.sessionIdleMs;
  }

  /** A new console session (always a new id and token: no fixation of an earlier one). */
  async startConsoleSession(
    manager: EntityManager,
    accountId: number,
    now: Date,
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = newOpaqueToken();
    const session = await manager.save(
      manager.create(SessionEntity, {
        tokenHash: tokenHash(token),
        accountId,
        kind: 'CONSOLE',
        name: null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.security.sessionAbsoluteMs),
        revokedAt: null,
      }),
    );

    return { token, session };
  }

  async createApiToken(
    manager: EntityManager,
    accountId: number,
    name: string,
    expiresAt: Date,
    now: Date,
  ): Promise<{ token: string; session: SessionEntity }> {
    const token = newOpaqueToken(API_TOKEN_PREFIX);
    const session = await manager.save(
      manager.create(SessionEntity, {
        tokenHash: tokenHash(token),
        accountId,
        kind: 'API_TOKEN',
        name,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        revokedAt: null,
      }),
    );

    return { token, session };
  }

  async revoke(manager: EntityManager, sessionId: number, now: Date): Promise<void> {
    await manager.update(SessionEntity, { id: sessionId, revokedAt: IsNull() }, { revokedAt: now });
  }

  /** Ends an account's console sessions (all, or all but one) and, if asked, its API tokens. */
  async revokeAccountSessions(
    manager: EntityManager,
    accountId: number,
    now: Date,
    options: { exceptSessionId?: number; includeApiTokens: boolean },
  ): Promise<number> {
    const query = manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now })
      .where('account_id = :accountId', { accountId })
      .andWhere('revoked_at IS NULL');
    if (!options.includeApiTokens) query.andWhere("kind = 'CONSOLE'");
    if (options.exceptSessionId !== undefined) {
      query.andWhere('id <> :exceptId', { exceptId: options.exceptSessionId });
    }

    return (await query.execute()).affected ?? 0;
  }

  /** Ends an account's API tokens, e.g. when it leaves a machine role. */
  async revokeApiTokens(manager: EntityManager, accountId: number, now: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now })
      .where('account_id = :accountId', { accountId })
      .andWhere("kind = 'API_TOKEN'")
      .andWhere('revoked_at IS NULL')
      .execute();

    return result.affected ?? 0;
  }

  /** The emergency switch: every live session and API token of every account ends now. */
  async revokeEverything(manager: EntityManager, now: Date): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now })
      .where('revoked_at IS NULL')
      .execute();

    return result.affected ?? 0;
  }
}
