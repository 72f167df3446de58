import { type Provider, inject } from '@angular/core';
import { InMemoryCache } from '@apollo/client';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';

/** Same-origin endpoint: the API serves the console, and `ng serve` proxies it (proxy.conf.json). */
const graphqlEndpoint = '/graphql';

/** The client cache; shared with the unit tests so they normalise data exactly like the app. */
export function createGraphqlCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      // A region has no `id`: its Kemendagri code (31.75, 31.75.01, 31.75.01.1001) is its identity.
      Region: { keyFields: ['code'] },
    },
  });
}

/** Apollo client for the app, talking to the Kaliber API over HttpClient. */
export function provideGraphqlClient(): Provider {
  return provideApollo(() => ({
    link: inject(HttpLink).create({ uri: graphqlEndpoint }),
    cache: createGraphqlCache(),
  }));
}
