// Where a registration stands (DESIGN §4.2) and why one was refused. Tracking by receipt code
// shows a citizen only the stage and, if refused, the reason code, so the labels and
// explanations here are all they read: plain Indonesian, no personal data.

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/**
 * The stages, in workflow order: DIAJUKAN (submitted) → DIVERIFIKASI (an operator checked the
 * documents against the form) → DITERIMA (a second person accepted; the voter record exists)
 * or DITOLAK (refused, with a reason from REGISTRATION_REJECTION_REASON_CODES and a note).
 */
export const REGISTRATION_STAGE_CODES = [
  'DIAJUKAN',
  'DIVERIFIKASI',
  'DITERIMA',
  'DITOLAK',
] as const;
export type RegistrationStage = (typeof REGISTRATION_STAGE_CODES)[number];

export interface RegistrationStageDetails {
  /** Short Indonesian name of the stage. */
  label: string;
  /** One sentence for the citizen on the tracking page: what the stage means for them. */
  explanation: string;
  /** Whether the registration can still move on from this stage. */
  isFinal: boolean;
}

export const REGISTRATION_STAGES: Readonly<Record<RegistrationStage, RegistrationStageDetails>> = {
  DIAJUKAN: {
    label: 'Diajukan',
    explanation:
      'Pendaftaran Anda sudah kami terima dan menunggu pemeriksaan dokumen oleh petugas KPU.',
    isFinal: false,
  },
  DIVERIFIKASI: {
    label: 'Diverifikasi',
    explanation:
      'Petugas sudah mencocokkan dokumen dengan isian formulir; pendaftaran menunggu keputusan akhir.',
    isFinal: false,
  },
  DITERIMA: {
    label: 'Diterima',
    explanation: 'Pendaftaran Anda disetujui dan Anda sudah tercatat dalam daftar pemilih.',
    isFinal: true,
  },
  DITOLAK: {
    label: 'Ditolak',
    explanation:
      'Pendaftaran Anda tidak dapat diterima; alasannya tertera di bawah ini dan Anda dapat mendaftar kembali setelah memperbaikinya.',
    isFinal: true,
  },
};

export function isRegistrationStage(value: unknown): value is RegistrationStage {
  return isOneOf(REGISTRATION_STAGE_CODES, value);
}

/** Why a registration was refused: a closed list, so every refusal falls into one reason. */
export const REGISTRATION_REJECTION_REASON_CODES = [
  'DOKUMEN_TIDAK_TERBACA',
  'DATA_TIDAK_SESUAI_DOKUMEN',
  'BUKAN_PENDUDUK',
  'BELUM_MEMENUHI_USIA',
  'SUDAH_TERDAFTAR',
  'WNA',
  'TNI_POLRI',
  'HAK_PILIH_DICABUT',
  'LAINNYA',
] as const;
export type RegistrationRejectionReason = (typeof REGISTRATION_REJECTION_REASON_CODES)[number];

/** Indonesian label of each reason, as staff pick it and as the citizen reads it. */
export const REGISTRATION_REJECTION_REASONS: Readonly<Record<RegistrationRejectionReason, string>> =
  {
    DOKUMEN_TIDAK_TERBACA: 'Foto KTP atau KK tidak terbaca',
    DATA_TIDAK_SESUAI_DOKUMEN: 'Isian formulir tidak sesuai dengan KTP atau KK',
    BUKAN_PENDUDUK: 'Alamat pada KK berada di luar wilayah KPU ini',
    BELUM_MEMENUHI_USIA: 'Belum berumur 17 tahun dan belum pernah kawin',
    SUDAH_TERDAFTAR: 'Sudah terdaftar sebagai pemilih',
    WNA: 'Bukan warga negara Indonesia',
    TNI_POLRI: 'Anggota TNI/Polri aktif',
    HAK_PILIH_DICABUT: 'Hak pilih dicabut berdasarkan putusan pengadilan',
    LAINNYA: 'Alasan lain; hubungi kantor KPU untuk keterangan lebih lanjut',
  };

export function isRegistrationRejectionReason(
  value: unknown,
): value is RegistrationRejectionReason {
  return isOneOf(REGISTRATION_REJECTION_REASON_CODES, value);
}
