// A small structural check of an uploaded PDF (DESIGN §6.5). Kaliber stores PDFs as received,
// so the check must find anything that could act when a staff member opens one: it looks for
// the refused names in the raw bytes and inside every zlib-compressed stream, because PDF 1.5+
// writers pack dictionaries (actions included) into compressed object streams.
//
// It does not parse the object graph: it never trusts a stream's /Length nor skips a region,
// so an object hidden inside another stream, or reachable only through the cross-reference
// table, is still seen.

import { promisify } from 'node:util';
import { constants, inflateRaw } from 'node:zlib';

import { hasRefusedName } from './pdf-names.js';

export type PdfProblem = 'FILE_UNREADABLE' | 'PDF_ACTIVE_CONTENT' | 'IMAGE_TOO_LARGE';

/**
 * Inflated bytes one PDF may produce in all, against a compression bomb; a one-page colour
 * scan at 300 dpi inflates to about 26 MB.
 */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

// ISO 32000 §7.5.5: a reader looks for the end-of-file marker in the last 1024 bytes.
const EOF_MARKER_WINDOW = 1024;
// Compression applied more often than this (a filter may be listed several times) is refused.
const MAX_COMPRESSION_LAYERS = 3;
// How far a lenient reader looks for the line end after the `stream` keyword.
const STREAM_LINE_WINDOW = 256;

const inflateRawAsync = promisify(inflateRaw);

/** Why a PDF is refused, or null when it is a plain document. */
export async function findPdfProblem(bytes: Buffer): Promise<PdfProblem | null> {
  if (!hasPdfFrame(bytes)) {
    return 'FILE_UNREADABLE';
  }
  if (hasRefusedName(bytes)) {
    return 'PDF_ACTIVE_CONTENT';
  }

  return findProblemInStreams(bytes);
}

// The header at the start and an end-of-file marker at the end; a truncated upload lacks it.
function hasPdfFrame(bytes: Buffer): boolean {
  const hasHeader = /^%PDF-[12]\.\d/.test(bytes.subarray(0, 8).toString('latin1'));

  return hasHeader && bytes.subarray(-EOF_MARKER_WINDOW).includes('%%EOF');
}

async function findProblemInStreams(bytes: Buffer): Promise<PdfProblem | null> {
  const budget = { remainingBytes: MAX_PDF_INFLATED_BYTES };
  for (const start of streamDataStarts(bytes)) {
    const problem = await findProblemInCompressed(bytes.subarray(start), budget, 1);
    if (problem) {
      return problem;
    }
  }

  return null;
}

/**
 * Every offset where stream data may begin: after each `stream` keyword and its line end, and
 * right after the keyword for readers that do not insist on one. Data that is not zlib is
 * passed over by `findProblemInCompressed`; the raw scan has already read it.
 */
function streamDataStarts(bytes: Buffer): Set<number> {
  const starts = new Set<number>();
  for (let at = bytes.indexOf('stream'); at !== -1; at = bytes.indexOf('stream', at + 1)) {
    const afterKeyword = at + 'stream'.length;
    starts.add(afterKeyword);
    const lineEnd = firstLineEnd(bytes.subarray(afterKeyword, afterKeyword + STREAM_LINE_WINDOW));
    if (lineEnd !== -1) {
      starts.add(afterKeyword + lineEnd);
    }
  }

  return starts;
}

// Offset just past the first CR, LF or CR LF; -1 when there is none.
function firstLineEnd(data: Buffer): number {
  const at = data.findIndex((byte) => byte === 0x0a || byte === 0x0d);
  if (at === -1) {
    return -1;
  }

  return data[at] === 0x0d && data[at + 1] === 0x0a ? at + 2 : at + 1;
}

// Known gap: data under a PNG or TIFF predictor (a /Predictor decode parameter, usual in
// cross-reference streams) is scanned as inflated, not un-predicted, so an object stream
// written with one could hide a name from this scan; undoing predictors needs each stream's
// parameters, which would mean parsing dictionaries this scanner deliberately does not trust.
async function findProblemInCompressed(
  data: Buffer,
  budget: { remainingBytes: number },
  layer: number,
): Promise<PdfProblem | null> {
  if (!startsWithZlibHeader(data)) {
    return null;
  }
  if (layer > MAX_COMPRESSION_LAYERS) {
    return 'PDF_ACTIVE_CONTENT';
  }

  const inflated = await inflateLeniently(data, budget.remainingBytes);
  if (inflated === 'OVER_BUDGET') {
    return 'IMAGE_TOO_LARGE';
  }
  budget.remainingBytes -= inflated.length;
  if (hasRefusedName(inflated)) {
    return 'PDF_ACTIVE_CONTENT';
  }

  return findProblemInCompressed(inflated, budget, layer + 1);
}

// RFC 1950: compression method 8 with a window of at most 32 KiB, no preset dictionary (PDF
// has no way to supply one), and the check bits.
function startsWithZlibHeader(data: Buffer): boolean {
  const method = data[0];
  const flags = data[1];
  if (method === undefined || flags === undefined) {
    return false;
  }

  const hasPresetDictionary = (flags & 0x20) !== 0;

  return (
    (method & 0x0f) === 8 &&
    method >> 4 <= 7 &&
    !hasPresetDictionary &&
    ((method << 8) | flags) % 31 === 0
  );
}

/**
 * Inflates up to `maxBytes` as a lenient viewer would, so that nothing a viewer shows escapes
 * the scan: the checksum is not checked (raw inflate after the two header bytes), bytes after
 * the end of the compressed data are ignored, and data that breaks off yields what came before
 * the break. Node's zlib drops the output of a call that fails, so on a data error the longest
 * prefix of the input that still inflates is found by bisection; each try stops at the break,
 * so this costs little.
 */
async function inflateLeniently(data: Buffer, maxBytes: number): Promise<Buffer | 'OVER_BUDGET'> {
  const deflated = data.subarray(2);
  const whole = await inflatePrefix(deflated, deflated.length, maxBytes);
  if (whole !== 'DATA_ERROR') {
    return whole;
  }

  let good: Buffer = Buffer.alloc(0);
  let goodLength = 0;
  let badLength = deflated.length;
  while (badLength - goodLength > 1) {
    const length = Math.floor((goodLength + badLength) / 2);
    const attempt = await inflatePrefix(deflated, length, maxBytes);
    if (attempt === 'OVER_BUDGET') {
      return attempt;
    }
    if (attempt === 'DATA_ERROR') {
      badLength = length;
    } else {
      goodLength = length;
      good = attempt;
    }
  }

  return good;
}

// A prefix ending mid-stream is not an error: Z_SYNC_FLUSH returns what it decoded so far.
async function inflatePrefix(
  deflated: Buffer,
  length: number,
  maxBytes: number,
): Promise<Buffer | 'OVER_BUDGET' | 'DATA_ERROR'> {
  try {
    return await inflateRawAsync(deflated.subarray(0, length), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: Math.max(1, maxBytes),
    });
  } catch (error) {
    return (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE'
      ? 'OVER_BUDGET'
      : 'DATA_ERROR';
  }
}
