import { type ApiFailure, formatWait } from '../../graphql/api-failure';

/**
 * What a public page says when the API refused a request at its gate or could not answer:
 * a rate limit names the wait, a refused proof of work asks for a new tick, and anything else
 * is the server's own (Indonesian, masked) message.
 */
export function publicFailureText(failure: ApiFailure): string {
  switch (failure.code) {
    case 'RATE_LIMITED':
      return failure.retryAfterSeconds === null
        ? 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.'
        : `Terlalu banyak permintaan dalam waktu singkat. Tunggu ${formatWait(failure.retryAfterSeconds)}, lalu coba lagi.`;
    case 'PROOF_OF_WORK_FAILED':
      return (
        'Verifikasi anti-robot belum selesai atau sudah tidak berlaku. Centang kembali ' +
        '“Saya bukan robot”, tunggu tanda terverifikasi, lalu kirim lagi.'
      );
    default:
      return failure.message;
  }
}

/** Shown when a page is about to send a request that needs a proof of work but has none yet. */
export const proofOfWorkMissingText =
  'Centang “Saya bukan robot” dan tunggu sampai terverifikasi, lalu kirim lagi.';
