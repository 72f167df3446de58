import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';

/**
 * Region reference rows and the voter list. Written with TypeORM's table builder rather than
 * raw DDL so that one migration produces the right statements on both MySQL/MariaDB and SQLite.
 */
export class CreateRegionsAndVoters1764700000000 implements MigrationInterface {
  name = 'CreateRegionsAndVoters1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'region',
        columns: [
          { name: 'code', type: 'varchar', length: '13', isPrimary: true },
          { name: 'level', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'parent_code', type: 'varchar', length: '13', isNullable: true },
        ],
        indices: [{ name: 'idx_region_parent', columnNames: ['parent_code'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'voter',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'nik', type: 'varchar', length: '16' },
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
          { name: 'remarks', type: 'varchar', length: '255', isNullable: true },
          { name: 'kelurahan_code', type: 'varchar', length: '13' },
          { name: 'tps', type: 'smallint', isNullable: true },
          { name: 'status', type: 'varchar', length: '8', default: "'AKTIF'" },
          { name: 'tms_reason', type: 'varchar', length: '24', isNullable: true },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'sidalih_dp_id', type: 'varchar', length: '32', isNullable: true },
          { name: 'version', type: 'integer', default: 1 },
          { name: 'created_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
          { name: 'updated_at', type: 'datetime', default: 'CURRENT_TIMESTAMP' },
        ],
      }),
    );

    // The NIK is the lookup key of every public check; the NKK groups a household; the
    // (kelurahan, status, sex) index serves the recap counts and area-scoped listings.
    await queryRunner.createIndices('voter', [
      new TableIndex({ name: 'uq_voter_nik', columnNames: ['nik'], isUnique: true }),
      new TableIndex({ name: 'idx_voter_nkk', columnNames: ['nkk'] }),
      new TableIndex({
        name: 'idx_voter_kelurahan_status_sex',
        columnNames: ['kelurahan_code', 'status', 'sex'],
      }),
    ]);
    await queryRunner.createForeignKey(
      'voter',
      new TableForeignKey({
        name: 'fk_voter_kelurahan',
        columnNames: ['kelurahan_code'],
        referencedTableName: 'region',
        referencedColumnNames: ['code'],
        onDelete: 'RESTRICT',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('voter');
    await queryRunner.dropTable('region');
  }
}
