import type { ApolloServerPlugin } from '@apollo/server';

import { auditSourceOf, type GraphQLContext } from '../graphql/context.js';

/**
 * Writes one PERSONAL_DATA_VIEWED entry per voter whose full personal values a request
 * resolved, before the response leaves. If the entries cannot be written, the data does not
 * leave either: the response is replaced by an error, because a view without its trace would
 * break the promise of DESIGN §6.6.
 */
export const personalDataAuditPlugin: ApolloServerPlugin<GraphQLContext> = {
  requestDidStart() {
    return Promise.resolve({
      async willSendResponse({ contextValue: context, response, operationName }) {
        const views = context.personalDataViews.entries();
        if (views.length === 0) return;

        try {
          await context.services.audit.record(
            auditSourceOf(context),
            views.map(({ voterId, fields }) => ({
              action: 'PERSONAL_DATA_VIEWED',
              outcome: 'SUCCESS',
              target: { type: 'voter', id: voterId },
              detail: { fields, operation: operationName ?? null },
            })),
          );
        } catch (error: unknown) {
          context.log.error(
            { err: error instanceof Error ? { name: error.name, stack: error.stack } : {} },
            'personal-data audit entries could not be written; response withheld',
          );
          if (response.body.kind === 'single') {
            response.body.singleResult.data = null;
            response.body.singleResult.errors = [
              {
                message: 'Layanan sedang tidak tersedia; coba lagi nanti',
                extensions: { code: 'SERVICE_UNAVAILABLE', requestId: context.requestId },
              },
            ];
          }
        }
      },
    });
  },
};
