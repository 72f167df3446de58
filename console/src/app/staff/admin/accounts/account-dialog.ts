import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
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
  type AccountRowFragment,
  CreateAccountDocument,
  type Role,
  UpdateAccountDocument,
} from '../../../graphql/generated/graphql';
import { ROLE_LABELS, ROLES } from '../../shared/role-labels';
import { type KecamatanOption } from '../../voters/scope-regions';
import { ScopePicker } from './scope-picker';

export type AccountDialogData =
  | { readonly mode: 'create'; readonly kecamatan: readonly KecamatanOption[] }
  | {
      readonly mode: 'edit';
      readonly account: AccountRowFragment;
      readonly kecamatan: readonly KecamatanOption[];
    };

/** What the dialog closes with: the new account and its temporary password, or the edit. */
export type AccountDialogResult =
  | {
      readonly mode: 'create';
      readonly account: AccountRowFragment;
      /** Shown once to the administrator, who hands it over; the first sign-in replaces it. */
      readonly temporaryPassword: string;
    }
  | { readonly mode: 'edit'; readonly account: AccountRowFragment };

/**
 * Creates an account (username, name, role, and for an OPERATOR the area) or edits the role
 * and area of one. The dialog saves itself, so a taken username is reported where it was typed.
 */
@Component({
  selector: 'app-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ScopePicker,
  ],
  templateUrl: './account-dialog.html',
  styleUrl: './account-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountDialog {
  private readonly apollo = inject(Apollo);
  private readonly dialogRef =
    inject<MatDialogRef<AccountDialog, AccountDialogResult>>(MatDialogRef);

  protected readonly data = inject<AccountDialogData>(MAT_DIALOG_DATA);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;

  private readonly editing = this.data.mode === 'edit' ? this.data.account : null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [this.editing?.username ?? '', required],
    displayName: [this.editing?.displayName ?? '', required],
    role: [this.editing?.role ?? ('OPERATOR' as Role), required],
  });

  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });

  /** Only an OPERATOR has an area; every other role works city-wide. */
  protected readonly hasScope = computed(() => this.role() === 'OPERATOR');

  protected readonly scopeCode = signal<string | null | undefined>(this.editing?.scopeCode ?? null);

  protected readonly isBusy = signal(false);
  protected readonly failure = signal<ApiFailure | null>(null);
  protected readonly scopeProblem = signal(false);

  constructor() {
    if (this.editing) {
      // A username is the account's identity in the audit log: it never changes.
      this.form.controls.username.disable();
    }
  }

  protected async save(): Promise<void> {
    const scopeCode = this.hasScope() ? this.scopeCode() : null;
    this.scopeProblem.set(scopeCode === undefined);
    if (this.form.invalid || scopeCode === undefined || this.isBusy()) {
      this.form.markAllAsTouched();
      return;
    }
    this.isBusy.set(true);
    this.failure.set(null);

    const { username, displayName, role } = this.form.getRawValue();
    try {
      const result = await this.send(username.trim(), displayName.trim(), role, scopeCode);
      this.dialogRef.close(result);
    } catch (error) {
      this.failure.set(toApiFailure(error));
    }
    this.isBusy.set(false);
  }

  private async send(
    username: string,
    displayName: string,
    role: Role,
    scopeCode: string | null,
  ): Promise<AccountDialogResult> {
    if (this.editing) {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: UpdateAccountDocument,
          variables: { id: this.editing.id, input: { displayName, role, scopeCode } },
        }),
      );
      const account = result.data?.updateAccount;
      if (!account) throw new Error('updateAccount answered without data');

      return { mode: 'edit', account };
    }

    const result = await firstValueFrom(
      this.apollo.mutate({
        mutation: CreateAccountDocument,
        variables: { input: { username, displayName, role, scopeCode } },
      }),
    );
    const created = result.data?.createAccount;
    if (!created) throw new Error('createAccount answered without data');

    return {
      mode: 'create',
      account: created.account,
      temporaryPassword: created.temporaryPassword,
    };
  }
}
