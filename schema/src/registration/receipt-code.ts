// The receipt code a citizen gets after registering (DESIGN §4.2): 10 random symbols of
// Crockford base32 (50 bits) and one Crockford check symbol. Crockford's alphabet leaves out
// I, L, O and U, so what is read aloud or copied from paper is hard to get wrong, and the
// check symbol (the value mod 37, a prime) catches every single wrong symbol and every swap
// of two neighbours before a lookup is spent on the rate limit.

// cspell:ignore ABCDEFGHJKMNPQRSTVWXYZ

import { type DomainIssue, type Parsed } from '../result.js';

/** The 32 symbols of the random part, each worth its index. */
export const CROCKFORD_SYMBOLS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** The 37 check symbols: the 32 above, then `*~$=U` for the values 32–36. */
export const CROCKFORD_CHECK_SYMBOLS = `${CROCKFORD_SYMBOLS}*~$=U`;

/** Random symbols in a code; 10 × 5 bits = 50 bits, plenty against guessing under a rate limit. */
export const RECEIPT_CODE_RANDOM_LENGTH = 10;
/** Symbols in a normalised code: the random part and the check symbol. */
export const RECEIPT_CODE_LENGTH = RECEIPT_CODE_RANDOM_LENGTH + 1;
/** Random bytes receiptCodeFromBytes needs: 7 bytes hold the 50 bits. */
export const RECEIPT_CODE_RANDOM_BYTES = 7;

export type ReceiptCodeErrorCode = 'RECEIPT_CODE_FORMAT' | 'RECEIPT_CODE_CHECK';

/**
 * Makes a receipt code from random bytes. Pure: the caller passes bytes from a CSPRNG
 * (`crypto.getRandomValues(new Uint8Array(RECEIPT_CODE_RANDOM_BYTES))`); the first 50 bits
 * are used. Throws a RangeError when fewer than 7 bytes are given.
 */
export function receiptCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECEIPT_CODE_RANDOM_BYTES) {
    throw new RangeError(`A receipt code needs at least ${RECEIPT_CODE_RANDOM_BYTES} random bytes`);
  }

  // Read the bytes as a bit string, five bits a symbol, most significant first.
  let symbols = '';
  let buffer = 0;
  let bufferedBits = 0;
  for (const byte of bytes.subarray(0, RECEIPT_CODE_RANDOM_BYTES)) {
    buffer = (buffer << 8) | byte;
    bufferedBits += 8;
    while (bufferedBits >= 5 && symbols.length < RECEIPT_CODE_RANDOM_LENGTH) {
      bufferedBits -= 5;
      symbols += symbolAt((buffer >> bufferedBits) & 0b11111);
    }
    buffer &= (1 << bufferedBits) - 1;
  }

  return symbols + checkSymbolOf(symbols);
}

/**
 * Reads a receipt code as a person types it: case, spaces and hyphens do not matter, and the
 * letters mistaken for digits, O (→ 0) and I, L (→ 1), are read as Crockford prescribes. Returns the normalised
 * 11-symbol code, or an error that says what to fix; never echoes the input.
 */
export function parseReceiptCode(text: string): Parsed<string> {
  const code = normalizeReceiptCode(typeof text === 'string' ? text : '');
  const randomPart = code.slice(0, RECEIPT_CODE_RANDOM_LENGTH);
  const check = code.slice(RECEIPT_CODE_RANDOM_LENGTH);

  if (code.length !== RECEIPT_CODE_LENGTH) {
    return failure(
      'RECEIPT_CODE_FORMAT',
      `Kode tanda terima terdiri dari ${RECEIPT_CODE_LENGTH} karakter, ` +
        'misalnya 1A2B3-C4D5E-F; salin lengkap dari tanda terima Anda',
    );
  }
  const isWellFormed =
    [...randomPart].every((symbol) => CROCKFORD_SYMBOLS.includes(symbol)) &&
    CROCKFORD_CHECK_SYMBOLS.includes(check);
  if (!isWellFormed) {
    return failure(
      'RECEIPT_CODE_FORMAT',
      'Kode tanda terima hanya berisi angka dan huruf (tanpa I, L, O, U); ' +
        'karakter terakhir boleh juga * ~ $ = atau U',
    );
  }
  if (check !== checkSymbolOf(randomPart)) {
    return failure(
      'RECEIPT_CODE_CHECK',
      'Kode tanda terima tidak cocok dengan karakter pemeriksanya; ' +
        'periksa kembali setiap karakter, mungkin ada yang salah ketik',
    );
  }

  return { ok: true, value: code, warnings: [] };
}

/** Shows a normalised code in three groups for reading and printing: `XXXXX-XXXXX-C`. */
export function formatReceiptCode(code: string): string {
  if (code.length !== RECEIPT_CODE_LENGTH) {
    throw new RangeError(`A normalised receipt code has ${RECEIPT_CODE_LENGTH} symbols`);
  }

  return `${code.slice(0, 5)}-${code.slice(5, 10)}-${code.slice(10)}`;
}

/** The Crockford check symbol of a string of base32 symbols: its value mod 37. */
export function checkSymbolOf(symbols: string): string {
  // Horner's rule, reduced at every step so the number stays small.
  let remainder = 0;
  for (const symbol of symbols) {
    const value = CROCKFORD_SYMBOLS.indexOf(symbol);
    if (value === -1) {
      throw new RangeError('Not a Crockford base32 symbol');
    }
    remainder = (remainder * 32 + value) % 37;
  }

  return CROCKFORD_CHECK_SYMBOLS.charAt(remainder);
}

function normalizeReceiptCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replaceAll('O', '0')
    .replace(/[IL]/g, '1');
}

function symbolAt(value: number): string {
  return CROCKFORD_SYMBOLS.charAt(value);
}

function failure(code: ReceiptCodeErrorCode, message: string): Parsed<string> {
  const error: DomainIssue<ReceiptCodeErrorCode> = { code, message };

  return { ok: false, error };
}
