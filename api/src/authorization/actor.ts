import type { Role } from '../accounts/role.js';
import type { SessionKind } from '../accounts/session.entity.js';

/**
 * What a signed-in session may do yet. Forced steps come first: a new or reset account changes
 * its password; then, when second factors are required, it enrols TOTP; only then it works.
 */
export type SessionStage = 'PASSWORD_CHANGE_REQUIRED' | 'TOTP_ENROLMENT_REQUIRED' | 'ACTIVE';

/** The caller of a request, resolved from its session cookie or API token. */
export interface SignedInActor {
  readonly accountId: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** An OPERATOR's kecamatan or kelurahan code; null = whole kota. */
  readonly scopeCode: string | null;
  readonly sessionId: number;
  readonly sessionKind: SessionKind;
  readonly stage: SessionStage;
}

/** Null for anonymous callers. */
export type Actor = SignedInActor | null;
