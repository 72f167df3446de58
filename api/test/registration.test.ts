import fs from 'node:fs';
import os from 'node:os';
import sharp from 'sharp';
import { parseReceiptCode, receiptCodeFromBytes } from '@kaliber/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  documentSealContext,
  RegistrationDocumentEntity,
  RegistrationEntity,
} from '../src/registrations/registration.entity.js';
import { open } from '../src/security/sealed-box.js';
import { seedVoters } from '../src/seed/seed-command.js';
import { auditTrail, lastAuditSequence } from './support/audit-trail.js';
import {
  jpegWithAppendedScript,
  jpegWithExif,
  oversizedJpeg,
  pdfWithJavaScript,
  pixelFloodPng,
  plainPdf,
  pngBytes,
  svgBytes,
  truncatedJpeg,
} from './support/documents.js';
import { firstVoter, postGraphQL } from './support/public-requests.js';
import {
  REGISTRATION_STATUS,
  registrationForm,
  submitRegistration,
  type UploadFile,
} from './support/registration-requests.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { testDatabaseKind } from './support/test-database.js';

const jpeg = async (name = 'ktp.jpg'): Promise<UploadFile> => ({
  bytes: await jpegWithExif(),
  name,
  type: 'image/jpeg',
});
const png = async (name = 'kk.png'): Promise<UploadFile> => ({
  bytes: await pngBytes(),
  name,
  type: 'image/png',
});

describe(`public registration (${testDatabaseKind})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      REGISTRATION_LIMIT_PER_IP: '1000/1h',
      REGISTRATION_LIMIT_PER_NIK: '1000/1h',
      REGISTRATION_LIMIT_GLOBAL: '1000/1m',
      PUBLIC_LIMIT_PER_IP: '1000/1m',
      PUBLIC_LIMIT_PER_NIK: '1000/1m',
    });
    await seedVoters(server.server.dataSource, server.server.regions, { voters: 50, seed: 11 });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    await server.server.dataSource.getRepository(RegistrationDocumentEntity).clear();
    await server.server.dataSource.query('DELETE FROM registration');
  });

  async function rowCounts(): Promise<[number, number]> {
    return [
      await server.server.dataSource.getRepository(RegistrationEntity).count(),
      await server.server.dataSource.getRepository(RegistrationDocumentEntity).count(),
    ];
  }

  it('stores a registration with both documents sealed and re-encoded, and returns a receipt', async () => {
    const after = await lastAuditSequence(server);
    const form = registrationForm();

    const { json } = await submitRegistration(server, form, { ktp: await jpeg(), kk: await png() });

    const receipt = json.data?.['submitRegistration'] as { receiptCode: string; stage: string };
    expect(json.errors).toBeUndefined();
    expect(receipt.stage).toBe('DIAJUKAN');
    expect(parseReceiptCode(receipt.receiptCode)).toMatchObject({ ok: true });
    const registration = await server.server.dataSource
      .getRepository(RegistrationEntity)
      .findOneByOrFail({ receiptCode: receipt.receiptCode });
    expect(registration).toMatchObject({
      nik: form['nik'],
      openNik: form['nik'],
      name: 'SITI AMINAH',
      rt: '003',
      rw: '007',
      phone: '081234567890',
      stage: 'DIAJUKAN',
    });

    const documents = await server.server.dataSource
      .getRepository(RegistrationDocumentEntity)
      .find({ where: { registrationId: registration.id }, order: { kind: 'ASC' } });
    expect(documents.map(({ kind, mediaType }) => [kind, mediaType])).toEqual([
      ['KK', 'image/png'],
      ['KTP', 'image/jpeg'],
    ]);
    const key = server.server.services.keys.keyFor('document');
    const ktp = documents.find((document) => document.kind === 'KTP');
    expect(ktp?.sealed.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    const opened = open(
      key,
      Buffer.from(ktp?.sealed ?? []).toString(),
      documentSealContext(receipt.receiptCode, 'KTP'),
    );
    const metadata = await sharp(opened).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    // Sealed under its own row's context: it does not open as the other document.
    expect(() =>
      open(
        key,
        Buffer.from(ktp?.sealed ?? []).toString(),
        documentSealContext(receipt.receiptCode, 'KK'),
      ),
    ).toThrow();

    const entries = await auditTrail(server, after);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'REGISTRATION_SUBMITTED',
        outcome: 'SUCCESS',
        targetType: 'registration',
        targetId: String(registration.id),
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(String(form['nik']));
  });

  it('tracks a registration by receipt code and NIK, and by nothing less', async () => {
    const form = registrationForm();
    const { json } = await submitRegistration(server, form, { ktp: await jpeg(), kk: await png() });
    const { receiptCode } = json.data?.['submitRegistration'] as { receiptCode: string };
    const after = await lastAuditSequence(server);

    const found = await postGraphQL(server, {
      query: REGISTRATION_STATUS,
      variables: { receiptCode: receiptCode.toLowerCase(), nik: form['nik'] },
    });
    const otherNik = await postGraphQL(server, {
      query: REGISTRATION_STATUS,
      variables: { receiptCode, nik: (await firstVoter(server)).nik },
    });
    const malformed = await postGraphQL(server, {
      query: REGISTRATION_STATUS,
      variables: { receiptCode: 'ABC', nik: form['nik'] },
    });

    expect(found.json.data?.['registrationStatus']).toEqual({
      receiptCode,
      stage: 'DIAJUKAN',
      rejectionReason: null,
    });
    expect(otherNik.json.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(malformed.json.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ field: 'receiptCode' }],
    });
    const checks = (await auditTrail(server, after)).filter(
      (entry) => entry.action === 'REGISTRATION_STATUS_CHECKED',
    );
    expect(checks.map((entry) => entry.outcome)).toEqual(['SUCCESS', 'FAILURE']);

    await server.server.dataSource
      .getRepository(RegistrationEntity)
      .update(
        { receiptCode },
        { stage: 'DITOLAK', rejectionReason: 'DOKUMEN_TIDAK_TERBACA', openNik: null },
      );
    const refused = await postGraphQL(server, {
      query: REGISTRATION_STATUS,
      variables: { receiptCode, nik: form['nik'] },
    });
    expect(refused.json.data?.['registrationStatus']).toMatchObject({
      stage: 'DITOLAK',
      rejectionReason: 'DOKUMEN_TIDAK_TERBACA',
    });
  });

  it('refuses an NKK from outside the kota with the residency message, storing nothing', async () => {
    const form = registrationForm({ nkk: '3171010203150077' });

    const { json } = await submitRegistration(server, form, { ktp: await jpeg(), kk: await png() });

    expect(json.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [expect.objectContaining({ field: 'nkk', code: 'BUKAN_PENDUDUK' })],
    });
    expect(await rowCounts()).toEqual([0, 0]);
  });

  it('refuses a NIK already on the list or already pending, with one answer for both', async () => {
    const voter = await firstVoter(server);
    const listed = await submitRegistration(server, registrationForm({ nik: voter.nik }), {
      ktp: await jpeg(),
      kk: await png(),
    });
    const form = registrationForm();
    await submitRegistration(server, form, { ktp: await jpeg(), kk: await png() });
    const pending = await submitRegistration(server, form, { ktp: await jpeg(), kk: await png() });

    expect(listed.json.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(pending.json.errors?.[0]?.message).toBe(listed.json.errors?.[0]?.message);
    expect(await rowCounts()).toEqual([1, 2]);
  });

  it('lets exactly one of two racing submissions for one NIK through', async () => {
    const form = registrationForm();
    const files = { ktp: await jpeg(), kk: await png() };

    const results = await Promise.all([
      submitRegistration(server, form, files),
      submitRegistration(server, form, files),
    ]);

    const codes = results.map((result) => result.json.errors?.[0]?.extensions?.['code'] ?? 'OK');
    expect(codes.sort()).toEqual(['CONFLICT', 'OK']);
    expect(await rowCounts()).toEqual([1, 2]);
  });

  it('needs the CSRF preflight header for a multipart request', async () => {
    const { status } = await submitRegistration(
      server,
      registrationForm(),
      { ktp: await jpeg(), kk: await png() },
      { preflight: false },
    );

    expect(status).toBe(400);
    expect(await rowCounts()).toEqual([0, 0]);
  });

  describe('hostile files', () => {
    const cases: [string, () => Promise<UploadFile>, string][] = [
      [
        'an oversized JPEG',
        async () => ({
          bytes: await oversizedJpeg(5 * 1024 * 1024 + 1),
          name: 'ktp.jpg',
          type: 'image/jpeg',
        }),
        'FILE_TOO_LARGE',
      ],
      [
        'a 16000×16000 pixel flood',
        () => Promise.resolve({ bytes: pixelFloodPng(), name: 'ktp.png', type: 'image/png' }),
        'IMAGE_TOO_LARGE',
      ],
      [
        'an SVG',
        () => Promise.resolve({ bytes: svgBytes(), name: 'ktp.jpg', type: 'image/jpeg' }),
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [
        'a truncated JPEG',
        async () => ({ bytes: await truncatedJpeg(), name: 'ktp.jpg', type: 'image/jpeg' }),
        'FILE_UNREADABLE',
      ],
      [
        'a PDF with JavaScript',
        () =>
          Promise.resolve({ bytes: pdfWithJavaScript(), name: 'ktp.pdf', type: 'application/pdf' }),
        'PDF_ACTIVE_CONTENT',
      ],
    ];

    for (const [what, file, code] of cases) {
      it(`refuses ${what} and leaves no registration behind`, async () => {
        const { json } = await submitRegistration(server, registrationForm(), {
          ktp: await file(),
          kk: await png(),
        });

        expect(json.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          issues: [expect.objectContaining({ field: 'ktp', code })],
        });
        expect(await rowCounts()).toEqual([0, 0]);
      });
    }

    it('stores a renamed PNG as the PNG it is', async () => {
      const { json } = await submitRegistration(server, registrationForm(), {
        ktp: { ...(await png()), name: 'ktp.jpg', type: 'image/jpeg' },
        kk: await png(),
      });

      expect(json.errors).toBeUndefined();
      const ktp = await server.server.dataSource
        .getRepository(RegistrationDocumentEntity)
        .findOneByOrFail({ kind: 'KTP' });
      expect(ktp.mediaType).toBe('image/png');
    });

    it('stores a JPEG with a script appended re-encoded, without the script', async () => {
      const { json } = await submitRegistration(server, registrationForm(), {
        ktp: { bytes: await jpegWithAppendedScript(), name: 'ktp.jpg', type: 'image/jpeg' },
        kk: { bytes: plainPdf(), name: 'kk.pdf', type: 'application/pdf' },
      });

      const { receiptCode } = json.data?.['submitRegistration'] as { receiptCode: string };
      const ktp = await server.server.dataSource
        .getRepository(RegistrationDocumentEntity)
        .findOneByOrFail({ kind: 'KTP' });
      const opened = open(
        server.server.services.keys.keyFor('document'),
        Buffer.from(ktp.sealed).toString(),
        documentSealContext(receiptCode, 'KTP'),
      );
      expect(opened.includes(Buffer.from('<script'))).toBe(false);
      expect((await sharp(opened).metadata()).format).toBe('jpeg');
    });

    it('leaves no plaintext upload in the temporary folder', async () => {
      const spooled = () =>
        fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('capacitor-'));
      const before = new Set(spooled());

      await submitRegistration(server, registrationForm(), { ktp: await jpeg(), kk: await png() });
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(spooled().filter((name) => !before.has(name))).toEqual([]);
    });
  });
});

describe(`registration limits (${testDatabaseKind})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '1', REGISTRATION_LIMIT_PER_IP: '2/1h' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('limits submissions per client IP and audits the refused one', async () => {
    const after = await lastAuditSequence(server);
    const codes = [];
    for (let serial = 1; serial <= 3; serial += 1) {
      const form = registrationForm({ nik: undefined });
      const { buildNik } = await import('@kaliber/schema');
      form['nik'] = buildNik({ districtCode: '317501', birthDate: '1999-08-17', sex: 'P', serial });
      const { json } = await submitRegistration(
        server,
        form,
        { ktp: await jpeg(), kk: await png() },
        { clientIp: '198.51.100.77' },
      );
      codes.push(json.errors?.[0]?.extensions?.['code'] ?? 'OK');
    }

    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
    const actions = (await auditTrail(server, after)).map((entry) => entry.action);
    expect(actions).toContain('PUBLIC_RATE_LIMIT_TRIPPED');
  });

  it('limits tracking like Cek NIK, by the same settings', async () => {
    const limited = await startTestServer({ PUBLIC_LIMIT_PER_IP: '2/1h' });
    try {
      const codes = [];
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const { json } = await postGraphQL(limited, {
          query: REGISTRATION_STATUS,
          variables: {
            receiptCode: receiptCodeFromBytes(new Uint8Array(7)),
            nik: registrationForm()['nik'],
          },
        });
        codes.push(json.errors?.[0]?.extensions?.['code']);
      }

      expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
    } finally {
      await limited.close();
    }
  });
});
