import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar, MatSnackBarModule } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';

import { AuthStore, type Viewer } from '../../auth/auth-store';
import { totpEnrolmentPath } from '../../auth/session-stage';
import { ROLE_LABELS, scopeLabel } from '../shared/role-labels';
import { ChangePasswordForm } from './change-password-form';

/** "Akun saya": the signed-in account's facts, a password change, TOTP (re-)enrolment. */
@Component({
  selector: 'app-my-account-page',
  imports: [DatePipe, RouterLink, MatButtonModule, MatSnackBarModule, ChangePasswordForm],
  template: `
    <h1>Akun saya</h1>
    @if (account(); as account) {
      <dl class="facts">
        <dt>Nama pengguna</dt>
        <dd>{{ account.username }}</dd>
        <dt>Nama</dt>
        <dd>{{ account.displayName }}</dd>
        <dt>Peran</dt>
        <dd>{{ roleLabel() }}</dd>
        <dt>Wilayah kerja</dt>
        <dd>{{ scope() }}</dd>
        <dt>Masuk sebelumnya</dt>
        <dd>
          @if (account.previousLoginAt) {
            {{ account.previousLoginAt | date: 'd MMMM y, HH.mm' }}
            (bukan Anda? Segera ganti kata sandi dan hubungi admin)
          } @else {
            — (ini kali pertama Anda masuk)
          }
        </dd>
        <dt>Verifikasi dua langkah</dt>
        <dd>{{ account.hasTotp ? 'Aktif' : 'Belum aktif' }}</dd>
      </dl>

      <h2>Verifikasi dua langkah (TOTP)</h2>
      <p>
        @if (account.hasTotp) {
          Aplikasi autentikator Anda sudah terdaftar. Daftarkan ulang bila ponsel Anda hilang atau
          diganti; kode dari aplikasi lama tidak berlaku lagi setelah pendaftaran baru dikonfirmasi.
        } @else {
          Lindungi akun Anda dengan kode dari aplikasi autentikator di ponsel, selain kata sandi.
        }
      </p>
      <a mat-stroked-button [routerLink]="totpPath">
        {{
          account.hasTotp
            ? 'Daftarkan ulang aplikasi autentikator'
            : 'Aktifkan verifikasi dua langkah'
        }}
      </a>

      <h2>Ganti kata sandi</h2>
      <app-change-password-form (changed)="onPasswordChanged($event)" />
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 70ch;
    }

    .facts {
      display: grid;
      grid-template-columns: minmax(8rem, max-content) 1fr;
      gap: 8px 24px;
      margin: 0;

      dt {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyAccountPage {
  private readonly auth = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly totpPath = totpEnrolmentPath;
  protected readonly account = this.auth.account;

  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();

    return role ? ROLE_LABELS[role] : '';
  });

  protected readonly scope = computed(() => scopeLabel(this.account()?.scope));

  protected onPasswordChanged(viewer: Viewer): void {
    this.auth.updateViewer(viewer);
    this.snackBar.open('Kata sandi telah diganti.', 'Tutup', { duration: 6000 });
  }
}
