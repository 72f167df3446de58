/**
 * Draws text (an otpauth:// URI) as a QR code and returns it as an SVG data URL for an
 * `<img>`: no inline script and no innerHTML, so the page's Content-Security-Policy
 * (`img-src 'self' data:`) holds. The library is loaded on first use, keeping it out of every
 * bundle but the enrolment page's.
 */
export async function qrCodeImageUrl(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  const svg = await toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** "JBSW Y3DP EHPK 3PXP": a base32 secret in groups of four, easier to type by hand. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
