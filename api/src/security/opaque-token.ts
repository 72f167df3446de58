import { createHash, randomBytes } from 'node:crypto';

/** Prefix of API tokens, so a leaked one is recognisable in a secret scanner or a paste. */
export const API_TOKEN_PREFIX = 'kbr_';

/** 32 bytes from the CSPRNG, base64url: what the client holds. */
export function newOpaqueToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What the server stores and looks up: SHA-256 hex. A fast hash suffices for 256 random bits. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
