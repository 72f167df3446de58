import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Apollo } from 'apollo-angular';
import { type Observable, firstValueFrom } from 'rxjs';

import { AuthStore } from '../../../auth/auth-store';
import { toApiFailure } from '../../../graphql/api-failure';
import { failureOf, type QueryState, runQueryInto } from '../../../graphql/query-state';
import {
  type AccountRowFragment,
  AccountsDocument,
  RegionTreeDocument,
  ResetAccountPasswordDocument,
  ResetAccountTotpDocument,
  SetAccountDisabledDocument,
} from '../../../graphql/generated/graphql';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { ROLE_LABELS, scopeLabel } from '../../shared/role-labels';
import {
  SecretDialog,
  type SecretDialogData,
  secretDialogConfig,
} from '../../shared/secret-dialog';
import { type KecamatanOption } from '../../voters/scope-regions';
import { AccountDialog, type AccountDialogData, type AccountDialogResult } from './account-dialog';

/** ADMIN: every staff account, with creating, editing, disabling and resets. */
@Component({
  selector: 'app-accounts-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatDialogModule,
    MatMenuModule,
    MatProgressBarModule,
    MatSnackBarModule,
    MatTableModule,
  ],
  templateUrl: './accounts-page.html',
  styleUrl: './accounts-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountsPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = [
    'username',
    'displayName',
    'role',
    'scope',
    'status',
    'lastLoginAt',
    'actions',
  ];

  /** The administrator's own account: it cannot be disabled from here. */
  protected readonly ownAccountId = computed(() => this.auth.account()?.id ?? null);

  protected readonly state = signal<QueryState<readonly AccountRowFragment[]>>({
    status: 'loading',
  });
  private readonly kecamatan = signal<readonly KecamatanOption[]>([]);

  /** The table's rows: each account with its role and area in words. */
  protected readonly accounts = computed(() => {
    const state = this.state();

    return state.status === 'loaded'
      ? state.value.map((account) => ({
          account,
          roleLabel: ROLE_LABELS[account.role],
          scopeLabel: scopeLabel(account.scope),
        }))
      : null;
  });

  protected readonly loadFailure = computed(() => {
    return failureOf(this.state());
  });

  constructor() {
    this.load();
    this.apollo
      .query({ query: RegionTreeDocument })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.kecamatan.set(result.data?.kabKota.children ?? []),
        // Without the tree only city-wide accounts can be made; the load error says enough.
        error: () => undefined,
      });
  }

  protected load(): void {
    runQueryInto(
      this.apollo.query({ query: AccountsDocument, fetchPolicy: 'network-only' }),
      (data) => data.accounts,
      this.state,
      this.destroyRef,
    );
  }

  protected async create(): Promise<void> {
    const result = await this.openAccountDialog({ mode: 'create', kecamatan: this.kecamatan() });
    if (result?.mode !== 'create') {
      return;
    }

    this.load();
    this.showSecret({
      title: `Akun ${result.account.username} dibuat`,
      message:
        `Serahkan kata sandi sementara ini kepada ${result.account.displayName}. ` +
        'Saat pertama kali masuk, ia wajib menggantinya.',
      label: 'Kata sandi sementara',
      secret: result.temporaryPassword,
    });
  }

  protected async edit(account: AccountRowFragment): Promise<void> {
    const result = await this.openAccountDialog({
      mode: 'edit',
      account,
      kecamatan: this.kecamatan(),
    });
    if (result?.mode !== 'edit') {
      return;
    }

    this.load();
    this.notify(`Akun ${result.account.username} disimpan.`);
  }

  protected async setDisabled(account: AccountRowFragment, isDisabled: boolean): Promise<void> {
    if (
      isDisabled &&
      !(await this.confirm({
        title: `Nonaktifkan ${account.username}?`,
        message:
          'Akun ini tidak dapat masuk lagi dan sesinya yang sedang berjalan berakhir. Anda dapat ' +
          'mengaktifkannya kembali kapan saja.',
        confirmLabel: 'Nonaktifkan',
      }))
    ) {
      return;
    }

    await this.run(
      this.apollo.mutate({
        mutation: SetAccountDisabledDocument,
        variables: { id: account.id, isDisabled },
      }),
      isDisabled
        ? `Akun ${account.username} dinonaktifkan.`
        : `Akun ${account.username} aktif lagi.`,
    );
  }

  protected async resetPassword(account: AccountRowFragment): Promise<void> {
    const isConfirmed = await this.confirm({
      title: `Setel ulang kata sandi ${account.username}?`,
      message:
        'Kata sandi lama langsung tidak berlaku dan sesi akun ini berakhir. Anda akan mendapat ' +
        'kata sandi sementara yang baru untuk diserahkan kepada pemiliknya.',
      confirmLabel: 'Setel ulang',
    });
    if (!isConfirmed) {
      return;
    }

    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: ResetAccountPasswordDocument,
          variables: { id: account.id },
        }),
      );
      const reset = result.data?.resetAccountPassword;
      this.load();
      if (reset) {
        this.showSecret({
          title: `Kata sandi ${account.username} disetel ulang`,
          message: `Serahkan kata sandi sementara ini kepada ${account.displayName}.`,
          label: 'Kata sandi sementara',
          secret: reset.temporaryPassword,
        });
      }
    } catch (error) {
      this.notify(toApiFailure(error).message);
    }
  }

  protected async resetTotp(account: AccountRowFragment): Promise<void> {
    const isConfirmed = await this.confirm({
      title: `Setel ulang verifikasi dua langkah ${account.username}?`,
      message:
        'Aplikasi autentikator yang terdaftar tidak berlaku lagi. Pemilik akun mendaftarkan ' +
        'aplikasinya kembali saat masuk berikutnya.',
      confirmLabel: 'Setel ulang',
    });
    if (!isConfirmed) {
      return;
    }

    await this.run(
      this.apollo.mutate({ mutation: ResetAccountTotpDocument, variables: { id: account.id } }),
      `Verifikasi dua langkah ${account.username} disetel ulang.`,
    );
  }

  /** Runs an account mutation, then reloads the table and says how it went. */
  private async run(request: Observable<unknown>, successMessage: string): Promise<void> {
    try {
      await firstValueFrom(request);
      this.notify(successMessage);
    } catch (error) {
      this.notify(toApiFailure(error).message);
    }
    this.load();
  }

  private async openAccountDialog(
    data: AccountDialogData,
  ): Promise<AccountDialogResult | undefined> {
    const dialogRef = this.dialog.open<AccountDialog, AccountDialogData, AccountDialogResult>(
      AccountDialog,
      { data, maxWidth: '32rem', width: '100%', autoFocus: 'first-tabbable' },
    );

    return firstValueFrom(dialogRef.afterClosed());
  }

  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    const dialogRef = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      maxWidth: '32rem',
    });

    return (await firstValueFrom(dialogRef.afterClosed())) === true;
  }

  private showSecret(data: SecretDialogData): void {
    this.dialog.open<SecretDialog, SecretDialogData>(SecretDialog, { ...secretDialogConfig, data });
  }

  private notify(message: string): void {
    this.snackBar.open(message, 'Tutup', { duration: 8000 });
  }
}
