import { buildNik, buildNkk } from '@kaliber/schema';

import type { PublicResponse } from './public-requests.js';
import type { TestServer } from './test-server.js';

export const SUBMIT_REGISTRATION = `mutation Submit($input: RegistrationInput!, $ktp: Upload!, $kk: Upload!) {
  submitRegistration(input: $input, ktp: $ktp, kk: $kk) { receiptCode stage submittedAt }
}`;

export const REGISTRATION_STATUS = `query Status($receiptCode: String!, $nik: String!) {
  registrationStatus(receiptCode: $receiptCode, nik: $nik) { receiptCode stage rejectionReason }
}`;

/** A valid form of a Matraman resident; override fields to make it invalid. */
export function registrationForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    nik: buildNik({ districtCode: '317501', birthDate: '1999-08-17', sex: 'P', serial: 4_321 }),
    nkk: buildNkk({ districtCode: '317501', recordingDate: '2015-03-02', serial: 77 }),
    name: 'Siti Aminah',
    birthPlace: 'Jakarta',
    birthDate: '1999-08-17',
    maritalStatus: 'B',
    sex: 'P',
    address: 'Jl. Pisangan Baru Tengah No. 5',
    rt: '3',
    rw: '7',
    disability: 0,
    ktpElStatus: 'S',
    kelurahanCode: '31.75.01.1001',
    phone: '0812 3456 7890',
    email: null,
    consent: true,
    declaresEligibility: true,
    ...overrides,
  };
}

export interface UploadFile {
  bytes: Buffer;
  name: string;
  type: string;
}

/**
 * A GraphQL multipart request (graphql-multipart-request-spec) as the console sends it, with
 * Apollo's CSRF preflight header unless `preflight` is false.
 */
export async function submitRegistration(
  server: TestServer,
  form: Record<string, unknown>,
  files: { ktp: UploadFile; kk: UploadFile },
  options: { preflight?: boolean; clientIp?: string } = {},
): Promise<{ status: number; json: PublicResponse }> {
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({ query: SUBMIT_REGISTRATION, variables: { input: form, ktp: null, kk: null } }),
  );
  body.set('map', JSON.stringify({ 0: ['variables.ktp'], 1: ['variables.kk'] }));
  body.set('0', new Blob([files.ktp.bytes], { type: files.ktp.type }), files.ktp.name);
  body.set('1', new Blob([files.kk.bytes], { type: files.kk.type }), files.kk.name);
  const headers: Record<string, string> = {};
  if (options.preflight ?? true) headers['apollo-require-preflight'] = 'true';
  if (options.clientIp) headers['x-forwarded-for'] = options.clientIp;

  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  let json: PublicResponse;
  try {
    json = JSON.parse(text) as PublicResponse;
  } catch {
    json = { errors: [{ message: text }] };
  }
  return { status: response.status, json };
}
