import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * The `extensions.code` values the console reacts to. The API's closed list is larger; any
 * other code is shown through its (Indonesian) message like an OTHER failure.
 */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'INVALID_CREDENTIALS'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** A public request without a valid ALTCHA proof of work: solve a new challenge and resend. */
  | 'PROOF_OF_WORK_FAILED'
  /** No GraphQL answer at all: the server could not be reached or answered garbage. */
  | 'NETWORK'
  | 'OTHER';

/** One field-level problem of an input, as the API words it (Indonesian, never the value). */
export interface InputIssue {
  readonly field: string;
  readonly message: string;
}

/** An expected failure of an API call, reduced to what a page shows. */
export interface ApiFailure {
  readonly code: ApiErrorCode;
  /** Indonesian text fit for the person at the screen. */
  readonly message: string;
  readonly issues: readonly InputIssue[];
  /** For RATE_LIMITED: how long to wait before trying again. */
  readonly retryAfterSeconds: number | null;
}

const HANDLED_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'NOT_FOUND',
  'CONFLICT',
  'PROOF_OF_WORK_FAILED',
]);

const NETWORK_MESSAGE =
  'Server Kaliber tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.';

/**
 * Reads the first GraphQL error of a failed call. The API masks every message at its edge, so
 * the text is safe to show as it is; only a missing answer gets the console's own wording.
 */
export function toApiFailure(error: unknown): ApiFailure {
  if (!CombinedGraphQLErrors.is(error) || error.errors.length === 0) {
    return { code: 'NETWORK', message: NETWORK_MESSAGE, issues: [], retryAfterSeconds: null };
  }

  const [first] = error.errors;
  const extensions = first?.extensions ?? {};
  const rawCode = extensions['code'];
  const code = typeof rawCode === 'string' && HANDLED_CODES.has(rawCode) ? rawCode : 'OTHER';

  return {
    code: code as ApiErrorCode,
    message: first?.message ?? 'Terjadi kesalahan pada server',
    issues: readIssues(extensions['issues']),
    retryAfterSeconds: readSeconds(extensions['retryAfterSeconds']),
  };
}

/** Whether a failed call means the session is gone (expired, revoked, or never existed). */
export function isUnauthenticated(error: unknown): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((graphqlError) => graphqlError.extensions?.['code'] === 'UNAUTHENTICATED')
  );
}

/** "45 detik", "2 menit", "2 menit 5 detik": a wait time as a person reads it. */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;

  if (minutes === 0) {
    return `${rest} detik`;
  }

  return rest === 0 ? `${minutes} menit` : `${minutes} menit ${rest} detik`;
}

function readIssues(value: unknown): InputIssue[] {
  if (!Array.isArray(value)) {
    return [];
  }

  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { field, message } = item as Record<string, unknown>;

    return typeof field === 'string' && typeof message === 'string' ? [{ field, message }] : [];
  });
}

function readSeconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}
