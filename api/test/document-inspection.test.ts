import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { deflateRawSync, deflateSync } from 'node:zlib';

import { MAX_DOCUMENT_BYTES } from '@kaliber/schema';
import type Upload from 'graphql-upload/Upload.mjs';
import processRequest from 'graphql-upload/processRequest.mjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { inspectDocument } from '../src/documents/inspect-document.js';
import { MAX_PDF_INFLATED_BYTES } from '../src/documents/pdf-scan.js';
import {
  openAndReadUpload,
  readUpload,
  uploadFileSizeLimit,
} from '../src/documents/read-upload.js';
import { DomainError } from '../src/errors/domain-error.js';
import {
  APPENDED_SCRIPT,
  gifBytes,
  HIDDEN_MARKER,
  jpegWithAppendedScript,
  jpegWithExif,
  oversizedJpeg,
  pdfDocument,
  pdfWithCompressedJavaScript,
  pdfWithJavaScript,
  pixelFloodPng,
  plainPdf,
  pngBytes,
  svgBytes,
  textFileBytes,
  truncatedJpeg,
} from './support/documents.js';

/** The error `inspectDocument` threw, as the client would see its code and issues. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => new Error('the document was accepted'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof DomainError)) {
    throw error;
  }

  return { message: error.message, extensions: error.extensions };
}

function refused(field: 'ktp' | 'kk', code: string, message: string): unknown {
  return {
    message,
    extensions: { code: 'BAD_USER_INPUT', issues: [{ field, code, message }] },
  };
}

const NOT_ALLOWED = 'Berkas KTP harus berupa foto JPEG, PNG atau berkas PDF';
const UNREADABLE = 'Berkas KTP rusak atau tidak lengkap sehingga tidak dapat dibaca';
const ACTIVE_PDF =
  'Berkas KK memuat skrip, lampiran, tindakan otomatis atau enkripsi; unggah PDF biasa atau foto';

async function imageFacts(bytes: Buffer): Promise<unknown> {
  const metadata = await sharp(bytes).metadata();

  return {
    format: metadata.format,
    width: metadata.width,
    height: metadata.height,
    orientation: metadata.orientation,
    hasExif: metadata.exif !== undefined,
    hasIcc: metadata.icc !== undefined,
    hasXmp: metadata.xmp !== undefined,
    containsMarker: bytes.includes(HIDDEN_MARKER),
  };
}

describe('images', () => {
  it('stores a phone JPEG re-encoded upright, without EXIF, GPS, ICC or XMP', async () => {
    const original = await jpegWithExif();
    const inspected = await inspectDocument('KTP', original);

    expect([
      await imageFacts(original),
      inspected.mediaType,
      await imageFacts(inspected.bytes),
    ]).toEqual([
      {
        format: 'jpeg',
        width: 320,
        height: 200,
        orientation: 6,
        hasExif: true,
        hasIcc: true,
        hasXmp: true,
        containsMarker: true,
      },
      'image/jpeg',
      {
        format: 'jpeg',
        width: 200,
        height: 320,
        orientation: undefined,
        hasExif: false,
        hasIcc: false,
        hasXmp: false,
        containsMarker: false,
      },
    ]);
  });

  it('stores a PNG re-encoded as PNG, without its EXIF', async () => {
    const inspected = await inspectDocument('KK', await pngBytes());

    expect([inspected.mediaType, await imageFacts(inspected.bytes)]).toEqual([
      'image/png',
      {
        format: 'png',
        width: 320,
        height: 200,
        orientation: undefined,
        hasExif: false,
        hasIcc: false,
        hasXmp: false,
        containsMarker: false,
      },
    ]);
  });

  it('keeps a JPEG with a script appended after its end, but stores it without the script', async () => {
    const original = await jpegWithAppendedScript();
    const inspected = await inspectDocument('KTP', original);

    expect([
      original.includes(APPENDED_SCRIPT),
      inspected.mediaType,
      inspected.bytes.includes('<script'),
    ]).toEqual([true, 'image/jpeg', false]);
  });

  it('takes the type from the content: a PNG sent as ktp.jpg is stored as a PNG', async () => {
    // inspectDocument is given no name and no client MIME type at all; only the bytes count.
    const inspected = await inspectDocument('KTP', await pngBytes());

    expect(inspected.mediaType).toBe('image/png');
  });

  it('refuses a text file named ktp.jpg, an SVG with a script and a GIF', async () => {
    expect([
      await refusal(inspectDocument('KTP', textFileBytes())),
      await refusal(inspectDocument('KTP', svgBytes())),
      await refusal(inspectDocument('KTP', await gifBytes())),
    ]).toEqual([
      refused('ktp', 'FILE_TYPE_NOT_ALLOWED', NOT_ALLOWED),
      refused('ktp', 'FILE_TYPE_NOT_ALLOWED', NOT_ALLOWED),
      refused('ktp', 'FILE_TYPE_NOT_ALLOWED', NOT_ALLOWED),
    ]);
  });

  it('refuses a 16000×16000 pixel flood by its header, before decoding it', async () => {
    const flood = pixelFloodPng();

    // IMAGE_TOO_LARGE comes only from the header check: a refusal while decoding is reported
    // as FILE_UNREADABLE, so this code shows that the pixels were never decoded.
    expect([flood.length < 100_000, await refusal(inspectDocument('KK', flood))]).toEqual([
      true,
      refused('kk', 'IMAGE_TOO_LARGE', 'Berkas KK memiliki resolusi gambar yang terlalu besar'),
    ]);
  });

  it('refuses a truncated JPEG as unreadable', async () => {
    expect(await refusal(inspectDocument('KTP', await truncatedJpeg()))).toEqual(
      refused('ktp', 'FILE_UNREADABLE', UNREADABLE),
    );
  });

  it('names every problem of a file that is both too large and of the wrong type', async () => {
    const largeText = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 'a');
    const tooLarge = 'Berkas KTP terlalu besar; ukuran maksimal 5 MB';

    expect(await refusal(inspectDocument('KTP', largeText))).toEqual({
      message: tooLarge,
      extensions: {
        code: 'BAD_USER_INPUT',
        issues: [
          { field: 'ktp', code: 'FILE_TOO_LARGE', message: tooLarge },
          { field: 'ktp', code: 'FILE_TYPE_NOT_ALLOWED', message: NOT_ALLOWED },
        ],
      },
    });
  });

  it('refuses an empty file and one over 5 MB before looking inside', async () => {
    expect([
      await refusal(inspectDocument('KTP', Buffer.alloc(0))),
      await refusal(inspectDocument('KK', await oversizedJpeg(MAX_DOCUMENT_BYTES + 1))),
    ]).toEqual([
      refused('ktp', 'FILE_EMPTY', 'Berkas KTP kosong; pilih ulang berkasnya'),
      refused('kk', 'FILE_TOO_LARGE', 'Berkas KK terlalu besar; ukuran maksimal 5 MB'),
    ]);
  });
});

/** A PDF with one extra stream object holding `data` as it is. */
function pdfWithStream(data: Buffer, dictionary = '<< /Filter /FlateDecode >>'): Buffer {
  return pdfDocument({
    extraObjects: [
      Buffer.concat([Buffer.from(`${dictionary}\nstream\n`), data, Buffer.from('\nendstream')]),
    ],
  });
}

describe('PDFs', () => {
  it('stores a plain PDF exactly as received', async () => {
    const pdf = plainPdf();

    expect(await inspectDocument('KK', pdf)).toEqual({ mediaType: 'application/pdf', bytes: pdf });
  });

  it('accepts a PDF whose page content is Flate-compressed, as most writers make them', async () => {
    const content = deflateSync('BT /F1 12 Tf 72 700 Td (Nomor KK) Tj ET /Im0 Do');
    const pdf = pdfWithStream(content, `<< /Length ${content.length} /Filter /FlateDecode >>`);

    expect(await inspectDocument('KK', pdf)).toEqual({ mediaType: 'application/pdf', bytes: pdf });
  });

  it.each([
    ['an opening JavaScript action', pdfWithJavaScript()],
    ['a bare /JS entry', pdfDocument({ extraObjects: ['<< /JS (app.alert\\(1\\)) >>'] })],
    ['a hex-escaped /J#61vaScript', pdfDocument({ extraObjects: ['<< /S /J#61vaScript >>'] })],
    ['an escaped /#4A#53', pdfDocument({ extraObjects: ['<< /#4A#53 (this.print\\(\\)) >>'] })],
    ['a Launch action', pdfDocument({ extraObjects: ['<< /S /Launch /F (cmd.exe) >>'] })],
    [
      'an embedded file',
      pdfDocument({ extraObjects: ['<< /Type /EmbeddedFile /Length 0 >>\nstream\n\nendstream'] }),
    ],
    ['additional actions on a page', pdfDocument({ extraObjects: ['<< /AA << /O 6 0 R >> >>'] })],
    ['an XFA form', pdfDocument({ catalogEntries: '/AcroForm << /XFA 5 0 R >>' })],
    [
      'encryption, which hides everything from the scan',
      pdfDocument({
        extraObjects: ['<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'],
        trailerEntries: '/Encrypt 5 0 R',
      }),
    ],
    ['a script inside a compressed object stream', pdfWithCompressedJavaScript()],
    [
      'a script under two layers of Flate',
      pdfWithStream(
        deflateSync(deflateSync('<< /S /JavaScript /JS (x) >>')),
        '<< /Filter [/FlateDecode /FlateDecode] >>',
      ),
    ],
    ['a text filter the scan cannot read', pdfDocument({ extraObjects: ['<< /Filter /AHx >>'] })],
    [
      'a /JS whose value comes after a comment',
      pdfDocument({ extraObjects: ['<< /S /JavaScript /JS %note\n(x) >>'] }),
    ],
  ])('refuses a PDF with %s', async (_case, pdf) => {
    expect(await refusal(inspectDocument('KK', pdf))).toEqual(
      refused('kk', 'PDF_ACTIVE_CONTENT', ACTIVE_PDF),
    );
  });

  it('accepts image data that happens to hold /JS or /AA bytes without a value after them', async () => {
    const imageData = Buffer.from([
      0xff, 0xd8, 0x2f, 0x4a, 0x53, 0x5d, 0x99, 0x2f, 0x41, 0x41, 0x20, 0xd9,
    ]);
    const pdf = pdfWithStream(imageData, '<< /Subtype /Image /Filter /DCTDecode >>');

    expect(await inspectDocument('KK', pdf)).toEqual({ mediaType: 'application/pdf', bytes: pdf });
  });

  it('finds a script in compressed data with a wrong checksum, which viewers still show', async () => {
    const data = deflateSync('<< /S /JavaScript /JS (x) >>');
    data.writeUInt32BE(0, data.length - 4);

    expect(await refusal(inspectDocument('KK', pdfWithStream(data)))).toEqual(
      refused('kk', 'PDF_ACTIVE_CONTENT', ACTIVE_PDF),
    );
  });

  it('finds a script placed just before a deliberate break in the compressed data', async () => {
    const noise = Buffer.from(Array.from({ length: 20_000 }, (_, index) => (index * 7919) >> 3));
    const text = Buffer.concat([Buffer.from('<< /S /JavaScript /JS (x) >>'), noise]);
    const deflated = deflateRawSync(text, { level: 1 }).subarray(0, 300);
    const broken = Buffer.concat([Buffer.from([0x78, 0x9c]), deflated, Buffer.alloc(50, 0xff)]);

    expect(await refusal(inspectDocument('KK', pdfWithStream(broken)))).toEqual(
      refused('kk', 'PDF_ACTIVE_CONTENT', ACTIVE_PDF),
    );
  });

  it('refuses a PDF whose streams inflate beyond the budget (a compression bomb)', async () => {
    const bomb = deflateSync(Buffer.alloc(MAX_PDF_INFLATED_BYTES + 1), { level: 9 });

    expect(await refusal(inspectDocument('KK', pdfWithStream(bomb)))).toEqual(
      refused('kk', 'IMAGE_TOO_LARGE', 'Berkas KK memiliki resolusi gambar yang terlalu besar'),
    );
  });

  it('refuses a PDF cut off before its end-of-file marker as unreadable', async () => {
    const pdf = plainPdf();

    expect(await refusal(inspectDocument('KTP', pdf.subarray(0, pdf.length - 40)))).toEqual(
      refused('ktp', 'FILE_UNREADABLE', UNREADABLE),
    );
  });
});

/** A stream of `count` chunks of `size` bytes that records how many were pulled from it. */
function countedStream(count: number, size: number): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = Readable.from(
    (function* chunks() {
      for (let index = 0; index < count; index += 1) {
        pulled += 1;
        yield Buffer.alloc(size, index);
      }
    })(),
  );

  return { stream, pulled: () => pulled };
}

describe('reading uploads', () => {
  it('returns the bytes of a file exactly at the limit', async () => {
    const { stream } = countedStream(4, 256);
    const read = await readUpload(stream, 1024);

    expect('bytes' in read ? [read.bytes.length, read.bytes[0], read.bytes[1023]] : read).toEqual([
      1024, 0, 3,
    ]);
  });

  it('reports a file one byte over the limit as too large, having drained the whole stream', async () => {
    const { stream, pulled } = countedStream(40, 1000);

    expect([await readUpload(stream, 39_999), pulled(), stream.readableEnded]).toEqual([
      { tooLarge: true, bytesRead: 40_000 },
      40,
      true,
    ]);
  });

  it('rethrows a stream error that is not about size', async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error('Request disconnected during file upload stream parsing.'));
      },
    });

    await expect(readUpload(stream, 1024)).rejects.toThrow('Request disconnected');
  });

  it("turns graphql-upload's maxFileSize error into too large, on a real multipart request", async () => {
    const answers = await uploadThroughGraphqlUpload([1024, 1025, 50_000], {
      maxFileSize: uploadFileSizeLimit(1024),
    });

    expect(answers).toEqual([{ size: 1024 }, { tooLarge: true }, { tooLarge: true }]);
  });
});

/**
 * Posts each size as one file in a GraphQL multipart request to a loopback server that runs
 * graphql-upload's `processRequest` with `options` and reads the file as the API does.
 */
async function uploadThroughGraphqlUpload(
  sizes: readonly number[],
  options: { maxFileSize: number },
): Promise<unknown[]> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = (await processRequest(request, response, options)) as {
        variables: { file: Upload };
      };
      const file = await body.variables.file.promise;
      const read = await openAndReadUpload(() => file.createReadStream(), 1_000_000);
      response.end(
        JSON.stringify('bytes' in read ? { size: read.bytes.length } : { tooLarge: true }),
      );
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  try {
    const answers: unknown[] = [];
    for (const size of sizes) {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: '', variables: { file: null } }));
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new Blob([Buffer.alloc(size, 7)]), 'ktp.jpg');
      const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: form });
      answers.push(await response.json());
    }

    return answers;
  } finally {
    server.close();
  }
}
