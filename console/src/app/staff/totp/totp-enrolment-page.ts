import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { AuthStore, type Viewer } from '../../auth/auth-store';
import { stageHomePath } from '../../auth/session-stage';
import { required } from '../../forms/required';
import { type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import {
  ConfirmTotpEnrolmentDocument,
  StartTotpEnrolmentDocument,
} from '../../graphql/generated/graphql';
import { myAccountPath } from '../staff-guards';
import { groupSecret, qrCodeImageUrl } from './qr-code';

type EnrolmentState =
  | { readonly status: 'idle' }
  | { readonly status: 'starting' }
  | {
      readonly status: 'started';
      readonly secret: string;
      /** Null if the QR code could not be drawn: the secret can still be typed in. */
      readonly qrCodeUrl: string | null;
    }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

/**
 * TOTP enrolment, forced (REQUIRE_MFA and no second factor yet) or chosen from "Akun saya":
 * the secret as a QR code and as text for manual entry, then one code from the app to prove
 * it was stored.
 */
@Component({
  selector: 'app-totp-enrolment-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSnackBarModule,
  ],
  templateUrl: './totp-enrolment-page.html',
  styleUrl: './totp-enrolment-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TotpEnrolmentPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly state = signal<EnrolmentState>({ status: 'idle' });
  protected readonly confirmFailure = signal<ApiFailure | null>(null);
  protected readonly isConfirming = signal(false);

  /** Whether the session may not continue until this enrolment is done. */
  protected readonly isForced = computed(() => this.auth.stage() === 'TOTP_ENROLMENT_REQUIRED');

  /** Whether an authenticator is already registered, so this enrolment replaces it. */
  protected readonly isReplacing = computed(() => this.auth.account()?.hasTotp ?? false);

  protected readonly started = computed(() => {
    const state = this.state();

    return state.status === 'started' ? state : null;
  });

  protected readonly startFailure = computed(() => {
    const state = this.state();

    return state.status === 'failed' ? state.failure : null;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [required, Validators.pattern(/^[0-9]{6}$/)]],
  });

  protected readonly groupSecret = groupSecret;

  constructor() {
    // Replacing a working authenticator is a choice the person makes with a click.
    if (!this.isReplacing()) {
      void this.start();
    }
  }

  protected async start(): Promise<void> {
    this.state.set({ status: 'starting' });
    this.confirmFailure.set(null);

    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: StartTotpEnrolmentDocument }),
      );
      const enrolment = result.data?.startTotpEnrolment;
      if (!enrolment) {
        this.state.set({ status: 'failed', failure: toApiFailure(null) });
        return;
      }
      this.state.set({
        status: 'started',
        secret: enrolment.secret,
        qrCodeUrl: await qrCodeImageUrl(enrolment.otpauthUri).catch(() => null),
      });
    } catch (error) {
      this.state.set({ status: 'failed', failure: toApiFailure(error) });
    }
  }

  protected async confirm(): Promise<void> {
    if (this.form.invalid || this.isConfirming()) {
      this.form.markAllAsTouched();
      return;
    }
    this.isConfirming.set(true);
    this.confirmFailure.set(null);

    let viewer: Viewer | undefined;
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: ConfirmTotpEnrolmentDocument,
          variables: { code: this.form.controls.code.value },
        }),
      );
      viewer = result.data?.confirmTotpEnrolment;
    } catch (error) {
      this.confirmFailure.set(toApiFailure(error));
      this.form.reset();
    }
    this.isConfirming.set(false);

    if (viewer) {
      const wasForced = this.isForced();
      this.auth.updateViewer(viewer);
      this.snackBar.open('Verifikasi dua langkah aktif.', 'Tutup', { duration: 6000 });
      await this.router.navigateByUrl(
        wasForced || viewer.stage !== 'ACTIVE' ? stageHomePath(viewer.stage) : myAccountPath,
      );
    }
  }
}
