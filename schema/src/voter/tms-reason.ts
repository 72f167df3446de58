// Why a voter is Tidak Memenuhi Syarat (DESIGN §3.4): a closed list, so every TMS in the list
// and in the recap falls into exactly one reason.

/** The reasons, in the order forms and recaps show them. */
export const TMS_REASON_CODES = [
  'MENINGGAL',
  'GANDA',
  'DI_BAWAH_UMUR',
  'PINDAH_DOMISILI',
  'TIDAK_DIKENAL',
  'TNI',
  'POLRI',
  'HAK_PILIH_DICABUT',
  'BUKAN_PENDUDUK',
  'BELUM_KTP_EL',
  'WNA',
] as const;

export type TmsReason = (typeof TMS_REASON_CODES)[number];

export interface TmsReasonDetails {
  /** The numeric TMS code Sidalih uses for this reason; null where Sidalih has none. */
  sidalihCode: number | null;
  /** Indonesian name of the reason, as shown to staff and in recaps. */
  label: string;
  /** The evidence staff are expected to attach or note when proposing this reason. */
  evidence: string;
}

export const TMS_REASONS: Readonly<Record<TmsReason, TmsReasonDetails>> = {
  MENINGGAL: {
    sidalihCode: 1,
    label: 'Meninggal dunia',
    evidence: 'Akta kematian atau surat keterangan kematian',
  },
  GANDA: {
    sidalihCode: 2,
    label: 'Terdaftar lebih dari satu kali',
    evidence: 'Data pemilih lain dengan identitas yang sama',
  },
  DI_BAWAH_UMUR: {
    sidalihCode: 3,
    label: 'Belum cukup umur',
    evidence: 'KTP-el, KK atau akta kelahiran yang memuat tanggal lahir',
  },
  PINDAH_DOMISILI: {
    sidalihCode: 4,
    label: 'Pindah domisili',
    evidence: 'Surat keterangan pindah atau KK di alamat baru',
  },
  TIDAK_DIKENAL: {
    sidalihCode: 5,
    label: 'Tidak dikenal',
    evidence: 'Catatan kunjungan lapangan dan keterangan pengurus RT/RW',
  },
  TNI: {
    sidalihCode: 6,
    label: 'Anggota TNI aktif',
    evidence: 'Surat keterangan atau kartu anggota TNI',
  },
  POLRI: {
    sidalihCode: 7,
    label: 'Anggota Polri aktif',
    evidence: 'Surat keterangan atau kartu anggota Polri',
  },
  HAK_PILIH_DICABUT: {
    sidalihCode: null,
    label: 'Hak pilih dicabut',
    evidence: 'Putusan pengadilan yang telah berkekuatan hukum tetap',
  },
  BUKAN_PENDUDUK: {
    sidalihCode: null,
    label: 'Bukan penduduk setempat',
    evidence: 'KK yang menunjukkan alamat di luar wilayah',
  },
  BELUM_KTP_EL: {
    sidalihCode: null,
    label: 'Belum memiliki KTP-el',
    evidence: 'Keterangan status perekaman KTP-el dari Dukcapil',
  },
  WNA: {
    sidalihCode: null,
    label: 'Warga negara asing',
    evidence: 'Dokumen kewarganegaraan atau keimigrasian',
  },
};

/** Whether a value from a form, import or database row is one of the TMS reasons. */
export function isTmsReason(value: unknown): value is TmsReason {
  return (TMS_REASON_CODES as readonly unknown[]).includes(value);
}
