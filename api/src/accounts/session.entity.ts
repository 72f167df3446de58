import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';

import { AccountEntity } from './account.entity.js';

/** A console sign-in (cookie) or a named API token (bearer) for PROVINSI and BAWASLU machines. */
export type SessionKind = 'CONSOLE' | 'API_TOKEN';

/**
 * A server-side session. The client holds a random token; only its SHA-256 is stored, so a copy
 * of this table cannot be replayed as anyone's session.
 */
@Entity('auth_session')
export class SessionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** SHA-256 of the token, 64 hex characters. */
  @Index('uq_auth_session_token', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('idx_auth_session_account')
  @Column({ name: 'account_id', type: 'integer' })
  accountId: number;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ type: 'varchar', length: 10 })
  kind: SessionKind;

  /** An API token's name, e.g. "Sidalih KPU DKI"; null for console sessions. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  /** Last request seen, kept to the minute; a console session idle too long ends. */
  @Column({ name: 'last_seen_at', type: 'datetime' })
  lastSeenAt: Date;

  /** Absolute end: sign-in time plus the absolute lifetime, or the token's chosen expiry. */
  @Column({ name: 'expires_at', type: 'datetime' })
  expiresAt: Date;

  /** Set by logout, account disable, password change or the emergency switch. */
  @Column({ name: 'revoked_at', type: 'datetime', nullable: true })
  revokedAt: Date | null;
}
