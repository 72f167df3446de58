import { expect, it } from 'vitest';

import {
  isRegistrationRejectionReason,
  isRegistrationStage,
  REGISTRATION_REJECTION_REASON_CODES,
  REGISTRATION_REJECTION_REASONS,
  REGISTRATION_STAGE_CODES,
  REGISTRATION_STAGES,
} from '../src/index.js';

it('lists the four stages in workflow order, two of them final', () => {
  expect(
    REGISTRATION_STAGE_CODES.map((stage) => [
      stage,
      REGISTRATION_STAGES[stage].label,
      REGISTRATION_STAGES[stage].isFinal,
    ]),
  ).toEqual([
    ['DIAJUKAN', 'Diajukan', false],
    ['DIVERIFIKASI', 'Diverifikasi', false],
    ['DITERIMA', 'Diterima', true],
    ['DITOLAK', 'Ditolak', true],
  ]);
});

it('explains each stage to the citizen in exactly one sentence', () => {
  const explanations = REGISTRATION_STAGE_CODES.map(
    (stage) => REGISTRATION_STAGES[stage].explanation,
  );

  expect(explanations.filter((text) => /^[A-Z][^.]*[^.\s]\.$/.test(text))).toEqual(explanations);
  expect(new Set(explanations).size).toBe(REGISTRATION_STAGE_CODES.length);
});

it('has the closed list of rejection reasons, each with its own label', () => {
  const labels = REGISTRATION_REJECTION_REASON_CODES.map(
    (reason) => REGISTRATION_REJECTION_REASONS[reason],
  );

  expect(REGISTRATION_REJECTION_REASON_CODES).toEqual([
    'DOKUMEN_TIDAK_TERBACA',
    'DATA_TIDAK_SESUAI_DOKUMEN',
    'BUKAN_PENDUDUK',
    'BELUM_MEMENUHI_USIA',
    'SUDAH_TERDAFTAR',
    'WNA',
    'TNI_POLRI',
    'HAK_PILIH_DICABUT',
    'LAINNYA',
  ]);
  expect(Object.keys(REGISTRATION_REJECTION_REASONS)).toEqual([
    ...REGISTRATION_REJECTION_REASON_CODES,
  ]);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels.every((label) => label.trim().length > 0)).toBe(true);
});

it('recognises stage and reason codes from a database row or request, and nothing else', () => {
  expect(
    ['DIAJUKAN', 'DITOLAK', 'diajukan', 'AKTIF', '', null, undefined, 1].map(isRegistrationStage),
  ).toEqual([true, true, false, false, false, false, false, false]);
  expect(
    ['WNA', 'LAINNYA', 'wna', 'MENINGGAL', 'DIAJUKAN', '', null].map(isRegistrationRejectionReason),
  ).toEqual([true, true, false, false, false, false, false]);
});
