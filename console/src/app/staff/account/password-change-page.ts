import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router } from '@angular/router';

import { AuthStore, type Viewer } from '../../auth/auth-store';
import { stageHomePath } from '../../auth/session-stage';
import { ChangePasswordForm } from './change-password-form';

/**
 * The forced first step of a new or reset account: the temporary password an administrator
 * handed over must be replaced before anything else opens.
 */
@Component({
  selector: 'app-password-change-page',
  imports: [ChangePasswordForm],
  template: `
    <h1>Ganti kata sandi</h1>
    <p class="intro">
      Akun Anda masih memakai kata sandi sementara dari administrator. Buat kata sandi baru yang
      hanya Anda ketahui sebelum melanjutkan. Pakai kalimat panjang yang mudah Anda ingat, bukan
      kata sandi yang juga Anda pakai di tempat lain.
    </p>
    <app-change-password-form (changed)="onChanged($event)" />
  `,
  styles: `
    :host {
      display: block;
      max-width: 70ch;
    }

    .intro {
      margin: 0 0 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PasswordChangePage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected async onChanged(viewer: Viewer): Promise<void> {
    this.auth.updateViewer(viewer);

    await this.router.navigateByUrl(stageHomePath(viewer.stage));
  }
}
