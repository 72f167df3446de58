import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The operations log: JSON lines on stdout, never personal data. Request bodies are not logged
 * at all (they carry NIKs and names); the redact list is a second line of defence for fields
 * that a careless `log.info({ ... })` might pass.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'kaliber-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'nik',
        'nkk',
        'name',
        'birthDate',
        '*.nik',
        '*.nkk',
        '*.name',
        '*.birthDate',
        'req.headers.cookie',
        'req.headers.authorization',
        'variables',
      ],
      censor: '[disembunyikan]',
    },
  });
}
