// The public registration form (DESIGN §4.2) and its checks. The console runs
// checkRegistrationForm on every keystroke and the API runs it again on submit, so a citizen
// reads the same Indonesian sentence in the browser and in the server's answer. Messages say
// what is wrong and how to fix it, and never repeat what was typed.

// cspell:ignore nur'aini nur’aini aisyah siregar

import { compareIsoDates, isIsoDate, requireIsoDate } from '../dates.js';
import { checkEligibility, isPemilihPemula } from '../eligibility/eligibility.js';
import { compareNikWithRecord, parseNik, type ParsedNik } from '../nik/nik.js';
import { parseNkk, type ParsedNkk } from '../nik/nkk.js';
import { kpuOfficeName, kabKotaPlaceName } from '../regions/office-name.js';
import { type RegionCatalogue } from '../regions/region-catalogue.js';
import { nikPrefixOf } from '../regions/region.js';
import { checkResidency } from '../residency/residency.js';
import {
  type Disability,
  isDisability,
  isKtpElStatus,
  isMaritalStatus,
  isSex,
  type KtpElStatus,
  type MaritalStatus,
  type Sex,
} from '../voter/voter-codes.js';

/** A registration as it is stored once every check has passed: the values are normalised. */
export interface RegistrationForm {
  /** 16 digits, separators removed. */
  nik: string;
  /** 16 digits of the family card (KK), separators removed. */
  nkk: string;
  /** 1–100 characters, upper-case, single spaces: letters and . , ' - only. */
  name: string;
  /** Tempat lahir, 1–60 characters, single spaces. */
  birthPlace: string;
  /** Tanggal lahir as on the form, `YYYY-MM-DD`; may differ from the NIK (a warning). */
  birthDate: string;
  maritalStatus: MaritalStatus;
  sex: Sex;
  /** Alamat on the KK, 1–200 characters, single spaces. */
  address: string;
  /** Three digits, `001`–`999`. */
  rt: string;
  /** Three digits, `001`–`999`. */
  rw: string;
  /** Specific personal data (UU PDP): 0 none, 1–6 the official categories. */
  disability: Disability;
  ktpElStatus: KtpElStatus;
  /** Dotted code of the address kelurahan, one of the catalogue's, e.g. `31.75.01.1001`. */
  kelurahanCode: string;
  /** Optional mobile number, normalised to `08…` (10–15 digits); null when not given. */
  phone: string | null;
  /** Optional e-mail address, at most 254 characters, domain in lower case; null when not given. */
  email: string | null;
  /** Consent to the processing of the data for the voter list (UU PDP); must be true. */
  consent: boolean;
  /** "I am a WNI, not active TNI/Polri, and my right to vote was not revoked"; must be true. */
  declaresEligibility: boolean;
}

export type RegistrationField = keyof RegistrationForm;

/** The fields in the order of the form; issues are listed in this order. */
export const REGISTRATION_FIELDS = [
  'nik',
  'nkk',
  'name',
  'birthPlace',
  'birthDate',
  'maritalStatus',
  'sex',
  'address',
  'rt',
  'rw',
  'disability',
  'ktpElStatus',
  'kelurahanCode',
  'phone',
  'email',
  'consent',
  'declaresEligibility',
] as const satisfies readonly RegistrationField[];

/**
 * The form as it arrives from a browser or a GraphQL input: codes are plain strings and the
 * optional fields may be missing. Values of the wrong type are reported, never thrown on.
 */
export type RegistrationFormInput = {
  [K in RegistrationField]: K extends 'phone' | 'email'
    ? string | null | undefined
    : K extends 'consent' | 'declaresEligibility'
      ? boolean
      : K extends 'disability'
        ? number | string
        : string;
};

/** A problem (or, in `warnings`, a fact for staff) attached to the field it is about. */
export interface RegistrationFieldIssue {
  field: RegistrationField;
  /** Stable SCREAMING_SNAKE code, e.g. `REQUIRED`, `NIK_FORMAT`, `BUKAN_PENDUDUK`. */
  code: string;
  /** One Indonesian sentence for the citizen (issues) or for staff (warnings). */
  message: string;
}

export interface RegistrationFormContext {
  /** The deployment's regions; the kelurahan must be one of them. */
  catalogue: RegionCatalogue;
  /** `YYYY-MM-DD`: the day of the registration (no birth date after it; ages on it). */
  referenceDate: string;
  /** `YYYY-MM-DD`: the next polling day, by which a pemilih pemula turns 17. */
  pollingDate: string;
}

export interface RegistrationFormCheck {
  /** What stops the registration, at most one per field, in the order of the form. */
  issues: RegistrationFieldIssue[];
  /** What staff should look at (the NIK disagrees with the form, the NKK prefix); never blocks. */
  warnings: RegistrationFieldIssue[];
  /**
   * The form with each field normalised. Only a form without issues is fit to store: a field
   * with an issue holds its input as given, which need not be one of its codes.
   */
  normalized: RegistrationForm;
}

const NAME_MAX_LENGTH = 100;
const BIRTH_PLACE_MAX_LENGTH = 60;
const ADDRESS_MAX_LENGTH = 200;
const EMAIL_MAX_LENGTH = 254;
// Letters of any script (with their combining marks), spaces and the punctuation of names
// such as "MUH. ALI", "NUR'AINI" or "SITI AISYAH-PUTRI", with at least one letter.
const NAME_PATTERN = /^(?=.*\p{L})[\p{L}\p{M} .,'-]+$/u;
const CONTROL_CHARACTER = /\p{Cc}/u;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Checks a registration form against DESIGN §3.1–3.3 and §4.2. Pure and cheap enough for
 * every keystroke; throws only when the context dates are not `YYYY-MM-DD` (a bug).
 */
export function checkRegistrationForm(
  form: RegistrationFormInput,
  context: RegistrationFormContext,
): RegistrationFormCheck {
  const { catalogue, referenceDate, pollingDate } = context;
  requireIsoDate(referenceDate);
  requireIsoDate(pollingDate);
  const issues: RegistrationFieldIssue[] = [];
  const warnings: RegistrationFieldIssue[] = [];
  const report = (field: RegistrationField, code: string, message: string): void => {
    issues.push({ field, code, message });
  };

  const nik = parseNik(asText(form.nik), { referenceDate });
  if (!nik.ok) {
    report('nik', nik.error.code, nik.error.message);
  }
  const nkk = parseNkk(asText(form.nkk), {
    referenceDate,
    knownRegencyCodes: catalogue.knownRegencyCodes,
    knownDistrictCodes: catalogue.knownDistrictCodes,
  });
  if (!nkk.ok) {
    report('nkk', nkk.error.code, nkk.error.message);
  } else if (!isIssuedInKabKota(nkk.value, catalogue)) {
    report('nkk', 'BUKAN_PENDUDUK', notResidentMessage(catalogue));
  }

  const name = normalizeName(asText(form.name));
  const nameProblem = checkText(name, 'Nama', NAME_MAX_LENGTH);
  if (nameProblem !== null) {
    report('name', nameProblem.code, nameProblem.message);
  } else if (!NAME_PATTERN.test(name)) {
    report(
      'name',
      'INVALID_CHARACTERS',
      "Nama hanya boleh berisi huruf, spasi dan tanda . , ' -, seperti tertulis di KTP",
    );
  }

  const birthPlace = collapseSpaces(asText(form.birthPlace));
  const birthPlaceProblem = checkText(birthPlace, 'Tempat lahir', BIRTH_PLACE_MAX_LENGTH);
  if (birthPlaceProblem !== null) {
    report('birthPlace', birthPlaceProblem.code, birthPlaceProblem.message);
  }

  const birthDate = asText(form.birthDate).trim();
  const isBirthDateValid = checkBirthDate(birthDate, referenceDate, report);

  const maritalStatus = asCode(form.maritalStatus);
  if (!isMaritalStatus(maritalStatus)) {
    report(
      'maritalStatus',
      maritalStatus === '' ? 'REQUIRED' : 'INVALID_CHOICE',
      'Pilih status perkawinan: belum kawin, kawin atau pernah kawin',
    );
  }
  const sex = asCode(form.sex);
  if (!isSex(sex)) {
    report(
      'sex',
      sex === '' ? 'REQUIRED' : 'INVALID_CHOICE',
      'Pilih jenis kelamin: laki-laki atau perempuan',
    );
  }

  // Age is judged only on a usable date and status; otherwise the field issue says enough.
  if (isBirthDateValid && isMaritalStatus(maritalStatus)) {
    const eligibility = checkEligibility({ birthDate, maritalStatus }, referenceDate);
    if (!eligibility.eligible && !isPemilihPemula(birthDate, referenceDate, pollingDate)) {
      report(
        'birthDate',
        'DI_BAWAH_UMUR',
        'Belum dapat mendaftar: pemilih harus berumur 17 tahun pada hari pemungutan suara ' +
          'atau sudah/pernah kawin. Periksa kembali tanggal lahir dan status perkawinan',
      );
    }
  }

  const address = collapseSpaces(asText(form.address));
  const addressProblem = checkText(address, 'Alamat', ADDRESS_MAX_LENGTH);
  if (addressProblem !== null) {
    report('address', addressProblem.code, addressProblem.message);
  }

  const rt = normalizeRtRw(asText(form.rt));
  checkRtRw(rt, 'rt', 'RT', report);
  const rw = normalizeRtRw(asText(form.rw));
  checkRtRw(rw, 'rw', 'RW', report);

  const disability = asDisability(form.disability);
  if (disability === null) {
    report('disability', 'INVALID_CHOICE', 'Pilih jenis disabilitas, atau "Tidak ada"');
  }
  const ktpElStatus = asCode(form.ktpElStatus);
  if (!isKtpElStatus(ktpElStatus)) {
    report(
      'ktpElStatus',
      ktpElStatus === '' ? 'REQUIRED' : 'INVALID_CHOICE',
      'Pilih status KTP-el: sudah atau belum memiliki KTP-el',
    );
  }

  const kelurahanCode = asText(form.kelurahanCode).trim();
  const isKelurahanValid = catalogue.isKelurahanInKabKota(kelurahanCode);
  if (!isKelurahanValid) {
    report(
      'kelurahanCode',
      kelurahanCode === '' ? 'REQUIRED' : 'UNKNOWN_KELURAHAN',
      'Pilih kelurahan alamat KK dari daftar',
    );
  }

  const phone = normalizePhone(form.phone);
  if (phone !== null && !/^08[0-9]{8,13}$/.test(phone)) {
    report(
      'phone',
      'INVALID_FORMAT',
      'Nomor HP harus diawali 08 atau +628 dan terdiri dari 10–15 digit, atau kosongkan saja',
    );
  }
  const email = normalizeEmail(form.email);
  if (email !== null && (email.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(email))) {
    report(
      'email',
      'INVALID_FORMAT',
      'Alamat email tidak valid (contoh: nama@contoh.id), atau kosongkan saja',
    );
  }

  if (form.consent !== true) {
    report(
      'consent',
      'CONSENT_REQUIRED',
      'Centang persetujuan pemrosesan data pribadi untuk dapat mendaftar',
    );
  }
  if (form.declaresEligibility !== true) {
    report(
      'declaresEligibility',
      'DECLARATION_REQUIRED',
      'Centang pernyataan bahwa Anda WNI, bukan anggota TNI/Polri aktif, dan hak pilih Anda ' +
        'tidak sedang dicabut',
    );
  }

  // Facts for staff, reported only once the values they compare are themselves valid.
  if (nik.ok && isSex(sex) && isBirthDateValid) {
    warnings.push(...nikWarnings(nik.value, sex, birthDate));
  }
  if (nkk.ok && isIssuedInKabKota(nkk.value, catalogue)) {
    warnings.push(...nkk.warnings.map((warning) => ({ field: 'nkk' as const, ...warning })));
    if (isKelurahanValid) {
      const residency = checkResidency(
        { nkk: nkk.value.nkk, kelurahanCode, referenceDate },
        catalogue,
      );
      // The NKK and the kelurahan were checked above, so only the prefix can still differ.
      if (!residency.resident) {
        throw new Error('checkResidency refused an NKK and kelurahan already checked');
      }
      warnings.push(
        ...residency.warnings.map((warning) => ({ field: 'nkk' as const, ...warning })),
      );
    }
  }

  return {
    // Stable sort: the age issue is found after the fields it depends on.
    issues: issues.sort(
      (a, b) => REGISTRATION_FIELDS.indexOf(a.field) - REGISTRATION_FIELDS.indexOf(b.field),
    ),
    warnings,
    normalized: {
      nik: nik.ok ? nik.value.nik : asText(form.nik),
      nkk: nkk.ok ? nkk.value.nkk : asText(form.nkk),
      name,
      birthPlace,
      birthDate,
      maritalStatus: maritalStatus as MaritalStatus,
      sex: sex as Sex,
      address,
      rt,
      rw,
      disability: disability ?? (form.disability as Disability),
      ktpElStatus: ktpElStatus as KtpElStatus,
      kelurahanCode,
      phone,
      email,
      consent: form.consent === true,
      declaresEligibility: form.declaresEligibility === true,
    },
  };
}

/** Trims, collapses runs of white space into one space and composes accents (NFC). */
export function collapseSpaces(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A name as the list writes it: single spaces, upper case, typographic apostrophes (which
 * phone keyboards put in) made plain, so "Nur’aini  siregar" becomes "NUR'AINI SIREGAR".
 */
export function normalizeName(text: string): string {
  return collapseSpaces(text)
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toUpperCase()
    .normalize('NFC');
}

/** RT or RW as typed ('5', ' 05 ') padded to three digits ('005'); anything else unchanged. */
export function normalizeRtRw(text: string): string {
  const trimmed = text.replace(/\s+/g, '');

  return /^[0-9]{1,3}$/.test(trimmed) ? trimmed.padStart(3, '0') : trimmed;
}

/**
 * A mobile number with its separators removed and +62 replaced by 0 ('+62 812-3456-7890' →
 * '081234567890'); null when empty. It does not check the result; the form check does.
 */
export function normalizePhone(value: string | null | undefined): string | null {
  if (typeof value !== 'string') {
    return null;
  }

  const compact = value.replace(/[\s.\-()]/g, '');
  if (compact === '') {
    return null;
  }

  return compact.startsWith('+628') ? `0${compact.slice(3)}` : compact;
}

/** An e-mail address trimmed, with its domain in lower case; null when empty. */
export function normalizeEmail(value: string | null | undefined): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') {
    return null;
  }

  const at = trimmed.lastIndexOf('@');

  return at === -1 ? trimmed : trimmed.slice(0, at) + trimmed.slice(at).toLowerCase();
}

// The office registers only people whose KK was issued in its kab/kota (the brief of issue 4
// makes the NKK prefix decisive for the public form); the citizen is told where to go instead.
function isIssuedInKabKota(nkk: ParsedNkk, catalogue: RegionCatalogue): boolean {
  return nkk.regencyCode === nikPrefixOf(catalogue.kabKota.code);
}

function notResidentMessage(catalogue: RegionCatalogue): string {
  const place = kabKotaPlaceName(catalogue.kabKota.name);

  return (
    `${kpuOfficeName(catalogue.kabKota.name)} hanya menerima pendaftaran penduduk yang KK-nya ` +
    `diterbitkan di ${place}, sedangkan NKK ini berasal dari daerah lain. Silakan mendaftar ` +
    `di KPU kabupaten/kota tempat KK Anda diterbitkan`
  );
}

function checkBirthDate(
  birthDate: string,
  referenceDate: string,
  report: (field: RegistrationField, code: string, message: string) => void,
): boolean {
  if (birthDate === '') {
    report('birthDate', 'REQUIRED', 'Isi tanggal lahir seperti tertulis di KTP atau KK');
    return false;
  }
  if (!isIsoDate(birthDate)) {
    report('birthDate', 'INVALID_DATE', 'Tanggal lahir bukan tanggal yang valid');
    return false;
  }
  if (compareIsoDates(birthDate, referenceDate) > 0) {
    report('birthDate', 'DATE_IN_FUTURE', 'Tanggal lahir tidak boleh setelah hari ini');
    return false;
  }

  return true;
}

function checkRtRw(
  value: string,
  field: 'rt' | 'rw',
  label: 'RT' | 'RW',
  report: (field: RegistrationField, code: string, message: string) => void,
): void {
  if (value === '') {
    report(field, 'REQUIRED', `Isi nomor ${label} sesuai KK, misalnya 005`);
  } else if (!/^[0-9]{3}$/.test(value)) {
    report(field, 'INVALID_FORMAT', `${label} harus berupa 1–3 digit angka, misalnya 005`);
  } else if (value === '000') {
    report(field, 'INVALID_FORMAT', `${label} tidak boleh 000; isi nomor ${label} sesuai KK`);
  }
}

// Empty and too long are the two ways a free-text field fails in general; the name has its
// own character rule on top.
function checkText(
  value: string,
  label: string,
  maxLength: number,
): { code: string; message: string } | null {
  if (value === '') {
    return { code: 'REQUIRED', message: `${label} wajib diisi` };
  }
  if (value.length > maxLength) {
    return { code: 'TOO_LONG', message: `${label} paling banyak ${maxLength} karakter` };
  }
  if (CONTROL_CHARACTER.test(value)) {
    return { code: 'INVALID_CHARACTERS', message: `${label} berisi karakter yang tidak diizinkan` };
  }

  return null;
}

function nikWarnings(nik: ParsedNik, sex: Sex, birthDate: string): RegistrationFieldIssue[] {
  return compareNikWithRecord(nik, { sex, birthDate }).map((warning) => ({
    field: warning.code === 'NIK_SEX_MISMATCH' ? 'sex' : 'birthDate',
    ...warning,
  }));
}

// Plain JavaScript callers (a field left undefined, a number in a text box) may pass anything.
function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asCode(value: unknown): string {
  return asText(value).trim().toUpperCase();
}

function asDisability(value: unknown): Disability | null {
  const number = typeof value === 'string' && /^\s*[0-9]\s*$/.test(value) ? Number(value) : value;

  return isDisability(number) ? number : null;
}
