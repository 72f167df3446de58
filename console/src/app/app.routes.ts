import { type Routes } from '@angular/router';

import { signedOutGuard } from './auth/signed-out-guard';
import { NotFoundPage } from './not-found/not-found-page';
import { HomePage } from './public/home/home-page';

export const routes: Routes = [
  { path: '', pathMatch: 'full', title: 'Beranda', component: HomePage },
  {
    path: 'cek-nik',
    title: 'Cek NIK',
    loadComponent: () => import('./public/cek-nik/cek-nik-page').then((m) => m.CekNikPage),
  },
  {
    path: 'daftar',
    title: 'Daftar sebagai pemilih',
    loadComponent: () =>
      import('./public/registration/registration-page').then((m) => m.RegistrationPage),
  },
  {
    path: 'lacak',
    title: 'Lacak pendaftaran',
    loadComponent: () => import('./public/tracking/tracking-page').then((m) => m.TrackingPage),
  },
  {
    path: 'wilayah',
    title: 'Wilayah',
    loadComponent: () => import('./public/regions/region-page').then((m) => m.RegionPage),
  },
  {
    path: 'masuk',
    title: 'Masuk',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'staf',
    loadChildren: () => import('./staff/staff.routes').then((m) => m.staffRoutes),
  },
  { path: '**', title: 'Halaman tidak ditemukan', component: NotFoundPage },
];
