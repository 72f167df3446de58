import { expect, it } from 'vitest';

import {
  API_TOKEN_ROLES,
  isRole,
  passwordProblems,
  PERSONAL_DATA_POLICY,
  PERSONAL_FIELDS,
  ROLES,
} from '../src/index.js';

it('asks for 12 characters, no username inside and some variety in a password', () => {
  expect([
    passwordProblems('pendek', 'budi'),
    passwordProblems('budi-suka-kopi-pagi', 'BUDI'),
    passwordProblems('ab'.repeat(8), 'budi'),
    passwordProblems('x'.repeat(129) + 'yzw', 'budi'),
    passwordProblems('kopi tubruk di pagi hari', 'budi'),
  ]).toEqual([
    ['Kata sandi minimal 12 karakter'],
    ['Kata sandi tidak boleh memuat nama pengguna'],
    ['Kata sandi terlalu mudah ditebak'],
    ['Kata sandi maksimal 128 karakter'],
    [],
  ]);
});

it('recognises exactly the six roles, two of which may hold API tokens', () => {
  expect([ROLES.filter(isRole).length, isRole('admin'), isRole('RAJA'), API_TOKEN_ROLES]).toEqual([
    6,
    false,
    false,
    ['PROVINSI', 'BAWASLU'],
  ]);
});

it('never lets PROVINSI, BAWASLU or an anonymous caller see a personal field', () => {
  const outsiders = (['PROVINSI', 'BAWASLU', 'ANONYMOUS'] as const).flatMap((caller) =>
    PERSONAL_FIELDS.map((field) => PERSONAL_DATA_POLICY[caller][field]),
  );

  expect(new Set(outsiders)).toEqual(new Set(['refused']));
});
