import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';

import { DomainError } from '../errors/domain-error.js';
import type { GraphQLContext } from './context.js';

/**
 * Logs unexpected resolver errors with the request's correlation id, before the edge masks
 * them, and stamps that id on every error the client receives so a report can be traced.
 * Only the error's class, driver code and stack are logged, never its message: a driver's
 * message can quote the values of the statement (MySQL's "Duplicate entry '3175…'").
 */
export const errorLoggingPlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof DomainError || !error.path) continue;
          const failure = original instanceof Error ? original : new Error(String(original));
          contextValue.log.error(
            {
              requestId: contextValue.requestId,
              errorClass: failure.name,
              errorCode: (failure as { code?: unknown }).code,
              path: error.path.join('.'),
              stack: failure.stack?.split('\n').slice(1).join('\n'),
            },
            'resolver failed',
          );
        }
        return Promise.resolve();
      },
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return Promise.resolve();
        const errors = response.body.singleResult.errors;
        if (errors) {
          response.body.singleResult.errors = errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: contextValue.requestId },
          }));
        }
        return Promise.resolve();
      },
    });
  },
};
