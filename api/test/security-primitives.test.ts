import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';

import { PasswordHasher } from '../src/accounts/password-hasher.js';
import { newTemporaryPassword, passwordIssues } from '../src/accounts/password-policy.js';
import { open, seal } from '../src/security/sealed-box.js';
import { createSecretKeys } from '../src/security/secret-keys.js';

const key = randomBytes(32);

it('opens a sealed value only with the same key and context', () => {
  const sealed = seal(key, Buffer.from('rahasia'), 'account:1:totp');

  expect(open(key, sealed, 'account:1:totp').toString()).toBe('rahasia');
  expect(() => open(key, sealed, 'account:2:totp')).toThrow();
  expect(() => open(randomBytes(32), sealed, 'account:1:totp')).toThrow();
});

it('refuses a sealed value whose ciphertext was altered', () => {
  const [version, iv, tag, ciphertext = ''] = seal(key, Buffer.from('rahasia'), 'c').split('.');
  const flipped = Buffer.from(ciphertext, 'base64url');
  flipped[0] = (flipped[0] ?? 0) ^ 1;

  expect(() =>
    open(key, [version, iv, tag, flipped.toString('base64url')].join('.'), 'c'),
  ).toThrow();
});

it('derives a different key for each purpose from one master secret', () => {
  const keys = createSecretKeys(randomBytes(32));
  const derived = [keys.keyFor('audit-chain'), keys.keyFor('nik-hash'), keys.keyFor('totp-secret')];

  expect(new Set(derived.map((item) => item.toString('hex'))).size).toBe(3);
  expect(keys.keyFor('audit-chain').equals(derived[0] ?? Buffer.alloc(0))).toBe(true);
});

it('hashes with argon2id at the OWASP minimum and verifies', async () => {
  const hasher = new PasswordHasher(2);
  const hash = await hasher.hash('kata-sandi-yang-panjang');

  expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  expect([
    await hasher.verify(hash, 'kata-sandi-yang-panjang'),
    await hasher.verify(hash, 'kata-sandi-yang-salah'),
    await hasher.verify('not-a-hash', 'x'),
    await hasher.verifyAgainstNothing('apa saja'),
  ]).toEqual([true, false, false, false]);
});

it('sheds a hashing flood beyond its queue with RATE_LIMITED instead of holding it in memory', async () => {
  const hasher = new PasswordHasher(1);
  const results = await Promise.allSettled(
    Array.from({ length: 30 }, () => hasher.hash('kata-sandi-yang-panjang')),
  );
  const refused = results.filter(
    (result) =>
      result.status === 'rejected' &&
      (result.reason as { extensions?: { code?: string } }).extensions?.code === 'RATE_LIMITED',
  );

  // One running, 16 waiting (QUEUE_PER_SLOT × 1), the other 13 refused at once.
  expect([results.length - refused.length, refused.length]).toEqual([17, 13]);
});

it('requires 12 characters, no username inside and some variety in a new password', () => {
  expect([
    passwordIssues('pendek', 'budi').map((issue) => issue.message),
    passwordIssues('budi-suka-kopi-pagi', 'budi').map((issue) => issue.message),
    passwordIssues('aaaaaaaaaaaaaaa', 'budi').map((issue) => issue.message),
    passwordIssues('kopi tubruk di pagi hari', 'budi'),
  ]).toEqual([
    ['Kata sandi minimal 12 karakter'],
    ['Kata sandi tidak boleh memuat nama pengguna'],
    ['Kata sandi terlalu mudah ditebak'],
    [],
  ]);
});

it('hands out temporary passwords in four groups of four unambiguous characters', () => {
  const passwords = Array.from({ length: 50 }, newTemporaryPassword);

  expect(
    passwords.every((password) => /^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/.test(password)),
  ).toBe(true);
  expect(new Set(passwords).size).toBe(50);
});
