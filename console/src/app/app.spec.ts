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

  it('offers Beranda, Wilayah and the staff area, marking the current page', async () => {
    await navigate('/');

    expect(navLinks()).toEqual([
      ['Beranda', '/', 'page'],
      ['Wilayah', '/wilayah', null],
      ['Masuk staf', '/staf', null],
    ]);
    expect(TestBed.inject(Title).getTitle()).toBe('Beranda · Kaliber');
  });

  it('moves keyboard focus to the main content from the skip link', () => {
    const skipLink = host.querySelector<HTMLAnchorElement>('.skip-link');

    skipLink?.click();

    expect(skipLink?.textContent.trim()).toBe('Langsung ke konten utama');
    expect(document.activeElement).toBe(host.querySelector('main'));
  });

  it('loads the staff area lazily without a login form', async () => {
    await navigate('/staf');

    expect(host.querySelector('main h1')?.textContent).toBe('Area staf');
    expect(host.querySelector('main form, main input')).toBeNull();
    expect(navLinks()[2]).toEqual(['Masuk staf', '/staf', 'page']);
    expect(TestBed.inject(Title).getTitle()).toBe('Area staf · Kaliber');
  });

  it('answers an unknown address with the not-found page', async () => {
    await navigate('/tidak-ada');

    expect(host.querySelector('main h1')?.textContent).toBe('Halaman tidak ditemukan');
    expect(TestBed.inject(Title).getTitle()).toBe('Halaman tidak ditemukan · Kaliber');
  });
});
