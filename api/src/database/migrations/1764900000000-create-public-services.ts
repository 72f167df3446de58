import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';

const id = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
} as const;

/**
 * The public services: registrations with their sealed KTP/KK documents, the shared counters of
 * the public rate limits, spent proof-of-work challenges, and the log of public lookups.
 */
export class CreatePublicServices1764900000000 implements MigrationInterface {
  name = 'CreatePublicServices1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const isMysql = queryRunner.connection.options.type === 'mysql';

    await queryRunner.createTable(
      new Table({
        name: 'registration',
        columns: [
          id,
          { name: 'receipt_code', type: 'varchar', length: '16' },
          { name: 'nik', type: 'varchar', length: '16' },
          // The NIK while the registration is open (DIAJUKAN, DIVERIFIKASI), null once decided:
          // its unique index lets one open registration per NIK exist, even under racing
          // submissions, and any number of decided ones.
          { name: 'open_nik', type: 'varchar', length: '16', isNullable: true },
          { name: 'nkk', type: 'varchar', length: '16' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'birth_place', type: 'varchar', length: '60' },
          { name: 'birth_date', type: 'date' },
          { name: 'marital_status', type: 'varchar', length: '1' },
          { name: 'sex', type: 'varchar', length: '1' },
          { name: 'address', type: 'varchar', length: '200' },
          { name: 'rt', type: 'varchar', length: '3' },
          { name: 'rw', type: 'varchar', length: '3' },
          { name: 'disability', type: 'smallint', default: 0 },
          { name: 'ktp_el_status', type: 'varchar', length: '1' },
          { name: 'kelurahan_code', type: 'varchar', length: '13' },
          { name: 'phone', type: 'varchar', length: '20', isNullable: true },
          { name: 'email', type: 'varchar', length: '254', isNullable: true },
          { name: 'stage', type: 'varchar', length: '16' },
          { name: 'rejection_reason', type: 'varchar', length: '40', isNullable: true },
          { name: 'rejection_note', type: 'varchar', length: '500', isNullable: true },
          // Warnings for staff as a JSON array of {code, message}: NKK prefix against address,
          // NIK-derived birth date or sex against the form.
          { name: 'warnings', type: 'text' },
          { name: 'consented_at', type: 'datetime' },
          { name: 'submitted_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
          { name: 'version', type: 'integer', default: 1 },
        ],
        indices: [
          { name: 'uq_registration_receipt', columnNames: ['receipt_code'], isUnique: true },
          { name: 'uq_registration_open_nik', columnNames: ['open_nik'], isUnique: true },
          { name: 'idx_registration_nik', columnNames: ['nik'] },
          { name: 'idx_registration_kelurahan_stage', columnNames: ['kelurahan_code', 'stage'] },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_registration_kelurahan',
            columnNames: ['kelurahan_code'],
            referencedTableName: 'region',
            referencedColumnNames: ['code'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'registration_document',
        columns: [
          id,
          { name: 'registration_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '3' },
          { name: 'media_type', type: 'varchar', length: '40' },
          { name: 'byte_size', type: 'integer' },
          // AES-256-GCM box of the re-encoded file (security/sealed-box.ts). MySQL's plain blob
          // stops at 64 KiB; a 5 MB document needs a mediumblob.
          { name: 'sealed', type: isMysql ? 'mediumblob' : 'blob' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [
          {
            name: 'uq_registration_document_kind',
            columnNames: ['registration_id', 'kind'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_registration_document_registration',
            columnNames: ['registration_id'],
            referencedTableName: 'registration',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'rate_limit_counter',
        columns: [
          { name: 'counter_key', type: 'varchar', length: '120', isPrimary: true },
          { name: 'hits', type: 'integer' },
          { name: 'expires_at', type: 'datetime' },
        ],
        indices: [{ name: 'idx_rate_limit_counter_expiry', columnNames: ['expires_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'spent_challenge',
        columns: [
          { name: 'challenge_hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'expires_at', type: 'datetime' },
        ],
        indices: [{ name: 'idx_spent_challenge_expiry', columnNames: ['expires_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'public_lookup',
        columns: [
          id,
          { name: 'occurred_at', type: 'datetime' },
          { name: 'action', type: 'varchar', length: '24' },
          // Keyed HMAC of the normalised NIK (audit/personal-value-hash.ts), never the NIK.
          { name: 'nik_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'client_ip', type: 'varchar', length: '45' },
          { name: 'outcome', type: 'varchar', length: '16' },
          { name: 'request_id', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [
          { name: 'idx_public_lookup_time', columnNames: ['occurred_at'] },
          { name: 'idx_public_lookup_nik', columnNames: ['nik_hash'] },
          { name: 'idx_public_lookup_ip_time', columnNames: ['client_ip', 'occurred_at'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('public_lookup');
    await queryRunner.dropTable('spent_challenge');
    await queryRunner.dropTable('rate_limit_counter');
    await queryRunner.dropTable('registration_document');
    await queryRunner.dropTable('registration');
  }
}
