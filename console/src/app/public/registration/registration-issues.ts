import { type Signal, computed, signal } from '@angular/core';
import { type AbstractControl, type FormGroupDirective, type NgForm } from '@angular/forms';
import { type ErrorStateMatcher } from '@angular/material/core';
import {
  DOCUMENT_KIND_DETAILS,
  DOCUMENT_KINDS,
  type DocumentKind,
  REGISTRATION_FIELDS,
  type RegistrationField,
  type RegistrationFormCheck,
} from '@kaliber/schema';

import {
  documentIssues,
  type RegistrationFormValues,
  type SubmissionField,
} from './registration-form-model';

/** The fields that show a problem under them: the form's own and the kecamatan picker. */
export type MarkedField = RegistrationField | 'kecamatanCode';

/** Not a field of the API: shown while the kelurahan cannot be picked yet. */
const kecamatanFirstMessage = 'Pilih kecamatan alamat KK terlebih dahulu';

/**
 * The problems of the registration form, field by field: the live check's first, then what the
 * server said about the last submission, each server issue until its field changes. The
 * controls carry no errors of their own, because the problems come from one check of the
 * whole form (an age depends on the birth date and the marital status together).
 */
export class RegistrationIssues {
  private readonly server = signal<ReadonlyMap<SubmissionField, string>>(new Map());

  private readonly fieldIssues = computed(() => {
    const issues = new Map<RegistrationField, string>();
    for (const issue of this.check()?.issues ?? []) {
      issues.set(issue.field, issue.message);
    }

    return issues;
  });

  /** What is wrong with each document; the server's verdict on a file replaces the pre-check. */
  readonly documentProblems = computed(() => {
    const files = this.files();
    const server = this.server();
    const problems = new Map<DocumentKind, readonly string[]>();
    for (const kind of DOCUMENT_KINDS) {
      const serverIssue = server.get(DOCUMENT_KIND_DETAILS[kind].field);
      problems.set(kind, serverIssue ? [serverIssue] : documentIssues(kind, files[kind]));
    }

    return problems;
  });

  /** How many fields and documents stop the submission. */
  readonly count = computed(
    () =>
      (this.check()?.issues.length ?? 0) +
      [...this.documentProblems().values()].filter((problems) => problems.length > 0).length,
  );

  /**
   * When Material marks each field as in error: it has a problem, and the field was visited or a
   * submission was tried.
   */
  readonly errorState = Object.fromEntries(
    [...REGISTRATION_FIELDS, 'kecamatanCode' as const].map((field) => [
      field,
      {
        isErrorState: (control: AbstractControl | null, form: FormGroupDirective | NgForm | null) =>
          this.message(field) !== null && Boolean(control?.touched || form?.submitted),
      } satisfies ErrorStateMatcher,
    ]),
  ) as Readonly<Record<MarkedField, ErrorStateMatcher>>;

  constructor(
    private readonly check: Signal<RegistrationFormCheck | null>,
    private readonly values: Signal<RegistrationFormValues>,
    private readonly files: Signal<Readonly<Record<DocumentKind, File | null>>>,
  ) {}

  /**
   * The problem to show under a field, or null. While no kecamatan is picked, the kelurahan
   * select is disabled and its problem is told at the kecamatan.
   */
  message(field: MarkedField): string | null {
    if (field === 'kecamatanCode') {
      return this.values().kecamatanCode === '' && this.message('kelurahanCode') !== null
        ? kecamatanFirstMessage
        : null;
    }

    return this.fieldIssues().get(field) ?? this.server().get(field) ?? null;
  }

  /** Keeps the server's issues of a refused submission. */
  setServerIssues(issues: ReadonlyMap<SubmissionField, string>): void {
    this.server.set(issues);
  }

  /** Drops the server's issues of the fields whose value changed. */
  forgetChanged(before: RegistrationFormValues, after: RegistrationFormValues): void {
    for (const field of REGISTRATION_FIELDS) {
      if (before[field] !== after[field]) {
        this.forget(field);
      }
    }
  }

  forget(field: SubmissionField): void {
    if (this.server().has(field)) {
      this.server.update((issues) => {
        const rest = new Map(issues);
        rest.delete(field);
        return rest;
      });
    }
  }
}
