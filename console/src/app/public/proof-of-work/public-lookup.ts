import { DestroyRef, type Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, type FormGroup } from '@angular/forms';
import { type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';

import { setServerIssue } from '../../forms/issue-validator';
import { type ApiErrorCode, type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import { type ProofOfWorkWidget } from './proof-of-work-widget';
import { proofOfWorkMissingText, publicFailureText } from './public-request-failure';
import { PublicServiceSettingsStore } from './public-service-settings-store';

/** Why a lookup shows no answer. */
export interface PublicLookupFailure {
  /** The API's code, for advice a page adds; null when the page did not send the request. */
  readonly code: ApiErrorCode | null;
  /** The Indonesian sentence to show in the page's alert. */
  readonly text: string;
}

/** What a public page asks through a lookup: its own form, query and answer. */
export interface PublicLookupOptions<TData, TVariables extends OperationVariables, TAnswer> {
  /** The page's form. It must be valid to send; the server's issues land on the fields they name. */
  readonly form: FormGroup;
  /** The page's ALTCHA widget (its `viewChild`), undefined while the page does not render it. */
  readonly proofOfWork: Signal<Pick<ProofOfWorkWidget, 'payload' | 'reset'> | undefined>;
  readonly query: TypedDocumentNode<TData, TVariables>;
  /** The query's variables from the form as it is now, with the solved proof of work or null. */
  readonly variables: (proofOfWork: string | null) => TVariables;
  /** The part of the query's data the page shows. */
  readonly answer: (data: TData) => TAnswer;
}

/** The state and the one action a public lookup page binds its template to. */
export interface PublicLookup<TAnswer> {
  /** Whether the page must show the ALTCHA widget: the settings say so, or the server asked. */
  readonly isProofOfWorkShown: Signal<boolean>;
  /** Whether a request is on its way; the page disables its button and shows progress. */
  readonly isChecking: Signal<boolean>;
  /** The last answer, or null while there is none (not asked yet, asking, or failed). */
  readonly answer: Signal<TAnswer | null>;
  /** The last failure, or null while there is none. */
  readonly failure: Signal<PublicLookupFailure | null>;
  /** Sends the form's lookup, unless one is on its way or the form or proof of work is not ready. */
  send(): void;
}

type LookupState<TAnswer> =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'answered'; readonly answer: TAnswer }
  | { readonly status: 'failed'; readonly failure: PublicLookupFailure };

/**
 * The submit flow the public lookup pages (Cek NIK, Lacak) share: check the form, attach the
 * proof of work, ask the API, and turn its answer or refusal into what the page shows. Call it
 * in an injection context (a field initialiser); the request ends with the page.
 *
 * Every lookup reaches the server, never the client cache: the limits and the lookup log count
 * each one, and no answer about a person stays behind in the client cache.
 */
export function publicLookup<TData, TVariables extends OperationVariables, TAnswer>(
  options: PublicLookupOptions<TData, TVariables, TAnswer>,
): PublicLookup<TAnswer> {
  const apollo = inject(Apollo);
  const destroyRef = inject(DestroyRef);
  const settings = inject(PublicServiceSettingsStore);
  const state = signal<LookupState<TAnswer>>({ status: 'idle' });

  // Set when the server asked for a proof of work the settings did not announce.
  const isChallengeDemanded = signal(false);
  const isProofOfWorkShown = computed(
    () => settings.isProofOfWorkRequired() || isChallengeDemanded(),
  );
  const isChecking = computed(() => state().status === 'checking');

  settings.ensureLoaded();

  function showFailure(failure: ApiFailure): void {
    if (failure.code === 'PROOF_OF_WORK_FAILED') {
      isChallengeDemanded.set(true);
    }

    // An issue of a field the form has is shown under that field, where it gets fixed.
    const fieldIssues =
      failure.code === 'BAD_USER_INPUT' ? issuesOnFields(options.form, failure) : [];
    if (fieldIssues.length > 0) {
      for (const { control, message } of fieldIssues) {
        setServerIssue(control, message);
      }
      state.set({ status: 'idle' });
      return;
    }

    state.set({
      status: 'failed',
      failure: { code: failure.code, text: publicFailureText(failure) },
    });
  }

  function send(): void {
    if (isChecking()) {
      return;
    }
    if (options.form.invalid) {
      options.form.markAllAsTouched();
      return;
    }
    const proofOfWork = options.proofOfWork()?.payload() ?? null;
    if (isProofOfWorkShown() && proofOfWork === null) {
      state.set({ status: 'failed', failure: { code: null, text: proofOfWorkMissingText } });
      return;
    }

    state.set({ status: 'checking' });
    apollo
      .query<TData, TVariables>({
        query: options.query,
        variables: options.variables(proofOfWork),
        fetchPolicy: 'no-cache',
      })
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe({
        // The solution is spent by the server whatever it answered: untick for the next lookup.
        next: (result) => {
          options.proofOfWork()?.reset();
          if (result.data) {
            state.set({ status: 'answered', answer: options.answer(result.data) });
          } else {
            showFailure(toApiFailure(null));
          }
        },
        error: (error: unknown) => {
          options.proofOfWork()?.reset();
          showFailure(toApiFailure(error));
        },
      });
  }

  return {
    isProofOfWorkShown,
    isChecking,
    answer: computed(() => {
      const current = state();

      return current.status === 'answered' ? current.answer : null;
    }),
    failure: computed(() => {
      const current = state();

      return current.status === 'failed' ? current.failure : null;
    }),
    send,
  };
}

/** The failure's issues that name a field of the form, each with that field's control. */
function issuesOnFields(
  form: FormGroup,
  failure: ApiFailure,
): { readonly control: AbstractControl; readonly message: string }[] {
  return failure.issues.flatMap(({ field, message }) => {
    const control = form.get(field);

    return control === null ? [] : [{ control, message }];
  });
}
