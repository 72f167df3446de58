// The gate every uploaded KTP or KK scan passes before it is stored (DESIGN §6.5). The type
// comes from the file's own bytes; the name and the MIME type the client sent are never used,
// since both are whatever the sender chose.

import {
  checkDocumentFile,
  DOCUMENT_KIND_DETAILS,
  documentIssue,
  isDocumentMediaType,
  type DocumentIssueCode,
  type DocumentKind,
  type DocumentMediaType,
} from '@kaliber/schema';
import { fileTypeFromBuffer } from 'file-type';

import { badInput, type DomainError } from '../errors/domain-error.js';
import { findPdfProblem } from './pdf-scan.js';
import { rewriteImage } from './rewrite-image.js';

export interface InspectedDocument {
  /** Decided from the content. */
  mediaType: DocumentMediaType;
  /** What gets stored: an image decoded and encoded again, or a PDF as received. */
  bytes: Buffer;
}

/**
 * Checks an uploaded document and returns what may be stored. Throws a BAD_USER_INPUT
 * DomainError whose issue names the form field (`ktp` or `kk`) and says what is wrong.
 */
export async function inspectDocument(
  kind: DocumentKind,
  bytes: Buffer,
): Promise<InspectedDocument> {
  const mediaType = await detectMediaType(bytes);
  const [first, ...more] = checkDocumentFile({
    kind,
    size: bytes.length,
    mediaType: mediaType ?? '',
  });
  if (first || !mediaType) {
    throw documentError(
      kind,
      first?.code ?? 'FILE_TYPE_NOT_ALLOWED',
      ...more.map(({ code }) => code),
    );
  }

  switch (mediaType) {
    case 'application/pdf':
      return inspectPdf(kind, bytes);
    case 'image/jpeg':
    case 'image/png':
      return inspectImage(kind, bytes, mediaType);
    default:
      return assertNever(mediaType);
  }
}

/**
 * The error for problems with one document, in the shape the registration form expects: the
 * message of the first, and every one as an issue of the form field.
 */
export function documentError(
  kind: DocumentKind,
  code: DocumentIssueCode,
  ...moreCodes: DocumentIssueCode[]
): DomainError {
  const field = DOCUMENT_KIND_DETAILS[kind].field;
  const issues = [code, ...moreCodes].map((each) => ({ field, ...documentIssue(kind, each) }));

  return badInput(documentIssue(kind, code).message, issues);
}

// An animated PNG is still a PNG to every decoder; re-encoding keeps only its first frame.
async function detectMediaType(bytes: Buffer): Promise<DocumentMediaType | null> {
  const detected: string | undefined = (await fileTypeFromBuffer(bytes))?.mime;
  const mediaType = detected === 'image/apng' ? 'image/png' : detected;

  return mediaType && isDocumentMediaType(mediaType) ? mediaType : null;
}

async function inspectPdf(kind: DocumentKind, bytes: Buffer): Promise<InspectedDocument> {
  const problem = await findPdfProblem(bytes);
  if (problem) {
    throw documentError(kind, problem);
  }

  return { mediaType: 'application/pdf', bytes };
}

async function inspectImage(
  kind: DocumentKind,
  bytes: Buffer,
  mediaType: 'image/jpeg' | 'image/png',
): Promise<InspectedDocument> {
  const outcome = await rewriteImage(bytes, mediaType);
  if ('problem' in outcome) {
    throw documentError(kind, outcome.problem);
  }

  return { mediaType, bytes: outcome.bytes };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled document media type ${String(value)}`);
}
