import { expect, it } from 'vitest';

import { ageOn, checkEligibility, isPemilihPemula, MINIMUM_VOTING_AGE } from '../src/index.js';

const underAge = {
  code: 'DI_BAWAH_UMUR',
  message: 'Belum berumur 17 tahun dan belum pernah kawin pada tanggal acuan',
};

it('counts whole years, a birthday reached on the day itself', () => {
  expect([
    ageOn('2008-06-30', '2025-06-29'),
    ageOn('2008-06-30', '2025-06-30'),
    ageOn('2008-06-30', '2026-06-29'),
    ageOn('2008-06-30', '2008-06-30'),
  ]).toEqual([16, 17, 17, 0]);
});

it('counts a 29 February birthday as reached on 1 March in common years', () => {
  expect([
    ageOn('2008-02-29', '2025-02-28'),
    ageOn('2008-02-29', '2025-03-01'),
    ageOn('2008-02-29', '2024-02-28'),
    ageOn('2008-02-29', '2024-02-29'),
  ]).toEqual([16, 17, 15, 16]);
});

it('refuses an age before birth or on a malformed date', () => {
  expect(() => ageOn('2008-06-30', '2008-06-29')).toThrow(RangeError);
  expect(() => ageOn('2008-06-31', '2025-06-30')).toThrow(RangeError);
});

it('makes someone eligible on the reference date that is their 17th birthday', () => {
  expect(checkEligibility({ birthDate: '2008-06-30', maritalStatus: 'B' }, '2025-06-30')).toEqual({
    eligible: true,
    age: MINIMUM_VOTING_AGE,
    problems: [],
  });
});

it('leaves an unmarried person ineligible on the day before their 17th birthday', () => {
  expect(checkEligibility({ birthDate: '2008-07-01', maritalStatus: 'B' }, '2025-06-30')).toEqual({
    eligible: false,
    age: 16,
    problems: [underAge],
  });
});

it('makes a married or once-married 16-year-old eligible', () => {
  expect(
    (['S', 'P'] as const).map((maritalStatus) =>
      checkEligibility({ birthDate: '2009-01-01', maritalStatus }, '2025-06-30'),
    ),
  ).toEqual([
    { eligible: true, age: 16, problems: [] },
    { eligible: true, age: 16, problems: [] },
  ]);
});

it('turns 17 on 1 March for a leap-day birth in a common year', () => {
  expect([
    checkEligibility({ birthDate: '2008-02-29', maritalStatus: 'B' }, '2025-02-28'),
    checkEligibility({ birthDate: '2008-02-29', maritalStatus: 'B' }, '2025-03-01'),
  ]).toEqual([
    { eligible: false, age: 16, problems: [underAge] },
    { eligible: true, age: 17, problems: [] },
  ]);
});

it('lists every other reason a person may not vote', () => {
  expect(
    checkEligibility(
      {
        birthDate: '1990-01-01',
        maritalStatus: 'S',
        isCitizen: false,
        isActiveTniPolri: true,
        isVotingRightRevoked: true,
      },
      '2025-06-30',
    ),
  ).toEqual({
    eligible: false,
    age: 35,
    problems: [
      { code: 'WNA', message: 'Warga negara asing tidak mempunyai hak pilih' },
      { code: 'TNI_POLRI', message: 'Anggota TNI/Polri aktif tidak menggunakan hak pilih' },
      { code: 'HAK_PILIH_DICABUT', message: 'Hak pilih dicabut berdasarkan putusan pengadilan' },
    ],
  });
});

it('treats the optional conditions as met when they are left out or false', () => {
  expect(
    checkEligibility(
      {
        birthDate: '1990-01-01',
        maritalStatus: 'B',
        isCitizen: true,
        isActiveTniPolri: false,
        isVotingRightRevoked: false,
      },
      '2025-06-30',
    ),
  ).toEqual({ eligible: true, age: 35, problems: [] });
});

it('reports a birth date after the reference date instead of computing a negative age', () => {
  expect(checkEligibility({ birthDate: '2025-07-01', maritalStatus: 'B' }, '2025-06-30')).toEqual({
    eligible: false,
    age: 0,
    problems: [
      {
        code: 'BIRTH_DATE_AFTER_REFERENCE',
        message: 'Tanggal lahir tidak boleh setelah tanggal acuan',
      },
    ],
  });
});

it('marks as pemilih pemula who is under 17 at collection and 17 by polling day', () => {
  const collectionDate = '2025-06-30';
  const pollingDate = '2026-02-14';

  expect(
    ['2009-01-01', '2009-02-14', '2009-02-15', '2008-06-30', '2008-07-01'].map((birthDate) =>
      isPemilihPemula(birthDate, collectionDate, pollingDate),
    ),
  ).toEqual([true, true, false, false, true]);
});
