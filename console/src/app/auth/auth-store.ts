import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { type ApiFailure, toApiFailure } from '../graphql/api-failure';
import {
  type LoginInput,
  LoginDocument,
  LogoutDocument,
  type ViewerFieldsFragment,
  ViewerDocument,
} from '../graphql/generated/graphql';
import { loginPath } from './session-stage';

/** The signed-in staff member with the stage of their session. */
export type Viewer = ViewerFieldsFragment;

/** What a sign-in attempt led to; failures are values, not exceptions. */
export type LoginOutcome =
  | { readonly status: 'SIGNED_IN'; readonly viewer: Viewer }
  /** Password accepted; the same call must be repeated with the authenticator's code. */
  | { readonly status: 'TOTP_REQUIRED' }
  | { readonly status: 'FAILED'; readonly failure: ApiFailure };

type ViewerState =
  { readonly status: 'unknown' } | { readonly status: 'known'; readonly viewer: Viewer | null };

/** Shown on the sign-in page after the server has ended the session on its own. */
export const sessionEndedNotice = 'Sesi berakhir. Silakan masuk kembali.';
export const signedOutNotice = 'Anda telah keluar dari Kaliber.';

/**
 * Session state of the console. The session itself is an httpOnly cookie the browser sends
 * with every same-origin request: nothing about it is stored in the page, so the only way to
 * know who is signed in is to ask the server for `viewer`. Apollo's cache is emptied whenever
 * the person changes, so one account's data never shows up for the next.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly state = signal<ViewerState>({ status: 'unknown' });
  private readonly noticeText = signal<string | null>(null);
  private pendingLoad: Promise<Viewer | null> | null = null;
  /** Bumped on every change of viewer, so that a slow initial load cannot undo a sign-in. */
  private generation = 0;
  /** Where a staff member was going when the sign-in page interrupted them. */
  private returnUrl: string | null = null;

  /** Whether the server has answered who is signed in (or could not be reached). */
  readonly isKnown = computed(() => this.state().status === 'known');

  readonly viewer = computed(() => {
    const state = this.state();

    return state.status === 'known' ? state.viewer : null;
  });

  readonly account = computed(() => this.viewer()?.account ?? null);
  readonly role = computed(() => this.account()?.role ?? null);
  readonly stage = computed(() => this.viewer()?.stage ?? null);

  /** A message for the sign-in page: why the last session ended. */
  readonly notice = this.noticeText.asReadonly();

  /** The viewer, asked of the server once per page load; later calls reuse the answer. */
  ensureLoaded(): Promise<Viewer | null> {
    const state = this.state();
    if (state.status === 'known') {
      return Promise.resolve(state.viewer);
    }

    this.pendingLoad ??= this.fetchViewer().finally(() => {
      this.pendingLoad = null;
    });

    return this.pendingLoad;
  }

  async login(input: LoginInput): Promise<LoginOutcome> {
    let login;
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: LoginDocument, variables: { input } }),
      );
      login = result.data?.login;
    } catch (error) {
      return { status: 'FAILED', failure: toApiFailure(error) };
    }
    if (!login) {
      return { status: 'FAILED', failure: toApiFailure(null) };
    }

    switch (login.status) {
      case 'TOTP_REQUIRED':
        return { status: 'TOTP_REQUIRED' };
      case 'SIGNED_IN': {
        if (!login.viewer) {
          throw new Error('login answered SIGNED_IN without a viewer');
        }
        await this.clearCache();
        this.noticeText.set(null);
        this.applyViewer(login.viewer);

        return { status: 'SIGNED_IN', viewer: login.viewer };
      }
      default:
        return assertNever(login.status);
    }
  }

  /** Takes the viewer a mutation returned (password changed, TOTP enrolled): a new stage. */
  updateViewer(viewer: Viewer): void {
    this.applyViewer(viewer);
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.apollo.mutate({ mutation: LogoutDocument }));
    } catch {
      // The server may have ended the session already; in the console it ends either way.
    }
    this.returnUrl = null;

    await this.endLocally(signedOutNotice);
  }

  /**
   * The server no longer knows the session (expired, revoked, or all sessions cut off): forget
   * it here too and send the person to the sign-in page, by default remembering where they were.
   */
  async sessionEnded(notice: string = sessionEndedNotice, isReturnWanted = true): Promise<void> {
    if (this.state().status === 'known' && this.viewer() === null) {
      // Already signed out here; a second failing request must not stack navigations.
      return;
    }
    const url = this.router.url;
    this.returnUrl = isReturnWanted && !url.startsWith(loginPath) ? url : null;

    await this.endLocally(notice);
  }

  /** Notes where to go after the next sign-in (a staff page the sign-in interrupted). */
  rememberReturnUrl(url: string): void {
    this.returnUrl = url;
  }

  /** Where to go after signing in, once; null when nothing was interrupted. */
  takeReturnUrl(): string | null {
    const url = this.returnUrl;
    this.returnUrl = null;

    return url;
  }

  clearNotice(): void {
    this.noticeText.set(null);
  }

  private async endLocally(notice: string): Promise<void> {
    this.applyViewer(null);
    this.noticeText.set(notice);
    await this.clearCache();

    await this.router.navigateByUrl(loginPath);
  }

  private async fetchViewer(): Promise<Viewer | null> {
    const generation = this.generation;
    let viewer: Viewer | null;
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: ViewerDocument, fetchPolicy: 'network-only' }),
      );
      viewer = result.data?.viewer ?? null;
    } catch {
      // An unreachable API counts as signed out; the sign-in form reports the network problem.
      viewer = null;
    }

    if (generation === this.generation) {
      this.applyViewer(viewer);
    }

    return this.viewer();
  }

  private applyViewer(viewer: Viewer | null): void {
    this.generation += 1;
    this.state.set({ status: 'known', viewer });
  }

  private async clearCache(): Promise<void> {
    await this.apollo.client.clearStore();
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown login status: ${String(value)}`);
}
