// Uploaded-document fixtures: real images made with sharp, PDFs written by hand, and the
// hostile files the document gate must refuse or neutralise. Shared by the inspection unit
// tests and the registration API tests.

import { crc32, deflateSync } from 'node:zlib';
import sharp, { type Sharp } from 'sharp';

/** Marker written into metadata and appended data, to prove it is gone after re-encoding. */
export const HIDDEN_MARKER = 'rahasia-jejak-metadata';

/** The script a hostile JPEG carries after its end-of-image marker. */
export const APPENDED_SCRIPT = '<script>fetch("/curi?d="+document.cookie)</script>';

// A small picture with some structure, shaped like a card photographed in landscape.
function cardPicture(): Sharp {
  const width = 320;
  const height = 200;
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < width * height; index += 1) {
    const x = index % width;
    const y = Math.floor(index / width);
    pixels.set([(x * 255) / width, (y * 255) / height, (x + y) % 64 < 32 ? 200 : 90], index * 3);
  }

  return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/**
 * A 320×200 JPEG as a phone writes it: EXIF with a GPS position and a description, the
 * "rotate 90°" orientation flag, an ICC profile and XMP.
 */
export function jpegWithExif(): Promise<Buffer> {
  return cardPicture()
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { ImageDescription: HIDDEN_MARKER, Make: 'KameraUji' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 13/1 30/1', GPSLongitudeRef: 'E' },
    })
    .withIccProfile('p3')
    .withXmp(`<x:note xmlns:x="adobe:ns:meta/">${HIDDEN_MARKER}</x:note>`)
    .toBuffer();
}

/** A 320×200 PNG with EXIF metadata. */
export function pngBytes(): Promise<Buffer> {
  return cardPicture()
    .png()
    .withExif({ IFD0: { ImageDescription: HIDDEN_MARKER } })
    .toBuffer();
}

/** A valid JPEG followed by an HTML script: a polyglot that sniffing browsers might run. */
export async function jpegWithAppendedScript(): Promise<Buffer> {
  const jpeg = await cardPicture().jpeg().toBuffer();

  return Buffer.concat([jpeg, Buffer.from(APPENDED_SCRIPT)]);
}

/** The first half of a JPEG, as an interrupted upload or a damaged file would be. */
export async function truncatedJpeg(): Promise<Buffer> {
  const jpeg = await cardPicture().jpeg().toBuffer();

  return jpeg.subarray(0, Math.floor(jpeg.length / 2));
}

/**
 * A JPEG of at least `bytes` bytes: a small valid image padded after its end marker, so the
 * content still reads as JPEG and only the size is wrong.
 */
export async function oversizedJpeg(bytes: number): Promise<Buffer> {
  const jpeg = await cardPicture().jpeg().toBuffer();

  return Buffer.concat([jpeg, Buffer.alloc(Math.max(0, bytes - jpeg.length))]);
}

/**
 * A PNG that declares 16000×16000 pixels (256 million; about 768 MB once decoded as RGB) in a
 * file of about 30 KB: one-bit greyscale rows of zeros compress almost to nothing. Written by
 * hand, chunk by chunk, so making it costs no decoding either.
 */
export function pixelFloodPng(side = 16_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filter, no interlace
  // Each row: a filter-type byte, then one bit per pixel.
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side);

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));

  return Buffer.concat([length, typeAndData, checksum]);
}

/** An SVG picture carrying a script: text, so it has no magic bytes of an allowed type. */
export function svgBytes(): Buffer {
  return Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
      '<script>alert(1)</script><rect width="10" height="10"/></svg>\n',
  );
}

/** A plain text file, as a file renamed to `ktp.jpg` would be. */
export function textFileBytes(): Buffer {
  return Buffer.from('Ini bukan foto KTP, hanya teks biasa yang diberi nama ktp.jpg\n');
}

/** A GIF image: a real picture, but not a type a document may have. */
export function gifBytes(): Promise<Buffer> {
  return cardPicture().gif().toBuffer();
}

export interface PdfParts {
  /** Extra entries of the document catalog, e.g. `/OpenAction 5 0 R`. */
  catalogEntries?: string;
  /** Objects after the page content, numbered from 5, each without `N 0 obj`/`endobj`. */
  extraObjects?: readonly (string | Buffer)[];
  /** Extra entries of the trailer dictionary, e.g. `/Encrypt 5 0 R`. */
  trailerEntries?: string;
}

/**
 * A minimal one-page PDF written by hand, with a correct cross-reference table so that real
 * viewers open it: catalog (1), page tree (2), page (3), content stream (4), then the extras.
 */
export function pdfDocument(parts: PdfParts = {}): Buffer {
  const content = 'BT /F1 24 Tf 72 720 Td (KARTU KELUARGA) Tj ET';
  const objects: (string | Buffer)[] = [
    `<< /Type /Catalog /Pages 2 0 R ${parts.catalogEntries ?? ''}>>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...(parts.extraObjects ?? []),
  ];

  return assemblePdf(objects, parts.trailerEntries ?? '');
}

function assemblePdf(objects: readonly (string | Buffer)[], trailerEntries: string): Buffer {
  // The second line's high bytes tell transfer tools the file is binary (ISO 32000 §7.5.2).
  const pieces: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = pieces[0]?.length ?? 0;
  objects.forEach((body, index) => {
    const piece = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from(['', 'endobj', ''].join('\n')),
    ]);
    offsets.push(length);
    pieces.push(piece);
    length += piece.length;
  });

  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R ${trailerEntries}>>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');

  return Buffer.concat([...pieces, Buffer.from(xref, 'latin1')]);
}

/** A one-page PDF with nothing but text. */
export function plainPdf(): Buffer {
  return pdfDocument();
}

/** A PDF that runs JavaScript when opened. */
export function pdfWithJavaScript(): Buffer {
  return pdfDocument({
    catalogEntries: '/OpenAction 5 0 R',
    extraObjects: ['<< /Type /Action /S /JavaScript /JS (app.alert\\("Halo"\\)) >>'],
  });
}

/**
 * A PDF whose script action sits in a Flate-compressed object stream, as PDF 1.5+ writers
 * store objects: the names are invisible in the raw bytes.
 */
export function pdfWithCompressedJavaScript(): Buffer {
  const packed = '6 0 << /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>';
  const data = deflateSync(Buffer.from(packed, 'latin1'));
  const objectStream = Buffer.concat([
    Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${data.length} >>\n`),
    Buffer.from('stream\n'),
    data,
    Buffer.from('\nendstream'),
  ]);

  return pdfDocument({ catalogEntries: '/OpenAction 6 0 R', extraObjects: [objectStream] });
}
