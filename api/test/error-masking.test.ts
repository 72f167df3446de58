import { Writable } from 'node:stream';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { DomainError } from '../src/errors/domain-error.js';
import { formatError } from '../src/errors/format-error.js';
import type { GraphQLContext } from '../src/graphql/context.js';
import { errorLoggingPlugin } from '../src/graphql/error-logging.plugin.js';

/** A MySQL duplicate-key failure, whose message quotes the NIK it refused. */
function duplicateNikError(): Error {
  return Object.assign(new Error("Duplicate entry '3175014512050003' for key 'uq_voter_nik'"), {
    code: 'ER_DUP_ENTRY',
  });
}

/** What graphql-js hands the edge for an error thrown inside a resolver. */
function asResolverError(original: Error): [GraphQLFormattedError, GraphQLError] {
  const wrapped = new GraphQLError(original.message, { path: ['region'], originalError: original });
  return [wrapped.toJSON(), wrapped];
}

describe('the error edge', () => {
  it('replaces an unexpected error with a generic message and code', () => {
    expect(formatError(...asResolverError(duplicateNikError()))).toEqual({
      message: 'Terjadi kesalahan pada server',
      path: ['region'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('reports an unreachable database as SERVICE_UNAVAILABLE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), {
      code: 'ECONNREFUSED',
    });

    expect(formatError(...asResolverError(refused)).extensions).toEqual({
      code: 'SERVICE_UNAVAILABLE',
    });
  });

  it('passes a domain error through with its own message and code', () => {
    const [formatted, error] = asResolverError(
      new DomainError('NOT_FOUND', 'Wilayah tidak ditemukan'),
    );

    expect(formatError(formatted, error)).toEqual({
      message: 'Wilayah tidak ditemukan',
      path: ['region'],
      locations: undefined,
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('logs an unexpected error with its request id and driver code but not its message', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const contextValue = { requestId: 'req-12345678', log: pino({ level: 'trace' }, sink) };
    const [, error] = asResolverError(duplicateNikError());

    const listener = await errorLoggingPlugin.requestDidStart?.({ contextValue } as never);
    await listener?.didEncounterErrors?.({
      errors: [error],
      contextValue: contextValue as unknown as GraphQLContext,
    } as never);

    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect([entry['msg'], entry['requestId'], entry['errorCode'], entry['path']]).toEqual([
      'resolver failed',
      'req-12345678',
      'ER_DUP_ENTRY',
      'region',
    ]);
    expect(lines[0]).not.toContain('3175014512050003');
  });
});
