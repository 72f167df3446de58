import { buildNik } from '@kaliber/schema';

import { VoterEntity } from '../../src/voters/voter.entity.js';
import type { TestServer } from './test-server.js';

export const CEK_NIK =
  'query CekNik($nik: String!) { cekNik(nik: $nik) { terdaftar nikMasked kelurahan } }';

/** A POST to /graphql as a public client would send it, with the raw body text kept. */
export async function postGraphQL(
  server: TestServer,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  text: string;
  json: PublicResponse;
  /** The response headers, less those that differ per response or per connection. */
  headers: Record<string, string>;
}> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();

  return {
    status: response.status,
    text,
    json: JSON.parse(text) as PublicResponse,
    headers: Object.fromEntries(
      [...response.headers].filter(([name]) => !VARYING_HEADERS.has(name)),
    ),
  };
}

const VARYING_HEADERS = new Set([
  'date',
  'x-request-id',
  'content-length',
  'connection',
  'keep-alive',
]);

export interface PublicResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** Cek NIK for one NIK, optionally as another client (X-Forwarded-For, when TRUST_PROXY=1). */
export function cekNik(server: TestServer, nik: string, clientIp?: string) {
  return postGraphQL(
    server,
    { query: CEK_NIK, variables: { nik } },
    clientIp ? { 'x-forwarded-for': clientIp } : {},
  );
}

/** A well-formed NIK that is on nobody's list: issued in Matraman, serial given. */
export function unlistedNik(serial: number, birthDate = '1990-05-17'): string {
  return buildNik({ districtCode: '317501', birthDate, sex: 'L', serial });
}

/** The first voter of the table, for a NIK that is on the list. */
export async function firstVoter(server: TestServer): Promise<VoterEntity> {
  return server.server.dataSource
    .getRepository(VoterEntity)
    .findOneOrFail({ where: { status: 'AKTIF' }, order: { id: 'ASC' } });
}
