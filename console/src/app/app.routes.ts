import { type Routes } from '@angular/router';

import { signedOutGuard } from './auth/signed-out-guard';
import { NotFoundPage } from './not-found/not-found-page';
import { HomePage } from './public/home/home-page';

export const routes: Routes = [
  { path: '', pathMatch: 'full', title: 'Beranda', component: HomePage },
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
