import { HttpBackend, HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type ApiFailure } from '../../graphql/api-failure';
import {
  REGISTRATION_UPLOAD_BACKEND,
  type RegistrationUploadEvent,
  RegistrationUploader,
  type RegistrationVariables,
} from './registration-uploader';

const variables: RegistrationVariables = {
  input: {
    nik: '3175014512990001',
    nkk: '3175010101200001',
    name: 'SITI AMINAH',
    birthPlace: 'Jakarta',
    birthDate: '1999-12-05',
    maritalStatus: 'B',
    sex: 'P',
    address: 'Jl. Kayu Manis II No. 5',
    rt: '005',
    rw: '012',
    disability: 0,
    ktpElStatus: 'S',
    kelurahanCode: '31.75.01.1003',
    phone: null,
    email: null,
    consent: true,
    declaresEligibility: true,
  },
  proofOfWork: 'c29sdXNp',
};

const ktp = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'ktp.jpg', { type: 'image/jpeg' });
const kk = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'kk.png', { type: 'image/png' });

describe('RegistrationUploader', () => {
  let http: HttpTestingController;
  let events: RegistrationUploadEvent[];
  let failure: ApiFailure | null;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: REGISTRATION_UPLOAD_BACKEND, useExisting: HttpBackend },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    events = [];
    failure = null;
    TestBed.inject(RegistrationUploader)
      .submit(variables, { ktp, kk })
      .subscribe({
        next: (event) => events.push(event),
        error: (error: ApiFailure) => (failure = error),
      });
  });

  afterEach(() => {
    http.verify();
  });

  it('posts a GraphQL multipart request with the preflight header', () => {
    const request = http.expectOne('/graphql');
    const body = request.request.body as FormData;

    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Apollo-Require-Preflight')).toBe('true');
    expect([...body.keys()]).toEqual(['operations', 'map', '0', '1']);
    const operations = JSON.parse(body.get('operations') as string) as Record<string, unknown>;
    expect(operations['operationName']).toBe('SubmitRegistration');
    expect(operations['query']).toContain(
      'submitRegistration(input: $input, ktp: $ktp, kk: $kk, proofOfWork: $proofOfWork)',
    );
    expect(operations['variables']).toEqual({ ...variables, ktp: null, kk: null });
    expect(JSON.parse(body.get('map') as string)).toEqual({
      0: ['variables.ktp'],
      1: ['variables.kk'],
    });
    expect(body.get('0')).toBeInstanceOf(File);
    expect([(body.get('0') as File).name, (body.get('1') as File).name]).toEqual([
      'ktp.jpg',
      'kk.png',
    ]);
    request.flush({ data: null, errors: [{ message: 'x', extensions: { code: 'OTHER' } }] });
  });

  it('reports the share of bytes sent, then the receipt', () => {
    const request = http.expectOne('/graphql');
    request.event({ type: HttpEventType.Sent });
    request.event({ type: HttpEventType.UploadProgress, loaded: 2_500, total: 10_000 });
    request.event({ type: HttpEventType.UploadProgress, loaded: 10_000, total: 10_000 });
    const receipt = {
      __typename: 'RegistrationReceipt' as const,
      receiptCode: '0123456789P',
      stage: 'DIAJUKAN' as const,
      submittedAt: '2026-12-03T06:30:00.000Z',
    };
    request.flush({ data: { submitRegistration: receipt } });

    expect(events).toEqual([
      { type: 'progress', fraction: 0.25 },
      { type: 'progress', fraction: 1 },
      { type: 'receipt', receipt },
    ]);
    expect(failure).toBeNull();
  });

  it('turns GraphQL errors into a failure with the issues of each field', () => {
    http.expectOne('/graphql').flush({
      data: null,
      errors: [
        {
          message: 'Periksa kembali berkas yang diunggah',
          extensions: {
            code: 'BAD_USER_INPUT',
            issues: [
              { field: 'kk', code: 'FILE_UNREADABLE', message: 'Berkas KK rusak' },
              { field: 'nkk', code: 'BUKAN_PENDUDUK', message: 'NKK dari daerah lain' },
            ],
          },
        },
      ],
    });

    expect(events).toEqual([]);
    expect(failure).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Periksa kembali berkas yang diunggah',
      issues: [
        { field: 'kk', message: 'Berkas KK rusak' },
        { field: 'nkk', message: 'NKK dari daerah lain' },
      ],
      retryAfterSeconds: null,
    });
  });

  it('reads the GraphQL errors of a refused request (HTTP 400 or 413)', () => {
    http.expectOne('/graphql').flush(
      {
        errors: [
          {
            message: 'Permintaan terlalu besar; ukuran maksimal tiap berkas 5 MB',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      },
      { status: 413, statusText: 'Payload Too Large' },
    );

    expect(failure).toEqual({
      code: 'OTHER',
      message: 'Permintaan terlalu besar; ukuran maksimal tiap berkas 5 MB',
      issues: [],
      retryAfterSeconds: null,
    });
  });

  it('says the server cannot be reached when no answer came', () => {
    http.expectOne('/graphql').error(new ProgressEvent('error'), { status: 0 });

    expect(failure?.code).toBe('NETWORK');
    expect(failure?.message).toBe(
      'Server Kaliber tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.',
    );
  });
});
