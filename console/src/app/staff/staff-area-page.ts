import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { DeploymentStore } from '../deployment/deployment-store';

/**
 * Placeholder for the staff workspace. There is deliberately no login form: staff accounts do
 * not exist yet, and a form that cannot sign anyone in would only mislead.
 */
@Component({
  selector: 'app-staff-area-page',
  imports: [RouterLink],
  template: `
    <h1>Area staf</h1>
    <p>
      Bagian ini untuk petugas {{ officeName() ?? 'KPU' }}. Fitur masuk dengan akun staf akan
      tersedia setelah pengelolaan akun selesai dibangun; sampai saat itu belum ada layanan staf
      yang dapat digunakan di sini.
    </p>
    <p><a routerLink="/">Kembali ke Beranda</a></p>
  `,
  styles: `
    :host {
      display: block;
      max-width: 70ch;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffAreaPage {
  protected readonly officeName = inject(DeploymentStore).officeName;
}
