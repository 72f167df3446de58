// Masking of NIKs and NKKs wherever a full number must not be shown: the public Cek NIK answer
// (§4.1), the MASKED export profile (§4.6) and staff without full-data rights (§6.1).

import { normalizeIdNumber } from '../nik/id-number.js';

const ID_NUMBER_LENGTH = 16;

/** How much of a 16-digit number stays readable. */
export interface MaskPolicy {
  /** How many leading digits stay visible, 0–16; the rest become '*'. */
  visibleDigits: number;
}

/** The named policies: the last 6 digits starred (the default), or the last 4. */
export const MASK_POLICIES = {
  last6: { visibleDigits: 10 },
  last4: { visibleDigits: 12 },
} as const satisfies Record<string, MaskPolicy>;

export type MaskPolicyName = keyof typeof MASK_POLICIES;

export const DEFAULT_MASK_POLICY: MaskPolicy = MASK_POLICIES.last6;

/**
 * Reads a policy from configuration: 'last6', 'last4', or a whole number 0–16 of visible
 * digits. Throws a RangeError otherwise, so a typo in the settings stops the start-up instead
 * of silently showing more digits than intended.
 */
export function parseMaskPolicy(value: string): MaskPolicy {
  const text = value.trim();
  if (text === 'last6' || text === 'last4') {
    return MASK_POLICIES[text];
  }

  if (/^[0-9]{1,2}$/.test(text)) {
    const visibleDigits = Number(text);
    if (visibleDigits <= ID_NUMBER_LENGTH) {
      return { visibleDigits };
    }
  }

  throw new RangeError(
    `Mask policy must be 'last6', 'last4' or a whole number of visible digits from 0 to 16`,
  );
}

/**
 * Masks an NIK or NKK: normalises it, keeps the policy's leading digits and stars the rest,
 * for example '3175014512******'. Any input is masked the same way, so a malformed value can
 * never reveal more characters than the policy allows.
 */
export function maskNik(nik: string, policy: MaskPolicy = DEFAULT_MASK_POLICY): string {
  const { visibleDigits } = policy;
  if (!Number.isInteger(visibleDigits) || visibleDigits < 0 || visibleDigits > ID_NUMBER_LENGTH) {
    throw new RangeError('A mask policy shows a whole number of digits from 0 to 16');
  }

  // Iterate code points, so that a pasted emoji is starred as one character, not two halves.
  const characters = Array.from(normalizeIdNumber(nik));

  return characters.map((character, index) => (index < visibleDigits ? character : '*')).join('');
}

/**
 * Masks a person's name to the initial of each word, with the word lengths hidden too, e.g.
 * 'SITI AMINAH' → 'S*** A***', so that a masked list still lets staff without
 * full-data rights tell records apart by initials without reading the name.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/u)
    .filter((word) => word.length > 0)
    .map((word) => `${Array.from(word)[0] ?? ''}***`)
    .join(' ');
}
