import { type DestroyRef, type WritableSignal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type Observable, type Subscription } from 'rxjs';

import { type ApiFailure, toApiFailure } from './api-failure';

/** A query's answer as a page shows it: still waiting, the value, or why it failed. */
export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

/**
 * Runs a query into `state`: the value `pick` takes from its data, or the failure (an answer
 * without data counts as one). The subscription ends with the component; it is returned so
 * that a newer request can cancel an older one.
 */
export function runQueryInto<TData, T>(
  query: Observable<{ readonly data?: TData | undefined }>,
  pick: (data: TData) => T,
  state: WritableSignal<QueryState<T>>,
  destroyRef: DestroyRef,
): Subscription {
  return query.pipe(takeUntilDestroyed(destroyRef)).subscribe({
    next: (result) =>
      state.set(
        result.data
          ? { status: 'loaded', value: pick(result.data) }
          : { status: 'failed', failure: toApiFailure(null) },
      ),
    error: (error: unknown) => state.set({ status: 'failed', failure: toApiFailure(error) }),
  });
}

/** The failure a state holds, or null. */
export function failureOf<T>(state: QueryState<T>): ApiFailure | null {
  return state.status === 'failed' ? state.failure : null;
}
