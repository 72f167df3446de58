/**
 * Defines the `<altcha-widget>` element, with Indonesian texts and solvers that run as workers
 * of our own origin. Imported on demand by ProofOfWorkWidget, so the widget's code (about
 * 250 kB) reaches only the pages that ask for a proof of work.
 *
 * The widget's bundle starts its solvers from blob: URLs, which the API's
 * Content-Security-Policy (`script-src 'self'`, no `worker-src`) refuses; so each algorithm is
 * registered again with a worker bundled from our own files. Its stylesheet it injects itself
 * as a `<style>` element, which the policy allows (`style-src 'unsafe-inline'`).
 */
export async function defineAltchaWidget(): Promise<void> {
  await import('altcha');
  // The i18n module registers its strings in the global registry the widget has just set up.
  await import('altcha/i18n/id');

  // The algorithms the widget can meet; the server picks one per challenge (ALTCHA v2 uses
  // PBKDF2/SHA-256 by default). Each solve starts a fresh worker.
  const pbkdf2 = (): Worker => new Worker(new URL('./pbkdf2.worker', import.meta.url));
  const sha = (): Worker => new Worker(new URL('./sha.worker', import.meta.url));
  for (const bits of ['256', '384', '512']) {
    globalThis.$altcha.algorithms.set(`PBKDF2/SHA-${bits}`, pbkdf2);
    globalThis.$altcha.algorithms.set(`SHA-${bits}`, sha);
  }
}
