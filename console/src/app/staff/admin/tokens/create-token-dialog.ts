import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { required } from '../../../forms/required';
import { type ApiFailure, toApiFailure } from '../../../graphql/api-failure';
import {
  type CreateApiTokenMutation,
  CreateApiTokenDocument,
  type TokenAccountsQuery,
} from '../../../graphql/generated/graphql';
import { API_TOKEN_ROLES } from '../../shared/role-labels';
import { maximumTokenDays } from './token-status';

export interface CreateTokenDialogData {
  readonly accounts: TokenAccountsQuery['accounts'];
}

export type CreatedToken = CreateApiTokenMutation['createApiToken'];

/** Creates an API token for a KPU Provinsi or Bawaslu account; closes with the token text. */
@Component({
  selector: 'app-create-token-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  template: `
    <h2 mat-dialog-title>Buat token API</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        @if (accounts().length === 0) {
          <p>
            Belum ada akun aktif berperan KPU Provinsi atau Bawaslu. Buat akunnya lebih dulu di
            halaman Kelola akun.
          </p>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Akun</mat-label>
          <mat-select formControlName="accountId" required>
            @for (account of accounts(); track account.id) {
              <mat-option [value]="account.id">
                {{ account.displayName }} · {{ account.username }}
              </mat-option>
            }
          </mat-select>
          <mat-error>Pilih akun pemilik token.</mat-error>
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Nama token</mat-label>
          <input matInput formControlName="name" autocomplete="off" required />
          <mat-hint>Untuk mengenalinya nanti, misalnya "Sidalih provinsi 2027".</mat-hint>
          <mat-error>Beri nama token.</mat-error>
        </mat-form-field>

        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Berlaku (hari)</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            formControlName="validDays"
            min="1"
            [max]="maximumDays"
            required
          />
          <mat-error>Antara 1 dan {{ maximumDays }} hari.</mat-error>
        </mat-form-field>

        @if (failure(); as failure) {
          <p class="error-box" role="alert">{{ failure.message }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>Batal</button>
        <button mat-flat-button type="submit" [disabled]="isBusy()">Buat token</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CreateTokenDialog {
  private readonly apollo = inject(Apollo);
  private readonly dialogRef = inject<MatDialogRef<CreateTokenDialog, CreatedToken>>(MatDialogRef);
  private readonly data = inject<CreateTokenDialogData>(MAT_DIALOG_DATA);

  protected readonly maximumDays = maximumTokenDays;

  /** Tokens are for machine-to-machine access of the province office and the observer only. */
  protected readonly accounts = computed(() =>
    this.data.accounts.filter(
      (account) => API_TOKEN_ROLES.includes(account.role) && !account.isDisabled,
    ),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    accountId: ['', required],
    name: ['', required],
    validDays: [90, [required, Validators.min(1), Validators.max(maximumTokenDays)]],
  });

  protected readonly isBusy = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);

  protected async save(): Promise<void> {
    if (this.form.invalid || this.isBusy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.isBusy.set(true);
    this.failure.set(null);

    const { accountId, name, validDays } = this.form.getRawValue();
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: CreateApiTokenDocument,
          variables: { input: { accountId, name: name.trim(), validDays: Math.trunc(validDays) } },
        }),
      );
      const created = result.data?.createApiToken;
      if (!created) throw new Error('createApiToken answered without data');
      this.dialogRef.close(created);
    } catch (error) {
      this.failure.set(toApiFailure(error));
    }
    this.isBusy.set(false);
  }
}
