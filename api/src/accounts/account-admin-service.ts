import type { RegionCatalogue } from '@kaliber/schema';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

import type { AuditEvent, AuditLog, AuditSource } from '../audit/audit-log.js';
import type { SignedInActor } from '../authorization/actor.js';
import { badInput, DomainError, notFound } from '../errors/domain-error.js';
import { AccountEntity } from './account.entity.js';
import type { PasswordHasher } from './password-hasher.js';
import { newTemporaryPassword } from './password-policy.js';
import { API_TOKEN_ROLES, type Role } from './role.js';
import { SessionEntity } from './session.entity.js';
import type { SessionService } from './session-service.js';

/** What an ADMIN sets on an account. */
export interface AccountSettings {
  readonly displayName: string;
  readonly role: Role;
  readonly scopeCode?: string | null | undefined;
}

const DAY_MS = 86_400_000;

/** ADMIN's work on accounts, API tokens and the emergency switch; every change is audited. */
export class AccountAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionCatalogue,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  listAccounts(): Promise<AccountEntity[]> {
    return this.dataSource.getRepository(AccountEntity).find({ order: { username: 'ASC' } });
  }

  /** A new account with a temporary password, which it must change at first sign-in. */
  async createAccount(
    username: string,
    settings: AccountSettings,
    source: AuditSource,
  ): Promise<{ account: AccountEntity; temporaryPassword: string }> {
    const scopeCode = this.checkedScope(settings);
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);

    const account = await this.writeAccount(source, async (manager) => {
      const taken = await manager.existsBy(AccountEntity, { username });
      if (taken) throw usernameTaken();
      const saved = await manager.save(
        manager.create(AccountEntity, {
          username,
          displayName: settings.displayName.trim(),
          role: settings.role,
          scopeCode,
          passwordHash,
          mustChangePassword: true,
          isDisabled: false,
        }),
      );
      return [
        saved,
        {
          action: 'ACCOUNT_CREATED',
          outcome: 'SUCCESS',
          target: { type: 'account', id: saved.id },
          detail: { username, role: saved.role, scopeCode },
        },
      ];
    });

    return { account, temporaryPassword };
  }

  async updateAccount(
    id: number,
    settings: AccountSettings,
    source: AuditSource,
    now = new Date(),
  ): Promise<AccountEntity> {
    const scopeCode = this.checkedScope(settings);

    return this.writeAccount(source, async (manager) => {
      const account = await this.lockedAccount(manager, id);
      if (account.role === 'ADMIN' && settings.role !== 'ADMIN') {
        await this.assertAnotherAdmin(manager, account.id);
      }
      const before = pick(account);
      const changes = { displayName: settings.displayName.trim(), role: settings.role, scopeCode };
      await manager.update(AccountEntity, { id }, changes);
      // Tokens belong to machine roles only (session-service.ts refuses them otherwise too).
      const tokensEnded = API_TOKEN_ROLES.includes(settings.role)
        ? 0
        : await this.sessions.revokeApiTokens(manager, id, now);
      const after = { ...account, ...changes };
      return [
        after,
        {
          action: 'ACCOUNT_UPDATED',
          outcome: 'SUCCESS',
          target: { type: 'account', id },
          detail: { before, after: pick(after), apiTokensEnded: tokensEnded },
        },
      ];
    });
  }

  /** Disabling ends the account's sessions and API tokens at once. */
  async setDisabled(
    actor: SignedInActor,
    id: number,
    isDisabled: boolean,
    source: AuditSource,
    now = new Date(),
  ): Promise<AccountEntity> {
    if (isDisabled && id === actor.accountId) {
      throw new DomainError('CONFLICT', 'Anda tidak dapat menonaktifkan akun Anda sendiri');
    }

    return this.writeAccount(source, async (manager) => {
      const account = await this.lockedAccount(manager, id);
      if (isDisabled && account.role === 'ADMIN') await this.assertAnotherAdmin(manager, id);
      await manager.update(AccountEntity, { id }, { isDisabled });
      const ended = isDisabled
        ? await this.sessions.revokeAccountSessions(manager, id, now, { includeApiTokens: true })
        : 0;
      return [
        { ...account, isDisabled },
        {
          action: isDisabled ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED',
          outcome: 'SUCCESS',
          target: { type: 'account', id },
          detail: isDisabled ? { sessionsEnded: ended } : {},
        },
      ];
    });
  }

  /** A new temporary password; the lockout is lifted and the account's console sessions end. */
  async resetPassword(
    id: number,
    source: AuditSource,
    now = new Date(),
  ): Promise<{ account: AccountEntity; temporaryPassword: string }> {
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await this.hasher.hash(temporaryPassword);
    const account = await this.writeAccount(source, async (manager) => {
      const found = await this.lockedAccount(manager, id);
      const changes = {
        passwordHash,
        mustChangePassword: true,
        failedLoginCount: 0,
        lockedUntil: null,
      };
      await manager.update(AccountEntity, { id }, changes);
      const ended = await this.sessions.revokeAccountSessions(manager, id, now, {
        includeApiTokens: false,
      });
      return [
        { ...found, ...changes },
        {
          action: 'ACCOUNT_PASSWORD_RESET',
          outcome: 'SUCCESS',
          target: { type: 'account', id },
          detail: { sessionsEnded: ended },
        },
      ];
    });

    return { account, temporaryPassword };
  }

  /** Removes the second factor (a lost phone); the owner enrols again at next sign-in. */
  async resetTotp(id: number, source: AuditSource, now = new Date()): Promise<AccountEntity> {
    return this.writeAccount(source, async (manager) => {
      const account = await this.lockedAccount(manager, id);
      const changes = { totpSecret: null, totpPendingSecret: null, totpLastStep: null };
      await manager.update(AccountEntity, { id }, changes);
      const ended = await this.sessions.revokeAccountSessions(manager, id, now, {
        includeApiTokens: false,
      });
      return [
        { ...account, ...changes },
        {
          action: 'ACCOUNT_TOTP_RESET',
          outcome: 'SUCCESS',
          target: { type: 'account', id },
          detail: { sessionsEnded: ended },
        },
      ];
    });
  }

  listApiTokens(): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { kind: 'API_TOKEN' },
      relations: { account: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** A named, expiring bearer token for a PROVINSI or BAWASLU machine; the text is shown once. */
  async createApiToken(
    accountId: number,
    name: string,
    validDays: number,
    source: AuditSource,
    now = new Date(),
  ): Promise<{ apiToken: SessionEntity; token: string }> {
    return this.audit.transaction(async (manager) => {
      const account = await this.lockedAccount(manager, accountId);
      if (!API_TOKEN_ROLES.includes(account.role) || account.isDisabled) {
        throw badInput('Token API hanya untuk akun PROVINSI atau BAWASLU yang aktif', [
          {
            field: 'accountId',
            code: 'notApiTokenAccount',
            message: 'Pilih akun PROVINSI atau BAWASLU yang aktif',
          },
        ]);
      }
      const expiresAt = new Date(now.getTime() + validDays * DAY_MS);
      const { token, session } = await this.sessions.createApiToken(
        manager,
        accountId,
        name.trim(),
        expiresAt,
        now,
      );
      await this.audit.append(manager, source, [
        {
          action: 'API_TOKEN_CREATED',
          outcome: 'SUCCESS',
          target: { type: 'api-token', id: session.id },
          detail: { accountId, name: session.name, expiresAt: expiresAt.toISOString() },
        },
      ]);
      return { apiToken: { ...session, account }, token };
    });
  }

  async revokeApiToken(id: number, source: AuditSource, now = new Date()): Promise<SessionEntity> {
    return this.audit.transaction(async (manager) => {
      const apiToken = await manager.findOne(SessionEntity, {
        where: { id, kind: 'API_TOKEN' },
        relations: { account: true },
      });
      if (!apiToken) throw notFound('Token API');
      await this.sessions.revoke(manager, id, now);
      await this.audit.append(manager, source, [
        {
          action: 'API_TOKEN_REVOKED',
          outcome: 'SUCCESS',
          target: { type: 'api-token', id },
          detail: { accountId: apiToken.accountId, wasRevoked: apiToken.revokedAt !== null },
        },
      ]);
      return { ...apiToken, revokedAt: apiToken.revokedAt ?? now };
    });
  }

  /** The emergency switch after a breach: every session and API token ends, the caller's too. */
  async revokeEverything(source: AuditSource, now = new Date()): Promise<number> {
    return this.audit.transaction(async (manager) => {
      const count = await this.sessions.revokeEverything(manager, now);
      await this.audit.append(manager, source, [
        { action: 'ALL_SESSIONS_REVOKED', outcome: 'SUCCESS', detail: { count } },
      ]);
      return count;
    });
  }

  /** A scope is for OPERATOR only, and must be a kecamatan or kelurahan of this kota. */
  private checkedScope(settings: AccountSettings): string | null {
    const scopeCode = settings.scopeCode ?? null;
    if (scopeCode === null) return null;
    if (settings.role !== 'OPERATOR') {
      throw badInput('Cakupan wilayah hanya untuk peran OPERATOR', [
        {
          field: 'scopeCode',
          code: 'scopeNotAllowed',
          message: 'Kosongkan cakupan untuk peran ini',
        },
      ]);
    }
    const region = this.regions.get(scopeCode);
    if (!region || region.level === 'KABKOTA') {
      throw badInput('Cakupan wilayah harus kecamatan atau kelurahan di kota ini', [
        { field: 'scopeCode', code: 'unknownRegion', message: 'Pilih kecamatan atau kelurahan' },
      ]);
    }

    return scopeCode;
  }

  /** Runs a change and its audit entry in one transaction. */
  private writeAccount(
    source: AuditSource,
    change: (manager: EntityManager) => Promise<[AccountEntity, AuditEvent]>,
  ): Promise<AccountEntity> {
    return this.audit
      .transaction(async (manager) => {
        const [account, event] = await change(manager);
        await this.audit.append(manager, source, [event]);
        return account;
      })
      .catch((error: unknown) => {
        // Two ADMINs creating one username at once: the unique index decides.
        if (error instanceof QueryFailedError && isDuplicateKey(error as QueryFailedError<Error>)) {
          throw usernameTaken();
        }
        throw error;
      });
  }

  private async lockedAccount(manager: EntityManager, id: number): Promise<AccountEntity> {
    const query = manager
      .getRepository(AccountEntity)
      .createQueryBuilder('account')
      .where('account.id = :id', { id });
    const account = await (manager.connection.options.type === 'mysql'
      ? query.setLock('pessimistic_write').getOne()
      : query.getOne());
    if (!account) throw notFound('Akun');

    return account;
  }

  /** The last enabled ADMIN cannot be demoted or disabled: nobody could manage accounts then. */
  private async assertAnotherAdmin(manager: EntityManager, exceptId: number): Promise<void> {
    const others = await manager
      .getRepository(AccountEntity)
      .createQueryBuilder('account')
      .where("account.role = 'ADMIN'")
      .andWhere('account.is_disabled = :isDisabled', { isDisabled: false })
      .andWhere('account.id <> :exceptId', { exceptId })
      .getCount();
    if (others === 0) {
      throw new DomainError('CONFLICT', 'Harus tetap ada minimal satu ADMIN yang aktif');
    }
  }
}

function usernameTaken(): DomainError {
  return new DomainError('CONFLICT', 'Nama pengguna sudah dipakai');
}

function isDuplicateKey(error: QueryFailedError<Error>): boolean {
  const code = (error.driverError as { code?: unknown }).code;

  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function pick(account: Pick<AccountEntity, 'displayName' | 'role' | 'scopeCode'>) {
  return { displayName: account.displayName, role: account.role, scopeCode: account.scopeCode };
}
