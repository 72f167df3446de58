import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { routes } from '../app.routes';
import { AuthStore } from '../auth/auth-store';
import { cakungScope, viewerFixture } from '../auth/viewer.fixture';
import { type Role, type SessionStage } from '../graphql/generated/graphql';
import { createGraphqlCache } from '../graphql/graphql-client';

/**
 * The app's real route table: no router outlet is rendered, so guards and lazy loading run but
 * no page is created (and no page queries the API).
 */
describe('staff route guards', () => {
  let backend: ApolloTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter(routes),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => {
    backend.verify();
  });

  /** Answers the Viewer query the way the API would for this session (null = signed out). */
  async function sessionOf(role: Role | null, stage: SessionStage = 'ACTIVE'): Promise<void> {
    const loaded = TestBed.inject(AuthStore).ensureLoaded();
    backend.expectOne('Viewer').flushData({
      viewer:
        role === null
          ? null
          : viewerFixture({ role, stage, ...(role === 'OPERATOR' ? { scope: cakungScope } : {}) }),
    });
    await loaded;
  }

  async function landingOf(url: string): Promise<string> {
    await router.navigateByUrl(url);

    return router.url;
  }

  it('sends a visitor without a session to the sign-in page, remembering the page', async () => {
    await sessionOf(null);

    expect(await landingOf('/staf/pemilih')).toBe('/masuk');
    expect(TestBed.inject(AuthStore).takeReturnUrl()).toBe('/staf/pemilih');
  });

  it('lets nothing but the password change open while a new password is due', async () => {
    await sessionOf('ADMIN', 'PASSWORD_CHANGE_REQUIRED');

    expect([
      await landingOf('/staf'),
      await landingOf('/staf/admin/akun'),
      await landingOf('/staf/aktifkan-totp'),
      await landingOf('/staf/ganti-kata-sandi'),
    ]).toEqual([
      '/staf/ganti-kata-sandi',
      '/staf/ganti-kata-sandi',
      '/staf/ganti-kata-sandi',
      '/staf/ganti-kata-sandi',
    ]);
  });

  it('lets nothing but the TOTP enrolment open while a second factor is due', async () => {
    await sessionOf('OPERATOR', 'TOTP_ENROLMENT_REQUIRED');

    expect([
      await landingOf('/staf/pemilih'),
      await landingOf('/staf/akun'),
      await landingOf('/staf/ganti-kata-sandi'),
      await landingOf('/staf/aktifkan-totp'),
    ]).toEqual([
      '/staf/aktifkan-totp',
      '/staf/aktifkan-totp',
      '/staf/aktifkan-totp',
      '/staf/aktifkan-totp',
    ]);
  });

  it('opens the admin pages to ADMIN only; others land on the staff home', async () => {
    await sessionOf('OPERATOR');

    expect([await landingOf('/staf/admin/akun'), await landingOf('/staf/admin/audit')]).toEqual([
      '/staf',
      '/staf',
    ]);
  });

  it('opens every admin page to an active ADMIN', async () => {
    await sessionOf('ADMIN');

    expect([
      await landingOf('/staf/admin/akun'),
      await landingOf('/staf/admin/token'),
      await landingOf('/staf/admin/keamanan'),
      await landingOf('/staf/admin/audit'),
      await landingOf('/staf/admin'),
    ]).toEqual([
      '/staf/admin/akun',
      '/staf/admin/token',
      '/staf/admin/keamanan',
      '/staf/admin/audit',
      '/staf/admin/akun',
    ]);
  });

  it('opens the voter search to the four voter roles but not to PROVINSI', async () => {
    await sessionOf('PROVINSI');

    expect(await landingOf('/staf/pemilih')).toBe('/staf');
  });

  it('opens the voter search to a scoped OPERATOR', async () => {
    await sessionOf('OPERATOR');

    expect(await landingOf('/staf/pemilih')).toBe('/staf/pemilih');
  });

  it('sends an active session from the forced password page to "Akun saya"', async () => {
    await sessionOf('VERIFIKATOR');

    expect(await landingOf('/staf/ganti-kata-sandi')).toBe('/staf/akun');
  });

  it('sends a signed-in person from the sign-in page to where their stage says', async () => {
    await sessionOf('KOMISIONER', 'TOTP_ENROLMENT_REQUIRED');

    expect(await landingOf('/masuk')).toBe('/staf/aktifkan-totp');
  });
});
