import {
  checkDocumentFile,
  createRegionCatalogue,
  DISABILITIES,
  DISABILITY_LABELS,
  DOCUMENT_KIND_DETAILS,
  DOCUMENT_KINDS,
  type DocumentKind,
  KTP_EL_STATUS_LABELS,
  KTP_EL_STATUSES,
  MARITAL_STATUS_LABELS,
  MARITAL_STATUSES,
  parentCodeOf,
  type RegionCatalogue,
  type RegionRow,
  type RegistrationField,
  type RegistrationForm,
  type RegistrationFormContext,
  type RegistrationFormInput,
  REGISTRATION_FIELDS,
  SEX_LABELS,
  SEXES,
} from '@kaliber/schema';

import { type ApiFailure } from '../../graphql/api-failure';
import { type RegionTreeQuery, type RegistrationInput } from '../../graphql/generated/graphql';

/** The form's controls as the page holds them: text as typed, codes as picked ('' for none). */
export interface RegistrationFormValues {
  nik: string;
  nkk: string;
  name: string;
  birthPlace: string;
  /** `YYYY-MM-DD` from the date input, '' while empty. */
  birthDate: string;
  maritalStatus: string;
  sex: string;
  address: string;
  rt: string;
  rw: string;
  /** '0'–'6' as picked, '' while nothing is. */
  disability: string;
  ktpElStatus: string;
  /** Only narrows the kelurahan list; the form sends the kelurahan alone. */
  kecamatanCode: string;
  kelurahanCode: string;
  phone: string;
  email: string;
  consent: boolean;
  declaresEligibility: boolean;
}

/** The fields a server issue may name besides the form's: the two documents. */
export type SubmissionField = RegistrationField | DocumentFieldName;

export type DocumentFieldName = (typeof DOCUMENT_KIND_DETAILS)[DocumentKind]['field'];

/** One choice of a coded field: the code the form sends and its Indonesian label. */
export interface CodedOption {
  readonly code: string;
  readonly label: string;
}

/** The choices of the coded fields, in the order of the official lists (DESIGN §3.5). */
export const codedFieldOptions: Readonly<
  Record<'maritalStatus' | 'sex' | 'disability' | 'ktpElStatus', readonly CodedOption[]>
> = {
  maritalStatus: MARITAL_STATUSES.map((code) => ({ code, label: MARITAL_STATUS_LABELS[code] })),
  sex: SEXES.map((code) => ({ code, label: SEX_LABELS[code] })),
  // The select holds strings; checkRegistrationForm reads '0'–'6' as the numeric codes.
  disability: DISABILITIES.map((code) => ({ code: String(code), label: DISABILITY_LABELS[code] })),
  ktpElStatus: KTP_EL_STATUSES.map((code) => ({ code, label: KTP_EL_STATUS_LABELS[code] })),
};

const submissionFields: ReadonlySet<string> = new Set<SubmissionField>([
  ...REGISTRATION_FIELDS,
  ...DOCUMENT_KINDS.map((kind) => DOCUMENT_KIND_DETAILS[kind].field),
]);

/**
 * The server's issues of a refused submission by field, the first for each; issues about
 * anything else (none are expected) are left to the failure's message.
 */
export function submissionIssuesOf(failure: ApiFailure): Map<SubmissionField, string> {
  const issues = new Map<SubmissionField, string>();
  for (const { field, message } of failure.issues) {
    if (submissionFields.has(field) && !issues.has(field as SubmissionField)) {
      issues.set(field as SubmissionField, message);
    }
  }

  return issues;
}

/** What checkRegistrationForm reads, taken from the page's controls. */
export function toRegistrationFormInput(values: RegistrationFormValues): RegistrationFormInput {
  return {
    nik: values.nik,
    nkk: values.nkk,
    name: values.name,
    birthPlace: values.birthPlace,
    birthDate: values.birthDate,
    maritalStatus: values.maritalStatus,
    sex: values.sex,
    address: values.address,
    rt: values.rt,
    rw: values.rw,
    disability: values.disability,
    ktpElStatus: values.ktpElStatus,
    kelurahanCode: values.kelurahanCode,
    phone: values.phone,
    email: values.email,
    consent: values.consent,
    declaresEligibility: values.declaresEligibility,
  };
}

/** The GraphQL input from a form that passed every check (its normalised values). */
export function toRegistrationInput(form: RegistrationForm): RegistrationInput {
  return {
    nik: form.nik,
    nkk: form.nkk,
    name: form.name,
    birthPlace: form.birthPlace,
    birthDate: form.birthDate,
    maritalStatus: form.maritalStatus,
    sex: form.sex,
    address: form.address,
    rt: form.rt,
    rw: form.rw,
    disability: form.disability,
    ktpElStatus: form.ktpElStatus,
    kelurahanCode: form.kelurahanCode,
    phone: form.phone,
    email: form.email,
    consent: form.consent,
    declaresEligibility: form.declaresEligibility,
  };
}

/**
 * The deployment's catalogue, built from the API's region tree rather than from the rows the
 * schema package ships: one console build serves any kab/kota, and the tree is what the
 * kelurahan picker lists anyway, so the picker and the check can never disagree. The form
 * check needs codes only, so no name aliases are loaded. Throws if the tree is inconsistent.
 */
export function catalogueFromTree(kabKota: RegionTreeQuery['kabKota']): RegionCatalogue {
  const rows: RegionRow[] = [
    {
      code: kabKota.code,
      level: 'KABKOTA',
      name: kabKota.name,
      parentCode: parentCodeOf(kabKota.code),
    },
  ];
  for (const kecamatan of kabKota.children) {
    rows.push({
      code: kecamatan.code,
      level: 'KECAMATAN',
      name: kecamatan.name,
      parentCode: kabKota.code,
    });
    for (const kelurahan of kecamatan.children) {
      rows.push({
        code: kelurahan.code,
        level: 'KELURAHAN',
        name: kelurahan.name,
        parentCode: kecamatan.code,
      });
    }
  }

  return createRegionCatalogue(rows, []);
}

/**
 * The dates the check runs against, as the API sets them: today in UTC (the server's clock),
 * and the polling day the deployment announces, or today when it announces none.
 */
export function registrationContext(
  catalogue: RegionCatalogue,
  today: string,
  pollingDate: string | null,
): RegistrationFormContext {
  return { catalogue, referenceDate: today, pollingDate: pollingDate ?? today };
}

/** A document's problems the browser can see (missing, empty, too large, wrong type). */
export function documentIssues(kind: DocumentKind, file: File | null): string[] {
  if (file === null) {
    return [`Lampirkan foto atau pindaian ${DOCUMENT_KIND_DETAILS[kind].label}`];
  }

  return checkDocumentFile({ kind, size: file.size, mediaType: file.type }).map(
    (issue) => issue.message,
  );
}
