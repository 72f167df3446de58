import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { toApiFailure } from '../../../graphql/api-failure';
import { failureOf, type QueryState, runQueryInto } from '../../../graphql/query-state';
import {
  type ApiTokenRowFragment,
  ApiTokensDocument,
  RevokeApiTokenDocument,
  TokenAccountsDocument,
} from '../../../graphql/generated/graphql';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { ROLE_LABELS } from '../../shared/role-labels';
import {
  SecretDialog,
  type SecretDialogData,
  secretDialogConfig,
} from '../../shared/secret-dialog';
import {
  type CreateTokenDialogData,
  type CreatedToken,
  CreateTokenDialog,
} from './create-token-dialog';
import { TOKEN_STATUS_LABELS, tokenStatus } from './token-status';

/** ADMIN: API tokens of the KPU Provinsi and Bawaslu accounts; create (shown once) and revoke. */
@Component({
  selector: 'app-api-tokens-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatDialogModule,
    MatProgressBarModule,
    MatSnackBarModule,
    MatTableModule,
  ],
  templateUrl: './api-tokens-page.html',
  styleUrl: './api-tokens-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokensPage {
  private readonly apollo = inject(Apollo);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly columns = [
    'name',
    'account',
    'status',
    'createdAt',
    'expiresAt',
    'lastUsedAt',
    'actions',
  ];

  protected readonly state = signal<QueryState<readonly ApiTokenRowFragment[]>>({
    status: 'loading',
  });

  protected readonly tokens = computed(() => {
    const state = this.state();

    return state.status === 'loaded'
      ? state.value.map((token) => {
          const status = tokenStatus(token);

          return {
            token,
            status,
            statusLabel: TOKEN_STATUS_LABELS[status],
            roleLabel: ROLE_LABELS[token.account.role],
          };
        })
      : null;
  });

  protected readonly loadFailure = computed(() => {
    return failureOf(this.state());
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    runQueryInto(
      this.apollo.query({ query: ApiTokensDocument, fetchPolicy: 'network-only' }),
      (data) => data.apiTokens,
      this.state,
      this.destroyRef,
    );
  }

  protected async create(): Promise<void> {
    let accounts;
    try {
      const result = await firstValueFrom(
        this.apollo.query({ query: TokenAccountsDocument, fetchPolicy: 'network-only' }),
      );
      accounts = result.data?.accounts ?? [];
    } catch (error) {
      this.notify(toApiFailure(error).message);
      return;
    }

    const dialogRef = this.dialog.open<CreateTokenDialog, CreateTokenDialogData, CreatedToken>(
      CreateTokenDialog,
      { data: { accounts }, maxWidth: '32rem', width: '100%' },
    );
    const created = await firstValueFrom(dialogRef.afterClosed());
    if (!created) {
      return;
    }

    this.load();
    this.dialog.open<SecretDialog, SecretDialogData>(SecretDialog, {
      ...secretDialogConfig,
      data: {
        title: `Token "${created.apiToken.name}" dibuat`,
        message:
          `Berikan token ini kepada pengelola sistem ${created.apiToken.account.displayName}. ` +
          'Token dikirim di header Authorization: Bearer. Siapa pun yang memegangnya dapat ' +
          'memakai akses akun tersebut sampai token dicabut atau kedaluwarsa.',
        label: 'Token API',
        secret: created.token,
      },
    });
  }

  protected async revoke(token: ApiTokenRowFragment): Promise<void> {
    const confirmRef = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      maxWidth: '32rem',
      data: {
        title: `Cabut token "${token.name}"?`,
        message:
          'Token ini langsung tidak dapat dipakai lagi. Pemiliknya memerlukan token baru untuk ' +
          'mengakses Kaliber.',
        confirmLabel: 'Cabut token',
      },
    });
    if ((await firstValueFrom(confirmRef.afterClosed())) !== true) {
      return;
    }

    try {
      await firstValueFrom(
        this.apollo.mutate({ mutation: RevokeApiTokenDocument, variables: { id: token.id } }),
      );
      this.notify(`Token "${token.name}" dicabut.`);
    } catch (error) {
      this.notify(toApiFailure(error).message);
    }
    this.load();
  }

  private notify(message: string): void {
    this.snackBar.open(message, 'Tutup', { duration: 8000 });
  }
}
