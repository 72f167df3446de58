import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTestServer, type TestServer } from './support/test-server.js';
import { testDatabaseKind } from './support/test-database.js';

describe(`the GraphQL and HTTP edge (${testDatabaseKind})`, () => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED and no stack trace', async () => {
    const response = await api.graphql('{ kabKota { name ');

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Permintaan GraphQL tidak dapat dibaca',
          locations: [{ line: 1, column: 18 }],
          extensions: { code: 'GRAPHQL_PARSE_FAILED', requestId: expect.any(String) as string },
        },
      ],
    });
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and no field suggestions', async () => {
    const response = await api.graphql('{ kabKota { nama } }');

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      errors: [
        {
          message: 'Permintaan GraphQL tidak sesuai dengan skema',
          locations: [{ line: 1, column: 13 }],
          extensions: {
            code: 'GRAPHQL_VALIDATION_FAILED',
            requestId: expect.any(String) as string,
          },
        },
      ],
    });
  });

  it('does not echo a submitted value in a variable type error', async () => {
    const response = await api.graphql('query ($code: ID!) { region(code: $code) { name } }', {
      code: { nik: '3175014512050003' },
    });

    expect(JSON.stringify(response.body)).not.toContain('3175014512050003');
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('answers a body that is not JSON with a typed 400', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Badan permintaan bukan JSON yang valid',
          extensions: { code: 'BAD_REQUEST', requestId: response.headers.get('x-request-id') },
        },
      ],
    });
  });

  it('refuses a GET without the CSRF preflight header', async () => {
    const response = await fetch(`${api.url}/graphql?query=%7BkabKota%7Bname%7D%7D`);

    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) as unknown,
      }),
    ]);
  });

  it('returns a fresh request id on every response and keeps a plain one it was given', async () => {
    const first = await fetch(`${api.url}/healthz`);
    const second = await fetch(`${api.url}/healthz`, {
      headers: { 'x-request-id': 'probe-12345678' },
    });

    expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).toBe('probe-12345678');
  });

  it('reports liveness and readiness', async () => {
    const health = await fetch(`${api.url}/healthz`);
    const ready = await fetch(`${api.url}/readyz`);

    expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok', database: 'ok' }]);
  });

  it('answers an unknown path with a typed JSON 404', async () => {
    const response = await fetch(`${api.url}/tidak-ada`, {
      headers: { accept: 'application/json' },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Alamat tidak ditemukan', extensions: { code: 'NOT_FOUND' } }],
    });
  });

  it('sends the security headers', async () => {
    const response = await fetch(`${api.url}/healthz`);

    expect({
      csp: response.headers.get('content-security-policy')?.split('; ')[0],
      nosniff: response.headers.get('x-content-type-options'),
      frame: response.headers.get('x-frame-options'),
      poweredBy: response.headers.get('x-powered-by'),
    }).toEqual({ csp: "default-src 'self'", nosniff: 'nosniff', frame: 'DENY', poweredBy: null });
  });
});
