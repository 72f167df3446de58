import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Shown for any address the console does not know. */
@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  template: `
    <h1>Halaman tidak ditemukan</h1>
    <p>Alamat yang Anda buka tidak ada di Kaliber. Periksa kembali alamatnya.</p>
    <p><a routerLink="/">Kembali ke Beranda</a></p>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {}
