/**
 * Every kind of audit event, declared once with the description staff read in the audit view.
 * A feature adds its kinds here; an entry with a kind not in this list cannot be written.
 */
export const AUDIT_EVENTS = {
  LOGIN_SUCCEEDED: 'Masuk ke konsol berhasil',
  LOGIN_FAILED: 'Percobaan masuk gagal',
  LOGOUT: 'Keluar dari konsol',
  PASSWORD_CHANGED: 'Kata sandi diganti oleh pemilik akun',
  TOTP_ENROLLED: 'Faktor kedua (TOTP) diaktifkan',
  ACCOUNT_CREATED: 'Akun dibuat',
  ACCOUNT_UPDATED: 'Nama, peran atau cakupan wilayah akun diubah',
  ACCOUNT_DISABLED: 'Akun dinonaktifkan dan sesinya diakhiri',
  ACCOUNT_ENABLED: 'Akun diaktifkan kembali',
  ACCOUNT_PASSWORD_RESET: 'Kata sandi akun disetel ulang oleh admin',
  ACCOUNT_TOTP_RESET: 'Faktor kedua akun disetel ulang oleh admin',
  API_TOKEN_CREATED: 'Token API dibuat',
  API_TOKEN_REVOKED: 'Token API dicabut',
  ALL_SESSIONS_REVOKED: 'Semua sesi dan token API dicabut (tombol darurat)',
  PERSONAL_DATA_VIEWED: 'Data pribadi pemilih ditampilkan utuh',
  VOTER_SEARCHED_BY_NIK: 'Pemilih dicari menurut NIK',
  AUDIT_LOG_READ: 'Log audit dibaca',
  AUDIT_CHAIN_VERIFIED: 'Rantai log audit diperiksa',
  REGISTRATION_SUBMITTED: 'Pendaftaran pemilih baru diajukan lewat layanan publik',
  REGISTRATION_STATUS_CHECKED: 'Status pendaftaran dilacak dengan kode tanda terima',
  PUBLIC_RATE_LIMIT_TRIPPED: 'Batas permintaan layanan publik terlampaui',
  PUBLIC_LOOKUP_SCAN_SUSPECTED: 'Pola pemindaian NIK berurutan terdeteksi pada layanan publik',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_EVENTS;

/** How the audited action ended: done, failed (bad input, wrong password), or refused by policy. */
export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}
