import type { Readable } from 'node:stream';

/** A whole upload in memory, or the fact that it was over the cap (its bytes were dropped). */
export type UploadReadResult = { bytes: Buffer } | { tooLarge: true; bytesRead: number };

/**
 * Reads an uploaded file to its end, keeping at most `maxBytes` of it.
 *
 * The cap is applied while the bytes arrive, so an oversize file never sits in memory. The
 * stream is read to the end even then: graphql-upload's own `maxFileSize` only bites on a
 * stream that is read, an answer sent while the client is still uploading reaches it as a
 * reset connection, and a half-read stream keeps its temp file open. That `maxFileSize` error
 * counts as too large too; any other stream error (the client went away) is rethrown.
 */
export async function readUpload(stream: Readable, maxBytes: number): Promise<UploadReadResult> {
  const chunks: Buffer[] = [];
  let bytesRead = 0;

  try {
    for await (const chunk of stream) {
      const buffer = asBuffer(chunk);
      bytesRead += buffer.length;
      if (bytesRead <= maxBytes) {
        chunks.push(buffer);
      } else {
        // Over the cap: drop what was kept and only count the rest, so memory stays bounded.
        chunks.length = 0;
      }
    }
  } catch (error) {
    if (isUploadTooLargeError(error)) {
      return { tooLarge: true, bytesRead };
    }
    throw error;
  }

  return bytesRead <= maxBytes
    ? { bytes: Buffer.concat(chunks, bytesRead) }
    : { tooLarge: true, bytesRead };
}

/**
 * `readUpload` of a stream still to be opened, such as graphql-upload's `createReadStream`,
 * which itself throws the size error when the limit was hit before the resolver asked for the
 * stream (graphql-upload has then drained the rest; `bytesRead` is 0 as this reader saw none).
 */
export async function openAndReadUpload(
  openStream: () => Readable,
  maxBytes: number,
): Promise<UploadReadResult> {
  let stream: Readable;
  try {
    stream = openStream();
  } catch (error) {
    if (isUploadTooLargeError(error)) {
      return { tooLarge: true, bytesRead: 0 };
    }
    throw error;
  }

  return readUpload(stream, maxBytes);
}

/**
 * Whether an error is graphql-upload's "file exceeds maxFileSize" (an http-errors 413). The
 * resolver may meet it from `createReadStream()` too, when the limit was hit before it asked.
 */
export function isUploadTooLargeError(error: unknown): boolean {
  return error instanceof Error && (error as { status?: unknown }).status === 413;
}

/**
 * The `maxFileSize` to give graphql-upload for files of at most `maxBytes`: busboy reports its
 * limit when a file reaches it, so a file of exactly `maxBytes` would otherwise be cut off.
 */
export function uploadFileSizeLimit(maxBytes: number): number {
  return maxBytes + 1;
}

function asBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) {
    return chunk;
  }
  if (chunk instanceof Uint8Array) {
    return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }

  // A string chunk means someone set an encoding on a binary upload stream: a bug, not input.
  throw new TypeError('An upload stream must yield bytes, not text');
}
