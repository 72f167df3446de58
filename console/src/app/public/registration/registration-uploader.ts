import {
  type HttpBackend,
  HttpClient,
  HttpErrorResponse,
  type HttpEvent,
  HttpEventType,
  HttpXhrBackend,
} from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { print, type FormattedExecutionResult } from 'graphql';
import { EMPTY, type Observable, catchError, mergeMap, of, throwError } from 'rxjs';

import { type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import {
  SubmitRegistrationDocument,
  type SubmitRegistrationMutation,
  type SubmitRegistrationMutationVariables,
} from '../../graphql/generated/graphql';

export type RegistrationReceipt = SubmitRegistrationMutation['submitRegistration'];

/** The variables of SubmitRegistration other than the two files, which travel as parts. */
export type RegistrationVariables = Omit<SubmitRegistrationMutationVariables, 'ktp' | 'kk'>;

/** The two documents, in the order they are sent: part "0" is the KTP, part "1" the KK. */
export interface RegistrationFiles {
  readonly ktp: File;
  readonly kk: File;
}

/** What an upload reports: the share of bytes sent so far, then the server's receipt. */
export type RegistrationUploadEvent =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'receipt'; readonly receipt: RegistrationReceipt };

/**
 * The backend that sends the upload. XMLHttpRequest, not the app's fetch backend: fetch does
 * not report upload progress. Unit tests put Angular's testing backend here.
 */
export const REGISTRATION_UPLOAD_BACKEND = new InjectionToken<HttpBackend>(
  'REGISTRATION_UPLOAD_BACKEND',
  { providedIn: 'root', factory: () => inject(HttpXhrBackend) },
);

/** Same endpoint as Apollo's; graphql-upload on the API reads the multipart body. */
const graphqlEndpoint = '/graphql';

const oversizedMessage = 'Permintaan terlalu besar; ukuran maksimal tiap berkas 5 MB';
const serverFailureMessage = 'Terjadi kesalahan pada server. Coba lagi beberapa saat lagi.';

/**
 * The body of a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec):
 * `operations` holds the query with null in place of each file, `map` says which variable each
 * numbered part fills, and the parts follow in that order. The API reads `operations` and `map`
 * before any file, so the order of the appends matters.
 */
export function registrationRequestBody(
  variables: RegistrationVariables,
  files: RegistrationFiles,
): FormData {
  const operations = {
    operationName: 'SubmitRegistration',
    query: print(SubmitRegistrationDocument),
    variables: { ...variables, ktp: null, kk: null },
  };
  const body = new FormData();
  body.append('operations', JSON.stringify(operations));
  body.append('map', JSON.stringify({ 0: ['variables.ktp'], 1: ['variables.kk'] }));
  body.append('0', files.ktp, files.ktp.name);
  body.append('1', files.kk, files.kk.name);

  return body;
}

/**
 * Sends a registration with its two documents. Apollo's HttpLink cannot send files, so this
 * posts the multipart request itself, with the `Apollo-Require-Preflight` header that Apollo
 * Server's CSRF prevention asks of every multipart request (a plain HTML form cannot set it).
 * Failures arrive as ApiFailure values on the error channel.
 */
@Injectable({ providedIn: 'root' })
export class RegistrationUploader {
  private readonly http = new HttpClient(inject(REGISTRATION_UPLOAD_BACKEND));

  submit(
    variables: RegistrationVariables,
    files: RegistrationFiles,
  ): Observable<RegistrationUploadEvent> {
    return this.http
      .post<FormattedExecutionResult<SubmitRegistrationMutation>>(
        graphqlEndpoint,
        registrationRequestBody(variables, files),
        {
          headers: { 'Apollo-Require-Preflight': 'true' },
          observe: 'events',
          reportProgress: true,
        },
      )
      .pipe(
        catchError((error: unknown) => throwError(() => toUploadFailure(error))),
        mergeMap((event) => {
          const outcome = toUploadOutcome(event);

          return outcome === null
            ? EMPTY
            : 'failure' in outcome
              ? throwError(() => outcome.failure)
              : of(outcome);
        }),
      );
  }
}

// Progress and the answer become events; every other HttpEvent (sent, headers) is dropped.
function toUploadOutcome(
  event: HttpEvent<FormattedExecutionResult<SubmitRegistrationMutation>>,
): RegistrationUploadEvent | { readonly failure: ApiFailure } | null {
  if (event.type === HttpEventType.UploadProgress) {
    const fraction = event.total ? Math.min(1, event.loaded / event.total) : 0;
    return { type: 'progress', fraction };
  }
  if (event.type !== HttpEventType.Response) {
    return null;
  }

  const answer = event.body;
  const receipt = answer?.data?.submitRegistration;
  if (answer?.errors?.length || !receipt) {
    return { failure: failureOfAnswer(answer ?? null) };
  }

  return { type: 'receipt', receipt };
}

/** Any failure of the upload, reduced to what the page shows. */
export function toUploadFailure(error: unknown): ApiFailure {
  if (!(error instanceof HttpErrorResponse) || error.status === 0) {
    return toApiFailure(null);
  }

  // GraphQL errors with an HTTP error status (400 for a refused request, 413 when too large).
  const answer = error.error as FormattedExecutionResult | null;
  if (Array.isArray(answer?.errors) && answer.errors.length > 0) {
    return failureOfAnswer(answer);
  }

  const message = error.status === 413 ? oversizedMessage : serverFailureMessage;

  return { code: 'OTHER', message, issues: [], retryAfterSeconds: null };
}

function failureOfAnswer(answer: FormattedExecutionResult | null): ApiFailure {
  if (!answer?.errors?.length) {
    return { code: 'OTHER', message: serverFailureMessage, issues: [], retryAfterSeconds: null };
  }

  return toApiFailure(new CombinedGraphQLErrors(answer));
}
