import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';

import { AuthStore } from '../../../auth/auth-store';
import { type ApiFailure, toApiFailure } from '../../../graphql/api-failure';
import {
  RevokeAllSessionsDocument,
  type VerifyAuditChainQuery,
  VerifyAuditChainDocument,
} from '../../../graphql/generated/graphql';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';

/** The word to type before every session and token is revoked. */
export const revokeAllWord = 'CABUT';

type ChainReport = VerifyAuditChainQuery['verifyAuditChain'];

type ChainState =
  | { readonly status: 'idle' }
  | { readonly status: 'checking' }
  | { readonly status: 'checked'; readonly report: ChainReport }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

/** ADMIN: the emergency revocation switch and the audit-chain check. */
@Component({
  selector: 'app-security-page',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule],
  templateUrl: './security-page.html',
  styleUrl: './security-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecurityPage {
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);

  protected readonly revokeFailure = signal<ApiFailure | null>(null);
  protected readonly isRevoking = signal(false);
  protected readonly chain = signal<ChainState>({ status: 'idle' });

  protected readonly report = computed(() => {
    const chain = this.chain();

    return chain.status === 'checked' ? chain.report : null;
  });

  protected readonly chainFailure = computed(() => {
    const chain = this.chain();

    return chain.status === 'failed' ? chain.failure : null;
  });

  protected async revokeAll(): Promise<void> {
    const confirmRef = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      maxWidth: '32rem',
      data: {
        title: 'Cabut semua sesi dan token?',
        message:
          'Semua staf, termasuk Anda, langsung keluar dari Kaliber, dan semua token API berhenti ' +
          'berlaku. Pakai ini bila ada dugaan kata sandi atau token bocor. Token API harus dibuat ' +
          'ulang sesudahnya.',
        confirmLabel: 'Cabut semua',
        confirmWord: revokeAllWord,
      },
    });
    if ((await firstValueFrom(confirmRef.afterClosed())) !== true) {
      return;
    }
    this.isRevoking.set(true);
    this.revokeFailure.set(null);

    let revoked: number | undefined;
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({ mutation: RevokeAllSessionsDocument }),
      );
      revoked = result.data?.revokeAllSessions;
    } catch (error) {
      this.revokeFailure.set(toApiFailure(error));
    }
    this.isRevoking.set(false);

    if (revoked !== undefined) {
      // This session was among those revoked: the console signs out too.
      await this.auth.sessionEnded(
        `Semua sesi dan token API telah dicabut (${revoked.toLocaleString('id-ID')}). ` +
          'Silakan masuk kembali.',
        false,
      );
    }
  }

  protected checkChain(): void {
    this.chain.set({ status: 'checking' });

    this.apollo.query({ query: VerifyAuditChainDocument, fetchPolicy: 'network-only' }).subscribe({
      next: (result) =>
        this.chain.set(
          result.data
            ? { status: 'checked', report: result.data.verifyAuditChain }
            : { status: 'failed', failure: toApiFailure(null) },
        ),
      error: (error: unknown) => this.chain.set({ status: 'failed', failure: toApiFailure(error) }),
    });
  }
}
