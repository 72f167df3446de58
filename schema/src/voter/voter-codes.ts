// The closed code lists of a voter record (DESIGN §3.5). Each list is a readonly tuple (the
// order in which forms and reports show it), a union type derived from it, an Indonesian label
// per code and a type guard for values arriving from forms, CSV imports and the database.

function isOneOf<T extends string | number>(list: readonly T[], value: unknown): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** Jenis kelamin: L = laki-laki, P = perempuan. */
export const SEXES = ['L', 'P'] as const;
export type Sex = (typeof SEXES)[number];

export const SEX_LABELS: Readonly<Record<Sex, string>> = {
  L: 'Laki-laki',
  P: 'Perempuan',
};

export function isSex(value: unknown): value is Sex {
  return isOneOf(SEXES, value);
}

/**
 * Status perkawinan: B = belum kawin, S = sudah kawin, P = pernah kawin (widowed or divorced).
 * S and P give the right to vote below 17 (§3.3).
 */
export const MARITAL_STATUSES = ['B', 'S', 'P'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const MARITAL_STATUS_LABELS: Readonly<Record<MaritalStatus, string>> = {
  B: 'Belum kawin',
  S: 'Kawin',
  P: 'Pernah kawin',
};

export function isMaritalStatus(value: unknown): value is MaritalStatus {
  return isOneOf(MARITAL_STATUSES, value);
}

/**
 * Disabilitas, the numeric codes of the official list; 0 means none. This is specific personal
 * data (UU PDP): never public and never in the minimised export profiles.
 */
export const DISABILITIES = [0, 1, 2, 3, 4, 5, 6] as const;
export type Disability = (typeof DISABILITIES)[number];

export const DISABILITY_LABELS: Readonly<Record<Disability, string>> = {
  0: 'Tidak ada',
  1: 'Disabilitas fisik',
  2: 'Disabilitas intelektual',
  3: 'Disabilitas mental',
  4: 'Disabilitas sensorik wicara',
  5: 'Disabilitas sensorik rungu',
  6: 'Disabilitas sensorik netra',
};

export function isDisability(value: unknown): value is Disability {
  return isOneOf(DISABILITIES, value);
}

/** Status KTP-el: S = sudah (has an electronic identity card), B = belum. */
export const KTP_EL_STATUSES = ['S', 'B'] as const;
export type KtpElStatus = (typeof KTP_EL_STATUSES)[number];

export const KTP_EL_STATUS_LABELS: Readonly<Record<KtpElStatus, string>> = {
  S: 'Sudah memiliki KTP-el',
  B: 'Belum memiliki KTP-el',
};

export function isKtpElStatus(value: unknown): value is KtpElStatus {
  return isOneOf(KTP_EL_STATUSES, value);
}

/**
 * Where a voter stands in the list: AKTIF counts in the DPB; TMS (tidak memenuhi syarat) is
 * kept for history and always comes with a reason (see tms-reason.ts).
 */
export const VOTER_STATUSES = ['AKTIF', 'TMS'] as const;
export type VoterStatus = (typeof VOTER_STATUSES)[number];

export const VOTER_STATUS_LABELS: Readonly<Record<VoterStatus, string>> = {
  AKTIF: 'Aktif',
  TMS: 'Tidak memenuhi syarat',
};

export function isVoterStatus(value: unknown): value is VoterStatus {
  return isOneOf(VOTER_STATUSES, value);
}

/**
 * How a record entered Kaliber: IMPORT from an existing official list, REGISTRATION accepted
 * from the public form, REVISION created by staff (for example a move-in).
 */
export const VOTER_SOURCES = ['IMPORT', 'REGISTRATION', 'REVISION'] as const;
export type VoterSource = (typeof VOTER_SOURCES)[number];

export const VOTER_SOURCE_LABELS: Readonly<Record<VoterSource, string>> = {
  IMPORT: 'Impor daftar pemilih',
  REGISTRATION: 'Registrasi pemilih',
  REVISION: 'Revisi data',
};

export function isVoterSource(value: unknown): value is VoterSource {
  return isOneOf(VOTER_SOURCES, value);
}
