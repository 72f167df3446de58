import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthStore } from '../../auth/auth-store';
import { ROLE_LABELS, scopeLabel } from '../shared/role-labels';
import { staffLinksFor } from './staff-links';

/** The staff home: who is signed in, in which role and area, and the pages open to them. */
@Component({
  selector: 'app-staff-home-page',
  imports: [RouterLink],
  template: `
    @if (account(); as account) {
      <h1>Selamat datang, {{ account.displayName }}</h1>
      <dl class="facts">
        <div>
          <dt>Peran</dt>
          <dd>{{ roleLabel() }}</dd>
        </div>
        <div>
          <dt>Wilayah kerja</dt>
          <dd>{{ scope() }}</dd>
        </div>
      </dl>

      <h2>Halaman untuk Anda</h2>
      <ul class="link-list">
        @for (link of links(); track link.path) {
          <li>
            <a [routerLink]="link.path">{{ link.label }}</a>
            <span class="description">{{ link.description }}</span>
          </li>
        }
      </ul>
      @if (links().length === 1) {
        <p>
          Peran Anda memakai Kaliber terutama melalui layanan GraphQL dengan token API; halaman
          rekapitulasi di konsol akan menyusul.
        </p>
      }
    }
  `,
  styleUrl: './staff-home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffHomePage {
  private readonly auth = inject(AuthStore);

  protected readonly account = this.auth.account;

  protected readonly roleLabel = computed(() => {
    const role = this.auth.role();

    return role ? ROLE_LABELS[role] : '';
  });

  protected readonly scope = computed(() => scopeLabel(this.account()?.scope));

  protected readonly links = computed(() => {
    const role = this.auth.role();

    return role ? staffLinksFor(role) : [];
  });
}
