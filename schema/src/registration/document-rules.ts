// The documents a registration carries (DESIGN §4.2, §6.5) and the messages about them, shared
// so that the console pre-checks a picked file with exactly the words the API answers with.
// The console can only see the size and the type the browser claims; the API decides on the
// bytes themselves, but reuses the messages here for every problem it finds.

import { type DomainIssue } from '../result.js';

/** The two scans a registration must attach. */
export const DOCUMENT_KINDS = ['KTP', 'KK'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentKindDetails {
  /** Indonesian name of the document, as a form shows it next to the file picker. */
  label: string;
  /** Name of the form and GraphQL input field that carries the file. */
  field: 'ktp' | 'kk';
}

export const DOCUMENT_KIND_DETAILS: Readonly<Record<DocumentKind, DocumentKindDetails>> = {
  KTP: { label: 'KTP-el', field: 'ktp' },
  KK: { label: 'Kartu Keluarga (KK)', field: 'kk' },
};

/** 5 MiB per file: a phone photo of a card fits well below it once re-encoded. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Room for the form fields and the multipart framing around the two files. */
export const REGISTRATION_FORM_OVERHEAD_BYTES = 256 * 1024;

/** Cap on a whole registration request, so a client cannot stream more than it may attach. */
export const MAX_REGISTRATION_REQUEST_BYTES =
  DOCUMENT_KINDS.length * MAX_DOCUMENT_BYTES + REGISTRATION_FORM_OVERHEAD_BYTES;

/** The types a document may have, decided on the server from the file's content. */
export const DOCUMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/**
 * What can be wrong with an uploaded document. The first three are visible before upload; the
 * rest only to the server, which looks inside the file.
 */
export type DocumentIssueCode =
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FILE_UNREADABLE'
  | 'IMAGE_TOO_LARGE'
  | 'PDF_ACTIVE_CONTENT';

const ISSUE_TEXTS: Readonly<Record<DocumentIssueCode, string>> = {
  FILE_EMPTY: 'kosong; pilih ulang berkasnya',
  FILE_TOO_LARGE: `terlalu besar; ukuran maksimal ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB`,
  FILE_TYPE_NOT_ALLOWED: 'harus berupa foto JPEG, PNG atau berkas PDF',
  FILE_UNREADABLE: 'rusak atau tidak lengkap sehingga tidak dapat dibaca',
  IMAGE_TOO_LARGE: 'memiliki resolusi gambar yang terlalu besar',
  PDF_ACTIVE_CONTENT:
    'memuat skrip, lampiran, tindakan otomatis atau enkripsi; unggah PDF biasa atau foto',
};

/** The issue with its Indonesian message, naming the document ("Berkas KTP …"). */
export function documentIssue(
  kind: DocumentKind,
  code: DocumentIssueCode,
): DomainIssue<DocumentIssueCode> {
  return { code, message: `Berkas ${kind} ${ISSUE_TEXTS[code]}` };
}

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

export interface DocumentFileFacts {
  kind: DocumentKind;
  /** Size in bytes. */
  size: number;
  /** The media type: the browser's claim in the console, the detected type on the server. */
  mediaType: string;
}

/**
 * Problems visible from a file's size and type; empty when the file may be sent. An empty file
 * reports only that, since its type says nothing.
 */
export function checkDocumentFile(facts: DocumentFileFacts): DomainIssue<DocumentIssueCode>[] {
  if (facts.size <= 0) {
    return [documentIssue(facts.kind, 'FILE_EMPTY')];
  }

  const issues: DomainIssue<DocumentIssueCode>[] = [];
  if (facts.size > MAX_DOCUMENT_BYTES) {
    issues.push(documentIssue(facts.kind, 'FILE_TOO_LARGE'));
  }
  if (!isDocumentMediaType(normaliseMediaType(facts.mediaType))) {
    issues.push(documentIssue(facts.kind, 'FILE_TYPE_NOT_ALLOWED'));
  }

  return issues;
}

// Browsers report `image/jpeg`, but some older Android ones `image/jpg`; parameters such as
// `; charset=…` and letter case carry no meaning for the check.
function normaliseMediaType(mediaType: string): string {
  const essence = (mediaType.split(';')[0] ?? '').trim().toLowerCase();

  return essence === 'image/jpg' ? 'image/jpeg' : essence;
}
