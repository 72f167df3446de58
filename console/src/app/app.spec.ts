import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { App } from './app';
import { routes } from './app.routes';
import { AuthStore } from './auth/auth-store';
import { viewerFixture } from './auth/viewer.fixture';
import { DeploymentDocument } from './graphql/generated/graphql';
import { createGraphqlCache } from './graphql/graphql-client';
import { PageTitleStrategy } from './page-title-strategy';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let host: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, App],
      providers: [
        provideRouter(routes),
        { provide: TitleStrategy, useClass: PageTitleStrategy },
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
      ],
    });
    fixture = TestBed.createComponent(App);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  async function navigate(url: string): Promise<void> {
    await TestBed.inject(Router).navigateByUrl(url);
    await fixture.whenStable();
  }

  function navLinks(): [string, string | null, string | null][] {
    return Array.from(
      host.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Navigasi utama"] a'),
      (link) => [
        link.textContent.trim(),
        link.getAttribute('href'),
        link.getAttribute('aria-current'),
      ],
    );
  }

  async function answerViewer(viewer: ReturnType<typeof viewerFixture> | null): Promise<void> {
    TestBed.inject(ApolloTestingController).expectOne('Viewer').flushData({ viewer });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function text(selector: string): string[] {
    return Array.from(host.querySelectorAll(selector), (element) =>
      element.textContent.replace(/\s+/g, ' ').trim(),
    );
  }

  function brand(): string | undefined {
    return host.querySelector('.brand')?.textContent.replace(/\s+/g, ' ').trim();
  }

  it('shows the office name the API gives for its kabupaten/kota in the toolbar', async () => {
    const nameBeforeAnswer = brand();

    TestBed.inject(ApolloTestingController)
      .expectOne(DeploymentDocument)
      .flushData({
        kabKota: { __typename: 'Region', code: '31.75', name: 'Kota Administrasi Jakarta Timur' },
      });
    // Apollo delivers the answer on a later task; then let the view render it.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect([nameBeforeAnswer, brand()]).toEqual(['Kaliber', 'Kaliber KPU Kota Jakarta Timur']);
  });

  it('keeps the product name alone when the API cannot be reached', async () => {
    TestBed.inject(ApolloTestingController)
      .expectOne(DeploymentDocument)
      .networkError(new Error('offline'));
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(brand()).toBe('Kaliber');
  });

  it('offers the public pages and sign-in once it knows nobody is signed in', async () => {
    const linksBeforeAnswer = navLinks();
    await answerViewer(null);
    await navigate('/');

    expect(linksBeforeAnswer).toEqual([
      ['Beranda', '/', null],
      ['Cek NIK', '/cek-nik', null],
      ['Daftar', '/daftar', null],
      ['Lacak', '/lacak', null],
      ['Wilayah', '/wilayah', null],
    ]);
    expect(navLinks()).toEqual([
      ['Beranda', '/', 'page'],
      ['Cek NIK', '/cek-nik', null],
      ['Daftar', '/daftar', null],
      ['Lacak', '/lacak', null],
      ['Wilayah', '/wilayah', null],
      ['Masuk', '/masuk', null],
    ]);
    expect(text('.account-bar')).toEqual([]);
    expect(TestBed.inject(Title).getTitle()).toBe('Beranda · Kaliber');
  });

  it('shows the signed-in account and a way out instead of the sign-in link', async () => {
    await answerViewer(viewerFixture());
    await navigate('/');

    expect(navLinks()).toEqual([
      ['Beranda', '/', 'page'],
      ['Cek NIK', '/cek-nik', null],
      ['Daftar', '/daftar', null],
      ['Lacak', '/lacak', null],
      ['Wilayah', '/wilayah', null],
      ['Area staf', '/staf', null],
    ]);
    expect(text('.account-bar')).toEqual(['Siti Rahmawati Keluar']);
  });

  it('signs out on "Keluar": the server is told, the sign-in page says so', async () => {
    await answerViewer(viewerFixture());
    await navigate('/');

    host.querySelector<HTMLButtonElement>('.account-bar button')?.click();
    TestBed.inject(ApolloTestingController).expectOne('Logout').flushData({ logout: true });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/masuk');
    expect(text('main [role="status"]')).toEqual(['Anda telah keluar dari Kaliber.']);
    expect(navLinks().at(-1)).toEqual(['Masuk', '/masuk', 'page']);
  });

  it('sends /staf to the sign-in form when nobody is signed in', async () => {
    await answerViewer(null);
    await navigate('/staf');

    expect(TestBed.inject(Router).url).toBe('/masuk');
    expect(host.querySelector('main h1')?.textContent).toBe('Masuk staf');
    expect(host.querySelectorAll('main form input')).toHaveLength(2);
    expect(TestBed.inject(Title).getTitle()).toBe('Masuk · Kaliber');
  });

  it('returns to the sign-in page with "Sesi berakhir" when the server ends the session', async () => {
    await answerViewer(viewerFixture({ role: 'ADMIN' }));
    await navigate('/staf/akun');

    await TestBed.inject(AuthStore).sessionEnded();
    await fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/masuk');
    expect(text('main [role="status"]')).toEqual(['Sesi berakhir. Silakan masuk kembali.']);
    expect(text('.account-bar')).toEqual([]);
    expect(TestBed.inject(AuthStore).takeReturnUrl()).toBe('/staf/akun');
  });

  it('moves keyboard focus to the main content from the skip link', () => {
    const skipLink = host.querySelector<HTMLAnchorElement>('.skip-link');

    skipLink?.click();

    expect(skipLink?.textContent.trim()).toBe('Langsung ke konten utama');
    expect(document.activeElement).toBe(host.querySelector('main'));
  });

  it('answers an unknown address with the not-found page', async () => {
    await navigate('/tidak-ada');

    expect(host.querySelector('main h1')?.textContent).toBe('Halaman tidak ditemukan');
    expect(TestBed.inject(Title).getTitle()).toBe('Halaman tidak ditemukan · Kaliber');
  });
});
