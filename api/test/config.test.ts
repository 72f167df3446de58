import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../src/config/config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded SQLite file in ./data and Jakarta Timur', () => {
    const config = loadConfig({});

    expect({
      host: config.host,
      port: config.port,
      dataDir: config.dataDir,
      database: config.database,
      kabKotaCode: config.kabKotaCode,
      demoVoters: config.demoVoters,
    }).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: path.resolve('data'),
      database: { kind: 'sqlite', file: path.resolve('data/kaliber.sqlite') },
      kabKotaCode: '31.75',
      demoVoters: 20_000,
    });
  });

  it('reads a MySQL URL with credentials and pool size', () => {
    const config = loadConfig({
      DATABASE_URL: 'mysql://kpu:rahasia%40123@db.internal:3307/kaliber',
      DATABASE_POOL_SIZE: '20',
    });

    expect(config.database).toEqual({
      kind: 'mysql',
      host: 'db.internal',
      port: 3307,
      user: 'kpu',
      password: 'rahasia@123',
      database: 'kaliber',
      poolSize: 20,
    });
  });

  it.each([
    [{ PORT: 'delapan' }, 'Konfigurasi PORT tidak valid: harus bilangan bulat'],
    [{ PORT: '70000' }, 'Konfigurasi PORT tidak valid'],
    [
      { KAB_KOTA: '3175' },
      'Konfigurasi KAB_KOTA tidak valid: harus kode kabupaten/kota Kemendagri',
    ],
    [{ DATABASE_URL: 'postgres://x@y/z' }, 'Konfigurasi DATABASE_URL tidak valid: skema harus'],
    [{ LOG_LEVEL: 'loud' }, 'Konfigurasi LOG_LEVEL tidak valid'],
    [{ DATABASE_LOGGING: 'ya' }, 'Konfigurasi DATABASE_LOGGING tidak valid: harus true atau false'],
  ])('rejects %o with a message naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('never repeats the password of a bad database URL', () => {
    const attempt = () => loadConfig({ DATABASE_URL: 'mysql://kpu:Sangat-Rahasia@host/bad-name!' });

    expect(attempt).toThrow('Konfigurasi DATABASE_URL tidak valid: nama database');
    expect(attempt).not.toThrow(/Sangat-Rahasia/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', HOST: '' }).port).toBe(3000);
  });

  it('turns on second factors and Secure cookies by default in production only', () => {
    const secret = 'ab'.repeat(32);
    const development = loadConfig({}).security;
    const production = loadConfig({ NODE_ENV: 'production', SECRET_KEY: secret }).security;

    expect([
      [development.isMfaRequired, development.isCookieSecure],
      [production.isMfaRequired, production.isCookieSecure],
      loadConfig({ NODE_ENV: 'production', SECRET_KEY: secret, REQUIRE_MFA: 'false' }).security
        .isMfaRequired,
    ]).toEqual([[false, false], [true, true], false]);
  });

  it('refuses to run in production without a SECRET_KEY, and never echoes a bad one', () => {
    const missing = () => loadConfig({ NODE_ENV: 'production' });
    const malformed = () => loadConfig({ SECRET_KEY: 'rahasia-sekali-tapi-pendek' });

    expect(missing).toThrow(
      'Konfigurasi SECRET_KEY tidak valid: wajib diisi di produksi (64 digit heksadesimal)',
    );
    expect(malformed).toThrow('Konfigurasi SECRET_KEY tidak valid: harus 64 digit heksadesimal');
    expect(malformed).not.toThrow(/rahasia-sekali/);
  });

  it('reads the public-service settings, with the proof of work on in production only', () => {
    const secret = { SECRET_KEY: 'a'.repeat(64) };
    const development = loadConfig({}).publicServices;
    const production = loadConfig({ NODE_ENV: 'production', ...secret }).publicServices;
    const tuned = loadConfig({
      NIK_MASK: 'last4',
      PUBLIC_LIMIT_PER_IP: '5/30s',
      REGISTRATION_LIMIT_PER_NIK: '1/24h',
      POLLING_DATE: '2029-02-14',
    }).publicServices;

    expect(development.isProofOfWorkRequired).toBe(false);
    expect(production.isProofOfWorkRequired).toBe(true);
    expect(development.nikMask).toEqual({ visibleDigits: 10 });
    expect(tuned.nikMask).toEqual({ visibleDigits: 12 });
    // One setting limits both questions about an NIK: Cek NIK and tracking.
    expect(tuned.limits.CEK_NIK.perIp).toEqual({ points: 5, windowSeconds: 30 });
    expect(tuned.limits.REGISTRATION_STATUS.perIp).toEqual({ points: 5, windowSeconds: 30 });
    expect(tuned.limits.REGISTRATION_SUBMIT.perNik).toEqual({ points: 1, windowSeconds: 86_400 });
    expect(tuned.pollingDate).toBe('2029-02-14');
  });

  it.each([
    ['NIK_MASK', 'last5'],
    ['PUBLIC_LIMIT_PER_NIK', 'sepuluh'],
    ['REGISTRATION_LIMIT_GLOBAL', '0/1m'],
    ['POLLING_DATE', '2029-02-30'],
  ])('refuses a bad %s with one line naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(
      new RegExp(`^Konfigurasi ${variable} tidak valid`),
    );
  });
});
