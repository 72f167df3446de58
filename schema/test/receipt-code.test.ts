// cspell:ignore HMASW HMÄSW

import fc from 'fast-check';
import { expect, it } from 'vitest';

import {
  CROCKFORD_CHECK_SYMBOLS,
  CROCKFORD_SYMBOLS,
  formatReceiptCode,
  parseReceiptCode,
  receiptCodeFromBytes,
} from '../src/index.js';

const randomBytes = fc.uint8Array({ minLength: 7, maxLength: 16 });
const receiptCode = randomBytes.map(receiptCodeFromBytes);

// An independent reading of the spec: the first 56 bits as one number, the top 50 of them in
// base 32, and the whole 50-bit value mod 37 as the check symbol.
function referenceCode(bytes: Uint8Array): string {
  const first56 = [...bytes.subarray(0, 7)].reduce((sum, byte) => sum * 256n + BigInt(byte), 0n);
  const value = first56 >> 6n;
  const digits = Array.from({ length: 10 }, (_, index) =>
    CROCKFORD_SYMBOLS.charAt(Number((value >> BigInt(5 * (9 - index))) & 31n)),
  );

  return digits.join('') + CROCKFORD_CHECK_SYMBOLS.charAt(Number(value % 37n));
}

it('makes codes from the first 50 bits of the random bytes, with the mod-37 check symbol', () => {
  expect([
    receiptCodeFromBytes(new Uint8Array(7)),
    receiptCodeFromBytes(new Uint8Array(7).fill(0xff)),
    receiptCodeFromBytes(Uint8Array.of(0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef)),
  ]).toEqual(['00000000000', 'ZZZZZZZZZZX', '04HMASW9NF6']);
});

it('agrees with a BigInt reading of the bytes for any random input', () => {
  fc.assert(
    fc.property(randomBytes, (bytes) => {
      expect(receiptCodeFromBytes(bytes)).toBe(referenceCode(bytes));
    }),
  );
});

it('refuses fewer than 7 random bytes', () => {
  expect(() => receiptCodeFromBytes(new Uint8Array(6))).toThrow(RangeError);
});

it('parses every code it makes back to itself, also as displayed', () => {
  fc.assert(
    fc.property(receiptCode, (code) => {
      const expected = { ok: true, value: code, warnings: [] };

      expect([parseReceiptCode(code), parseReceiptCode(formatReceiptCode(code))]).toEqual([
        expected,
        expected,
      ]);
    }),
  );
});

it('reads lower case, spaces, hyphens and O, I and L for digits as typed on a phone', () => {
  // 04HMASW9NF6 typed with O for 0; then a code of ones typed as l, L, i and I.
  expect(parseReceiptCode(' o4hma-sw9nf - 6 ')).toEqual({
    ok: true,
    value: '04HMASW9NF6',
    warnings: [],
  });
  const withOnes = receiptCodeFromBytes(Uint8Array.of(0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42));
  expect(withOnes).toBe('1111111111T');
  expect(parseReceiptCode('lIli1-LiIl1-t')).toEqual({ ok: true, value: withOnes, warnings: [] });
});

it('says how long a code is when it is too short, too long or empty', () => {
  const wrongLength = {
    ok: false,
    error: {
      code: 'RECEIPT_CODE_FORMAT',
      message:
        'Kode tanda terima terdiri dari 11 karakter, misalnya 1A2B3-C4D5E-F; ' +
        'salin lengkap dari tanda terima Anda',
    },
  };

  expect(['04HMASW9NF', '04HMASW9NF6Z', '', ' - '].map(parseReceiptCode)).toEqual([
    wrongLength,
    wrongLength,
    wrongLength,
    wrongLength,
  ]);
});

it('refuses symbols outside the alphabet, and check-only symbols in the random part', () => {
  const badSymbols = {
    ok: false,
    error: {
      code: 'RECEIPT_CODE_FORMAT',
      message:
        'Kode tanda terima hanya berisi angka dan huruf (tanpa I, L, O, U); ' +
        'karakter terakhir boleh juga * ~ $ = atau U',
    },
  };

  expect(
    ['U4HMASW9NF6', '04HMA*W9NF6', '04HMASW9NF#', '04HMÄSW9NF6'].map(parseReceiptCode),
  ).toEqual([badSymbols, badSymbols, badSymbols, badSymbols]);
});

it('catches every single wrong symbol, in the random part and in the check symbol', () => {
  fc.assert(
    fc.property(receiptCode, (code) => {
      for (let position = 0; position < code.length; position += 1) {
        const alphabet = position === 10 ? CROCKFORD_CHECK_SYMBOLS : CROCKFORD_SYMBOLS;
        for (const symbol of alphabet) {
          if (symbol !== code[position]) {
            const typo = code.slice(0, position) + symbol + code.slice(position + 1);
            expect(parseReceiptCode(typo)).toMatchObject({
              ok: false,
              error: { code: 'RECEIPT_CODE_CHECK' },
            });
          }
        }
      }
    }),
    { numRuns: 50 },
  );
});

it('catches every swap of two different neighbouring symbols, the check symbol included', () => {
  fc.assert(
    fc.property(receiptCode, (code) => {
      for (let position = 0; position + 1 < code.length; position += 1) {
        const [left, right] = [code.charAt(position), code.charAt(position + 1)];
        if (left !== right) {
          const swapped = code.slice(0, position) + right + left + code.slice(position + 2);
          expect(parseReceiptCode(swapped).ok).toBe(false);
        }
      }
    }),
  );
});

it('explains a mistyped code without echoing it', () => {
  expect(parseReceiptCode('04HMASW9NF7')).toEqual({
    ok: false,
    error: {
      code: 'RECEIPT_CODE_CHECK',
      message:
        'Kode tanda terima tidak cocok dengan karakter pemeriksanya; ' +
        'periksa kembali setiap karakter, mungkin ada yang salah ketik',
    },
  });
});

it('formats a code in groups of five for display and refuses anything but a normalised code', () => {
  expect(formatReceiptCode('04HMASW9NF6')).toBe('04HMA-SW9NF-6');
  expect(() => formatReceiptCode('04HMA-SW9NF-6')).toThrow(RangeError);
});

it('does not throw on input that is not a string', () => {
  expect(parseReceiptCode(undefined as unknown as string).ok).toBe(false);
});
