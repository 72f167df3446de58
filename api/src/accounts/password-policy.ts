import { randomInt } from 'node:crypto';

import type { InputIssue } from '../errors/format-error.js';

/** NIST SP 800-63B: length over composition rules; a ceiling keeps argon2 input bounded. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Problems with a new password, in Indonesian, or none. `field` names the input field, so
 * the console can show the message under it.
 */
export function passwordIssues(
  password: string,
  username: string,
  field = 'newPassword',
): InputIssue[] {
  const length = Array.from(password).length;
  const issues: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) {
    issues.push(`Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    issues.push(`Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter`);
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    issues.push('Kata sandi tidak boleh memuat nama pengguna');
  }
  if (length > 0 && new Set(password).size < 4) {
    issues.push('Kata sandi terlalu mudah ditebak');
  }

  return issues.map((message) => ({ field, code: 'weakPassword', message }));
}

/** Letters and digits that are not confused when read aloud or copied by hand (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password handed to a new or reset account: 4 groups of 4, about 79 bits. */
export function newTemporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(
      '',
    ),
  );

  return groups.join('-');
}
