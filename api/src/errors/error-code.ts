/**
 * The closed set of `extensions.code` values a client can receive. Programs switch on these;
 * people read the Indonesian message that comes with them.
 */
export const ERROR_CODES = [
  /** The request was not valid GraphQL. */
  'GRAPHQL_PARSE_FAILED',
  /** The request does not fit the schema (unknown field, wrong argument type). */
  'GRAPHQL_VALIDATION_FAILED',
  /** The HTTP request itself is unusable: not JSON, no query, wrong content type. */
  'BAD_REQUEST',
  /** An argument has the right type but a wrong value; details in `extensions.issues`. */
  'BAD_USER_INPUT',
  /** Not signed in, or the session ended. */
  'UNAUTHENTICATED',
  /**
   * Sign-in refused. One code and one message for unknown user, wrong password, wrong second
   * factor, disabled or locked account, so the answer does not tell which.
   */
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'NOT_FOUND',
  /** The target changed since it was read (optimistic locking) or already exists. */
  'CONFLICT',
  'RATE_LIMITED',
  /**
   * A public request came without a valid proof of work (missing, wrong, expired or already
   * used; `extensions.reason` says which): fetch a new challenge and solve it.
   */
  'PROOF_OF_WORK_FAILED',
  /** A dependency (the database) is unreachable; retrying later may succeed. */
  'SERVICE_UNAVAILABLE',
  /** A bug or an unexpected failure; the log has the detail under the correlation id. */
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
