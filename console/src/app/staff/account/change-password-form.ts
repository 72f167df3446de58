import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MIN_LENGTH } from '@kaliber/schema';
import { Apollo } from 'apollo-angular';
import { firstValueFrom, map } from 'rxjs';

import { type Viewer } from '../../auth/auth-store';
import { required } from '../../forms/required';
import { type ApiFailure, toApiFailure } from '../../graphql/api-failure';
import { ChangePasswordDocument } from '../../graphql/generated/graphql';

/**
 * The shortest password the API accepts (the shared rule). Length beats composition rules for
 * strength, so that is the rule shown while typing; the server has the final word.
 */
export const minimumPasswordLength = PASSWORD_MIN_LENGTH;

function sameAsNewPassword(control: AbstractControl<string>): ValidationErrors | null {
  const newPassword = control.parent?.get('newPassword')?.value as string | undefined;

  return control.value === '' || control.value === newPassword ? null : { mismatch: true };
}

/** Current password, new password twice; on success emits the viewer with its new stage. */
@Component({
  selector: 'app-change-password-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <form class="password-form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Kata sandi saat ini</mat-label>
        <input
          matInput
          type="password"
          formControlName="currentPassword"
          autocomplete="current-password"
          required
        />
        <mat-error>Isi kata sandi yang Anda pakai sekarang.</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Kata sandi baru</mat-label>
        <input
          matInput
          type="password"
          formControlName="newPassword"
          autocomplete="new-password"
          required
        />
        <mat-hint [class.is-long-enough]="isLongEnough()">{{ lengthHint() }}</mat-hint>
        <mat-error>{{ lengthHint() }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Ulangi kata sandi baru</mat-label>
        <input
          matInput
          type="password"
          formControlName="repeatPassword"
          autocomplete="new-password"
          required
        />
        <mat-error>
          @if (form.controls.repeatPassword.hasError('mismatch')) {
            Belum sama dengan kata sandi baru.
          } @else {
            Ketik kata sandi baru sekali lagi.
          }
        </mat-error>
      </mat-form-field>

      @if (failure(); as failure) {
        <div class="error-box" role="alert">
          <p>{{ failure.message }}</p>
          @if (failure.issues.length > 1) {
            <ul>
              @for (issue of failure.issues; track $index) {
                <li>{{ issue.message }}</li>
              }
            </ul>
          }
        </div>
      }

      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="isBusy()">Simpan kata sandi baru</button>
      </div>
    </form>
  `,
  styles: `
    .password-form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-width: 28rem;
    }

    .is-long-enough {
      color: var(--mat-sys-primary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePasswordForm {
  private readonly apollo = inject(Apollo);

  /** The password was changed; the viewer says which stage the session is in now. */
  readonly changed = output<Viewer>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', required],
    newPassword: ['', [required, Validators.minLength(minimumPasswordLength)]],
    repeatPassword: ['', [required, sameAsNewPassword]],
  });

  protected readonly isBusy = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  private readonly newLength = toSignal(
    this.form.controls.newPassword.valueChanges.pipe(map((value) => Array.from(value).length)),
    { initialValue: 0 },
  );

  protected readonly isLongEnough = computed(() => this.newLength() >= minimumPasswordLength);

  /** Shown while typing: how far the new password is from the minimum length. */
  protected readonly lengthHint = computed(() => {
    const length = this.newLength();

    if (length === 0) {
      return `Minimal ${minimumPasswordLength} karakter dan tidak memuat nama pengguna Anda.`;
    }

    return length >= minimumPasswordLength
      ? `${length} karakter: cukup panjang.`
      : `Minimal ${minimumPasswordLength} karakter; baru ${length}.`;
  });

  constructor() {
    // The repeat field is checked against the new password whenever either changes.
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed(inject(DestroyRef)))
      .subscribe(() => this.form.controls.repeatPassword.updateValueAndValidity());
  }

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.isBusy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.isBusy.set(true);
    this.failure.set(null);

    const { currentPassword, newPassword } = this.form.getRawValue();
    let viewer: Viewer | undefined;
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: ChangePasswordDocument,
          variables: { input: { currentPassword, newPassword } },
        }),
      );
      viewer = result.data?.changePassword;
    } catch (error) {
      this.failure.set(toApiFailure(error));
    }
    this.isBusy.set(false);

    if (viewer) {
      this.form.reset();
      this.changed.emit(viewer);
    }
  }
}
