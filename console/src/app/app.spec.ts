import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { ApolloTestingModule } from 'apollo-angular/testing';

import { App } from './app';
import { routes } from './app.routes';
import { PageTitleStrategy } from './page-title-strategy';

describe('App shell', () => {
  let fixture: ComponentFixture<App>;
  let host: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, App],
      providers: [provideRouter(routes), { provide: TitleStrategy, useClass: PageTitleStrategy }],
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

  it('shows the product and office names in the toolbar', () => {
    expect(host.querySelector('.brand')?.textContent.replace(/\s+/g, ' ').trim()).toBe(
      'Kaliber KPU Kota Jakarta Timur',
    );
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
