import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { pinoHttp } from 'pino-http';
import {
  DOCUMENT_KINDS,
  MAX_DOCUMENT_BYTES,
  MAX_REGISTRATION_REQUEST_BYTES,
  type RegionCatalogue,
} from '@kaliber/schema';
import type { DataSource } from 'typeorm';

import { PersonalDataViews } from '../authorization/personal-data-views.js';
import { DomainError } from '../errors/domain-error.js';
import { isDatabaseUnavailable } from '../errors/format-error.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Logger } from '../logging/logger.js';
import type { Services } from '../services.js';
import { uploadFileSizeLimit } from '../documents/read-upload.js';
import { hasUnparsableBody } from './cek-nik-lane.js';
import { clientAddressOf } from './client-address.js';
import { healthRouter } from './health.js';
import { proofOfWorkRouter } from './proof-of-work-route.js';
import { requestIdOf } from './request-id.js';
import { securityHeaders } from './security-headers.js';
import { presentedToken, sessionCookieWriter } from './session-credentials.js';

export interface AppDependencies {
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly dataSource: DataSource;
  readonly regions: RegionCatalogue;
  readonly services: Services;
  readonly log: Logger;
  /** Built console; when the folder has no index.html the API runs headless. */
  readonly consoleDir: string;
}

/** Largest GraphQL JSON body accepted; file uploads come through multipart, not this. */
const JSON_BODY_LIMIT = '100kb';

export function createApp({
  apollo,
  dataSource,
  regions,
  services,
  log,
  consoleDir,
}: AppDependencies): Express {
  const { security } = services.config;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Only as many X-Forwarded-For hops as there are proxies of our own: a client that sends the
  // header itself cannot choose the IP that throttling and the audit log see.
  app.set('trust proxy', security.trustedProxyHops);

  // One log line per request: method, path without query string, status, duration. Bodies,
  // query strings and headers are left out: they can carry NIKs, names and credentials.
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (request, response) => {
        const id = requestIdOf(request);
        response.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ status: response.statusCode }),
      },
      customSuccessMessage: () => 'request completed',
      customErrorMessage: () => 'request failed',
      quietReqLogger: true,
    }),
  );
  app.use(securityHeaders);
  app.use(healthRouter(dataSource));
  const { proofOfWork } = services.publicAccess;
  if (proofOfWork) app.use(proofOfWorkRouter(proofOfWork));

  app.use(
    '/graphql',
    // Multipart (registration uploads) first: graphql-upload turns it into the GraphQL body.
    // Apollo's CSRF prevention stays on, so a browser must send Apollo-Require-Preflight.
    refuseUnparsableBody,
    refuseOversizedUploads,
    graphqlUploadExpress({
      maxFileSize: uploadFileSizeLimit(MAX_DOCUMENT_BYTES),
      maxFiles: DOCUMENT_KINDS.length,
      maxFieldSize: MAX_REGISTRATION_FIELD_BYTES,
    }),
    express.json({ limit: JSON_BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GraphQLContext> => {
        const token = presentedToken(req, security.isCookieSecure);
        return {
          requestId: assignedRequestId(req),
          log: req.log,
          dataSource,
          regions,
          services,
          actor: token ? await resolveActor(services, token) : null,
          // The Cek NIK lane's computation, so both paths count one client as one.
          clientIp: clientAddressOf(req, security.trustedProxyHops),
          sessionCookie: sessionCookieWriter(res, security.isCookieSecure),
          personalDataViews: new PersonalDataViews(),
        };
      },
    }),
  );

  serveConsole(app, consoleDir, log);
  app.use((_request, response) => {
    response.status(404).json({
      errors: [{ message: 'Alamat tidak ditemukan', extensions: { code: 'NOT_FOUND' } }],
    });
  });
  app.use(jsonErrorHandler);

  return app;
}

/** Largest non-file part of a registration request (its `operations` and `map` JSON). */
const MAX_REGISTRATION_FIELD_BYTES = 100_000;

/**
 * A multipart request that announces more bytes than two documents and the form can take is
 * refused before a byte of it is read; one without a length is bounded by the per-file limits.
 */
const refuseOversizedUploads: RequestHandler = (request, response, next) => {
  const length = Number(request.headers['content-length'] ?? 0);
  if (request.is('multipart/form-data') && length > MAX_REGISTRATION_REQUEST_BYTES) {
    response.status(413).json({
      errors: [
        {
          message: 'Permintaan terlalu besar; ukuran maksimal tiap berkas 5 MB',
          extensions: { code: 'BAD_REQUEST', requestId: assignedRequestId(request) },
        },
      ],
    });
    return;
  }
  next();
};

/** A body the Cek NIK lane read and found not to be JSON: the same typed 400 as express.json. */
const refuseUnparsableBody: RequestHandler = (request, _response, next) => {
  next(
    hasUnparsableBody(request)
      ? Object.assign(new SyntaxError('bad JSON'), { status: 400 })
      : undefined,
  );
};

/** The built Angular console at `/`, with unknown paths falling back to its index.html. */
function serveConsole(app: Express, consoleDir: string, log: Logger): void {
  const indexFile = path.join(consoleDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    log.warn({ consoleDir }, 'console build not found; serving the API only');
    return;
  }

  app.use(express.static(consoleDir, { index: false, maxAge: '1h', immutable: false }));
  app.get('/{*path}', (request, response, next) => {
    if (!request.accepts('html')) {
      next();
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
}

/**
 * Last resort for errors outside GraphQL (a body that is not JSON, one that is too large):
 * a typed JSON answer, never Express's HTML page with a stack trace.
 */
const jsonErrorHandler: ErrorRequestHandler = (error: unknown, request, response, _next) => {
  const status = httpStatusOf(error);
  if (status >= 500) {
    request.log.error({
      err: error instanceof Error ? { name: error.name, stack: error.stack } : {},
    });
  }
  const [code, message] =
    status === 413
      ? ['BAD_REQUEST', 'Permintaan terlalu besar']
      : status >= 500
        ? ['INTERNAL_SERVER_ERROR', 'Terjadi kesalahan pada server']
        : ['BAD_REQUEST', 'Badan permintaan bukan JSON yang valid'];
  response.status(status).json({
    errors: [{ message, extensions: { code, requestId: assignedRequestId(request) } }],
  });
};

/** The id pino-http gave the request (always a string: see genReqId above). */
function assignedRequestId(request: { id: unknown }): string {
  return typeof request.id === 'string' ? request.id : '';
}

function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * The session behind a token. When the database cannot be reached the request ends with a
 * typed 503, not Apollo's generic "context creation failed" 500.
 */
async function resolveActor(services: Services, token: string) {
  try {
    return await services.sessions.resolve(token);
  } catch (error: unknown) {
    if (!isDatabaseUnavailable(error)) throw error;
    throw new DomainError(
      'SERVICE_UNAVAILABLE',
      'Layanan sedang tidak tersedia; coba lagi nanti',
      undefined,
      { http: { status: 503 } },
    );
  }
}
