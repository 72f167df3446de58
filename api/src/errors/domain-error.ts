import { GraphQLError } from 'graphql';
import type { DomainIssue } from '@kaliber/schema';

import type { ErrorCode } from './error-code.js';

/** A domain issue, optionally naming the input field it is about (for forms). */
export type IssueOfField = DomainIssue & { readonly field?: string };

/**
 * An expected failure ("not found", "invalid NIK"): its message is Indonesian and safe to show,
 * so it passes the GraphQL edge unchanged. Never put personal data in the message.
 */
export class DomainError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    issues?: readonly IssueOfField[],
    /** Further machine-readable facts, e.g. `retryAfterSeconds`; never personal data. */
    extra?: Readonly<Record<string, unknown>>,
  ) {
    super(message, { extensions: { ...extra, code, ...(issues ? { issues } : {}) } });
    this.name = 'DomainError';
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} tidak ditemukan`);
}

export function badInput(message: string, issues?: readonly IssueOfField[]): DomainError {
  return new DomainError('BAD_USER_INPUT', message, issues);
}

/** Not signed in, or the session ended (logout, expiry, revocation). */
export function unauthenticated(): DomainError {
  return new DomainError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
}

export function forbidden(
  message = 'Anda tidak berwenang melakukan ini',
  extra?: Readonly<Record<string, unknown>>,
): DomainError {
  return new DomainError('FORBIDDEN', message, undefined, extra);
}
