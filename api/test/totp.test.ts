import { expect, it } from 'vitest';

import {
  base32Encode,
  matchTotpCode,
  otpauthUri,
  totpCode,
  totpStepAt,
} from '../src/accounts/totp.js';

// RFC 6238 appendix B, SHA-1 key; the RFC prints 8 digits, authenticator apps use the last 6.
const rfcSecret = Buffer.from('12345678901234567890');

it('produces the RFC 6238 test codes', () => {
  const times = [59, 1_111_111_109, 1_111_111_111, 1_234_567_890, 2_000_000_000];

  expect(times.map((seconds) => totpCode(rfcSecret, totpStepAt(new Date(seconds * 1000))))).toEqual(
    ['287082', '081804', '050471', '005924', '279037'],
  );
});

it('accepts the code of the current step and one step either side, nothing further', () => {
  const now = new Date(1_234_567_890_000);
  const step = totpStepAt(now);
  const codeAt = (offset: number) => totpCode(rfcSecret, step + offset);

  expect(
    [-2, -1, 0, 1, 2].map((offset) => matchTotpCode(rfcSecret, codeAt(offset), now, null)),
  ).toEqual([null, step - 1, step, step + 1, null]);
});

it('refuses a code of a step already used, so an observed code cannot be replayed', () => {
  const now = new Date(1_234_567_890_000);
  const step = totpStepAt(now);
  const code = totpCode(rfcSecret, step);

  expect([
    matchTotpCode(rfcSecret, code, now, step - 1),
    matchTotpCode(rfcSecret, code, now, step),
    matchTotpCode(rfcSecret, totpCode(rfcSecret, step - 1), now, step),
  ]).toEqual([step, null, null]);
});

it('ignores spaces in a typed code and refuses anything but six digits', () => {
  const now = new Date(59_000);

  expect(
    ['287 082', '28708', '2870822', 'abcdef', ''].map((code) =>
      matchTotpCode(rfcSecret, code, now, null),
    ),
  ).toEqual([1, null, null, null, null]);
});

it('encodes the secret in RFC 4648 base32 inside the otpauth URI', () => {
  expect([
    base32Encode(Buffer.from('foobar')),
    otpauthUri(rfcSecret, 'Kaliber KPU', 'admin'),
  ]).toEqual([
    'MZXW6YTBOI',
    'otpauth://totp/Kaliber%20KPU%3Aadmin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kaliber+KPU&algorithm=SHA1&digits=6&period=30',
  ]);
});
