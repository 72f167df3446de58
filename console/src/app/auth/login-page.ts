import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';

import { DeploymentStore } from '../deployment/deployment-store';
import { required } from '../forms/required';
import { type ApiFailure, formatWait } from '../graphql/api-failure';
import { AuthStore, type LoginOutcome } from './auth-store';
import { stageHomePath } from './session-stage';

/** A TOTP code: six digits, as authenticator apps show them. */
const totpCodePattern = /^[0-9]{6}$/;

/**
 * Staff sign-in: username and password, then, when the account has a second factor, the
 * 6-digit code from the authenticator app. The password stays in the form between the two
 * steps because the server checks both together; it is never kept anywhere else.
 */
@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly codeInput = viewChild<ElementRef<HTMLInputElement>>('codeInput');
  private waitTimer: ReturnType<typeof setInterval> | undefined;

  protected readonly officeName = inject(DeploymentStore).officeName;
  protected readonly notice = this.auth.notice;

  protected readonly credentials = inject(NonNullableFormBuilder).group({
    username: ['', required],
    password: ['', required],
  });

  protected readonly secondFactor = inject(NonNullableFormBuilder).group({
    code: ['', [required, Validators.pattern(totpCodePattern)]],
  });

  /** Which of the two steps the form is on. */
  protected readonly step = signal<'credentials' | 'totp'>('credentials');

  protected readonly isBusy = signal(false);

  protected readonly failure = signal<ApiFailure | null>(null);

  /** Seconds left before the server accepts another attempt (after RATE_LIMITED). */
  protected readonly waitSeconds = signal(0);

  protected readonly isBlocked = computed(() => this.isBusy() || this.waitSeconds() > 0);

  /** The failure as shown: a rate limit names the wait, everything else is the server's text. */
  protected readonly failureText = computed(() => {
    const failure = this.failure();
    if (!failure) {
      return null;
    }

    return failure.code === 'RATE_LIMITED' && failure.retryAfterSeconds !== null
      ? `Terlalu banyak percobaan masuk. Tunggu ${formatWait(failure.retryAfterSeconds)}, ` +
          'lalu coba lagi.'
      : failure.message;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => clearInterval(this.waitTimer));
  }

  protected async submitCredentials(): Promise<void> {
    if (this.credentials.invalid) {
      this.credentials.markAllAsTouched();
      return;
    }

    const outcome = await this.attempt(null);

    if (outcome?.status === 'TOTP_REQUIRED') {
      this.step.set('totp');
      this.focusCodeInput();
    }
  }

  protected async submitCode(): Promise<void> {
    if (this.secondFactor.invalid) {
      this.secondFactor.markAllAsTouched();
      return;
    }

    const outcome = await this.attempt(this.secondFactor.controls.code.value);

    if (outcome?.status === 'FAILED') {
      // A rejected code is spent either way; the next one comes from the app.
      this.secondFactor.reset();
      this.focusCodeInput();
    }
  }

  /** Back to the first step, e.g. to correct the username. */
  protected startOver(): void {
    this.step.set('credentials');
    this.secondFactor.reset();
    this.credentials.controls.password.reset();
    this.failure.set(null);
  }

  private async attempt(totpCode: string | null): Promise<LoginOutcome | null> {
    if (this.isBlocked()) {
      return null;
    }
    this.isBusy.set(true);
    this.failure.set(null);
    this.auth.clearNotice();

    const { username, password } = this.credentials.getRawValue();
    const outcome = await this.auth.login({
      username: username.trim(),
      password,
      ...(totpCode === null ? {} : { totpCode }),
    });
    this.isBusy.set(false);

    if (outcome.status === 'FAILED') {
      this.failure.set(outcome.failure);
      this.startWait(outcome.failure.retryAfterSeconds ?? 0);
    } else if (outcome.status === 'SIGNED_IN') {
      const returnUrl = this.auth.takeReturnUrl();
      const target =
        outcome.viewer.stage === 'ACTIVE' && returnUrl !== null
          ? returnUrl
          : stageHomePath(outcome.viewer.stage);
      await this.router.navigateByUrl(target);
    }

    return outcome;
  }

  private startWait(seconds: number): void {
    clearInterval(this.waitTimer);
    this.waitSeconds.set(Math.ceil(seconds));
    if (seconds <= 0) {
      return;
    }

    this.waitTimer = setInterval(() => {
      const left = this.waitSeconds() - 1;
      this.waitSeconds.set(Math.max(0, left));
      if (left <= 0) {
        clearInterval(this.waitTimer);
      }
    }, 1000);
  }

  private focusCodeInput(): void {
    afterNextRender(() => this.codeInput()?.nativeElement.focus(), { injector: this.injector });
  }
}
