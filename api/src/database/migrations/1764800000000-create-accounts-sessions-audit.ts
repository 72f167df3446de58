import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

const GENESIS_HASH = '0'.repeat(64);

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
} as const;

/** Accounts, server-side sessions and API tokens, the login throttle and the audit chain. */
export class CreateAccountsSessionsAudit1764800000000 implements MigrationInterface {
  name = 'CreateAccountsSessionsAudit1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'account',
        columns: [
          id,
          { name: 'username', type: 'varchar', length: '64' },
          { name: 'display_name', type: 'varchar', length: '100' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'scope_code', type: 'varchar', length: '13', isNullable: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'must_change_password', type: 'boolean', default: true },
          { name: 'is_disabled', type: 'boolean', default: false },
          { name: 'totp_secret', type: 'varchar', length: '255', isNullable: true },
          { name: 'totp_pending_secret', type: 'varchar', length: '255', isNullable: true },
          { name: 'totp_last_step', type: 'integer', isNullable: true },
          { name: 'failed_login_count', type: 'integer', default: 0 },
          { name: 'locked_until', type: 'datetime', isNullable: true },
          { name: 'last_login_at', type: 'datetime', isNullable: true },
          { name: 'previous_login_at', type: 'datetime', isNullable: true },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
        indices: [{ name: 'uq_account_username', columnNames: ['username'], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          id,
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'account_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '100', isNullable: true },
          { name: 'created_at', type: 'datetime' },
          { name: 'last_seen_at', type: 'datetime' },
          { name: 'expires_at', type: 'datetime' },
          { name: 'revoked_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          { name: 'uq_auth_session_token', columnNames: ['token_hash'], isUnique: true },
          { name: 'idx_auth_session_account', columnNames: ['account_id'] },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_auth_session_account',
            columnNames: ['account_id'],
            referencedTableName: 'account',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'login_throttle',
        columns: [
          { name: 'throttle_key', type: 'varchar', length: '80', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'window_started_at', type: 'datetime' },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          id,
          { name: 'sequence', type: 'integer' },
          { name: 'occurred_at', type: 'varchar', length: '24' },
          { name: 'actor_account_id', type: 'integer', isNullable: true },
          { name: 'actor_username', type: 'varchar', length: '64', isNullable: true },
          { name: 'actor_role', type: 'varchar', length: '16', isNullable: true },
          { name: 'client_ip', type: 'varchar', length: '45', isNullable: true },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'action', type: 'varchar', length: '48' },
          { name: 'target_type', type: 'varchar', length: '32', isNullable: true },
          { name: 'target_id', type: 'varchar', length: '64', isNullable: true },
          { name: 'outcome', type: 'varchar', length: '8' },
          { name: 'detail', type: 'text' },
          { name: 'previous_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [
          { name: 'uq_audit_entry_sequence', columnNames: ['sequence'], isUnique: true },
          { name: 'idx_audit_entry_action', columnNames: ['action'] },
          { name: 'idx_audit_entry_actor', columnNames: ['actor_username'] },
          { name: 'idx_audit_entry_target', columnNames: ['target_type', 'target_id'] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_chain_head',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'sequence', type: 'integer' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO audit_chain_head (id, sequence, hash) VALUES (?, ?, ?)', [
      1,
      0,
      GENESIS_HASH,
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_chain_head');
    await queryRunner.dropTable('audit_entry');
    await queryRunner.dropTable('login_throttle');
    await queryRunner.dropTable('auth_session');
    await queryRunner.dropTable('account');
  }
}
