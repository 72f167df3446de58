/** Where an API token stands: usable, revoked by an administrator, or past its end date. */
export type TokenStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

export const TOKEN_STATUS_LABELS: Readonly<Record<TokenStatus, string>> = {
  ACTIVE: 'Aktif',
  REVOKED: 'Dicabut',
  EXPIRED: 'Kedaluwarsa',
};

/** The longest validity the API accepts, in days (a little over a year). */
export const maximumTokenDays = 366;

export function tokenStatus(
  token: { readonly revokedAt?: string | null; readonly expiresAt: string },
  now: Date = new Date(),
): TokenStatus {
  if (token.revokedAt) {
    return 'REVOKED';
  }

  return new Date(token.expiresAt).getTime() <= now.getTime() ? 'EXPIRED' : 'ACTIVE';
}
