import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  checkRegistrationForm,
  DOCUMENT_KIND_DETAILS,
  documentIssue,
  MAX_DOCUMENT_BYTES,
  parseNik,
  parseReceiptCode,
  receiptCodeFromBytes,
  RECEIPT_CODE_RANDOM_BYTES,
  todayUtc,
  type DocumentKind,
  type RegionCatalogue,
  type RegistrationForm,
  type RegistrationFormInput,
} from '@kaliber/schema';
import type { DataSource, EntityManager } from 'typeorm';

import type { AuditLog } from '../audit/audit-log.js';
import { hashPersonalValue } from '../audit/personal-value-hash.js';
import type { PublicServicesConfig } from '../config/config.js';
import { inspectDocument, type InspectedDocument } from '../documents/inspect-document.js';
import { openAndReadUpload } from '../documents/read-upload.js';
import { DomainError, type IssueOfField } from '../errors/domain-error.js';
import { type PublicGate, type PublicRequest, sourceOf } from '../public-access/public-gate.js';
import { seal } from '../security/sealed-box.js';
import { VoterEntity } from '../voters/voter.entity.js';
import {
  documentSealContext,
  RegistrationDocumentEntity,
  RegistrationEntity,
} from './registration.entity.js';
import type { RegistrationReceiptType, RegistrationStatusType } from './registration.types.js';

/** One uploaded file as the resolver hands it over: a stream to read once. */
export interface UploadedFile {
  readonly kind: DocumentKind;
  openStream(): Readable;
}

export interface RegistrationDependencies {
  readonly dataSource: DataSource;
  readonly regions: RegionCatalogue;
  readonly settings: PublicServicesConfig;
  readonly gate: PublicGate;
  readonly audit: AuditLog;
  readonly nikHashKey: Buffer;
  readonly documentKey: Buffer;
}

const ALREADY_KNOWN_MESSAGE =
  'NIK ini sudah terdaftar sebagai pemilih atau sudah memiliki pendaftaran yang sedang ' +
  'diproses. Periksa dengan Cek NIK, atau lacak pendaftaran Anda dengan kode tanda terima.';

/**
 * Public registration (DESIGN §4.2) and its tracking. A submission is checked in full before
 * anything is written — form rules shared with the console, both files read to their end,
 * typed by content, re-encoded or scanned — and then stored in one transaction: the
 * registration, its two sealed documents and the audit entry commit together or not at all.
 */
export class RegistrationService {
  constructor(private readonly deps: RegistrationDependencies) {}

  async submit(
    input: RegistrationFormInput,
    files: readonly UploadedFile[],
    proofOfWork: string | null | undefined,
    request: PublicRequest,
  ): Promise<RegistrationReceiptType> {
    const { gate, regions, settings } = this.deps;
    const parsedNik = parseNik(typeof input.nik === 'string' ? input.nik : '');
    const nikHash = parsedNik.ok
      ? hashPersonalValue(this.deps.nikHashKey, parsedNik.value.nik)
      : null;
    // Both files are read to their end first, whatever the verdict: an answer sent while the
    // browser is still uploading reaches it as a broken connection, not as the message.
    const uploads = await readUploads(files);
    await gate.admit('REGISTRATION_SUBMIT', request, nikHash, proofOfWork);

    try {
      const referenceDate = todayUtc();
      const check = checkRegistrationForm(input, {
        catalogue: regions,
        referenceDate,
        pollingDate: settings.pollingDate ?? referenceDate,
      });
      if (check.issues.length > 0) {
        throw invalid('Periksa kembali isian formulir', check.issues);
      }
      const documents = await inspectDocuments(uploads);
      const receipt = await this.store(check.normalized, check.warnings, documents, request);
      gate.note('REGISTRATION_SUBMIT', request, nikHash, 'FOUND');
      return receipt;
    } catch (error: unknown) {
      await this.auditRefusal(error, nikHash, request);
      throw error;
    }
  }

  async status(
    receiptCodeText: string,
    nikText: string,
    proofOfWork: string | null | undefined,
    request: PublicRequest,
  ): Promise<RegistrationStatusType> {
    const { gate } = this.deps;
    const receipt = parseReceiptCode(receiptCodeText);
    const nik = parseNik(nikText);
    const issues: IssueOfField[] = [];
    if (!receipt.ok) issues.push({ field: 'receiptCode', ...receipt.error });
    if (!nik.ok) issues.push({ field: 'nik', ...nik.error });
    const nikHash = nik.ok ? hashPersonalValue(this.deps.nikHashKey, nik.value.nik) : null;
    await gate.admit('REGISTRATION_STATUS', request, nikHash, proofOfWork);
    if (!receipt.ok || !nik.ok) {
      gate.note('REGISTRATION_STATUS', request, nikHash, 'INVALID');
      throw invalid(issues[0]?.message ?? 'Isian tidak valid', issues);
    }

    // Receipt code and NIK must both match: a guessed code alone finds nothing, and the
    // answer for a wrong pair is the same as for a code that does not exist.
    const registration = await this.deps.dataSource
      .getRepository(RegistrationEntity)
      .findOneBy({ receiptCode: receipt.value, nik: nik.value.nik });
    gate.note('REGISTRATION_STATUS', request, nikHash, registration ? 'FOUND' : 'NOT_FOUND');
    await this.deps.audit.record(sourceOf(request), [
      {
        action: 'REGISTRATION_STATUS_CHECKED',
        outcome: registration ? 'SUCCESS' : 'FAILURE',
        target: registration ? { type: 'registration', id: String(registration.id) } : undefined,
        detail: { nikHash, found: registration !== null },
      },
    ]);
    if (!registration) {
      throw new DomainError(
        'NOT_FOUND',
        'Pendaftaran dengan kode tanda terima dan NIK ini tidak ditemukan. Periksa kembali keduanya.',
      );
    }

    return {
      receiptCode: registration.receiptCode,
      stage: registration.stage,
      rejectionReason: registration.stage === 'DITOLAK' ? registration.rejectionReason : null,
      updatedAt: registration.updatedAt,
    };
  }

  private async store(
    form: RegistrationForm,
    warnings: readonly { code: string; message: string }[],
    documents: ReadonlyMap<DocumentKind, InspectedDocument>,
    request: PublicRequest,
  ): Promise<RegistrationReceiptType> {
    const now = new Date();
    return this.deps.audit.transaction(async (manager) => {
      await assertNotKnown(manager, form.nik);
      const receiptCode = receiptCodeFromBytes(randomBytes(RECEIPT_CODE_RANDOM_BYTES));
      const registration = manager.getRepository(RegistrationEntity).create({
        ...form,
        receiptCode,
        openNik: form.nik,
        stage: 'DIAJUKAN',
        rejectionReason: null,
        rejectionNote: null,
        warnings: JSON.stringify(warnings.map(({ code, message }) => ({ code, message }))),
        consentedAt: now,
        submittedAt: now,
        updatedAt: now,
      });
      try {
        await manager.getRepository(RegistrationEntity).insert(registration);
      } catch (error: unknown) {
        // The unique open_nik index: a racing submission for the same NIK committed first.
        if (isUniqueViolation(error)) throw alreadyKnown();
        throw error;
      }

      const documentRows = [...documents].map(([kind, document]) =>
        manager.getRepository(RegistrationDocumentEntity).create({
          registrationId: registration.id,
          kind,
          mediaType: document.mediaType,
          byteSize: document.bytes.length,
          sealed: Buffer.from(
            seal(this.deps.documentKey, document.bytes, documentSealContext(receiptCode, kind)),
          ),
          createdAt: now,
        }),
      );
      await manager.getRepository(RegistrationDocumentEntity).insert(documentRows);

      await this.deps.audit.append(manager, sourceOf(request), [
        {
          action: 'REGISTRATION_SUBMITTED',
          outcome: 'SUCCESS',
          target: { type: 'registration', id: String(registration.id) },
          detail: {
            nikHash: hashPersonalValue(this.deps.nikHashKey, form.nik),
            kelurahanCode: form.kelurahanCode,
            documents: documentRows.map(({ kind, mediaType, byteSize }) => ({
              kind,
              mediaType,
              byteSize,
            })),
            warnings: warnings.map(({ code }) => code),
          },
        },
      ]);

      return { receiptCode, stage: 'DIAJUKAN' as const, submittedAt: now };
    });
  }

  // A refused submission is audited too, with the codes of what was wrong and no values.
  private async auditRefusal(
    error: unknown,
    nikHash: string | null,
    request: PublicRequest,
  ): Promise<void> {
    if (!(error instanceof DomainError)) return;
    await this.deps.audit.record(sourceOf(request), [
      {
        action: 'REGISTRATION_SUBMITTED',
        outcome: 'FAILURE',
        detail: {
          nikHash,
          code: error.extensions['code'] as string,
          issues: issuesOf(error).map(({ field, code }) => ({ field, code })),
        },
      },
    ]);
  }
}

/** Each file read to its end, capped while it streams: its bytes, or null when too large. */
async function readUploads(
  files: readonly UploadedFile[],
): Promise<{ kind: DocumentKind; bytes: Buffer | null }[]> {
  const uploads = [];
  for (const file of files) {
    const read = await openAndReadUpload(() => file.openStream(), MAX_DOCUMENT_BYTES);
    uploads.push({ kind: file.kind, bytes: 'tooLarge' in read ? null : read.bytes });
  }

  return uploads;
}

// Every problem of both files at once, so the citizen fixes them in one go.
async function inspectDocuments(
  uploads: readonly { kind: DocumentKind; bytes: Buffer | null }[],
): Promise<Map<DocumentKind, InspectedDocument>> {
  const issues: IssueOfField[] = [];
  const documents = new Map<DocumentKind, InspectedDocument>();
  for (const { kind, bytes } of uploads) {
    if (bytes === null) {
      issues.push(tooLargeIssue(kind));
      continue;
    }
    try {
      documents.set(kind, await inspectDocument(kind, bytes));
    } catch (error: unknown) {
      if (!(error instanceof DomainError)) throw error;
      issues.push(...issuesOf(error));
    }
  }
  if (issues.length > 0) throw invalid('Periksa kembali berkas yang diunggah', issues);

  return documents;
}

/** The NIK is an active voter, or already has an open registration: one answer for both. */
async function assertNotKnown(manager: EntityManager, nik: string): Promise<void> {
  const voter = await manager
    .getRepository(VoterEntity)
    .findOne({ select: { id: true }, where: { nik, status: 'AKTIF' } });
  const open = await manager
    .getRepository(RegistrationEntity)
    .findOne({ select: { id: true }, where: { openNik: nik } });
  if (voter || open) throw alreadyKnown();
}

function alreadyKnown(): DomainError {
  return new DomainError('CONFLICT', ALREADY_KNOWN_MESSAGE, [
    { field: 'nik', code: 'SUDAH_TERDAFTAR_ATAU_DIPROSES', message: ALREADY_KNOWN_MESSAGE },
  ]);
}

function invalid(message: string, issues: readonly IssueOfField[]): DomainError {
  return new DomainError('BAD_USER_INPUT', message, issues);
}

function tooLargeIssue(kind: DocumentKind): IssueOfField {
  return { field: DOCUMENT_KIND_DETAILS[kind].field, ...documentIssue(kind, 'FILE_TOO_LARGE') };
}

function issuesOf(error: DomainError): IssueOfField[] {
  const issues = error.extensions['issues'];
  return Array.isArray(issues) ? (issues as IssueOfField[]) : [];
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.code;
  const driverCode = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return [code, driverCode].some(
    (value) => value === 'ER_DUP_ENTRY' || value === 'SQLITE_CONSTRAINT_UNIQUE',
  );
}
