import { GraphQLError } from 'graphql';
import type { DomainIssue } from '@kaliber/schema';

import type { ErrorCode } from './error-code.js';

/**
 * An expected failure ("not found", "invalid NIK"): its message is Indonesian and safe to show,
 * so it passes the GraphQL edge unchanged. Never put personal data in the message.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, issues?: readonly DomainIssue[]) {
    super(message, { extensions: issues ? { code, issues } : { code } });
    this.name = 'DomainError';
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} tidak ditemukan`);
}

export function badInput(message: string, issues?: readonly DomainIssue[]): DomainError {
  return new DomainError('BAD_USER_INPUT', message, issues);
}
