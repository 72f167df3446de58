import type { GraphQLResponse } from './test-server.js';

/** A GraphQL caller with its own cookie jar and headers, like one browser or one machine. */
export interface GraphQLClient {
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** The session cookie this client holds now, if any (`name=value`). */
  readonly cookie: string | undefined;
}

export interface ClientOptions {
  /** Extra request headers, e.g. `authorization` or `x-forwarded-for`. */
  readonly headers?: Record<string, string>;
  /** Start with this cookie, e.g. one copied from another client ("stolen"). */
  readonly cookie?: string;
}

/** A client of the server at `url` that keeps the cookies it is sent, as a browser does. */
export function graphqlClient(url: string, options: ClientOptions = {}): GraphQLClient {
  let cookie = options.cookie;

  return {
    get cookie() {
      return cookie;
    },
    graphql: async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...options.headers,
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair = ''] = header.split(';');
        const [, value = ''] = pair.split('=');
        cookie =
          value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(header) ? undefined : pair;
      }
      return {
        status: response.status,
        body: (await response.json()) as GraphQLResponse<T>['body'],
        headers: response.headers,
      };
    },
  };
}
