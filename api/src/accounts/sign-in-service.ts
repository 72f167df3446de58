import type { DataSource } from 'typeorm';

import { hashPersonalValue } from '../audit/personal-value-hash.js';
import type { AuditLog, AuditSource } from '../audit/audit-log.js';
import type { SignedInActor } from '../authorization/actor.js';
import type { SecurityConfig } from '../config/config.js';
import { inTransaction } from '../database/transaction.js';
import { badInput, DomainError, notFound } from '../errors/domain-error.js';
import { open, seal } from '../security/sealed-box.js';
import type { SecretKeys } from '../security/secret-keys.js';
import { AccountEntity } from './account.entity.js';
import { LoginThrottle } from './login-throttle.js';
import type { PasswordHasher } from './password-hasher.js';
import { passwordIssues } from './password-policy.js';
import type { SessionService } from './session-service.js';
import { matchTotpCode, newTotpSecret, otpauthUri, base32Encode } from './totp.js';

/** Why a sign-in failed, for the audit entry only: the caller always hears the same thing. */
type LoginFailure = 'UNKNOWN_ACCOUNT' | 'DISABLED' | 'LOCKED' | 'WRONG_PASSWORD' | 'TOTP_INVALID';

export type LoginOutcome =
  | { readonly status: 'SIGNED_IN'; readonly token: string; readonly account: AccountEntity }
  | { readonly status: 'TOTP_REQUIRED' };

export interface LoginAttempt {
  readonly username: string;
  readonly password: string;
  readonly totpCode?: string | null | undefined;
}

const INVALID_CREDENTIALS_MESSAGE = 'Nama pengguna atau kata sandi salah';

/** Sealing contexts: a sealed secret only opens in the column and row it was written for. */
const totpContext = (accountId: number) => `account:${accountId}:totp`;
const pendingTotpContext = (accountId: number) => `account:${accountId}:totp-pending`;

/** Sign-in, sign-out and the account owner's own steps: password change and TOTP enrolment. */
export class SignInService {
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly dataSource: DataSource,
    private readonly security: SecurityConfig,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
    private readonly keys: SecretKeys,
    private readonly totpIssuer: string,
  ) {
    this.throttle = new LoginThrottle(dataSource, security.maxFailuresPerIp, security.lockoutMs);
  }

  /**
   * Checks a sign-in. Unknown user, wrong password, disabled or locked account and a wrong
   * second factor all end in the same INVALID_CREDENTIALS error, and an unknown user costs the
   * same argon2 work as a known one, so neither the answer nor its timing tells them apart.
   */
  async login(attempt: LoginAttempt, source: AuditSource, now = new Date()): Promise<LoginOutcome> {
    const clientIp = source.clientIp ?? 'unknown';
    try {
      await this.throttle.assertAllowed(clientIp, now);
    } catch (error: unknown) {
      await this.audit.record(source, [
        { action: 'LOGIN_FAILED', outcome: 'DENIED', detail: { reason: 'IP_THROTTLED' } },
      ]);
      throw error;
    }

    const username = attempt.username.trim().toLowerCase();
    const account = await this.dataSource.getRepository(AccountEntity).findOneBy({ username });
    const isPasswordRight = account
      ? await this.hasher.verify(account.passwordHash, attempt.password)
      : await this.hasher.verifyAgainstNothing(attempt.password);

    const failure: LoginFailure | null = !account
      ? 'UNKNOWN_ACCOUNT'
      : account.isDisabled
        ? 'DISABLED'
        : account.lockedUntil && account.lockedUntil.getTime() > now.getTime()
          ? 'LOCKED'
          : !isPasswordRight
            ? 'WRONG_PASSWORD'
            : null;
    if (failure) return this.fail(failure, account, username, source, now);
    if (!account) throw new Error('unreachable: a known account passed the checks');

    let totpStep: number | null = null;
    if (account.totpSecret) {
      if (!attempt.totpCode) return { status: 'TOTP_REQUIRED' };
      const secret = open(this.totpKey(), account.totpSecret, totpContext(account.id));
      totpStep = matchTotpCode(secret, attempt.totpCode, now, account.totpLastStep);
      if (totpStep === null) return this.fail('TOTP_INVALID', account, username, source, now);
    }

    const step = totpStep;
    const signedIn = await this.audit.transaction(async (manager) => {
      // The step is claimed with a conditional update, so two requests racing with one code
      // cannot both sign in.
      if (step !== null) {
        const claimed = await manager
          .createQueryBuilder()
          .update(AccountEntity)
          .set({ totpLastStep: step })
          .where('id = :id', { id: account.id })
          .andWhere('(totp_last_step IS NULL OR totp_last_step < :step)', { step })
          .execute();
        if (claimed.affected !== 1) return null;
      }
      await manager.update(
        AccountEntity,
        { id: account.id },
        {
          failedLoginCount: 0,
          lockedUntil: null,
          previousLoginAt: account.lastLoginAt,
          lastLoginAt: now,
        },
      );
      const { token, session } = await this.sessions.startConsoleSession(manager, account.id, now);
      await this.audit.append(manager, { ...source, actor: actorOf(account) }, [
        {
          action: 'LOGIN_SUCCEEDED',
          outcome: 'SUCCESS',
          target: { type: 'account', id: account.id },
          detail: { sessionId: session.id, withTotp: step !== null },
        },
      ]);
      return token;
    });
    if (signedIn === null) return this.fail('TOTP_INVALID', account, username, source, now);

    return {
      status: 'SIGNED_IN',
      token: signedIn,
      account: { ...account, previousLoginAt: account.lastLoginAt, lastLoginAt: now },
    };
  }

  private async fail(
    reason: LoginFailure,
    account: AccountEntity | null,
    username: string,
    source: AuditSource,
    now: Date,
  ): Promise<never> {
    const clientIp = source.clientIp ?? 'unknown';
    await this.audit.transaction(async (manager) => {
      // The audit entry goes first: appending locks the chain head, which orders concurrent
      // failures (across processes too), so the counters below are read and written one
      // transaction at a time and no failed attempt goes uncounted.
      await this.audit.append(manager, source, [
        {
          action: 'LOGIN_FAILED',
          outcome: 'FAILURE',
          target: account ? { type: 'account', id: account.id } : null,
          // An unknown name is kept only as a keyed hash: people type passwords into it.
          detail: account
            ? { reason }
            : { reason, usernameHash: hashPersonalValue(this.keys.keyFor('nik-hash'), username) },
        },
      ]);
      if (account && (reason === 'WRONG_PASSWORD' || reason === 'TOTP_INVALID')) {
        const current = await manager.findOneByOrFail(AccountEntity, { id: account.id });
        const failures = current.failedLoginCount + 1;
        const isLockedNow = failures >= this.security.maxFailuresPerAccount;
        await manager.update(
          AccountEntity,
          { id: account.id },
          isLockedNow
            ? {
                failedLoginCount: 0,
                lockedUntil: new Date(now.getTime() + this.security.lockoutMs),
              }
            : { failedLoginCount: failures },
        );
      }
      await this.throttle.recordFailure(manager, clientIp, now);
    });

    throw new DomainError('INVALID_CREDENTIALS', INVALID_CREDENTIALS_MESSAGE);
  }

  async logout(actor: SignedInActor, source: AuditSource, now = new Date()): Promise<void> {
    await this.audit.transaction(async (manager) => {
      await this.sessions.revoke(manager, actor.sessionId, now);
      await this.audit.append(manager, source, [
        {
          action: 'LOGOUT',
          outcome: 'SUCCESS',
          target: { type: 'session', id: actor.sessionId },
        },
      ]);
    });
  }

  /**
   * The owner changes their password: the current one is checked, the new one must pass the
   * policy, and every other console session of the account ends.
   */
  async changePassword(
    actor: SignedInActor,
    currentPassword: string,
    newPassword: string,
    source: AuditSource,
    now = new Date(),
  ): Promise<AccountEntity> {
    const account = await this.accountOf(actor);
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) {
      await this.audit.record(source, [
        {
          action: 'PASSWORD_CHANGED',
          outcome: 'FAILURE',
          target: { type: 'account', id: account.id },
          detail: { reason: 'WRONG_CURRENT_PASSWORD' },
        },
      ]);
      throw badInput('Kata sandi saat ini salah', [
        { field: 'currentPassword', code: 'wrongPassword', message: 'Kata sandi saat ini salah' },
      ]);
    }
    const issues = passwordIssues(newPassword, account.username);
    if (newPassword === currentPassword) {
      issues.push({
        field: 'newPassword',
        code: 'samePassword',
        message: 'Kata sandi baru harus berbeda dari yang lama',
      });
    }
    if (issues.length > 0) throw badInput(issues[0]?.message ?? 'Kata sandi tidak valid', issues);

    const passwordHash = await this.hasher.hash(newPassword);
    await this.audit.transaction(async (manager) => {
      await manager.update(
        AccountEntity,
        { id: account.id },
        { passwordHash, mustChangePassword: false },
      );
      const ended = await this.sessions.revokeAccountSessions(manager, account.id, now, {
        exceptSessionId: actor.sessionId,
        includeApiTokens: false,
      });
      await this.audit.append(manager, source, [
        {
          action: 'PASSWORD_CHANGED',
          outcome: 'SUCCESS',
          target: { type: 'account', id: account.id },
          detail: { otherSessionsEnded: ended },
        },
      ]);
    });

    return { ...account, passwordHash, mustChangePassword: false };
  }

  /** Offers a new TOTP secret; it takes effect only when confirmed with a code from the app. */
  async startTotpEnrolment(actor: SignedInActor): Promise<{ otpauthUri: string; secret: string }> {
    const account = await this.accountOf(actor);
    const secret = newTotpSecret();
    await inTransaction(this.dataSource, (manager) =>
      manager.update(
        AccountEntity,
        { id: account.id },
        { totpPendingSecret: seal(this.totpKey(), secret, pendingTotpContext(account.id)) },
      ),
    );

    return {
      otpauthUri: otpauthUri(secret, this.totpIssuer, account.username),
      secret: base32Encode(secret),
    };
  }

  /**
   * Activates the offered secret once a code from it checks out. Wrong codes count as failed
   * sign-ins; at the limit the offer is withdrawn and enrolment starts again.
   */
  async confirmTotpEnrolment(
    actor: SignedInActor,
    code: string,
    source: AuditSource,
    now = new Date(),
  ): Promise<AccountEntity> {
    const account = await this.accountOf(actor);
    if (!account.totpPendingSecret) {
      throw badInput('Mulai aktivasi TOTP terlebih dahulu');
    }
    const secret = open(this.totpKey(), account.totpPendingSecret, pendingTotpContext(account.id));
    const step = matchTotpCode(secret, code, now, null);
    if (step === null) {
      const failures = account.failedLoginCount + 1;
      const isOfferWithdrawn = failures >= this.security.maxFailuresPerAccount;
      await inTransaction(this.dataSource, (manager) =>
        manager.update(
          AccountEntity,
          { id: account.id },
          isOfferWithdrawn
            ? { failedLoginCount: 0, totpPendingSecret: null }
            : { failedLoginCount: failures },
        ),
      );
      throw badInput(
        isOfferWithdrawn
          ? 'Kode TOTP salah terlalu sering. Mulai aktivasi dari awal.'
          : 'Kode TOTP salah',
      );
    }

    const changes = {
      totpSecret: seal(this.totpKey(), secret, totpContext(account.id)),
      totpPendingSecret: null,
      totpLastStep: step,
      failedLoginCount: 0,
    };
    await this.audit.transaction(async (manager) => {
      await manager.update(AccountEntity, { id: account.id }, changes);
      await this.audit.append(manager, source, [
        {
          action: 'TOTP_ENROLLED',
          outcome: 'SUCCESS',
          target: { type: 'account', id: account.id },
          detail: { wasReplaced: account.totpSecret !== null },
        },
      ]);
    });

    return { ...account, ...changes };
  }

  async accountOf(actor: SignedInActor): Promise<AccountEntity> {
    const account = await this.dataSource
      .getRepository(AccountEntity)
      .findOneBy({ id: actor.accountId });
    if (!account) throw notFound('Akun');

    return account;
  }

  private totpKey(): Buffer {
    return this.keys.keyFor('totp-secret');
  }
}

function actorOf(account: AccountEntity) {
  return { accountId: account.id, username: account.username, role: account.role };
}
