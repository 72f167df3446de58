import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import type { Role } from './role.js';

/** A person or machine that signs in: KPU staff, the provincial office, Bawaslu. */
@Entity('account')
export class AccountEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Sign-in name: lower case letters, digits, dot, dash, underscore; unique. */
  @Index('uq_account_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  /**
   * Kemendagri code of the kecamatan (31.75.06) or kelurahan (31.75.06.1001) an OPERATOR is
   * limited to; null means the whole kota. Always null for other roles.
   */
  @Column({ name: 'scope_code', type: 'varchar', length: 13, nullable: true })
  scopeCode: string | null;

  /** argon2id PHC string; the parameters travel inside it, so they can be raised later. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  /** Set for new and reset accounts: nothing but a password change is allowed until done. */
  @Column({ name: 'must_change_password', type: 'boolean', default: true })
  mustChangePassword: boolean;

  @Column({ name: 'is_disabled', type: 'boolean', default: false })
  isDisabled: boolean;

  /** TOTP secret, sealed with AES-256-GCM (see sealed-box.ts); null until enrolled. */
  @Column({ name: 'totp_secret', type: 'varchar', length: 255, nullable: true })
  totpSecret: string | null;

  /** A secret offered by startTotpEnrolment and not yet confirmed with a code. */
  @Column({ name: 'totp_pending_secret', type: 'varchar', length: 255, nullable: true })
  totpPendingSecret: string | null;

  /** The 30-second step of the last accepted code: a code of this step or earlier is refused. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true })
  totpLastStep: number | null;

  /** Failed sign-ins since the last success or lockout. */
  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  @Column({ name: 'locked_until', type: 'datetime', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_login_at', type: 'datetime', nullable: true })
  lastLoginAt: Date | null;

  /** The sign-in before the latest one, shown to the owner to spot one that was not theirs. */
  @Column({ name: 'previous_login_at', type: 'datetime', nullable: true })
  previousLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
