/**
 * Draws text (an otpauth:// URI) as a QR code and returns it as an SVG data URL for an
 * `<img>`: no inline script and no innerHTML, so the page's Content-Security-Policy
 * (`img-src 'self' data:`) holds. The library is loaded on first use, keeping it out of every
 * bundle but the enrolment page's.
 */
export async function qrCodeImageUrl(text: string): Promise<string> {
  // A CommonJS package: loaded on demand, its exports arrive as the default export.
  const qrcode = (await import('qrcode')).default;
  const svg = await qrcode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A base32 secret in groups of four characters, easier to read off and type by hand. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
