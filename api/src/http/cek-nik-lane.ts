import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

import type { Logger } from '../logging/logger.js';
import type { CekNikFastPath } from '../public-access/cek-nik-fast-path.js';
import type { PublicRequest } from '../public-access/public-gate.js';
import { clientAddressOf } from './client-address.js';
import { requestIdOf } from './request-id.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** Largest body the lane reads itself; a Cek NIK request is about 150 bytes. */
const MAX_LANE_BODY_BYTES = 2_048;

const JSON_HEADERS = [
  ...SECURITY_HEADERS.flat(),
  'Content-Type',
  'application/json; charset=utf-8',
  // As Apollo sends it: an answer about an NIK is never stored by a cache on the way.
  'Cache-Control',
  'no-store',
];

/**
 * Puts the Cek NIK path in front of Express. Measured under load, Express's router, its
 * middleware and pino-http cost the Cek NIK request three times what the lookup itself does;
 * a bare node:http handler is the yardstick of DESIGN §7. So a small JSON POST to /graphql is
 * read here: a plain Cek NIK query is answered at once, with the same headers, the same log
 * line and the same body as through Express and Apollo; any other request goes to Express, with
 * its body already parsed (body-parser skips a request whose stream has ended).
 */
export function withCekNikLane(
  app: RequestListener,
  fastPath: CekNikFastPath,
  log: Logger,
  trustedProxyHops: number,
): RequestListener {
  return (request, response) => {
    if (!isLaneCandidate(request)) {
      app(request, response);
      return;
    }
    const startedAt = performance.now();
    readSmallBody(request).then(
      (text) => {
        const body = parseJson(text);
        if (body === UNPARSABLE) {
          markUnparsableBody(request);
          app(request, response);
          return;
        }
        const requestId = requestIdOf(request);
        const answer = fastPath.answer(body, () =>
          publicRequestOf(request, requestId, log, trustedProxyHops),
        );
        if (!answer) {
          (request as IncomingMessage & { body?: unknown }).body = body;
          app(request, response);
          return;
        }
        void answer.then((json) => {
          send(response, json, requestId);
          log.info(
            {
              reqId: requestId,
              req: { id: requestId, method: 'POST', path: '/graphql' },
              res: { status: 200 },
              responseTime: Math.round(performance.now() - startedAt),
            },
            'request completed',
          );
        });
      },
      () => {
        // The client went away mid-body: nothing to answer.
        request.destroy();
      },
    );
  };
}

/** Whether an Express error handler should refuse the request as unparsable JSON. */
export function hasUnparsableBody(request: IncomingMessage): boolean {
  return (request as IncomingMessage & { [UNPARSABLE_MARK]?: boolean })[UNPARSABLE_MARK] === true;
}

const UNPARSABLE = Symbol('unparsable');
const UNPARSABLE_MARK = Symbol('kaliber.unparsableBody');

function markUnparsableBody(request: IncomingMessage): void {
  (request as IncomingMessage & { [UNPARSABLE_MARK]?: boolean })[UNPARSABLE_MARK] = true;
}

// Only what a Cek NIK client sends: a small, declared-length, uncompressed JSON POST to the
// exact path. A query string, chunked or compressed body goes the general way.
function isLaneCandidate(request: IncomingMessage): boolean {
  const { headers } = request;
  const length = Number(headers['content-length']);

  return (
    request.method === 'POST' &&
    request.url === '/graphql' &&
    headers['content-type']?.startsWith('application/json') === true &&
    headers['content-encoding'] === undefined &&
    Number.isInteger(length) &&
    length > 0 &&
    length <= MAX_LANE_BODY_BYTES
  );
}

function readSmallBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // A body longer than it declared: Node's parser stops at Content-Length, so this is
      // only a guard.
      if (size <= MAX_LANE_BODY_BYTES) chunks.push(chunk);
    });
    request.once('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.once('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return UNPARSABLE;
  }
}

function send(response: ServerResponse, json: string, requestId: string): void {
  response.writeHead(200, [
    ...JSON_HEADERS,
    'Content-Length',
    String(Buffer.byteLength(json)),
    'X-Request-Id',
    requestId,
  ]);
  response.end(json);
}

function publicRequestOf(
  request: IncomingMessage,
  requestId: string,
  log: Logger,
  trustedProxyHops: number,
): PublicRequest {
  let requestLog: Logger | undefined;

  return {
    clientIp: clientAddressOf(request, trustedProxyHops),
    requestId,
    // A child logger only when something is logged (a limit trip, a scan alert).
    get log() {
      requestLog ??= log.child({ reqId: requestId });
      return requestLog;
    },
  };
}
