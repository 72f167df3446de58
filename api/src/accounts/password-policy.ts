import { randomInt } from 'node:crypto';
import { passwordProblems } from '@kaliber/schema';

import type { InputIssue } from '../errors/format-error.js';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@kaliber/schema';

/**
 * The shared password rules as input issues of the field `field`, so the console can show each
 * message under its input.
 */
export function passwordIssues(
  password: string,
  username: string,
  field = 'newPassword',
): InputIssue[] {
  return passwordProblems(password, username).map((message) => ({
    field,
    code: 'weakPassword',
    message,
  }));
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
