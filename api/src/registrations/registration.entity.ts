import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Disability, KtpElStatus, MaritalStatus, Sex } from '@kaliber/schema';

import type {
  RegistrationRejectionReasonValue,
  RegistrationStageValue,
} from './registration.types.js';

/**
 * A public registration (DESIGN §4.2): the form as submitted and normalised, its stage, and
 * the refusal reason once decided. The KTP and KK live in registration_document, sealed.
 */
@Entity({ name: 'registration' })
export class RegistrationEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  /** Receipt code without separators, e.g. 7K3QX9M2PA*; the citizen's handle for tracking. */
  @Column({ name: 'receipt_code', type: 'varchar', length: 16 })
  receiptCode: string;

  @Column({ type: 'varchar', length: 16 })
  nik: string;

  /** The NIK while open (DIAJUKAN, DIVERIFIKASI), null once decided: unique, one open per NIK. */
  @Column({ name: 'open_nik', type: 'varchar', length: 16, nullable: true })
  openNik: string | null;

  @Column({ type: 'varchar', length: 16 })
  nkk: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ name: 'birth_place', type: 'varchar', length: 60 })
  birthPlace: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'marital_status', type: 'varchar', length: 1 })
  maritalStatus: MaritalStatus;

  @Column({ type: 'varchar', length: 1 })
  sex: Sex;

  @Column({ type: 'varchar', length: 200 })
  address: string;

  @Column({ type: 'varchar', length: 3 })
  rt: string;

  @Column({ type: 'varchar', length: 3 })
  rw: string;

  @Column({ type: 'smallint', default: 0 })
  disability: Disability;

  @Column({ name: 'ktp_el_status', type: 'varchar', length: 1 })
  ktpElStatus: KtpElStatus;

  @Column({ name: 'kelurahan_code', type: 'varchar', length: 13 })
  kelurahanCode: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 16 })
  stage: RegistrationStageValue;

  @Column({ name: 'rejection_reason', type: 'varchar', length: 40, nullable: true })
  rejectionReason: RegistrationRejectionReasonValue | null;

  @Column({ name: 'rejection_note', type: 'varchar', length: 500, nullable: true })
  rejectionNote: string | null;

  /** JSON array of {code, message} warnings for staff (NKK prefix, NIK against the form). */
  @Column({ type: 'text' })
  warnings: string;

  @Column({ name: 'consented_at', type: 'datetime' })
  consentedAt: Date;

  @Column({ name: 'submitted_at', type: 'datetime' })
  submittedAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One uploaded document of a registration, re-encoded and sealed with AES-256-GCM. */
@Entity({ name: 'registration_document' })
export class RegistrationDocumentEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'registration_id', type: 'integer' })
  registrationId: number;

  @Column({ type: 'varchar', length: 3 })
  kind: 'KTP' | 'KK';

  @Column({ name: 'media_type', type: 'varchar', length: 40 })
  mediaType: string;

  /** Size of the stored (re-encoded) document before sealing. */
  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  /** The sealed box (security/sealed-box.ts) as bytes; its context names receipt and kind. */
  @Column({ type: 'blob' })
  sealed: Buffer;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

/** The associated data a document is sealed under: it opens only as this registration's kind. */
export function documentSealContext(receiptCode: string, kind: 'KTP' | 'KK'): string {
  return `registration:${receiptCode}:${kind}`;
}
