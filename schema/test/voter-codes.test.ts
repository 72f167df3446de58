import { expect, it } from 'vitest';

import {
  DISABILITIES,
  DISABILITY_LABELS,
  isDisability,
  isKtpElStatus,
  isMaritalStatus,
  isSex,
  isTmsReason,
  isVoterSource,
  isVoterStatus,
  KTP_EL_STATUS_LABELS,
  MARITAL_STATUS_LABELS,
  SEX_LABELS,
  TMS_REASON_CODES,
  TMS_REASONS,
  VOTER_SOURCE_LABELS,
  VOTER_STATUS_LABELS,
} from '../src/index.js';

it('labels every code of the closed voter lists in Indonesian', () => {
  expect([
    SEX_LABELS,
    MARITAL_STATUS_LABELS,
    KTP_EL_STATUS_LABELS,
    VOTER_STATUS_LABELS,
    VOTER_SOURCE_LABELS,
  ]).toEqual([
    { L: 'Laki-laki', P: 'Perempuan' },
    { B: 'Belum kawin', S: 'Kawin', P: 'Pernah kawin' },
    { S: 'Sudah memiliki KTP-el', B: 'Belum memiliki KTP-el' },
    { AKTIF: 'Aktif', TMS: 'Tidak memenuhi syarat' },
    { IMPORT: 'Impor daftar pemilih', REGISTRATION: 'Registrasi pemilih', REVISION: 'Revisi data' },
  ]);
});

it('labels the seven disability codes of the official list', () => {
  expect(DISABILITIES.map((code) => DISABILITY_LABELS[code])).toEqual([
    'Tidak ada',
    'Disabilitas fisik',
    'Disabilitas intelektual',
    'Disabilitas mental',
    'Disabilitas sensorik wicara',
    'Disabilitas sensorik rungu',
    'Disabilitas sensorik netra',
  ]);
});

it('recognises only the listed codes, exactly as written', () => {
  expect([
    [isSex('L'), isSex('l'), isSex('W')],
    [isMaritalStatus('P'), isMaritalStatus('K')],
    [isDisability(6), isDisability('1'), isDisability(7)],
    [isKtpElStatus('B'), isKtpElStatus('Y')],
    [isVoterStatus('TMS'), isVoterStatus('AKTIF '), isVoterSource('IMPORT'), isVoterSource('')],
  ]).toEqual([
    [true, false, false],
    [true, false],
    [true, false, false],
    [true, false],
    [true, false, true, false],
  ]);
});

it('carries the Sidalih code of each TMS reason where one exists', () => {
  expect(TMS_REASON_CODES.map((reason) => [reason, TMS_REASONS[reason].sidalihCode])).toEqual([
    ['MENINGGAL', 1],
    ['GANDA', 2],
    ['DI_BAWAH_UMUR', 3],
    ['PINDAH_DOMISILI', 4],
    ['TIDAK_DIKENAL', 5],
    ['TNI', 6],
    ['POLRI', 7],
    ['HAK_PILIH_DICABUT', null],
    ['BUKAN_PENDUDUK', null],
    ['BELUM_KTP_EL', null],
    ['WNA', null],
  ]);
});

it('expects a death certificate as evidence for MENINGGAL', () => {
  expect(TMS_REASONS.MENINGGAL).toEqual({
    sidalihCode: 1,
    label: 'Meninggal dunia',
    evidence: 'Akta kematian atau surat keterangan kematian',
  });
});

it('gives every TMS reason a label and an expected evidence', () => {
  const incomplete = TMS_REASON_CODES.filter(
    (reason) => TMS_REASONS[reason].label === '' || TMS_REASONS[reason].evidence === '',
  );

  expect([incomplete, Object.keys(TMS_REASONS)]).toEqual([[], [...TMS_REASON_CODES]]);
});

it('recognises TMS reasons and nothing else', () => {
  expect(['GANDA', 'WNA', 'ganda', 'PINDAH', 1, null].map(isTmsReason)).toEqual([
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
});
