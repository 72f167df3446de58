import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  Disability,
  KtpElStatus,
  MaritalStatus,
  Sex,
  TmsReason,
  VoterSource,
  VoterStatus,
} from '@kaliber/schema';

/**
 * One person on the continuously updated voter list (DPB): the 13 elements of the official
 * list plus Kaliber's own bookkeeping. Column names are English; coded values are the official
 * ones (L/P, B/S/P, S/B).
 */
@Entity({ name: 'voter' })
@Index('idx_voter_kelurahan_status_sex', ['kelurahanCode', 'status', 'sex'])
export class VoterEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** 16-digit NIK, a string: PP KK CC DDMMYY SSSS. Unique on the list (one person, one row). */
  @Index('uq_voter_nik', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  nik: string;

  /** 16-digit family-card number (NKK); household members share it. */
  @Index('idx_voter_nkk')
  @Column({ type: 'varchar', length: 16 })
  nkk: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'birth_place', type: 'varchar', length: 60 })
  birthPlace: string;

  /** Plain calendar date, YYYY-MM-DD; no time zone. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  /** B belum kawin, S sudah kawin, P pernah kawin. */
  @Column({ name: 'marital_status', type: 'varchar', length: 1 })
  maritalStatus: MaritalStatus;

  /** L laki-laki, P perempuan. */
  @Column({ type: 'varchar', length: 1 })
  sex: Sex;

  /** Street address as written on the KK, without RT/RW. */
  @Column({ type: 'varchar', length: 200 })
  address: string;

  /** Neighbourhood unit, 3-digit string such as 005. */
  @Column({ type: 'varchar', length: 3 })
  rt: string;

  /** Community unit, 3-digit string such as 012. */
  @Column({ type: 'varchar', length: 3 })
  rw: string;

  /** 0 none, 1 fisik, 2 intelektual, 3 mental, 4 wicara, 5 rungu, 6 netra. Specific personal data. */
  @Column({ type: 'smallint', default: 0 })
  disability: Disability;

  /** S has a KTP-el, B not yet. */
  @Column({ name: 'ktp_el_status', type: 'varchar', length: 1 })
  ktpElStatus: KtpElStatus;

  /** Keterangan: free remark of the official list. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  remarks: string | null;

  /** Kelurahan of residence (the KK address), dotted Kemendagri code. */
  @Column({ name: 'kelurahan_code', type: 'varchar', length: 13 })
  kelurahanCode: string;

  /** Polling station number within the kelurahan, once assigned. */
  @Column({ type: 'smallint', nullable: true })
  tps: number | null;

  /** AKTIF on the list, or TMS (no longer eligible) with a reason. */
  @Column({ type: 'varchar', length: 8, default: 'AKTIF' })
  status: VoterStatus;

  /** Why the voter is TMS; null while AKTIF. */
  @Column({ name: 'tms_reason', type: 'varchar', length: 24, nullable: true })
  tmsReason: TmsReason | null;

  /** How the row entered the list: imported list, registration or revision. */
  @Column({ type: 'varchar', length: 16 })
  source: VoterSource;

  /** DP ID assigned by Sidalih, where known. */
  @Column({ name: 'sidalih_dp_id', type: 'varchar', length: 32, nullable: true })
  sidalihDpId: string | null;

  /** Optimistic-locking counter: updates must name the version they read. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}
