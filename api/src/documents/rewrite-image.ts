// Photos and scans are decoded and encoded again before they are stored: what is kept is only
// the pixels, so EXIF (GPS position, camera serial), ICC and XMP data, comments, and anything
// smuggled after the end of the image or in a polyglot file are gone.

import sharp, { type Metadata } from 'sharp';

/**
 * 50 megapixels: above any phone camera's default output, and about 150 MB decoded (RGB), so a
 * small file that claims a huge size (a decompression bomb) is refused before it is decoded.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

// One decoding thread per image: on a small server several uploads then share the cores
// instead of each claiming all of them, and libuv's pool bounds how many run at once. No
// operation cache either: it would keep decoded identity documents in memory after the request.
sharp.concurrency(1);
sharp.cache(false);

export type ImageMediaType = 'image/jpeg' | 'image/png';

export type ImageProblem = 'FILE_UNREADABLE' | 'IMAGE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED';

export type RewrittenImage = { bytes: Buffer } | { problem: ImageProblem };

const SHARP_FORMATS: Readonly<Record<ImageMediaType, string>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
};

/** Re-encodes a JPEG as JPEG and a PNG as PNG, upright, without metadata. */
export async function rewriteImage(
  bytes: Buffer,
  mediaType: ImageMediaType,
): Promise<RewrittenImage> {
  const headerProblem = await findHeaderProblem(bytes, mediaType);
  if (headerProblem) {
    return { problem: headerProblem };
  }

  try {
    return { bytes: await encode(bytes, mediaType) };
  } catch {
    // The decoder's message is not shown: it may quote the input, and the citizen needs only this.
    return { problem: 'FILE_UNREADABLE' };
  }
}

// Reads only the header: the size check must come before any pixel is decoded.
async function findHeaderProblem(
  bytes: Buffer,
  mediaType: ImageMediaType,
): Promise<ImageProblem | null> {
  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return 'FILE_UNREADABLE';
  }

  // The magic bytes said one thing; sharp must agree, so only its JPEG and PNG decoders run.
  if (header.format !== SHARP_FORMATS[mediaType]) {
    return 'FILE_TYPE_NOT_ALLOWED';
  }
  if (header.width * header.height > MAX_IMAGE_PIXELS) {
    return 'IMAGE_TOO_LARGE';
  }

  return null;
}

function encode(bytes: Buffer, mediaType: ImageMediaType): Promise<Buffer> {
  // failOn 'error' refuses truncated and corrupt pixel data; 'warning' would also refuse the
  // harmless decoder warnings some phone cameras trigger. The pixel limit stays as a second
  // guard in case a decoder trusts a different size than the header reported.
  const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient();

  return mediaType === 'image/jpeg'
    ? image.jpeg({ quality: 90 }).toBuffer()
    : image.png({ compressionLevel: 6 }).toBuffer();
}
