import type { GraphQLResponse } from './test-server.js';

/** A GraphQL caller with its own cookie jar and headers, like one browser or one machine. */
export interface GraphQLClient {
  /** Sends JSON, or a multipart upload (with Apollo's preflight header) when files are given. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    uploads?: Readonly<Record<string, UploadedFile>>,
  ): Promise<GraphQLResponse<T>>;
  /** The session cookie this client holds now, if any (`name=value`). */
  readonly cookie: string | undefined;
}

/** A file for an `Upload` variable: sent under that variable's name. */
export interface UploadedFile {
  readonly bytes: Buffer;
  readonly name: string;
  readonly type: string;
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
    graphql: async <T>(
      query: string,
      variables?: Record<string, unknown>,
      uploads?: Readonly<Record<string, UploadedFile>>,
    ) => {
      const headers = { ...options.headers, ...(cookie ? { cookie } : {}) };
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        ...(uploads
          ? {
              headers: { ...headers, 'apollo-require-preflight': 'true' },
              body: multipartBody(query, variables ?? {}, uploads),
            }
          : {
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ query, variables }),
            }),
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

/** A GraphQL multipart request (graphql-multipart-request-spec): operations, map, files. */
function multipartBody(
  query: string,
  variables: Record<string, unknown>,
  uploads: Readonly<Record<string, UploadedFile>>,
): FormData {
  const names = Object.keys(uploads);
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({
      query,
      variables: { ...variables, ...Object.fromEntries(names.map((name) => [name, null])) },
    }),
  );
  body.set(
    'map',
    JSON.stringify(Object.fromEntries(names.map((name, index) => [index, [`variables.${name}`]]))),
  );
  names.forEach((name, index) => {
    const file = uploads[name];
    if (file) body.set(String(index), new Blob([file.bytes], { type: file.type }), file.name);
  });

  return body;
}
