import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';

import { DomainError } from './domain-error.js';
import type { ErrorCode } from './error-code.js';

/** Indonesian text for the codes whose original message must not reach the client. */
const PUBLIC_MESSAGES: Record<ErrorCode, string> = {
  GRAPHQL_PARSE_FAILED: 'Permintaan GraphQL tidak dapat dibaca',
  GRAPHQL_VALIDATION_FAILED: 'Permintaan GraphQL tidak sesuai dengan skema',
  BAD_REQUEST: 'Permintaan tidak dapat diproses',
  BAD_USER_INPUT: 'Data yang dikirim tidak valid',
  UNAUTHENTICATED: 'Silakan masuk terlebih dahulu',
  INVALID_CREDENTIALS: 'Nama pengguna atau kata sandi salah',
  FORBIDDEN: 'Anda tidak berwenang melakukan tindakan ini',
  NOT_FOUND: 'Data tidak ditemukan',
  CONFLICT: 'Data telah berubah; muat ulang lalu coba lagi',
  RATE_LIMITED: 'Terlalu banyak permintaan; coba lagi nanti',
  PROOF_OF_WORK_FAILED: 'Verifikasi anti-robot gagal; coba lagi',
  SERVICE_UNAVAILABLE: 'Layanan sedang tidak tersedia; coba lagi nanti',
  INTERNAL_SERVER_ERROR: 'Terjadi kesalahan pada server',
};

/** One field-level problem of an input, safe to show: never the submitted value. */
export interface InputIssue {
  field: string;
  code: string;
  message: string;
}

/**
 * The GraphQL edge: every error leaves with a code from the closed enum and an Indonesian
 * message. Domain errors keep their own message; anything else is replaced, because
 * graphql-js and driver messages can echo submitted values (an NIK) or SQL. The original is
 * logged by the error-logging plugin under the request's correlation id.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    // `http` only tells Apollo which status to send; it is not for the client.
    const extensions = Object.fromEntries(
      Object.entries(original.extensions).filter(([key]) => key !== 'http'),
    );
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof ArgumentValidationError) {
    const issues = flattenValidationErrors(original.extensions.validationErrors);
    return {
      ...base,
      message: issues[0]?.message ?? PUBLIC_MESSAGES.BAD_USER_INPUT,
      extensions: { code: 'BAD_USER_INPUT', issues },
    };
  }

  const code = classify(formatted.extensions?.['code'], original);
  return { ...base, message: PUBLIC_MESSAGES[code], extensions: { code } };
}

/** Maps Apollo's and graphql-js's own codes onto ours; anything unknown is internal. */
function classify(apolloCode: unknown, original: unknown): ErrorCode {
  switch (apolloCode) {
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'BAD_REQUEST':
    case 'BAD_USER_INPUT':
      return apolloCode;
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
    case 'OPERATION_RESOLUTION_FAILURE':
      return 'BAD_REQUEST';
    default:
      return isDatabaseUnavailable(original) ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
  }
}

const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'SQLITE_BUSY',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && UNAVAILABLE_ERRNOS.has(code);
}

function flattenValidationErrors(errors: readonly ValidationError[], prefix = ''): InputIssue[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code,
      message,
    }));

    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
