import { type Provider, Injector, inject } from '@angular/core';
import { ApolloLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';

import { AuthStore } from '../auth/auth-store';
import { isUnauthenticated } from './api-failure';

/** Same-origin endpoint: the API serves the console, and `ng serve` proxies it (proxy.conf.json). */
const graphqlEndpoint = '/graphql';

/**
 * Operations of the sign-in flow itself: their UNAUTHENTICATED answers (if any) are the
 * flow's own business, not a sign that a running session ended.
 */
const sessionOperations: ReadonlySet<string> = new Set(['Viewer', 'Login', 'Logout']);

/** The client cache; shared with the unit tests so they normalise data exactly like the app. */
export function createGraphqlCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // A region has no `id`: its Kemendagri code (31.75, 31.75.01, 31.75.01.1001) is its identity.
      Region: { keyFields: ['code'] },
    },
  });
}

/** Whether a failed operation means the staff session has ended and the person must sign in. */
export function endsSession(error: unknown, operationName: string | undefined): boolean {
  return !sessionOperations.has(operationName ?? '') && isUnauthenticated(error);
}

/** Apollo client for the app, talking to the Kaliber API over HttpClient. */
export function provideGraphqlClient(): Provider {
  return provideApollo(() => {
    // Looked up when an error arrives, not now: AuthStore itself needs the Apollo client.
    const injector = inject(Injector);
    const sessionLink = new ErrorLink(({ error, operation }) => {
      if (endsSession(error, operation.operationName)) {
        // After the failing request has been delivered, so that its page sees it first.
        queueMicrotask(() => void injector.get(AuthStore).sessionEnded());
      }
    });

    return {
      link: ApolloLink.from([sessionLink, inject(HttpLink).create({ uri: graphqlEndpoint })]),
      cache: createGraphqlCache(),
    };
  });
}
