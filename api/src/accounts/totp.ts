import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238 as every authenticator app does it: HMAC-SHA1, 30-second steps, 6 digits. */
const STEP_SECONDS = 30;
const DIGITS = 6;
const SECRET_BYTES = 20;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new random shared secret (160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** The 30-second step a moment falls in. */
export function totpStepAt(now: Date): number {
  return Math.floor(now.getTime() / 1000 / STEP_SECONDS);
}

/** The code of one step (RFC 4226 dynamic truncation), zero-padded to 6 digits. */
export function totpCode(secret: Buffer, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', secret).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;

  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/**
 * Checks a code against the current step and one step either side (clock drift), never a step
 * at or before `lastUsedStep`: a code that was accepted once cannot be replayed. Returns the
 * matched step, to be stored as the new `lastUsedStep`, or null.
 */
export function matchTotpCode(
  secret: Buffer,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  const candidate = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(candidate)) return null;

  const current = totpStepAt(now);
  let matched: number | null = null;
  // Every window step is computed and compared in constant time, so timing does not tell
  // which step (if any) matched.
  for (const step of [current - 1, current, current + 1]) {
    const isMatch = timingSafeEqual(Buffer.from(totpCode(secret, step)), Buffer.from(candidate));
    if (isMatch && (lastUsedStep === null || step > lastUsedStep)) matched ??= step;
  }

  return matched;
}

/** RFC 4648 base32 without padding, as authenticator apps expect. */
export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += BASE32_ALPHABET[(value << (5 - bits)) & 31];

  return output;
}

/**
 * The otpauth URI an authenticator app reads from the QR code. The label names the office and
 * the account so staff with several accounts can tell them apart.
 */
export function otpauthUri(secret: Buffer, issuer: string, username: string): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  const parameters = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(DIGITS),
    period: String(STEP_SECONDS),
  });

  return `otpauth://totp/${label}?${parameters.toString()}`;
}
