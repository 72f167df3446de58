// RFC 6238 time-based one-time passwords, as an authenticator app computes them: HMAC-SHA1 over
// the number of 30-second steps since the Unix epoch, dynamically truncated to 6 digits. Only
// the journeys use it, to stand in for the phone.
import { createHmac } from 'node:crypto';

const stepSeconds = 30;
const digits = 6;
const base32Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32 (the form authenticator apps take); spaces and padding are ignored. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;

  for (const character of clean) {
    const value = base32Alphabet.indexOf(character);
    if (value === -1) {
      throw new Error(`Not a base32 character: ${character}`);
    }
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }

  return Buffer.from(bytes);
}

/** The 30-second step a moment falls in. */
export function totpStep(at: Date = new Date()): number {
  return Math.floor(at.getTime() / 1000 / stepSeconds);
}

/** The 6-digit code of a base32 secret for one step. */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();

  // Dynamic truncation: the low nibble of the last byte picks four bytes, top bit cleared.
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;

  return String(binary % 10 ** digits).padStart(digits, '0');
}
