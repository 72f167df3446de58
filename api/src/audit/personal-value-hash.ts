import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a personal value (an NIK, an attempted username) for audit details and
 * lookup records: equal values give equal hashes, so repeated lookups of one NIK can be
 * counted and a voter's trail found, but without the key the hash cannot be turned back into
 * the number by trying all 10^16 of them.
 */
export function hashPersonalValue(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}
