import { Field, ObjectType, registerEnumType } from 'type-graphql';

// Mirrors of the closed lists in @kaliber/schema (registration-stage.ts), as GraphQL enums.
export const RegistrationStageEnum = {
  DIAJUKAN: 'DIAJUKAN',
  DIVERIFIKASI: 'DIVERIFIKASI',
  DITERIMA: 'DITERIMA',
  DITOLAK: 'DITOLAK',
} as const;
export type RegistrationStageValue = keyof typeof RegistrationStageEnum;

export const RegistrationRejectionReasonEnum = {
  DOKUMEN_TIDAK_TERBACA: 'DOKUMEN_TIDAK_TERBACA',
  DATA_TIDAK_SESUAI_DOKUMEN: 'DATA_TIDAK_SESUAI_DOKUMEN',
  BUKAN_PENDUDUK: 'BUKAN_PENDUDUK',
  BELUM_MEMENUHI_USIA: 'BELUM_MEMENUHI_USIA',
  SUDAH_TERDAFTAR: 'SUDAH_TERDAFTAR',
  WNA: 'WNA',
  TNI_POLRI: 'TNI_POLRI',
  HAK_PILIH_DICABUT: 'HAK_PILIH_DICABUT',
  LAINNYA: 'LAINNYA',
} as const;
export type RegistrationRejectionReasonValue = keyof typeof RegistrationRejectionReasonEnum;

registerEnumType(RegistrationStageEnum, {
  name: 'RegistrationStage',
  description: 'DIAJUKAN → DIVERIFIKASI → DITERIMA or DITOLAK (DESIGN §4.2)',
});
registerEnumType(RegistrationRejectionReasonEnum, {
  name: 'RegistrationRejectionReason',
  description: 'Why a registration was refused; a closed list',
});

/** What a citizen gets back from a successful submission. */
@ObjectType('RegistrationReceipt')
export class RegistrationReceiptType {
  @Field({ description: 'Receipt code, 10 Crockford base32 symbols and a check symbol' })
  receiptCode: string;

  @Field(() => RegistrationStageEnum)
  stage: RegistrationStageValue;

  @Field()
  submittedAt: Date;
}

/** Tracking by receipt code and NIK: the stage and a refusal reason, never personal data. */
@ObjectType('RegistrationStatus')
export class RegistrationStatusType {
  @Field()
  receiptCode: string;

  @Field(() => RegistrationStageEnum)
  stage: RegistrationStageValue;

  @Field(() => RegistrationRejectionReasonEnum, { nullable: true })
  rejectionReason: RegistrationRejectionReasonValue | null;

  @Field({ description: 'When the stage last changed' })
  updatedAt: Date;
}
