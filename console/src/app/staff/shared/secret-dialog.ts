import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ClipboardModule } from '@angular/cdk/clipboard';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface SecretDialogData {
  readonly title: string;
  /** What the secret is for and whom to give it to. */
  readonly message: string;
  /** Label of the secret, e.g. "Kata sandi sementara". */
  readonly label: string;
  readonly secret: string;
}

/**
 * Shows a secret the server returns exactly once (a temporary password, an API token): only
 * its hash is stored, so closing this dialog is the last chance to copy it. It cannot be
 * dismissed by a stray click or Escape, only by the explicit button.
 */
@Component({
  selector: 'app-secret-dialog',
  imports: [ClipboardModule, MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
      <p class="label" id="secret-label">{{ data.label }}</p>
      <code class="secret" data-testid="one-time-secret" aria-labelledby="secret-label">{{
        data.secret
      }}</code>
      <p class="warning" role="note">
        <strong>Hanya ditampilkan sekali.</strong> Setelah jendela ini ditutup, teks ini tidak dapat
        dilihat lagi oleh siapa pun, termasuk administrator. Salin sekarang dan serahkan lewat jalur
        yang aman.
      </p>
      <p class="copied" role="status">{{ isCopied() ? 'Sudah disalin ke papan klip.' : '' }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        mat-stroked-button
        type="button"
        [cdkCopyToClipboard]="data.secret"
        (cdkCopyToClipboardCopied)="isCopied.set($event)"
      >
        Salin
      </button>
      <button mat-flat-button type="button" mat-dialog-close>Sudah saya catat</button>
    </mat-dialog-actions>
  `,
  styles: `
    .label {
      margin: 0 0 4px;
      font: var(--mat-sys-label-large);
    }

    .secret {
      display: block;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
      font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', monospace;
      font-size: 1.1em;
      overflow-wrap: anywhere;
      user-select: all;
    }

    .warning {
      margin: 16px 0 0;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }

    .copied {
      min-height: 1.5em;
      margin: 8px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretDialog {
  protected readonly data = inject<SecretDialogData>(MAT_DIALOG_DATA);

  /** Whether the last copy to the clipboard worked. */
  protected readonly isCopied = signal(false);
}

/** Dialog options for SecretDialog: closed only by its own button. */
export const secretDialogConfig = { disableClose: true, maxWidth: '36rem', width: '100%' } as const;
