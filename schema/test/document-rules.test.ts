import { expect, it } from 'vitest';

import {
  checkDocumentFile,
  DOCUMENT_KIND_DETAILS,
  DOCUMENT_KINDS,
  documentIssue,
  isDocumentMediaType,
  MAX_DOCUMENT_BYTES,
  MAX_REGISTRATION_REQUEST_BYTES,
} from '../src/index.js';

it('accepts a JPEG, PNG or PDF of up to 5 MB, whatever the letter case or parameters', () => {
  expect([
    checkDocumentFile({ kind: 'KTP', size: 1, mediaType: 'image/jpeg' }),
    checkDocumentFile({ kind: 'KTP', size: MAX_DOCUMENT_BYTES, mediaType: 'image/png' }),
    checkDocumentFile({ kind: 'KK', size: 2048, mediaType: 'Application/PDF; version=1.7' }),
    checkDocumentFile({ kind: 'KK', size: 2048, mediaType: 'image/jpg' }),
  ]).toEqual([[], [], [], []]);
});

it('names the document in each problem and reports size and type together', () => {
  expect(
    checkDocumentFile({ kind: 'KK', size: MAX_DOCUMENT_BYTES + 1, mediaType: 'image/gif' }),
  ).toEqual([
    { code: 'FILE_TOO_LARGE', message: 'Berkas KK terlalu besar; ukuran maksimal 5 MB' },
    {
      code: 'FILE_TYPE_NOT_ALLOWED',
      message: 'Berkas KK harus berupa foto JPEG, PNG atau berkas PDF',
    },
  ]);
});

it('reports only emptiness for an empty file, even one without a type', () => {
  expect(checkDocumentFile({ kind: 'KTP', size: 0, mediaType: '' })).toEqual([
    { code: 'FILE_EMPTY', message: 'Berkas KTP kosong; pilih ulang berkasnya' },
  ]);
});

it('refuses SVG, HTML, HEIC and a missing type, which could hide a script or not be read', () => {
  const types = ['image/svg+xml', 'text/html', 'image/heic', '', 'application/octet-stream'];

  expect(types.map((mediaType) => checkDocumentFile({ kind: 'KTP', size: 10, mediaType }))).toEqual(
    types.map(() => [documentIssue('KTP', 'FILE_TYPE_NOT_ALLOWED')]),
  );
});

it('gives the server-only problems a message that names the document', () => {
  expect([
    documentIssue('KTP', 'FILE_UNREADABLE'),
    documentIssue('KK', 'IMAGE_TOO_LARGE'),
    documentIssue('KK', 'PDF_ACTIVE_CONTENT'),
  ]).toEqual([
    {
      code: 'FILE_UNREADABLE',
      message: 'Berkas KTP rusak atau tidak lengkap sehingga tidak dapat dibaca',
    },
    { code: 'IMAGE_TOO_LARGE', message: 'Berkas KK memiliki resolusi gambar yang terlalu besar' },
    {
      code: 'PDF_ACTIVE_CONTENT',
      message:
        'Berkas KK memuat skrip, lampiran, tindakan otomatis atau enkripsi; unggah PDF biasa atau foto',
    },
  ]);
});

it('caps a registration request at two documents plus a little room for the form', () => {
  const overhead = MAX_REGISTRATION_REQUEST_BYTES - 2 * MAX_DOCUMENT_BYTES;

  expect([
    DOCUMENT_KINDS.map((kind) => DOCUMENT_KIND_DETAILS[kind].field),
    overhead > 0 && overhead <= 1024 * 1024,
    isDocumentMediaType('application/pdf'),
    isDocumentMediaType('image/jpg'),
  ]).toEqual([['ktp', 'kk'], true, true, false]);
});
