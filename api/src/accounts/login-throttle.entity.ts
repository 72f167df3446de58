import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per client IP within a window. In the database, so that every API process
 * sees the same counts. Per-account failures live on the account row.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  /** `ip:` and the client address as Express sees it after the trusted proxy hops. */
  @PrimaryColumn({ name: 'throttle_key', type: 'varchar', length: 80 })
  throttleKey: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'window_started_at', type: 'datetime' })
  windowStartedAt: Date;
}
