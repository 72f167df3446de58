import { type Routes } from '@angular/router';

import { VOTER_SEARCH_ROLES } from './shared/role-labels';
import { roleGuard, staffSessionGuard } from './staff-guards';

/**
 * Staff routes, loaded only when a staff member opens /staf; each page is its own chunk, so
 * the QR-code library, for one, is fetched only by the TOTP enrolment page.
 */
export const staffRoutes: Routes = [
  {
    path: '',
    canActivateChild: [staffSessionGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Area staf',
        loadComponent: () => import('./home/staff-home-page').then((m) => m.StaffHomePage),
      },
      {
        path: 'ganti-kata-sandi',
        title: 'Ganti kata sandi',
        loadComponent: () =>
          import('./account/password-change-page').then((m) => m.PasswordChangePage),
      },
      {
        path: 'aktifkan-totp',
        title: 'Verifikasi dua langkah',
        loadComponent: () => import('./totp/totp-enrolment-page').then((m) => m.TotpEnrolmentPage),
      },
      {
        path: 'akun',
        title: 'Akun saya',
        loadComponent: () => import('./account/my-account-page').then((m) => m.MyAccountPage),
      },
      {
        path: 'pemilih',
        title: 'Cari pemilih',
        canActivate: [roleGuard(VOTER_SEARCH_ROLES)],
        loadComponent: () => import('./voters/voter-search-page').then((m) => m.VoterSearchPage),
      },
      {
        path: 'admin',
        canActivate: [roleGuard(['ADMIN'])],
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'akun' },
          {
            path: 'akun',
            title: 'Kelola akun',
            loadComponent: () =>
              import('./admin/accounts/accounts-page').then((m) => m.AccountsPage),
          },
          {
            path: 'token',
            title: 'Token API',
            loadComponent: () =>
              import('./admin/tokens/api-tokens-page').then((m) => m.ApiTokensPage),
          },
          {
            path: 'keamanan',
            title: 'Keamanan',
            loadComponent: () =>
              import('./admin/security/security-page').then((m) => m.SecurityPage),
          },
          {
            path: 'audit',
            title: 'Log audit',
            loadComponent: () => import('./admin/audit/audit-page').then((m) => m.AuditPage),
          },
        ],
      },
    ],
  },
];
