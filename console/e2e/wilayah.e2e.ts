// The public region journey through the real API and the built console, in Chromium.
import { normalizeRegionName } from '@kaliber/schema';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  animationsFinished,
  type BrowserSession,
  collectPageErrors,
  launchBrowser,
  type RunningApi,
  saveScreenshot,
  seriousAccessibilityViolations,
  startApi,
} from './harness';

/** The 10 kecamatan of Jakarta Timur in code order (Kemendagri 300.2.2-2138/2025). */
const expectedKecamatan = [
  ['31.75.01', 'Matraman'],
  ['31.75.02', 'Pulo Gadung'],
  ['31.75.03', 'Jatinegara'],
  ['31.75.04', 'Kramat Jati'],
  ['31.75.05', 'Pasar Rebo'],
  ['31.75.06', 'Cakung'],
  ['31.75.07', 'Duren Sawit'],
  ['31.75.08', 'Makasar'],
  ['31.75.09', 'Ciracas'],
  ['31.75.10', 'Cipayung'],
];

/** Cakung's 7 kelurahan, by name; kelurahan Jatinegara is here, not in kecamatan Jatinegara. */
const expectedCakungKelurahan = [
  'Jatinegara',
  'Rawa Terate',
  'Penggilingan',
  'Cakung Timur',
  'Pulo Gebang',
  'Ujung Menteng',
  'Cakung Barat',
];

/** Names compared as the console compares them, so "Pulogadung" and "Pulo Gadung" agree. */
function nameKeys(names: readonly string[]): string[] {
  return names.map((name) => normalizeRegionName(name));
}

async function kecamatanOnPage(page: Page): Promise<string[][]> {
  const headers = page.locator('mat-expansion-panel-header');
  const titles = await headers.locator('mat-panel-title').allInnerTexts();
  const codes = await headers.locator('mat-panel-description .code').allInnerTexts();

  return titles.map((title, index) => [codes[index] ?? '', normalizeRegionName(title)]);
}

describe('public region pages', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('takes a visitor from the home page to the kelurahan of Cakung', async () => {
    const browser: BrowserSession = await launchBrowser({ width: 1280, height: 800 });
    try {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);

      await page.goto(`${api.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Selamat datang di Kaliber' }).waitFor();
      expect(await page.title()).toBe('Beranda · Kaliber');
      // The office name comes from the API's kab/kota, not from the markup.
      await expect
        .poll(() => page.locator('.brand-office').textContent())
        .toBe('KPU Kota Jakarta Timur');

      await page
        .getByRole('navigation', { name: 'Navigasi utama' })
        .getByRole('link', { name: 'Wilayah' })
        .click();
      await page.waitForURL(`${api.baseUrl}/wilayah`);
      await page.locator('mat-expansion-panel').first().waitFor();
      expect(await page.title()).toBe('Wilayah · Kaliber');
      expect(await kecamatanOnPage(page)).toEqual(
        expectedKecamatan.map(([code = '', name = '']) => [code, normalizeRegionName(name)]),
      );

      const cakung = page.getByRole('button', { name: /^Cakung\b/ });
      await cakung.click();
      await expect.poll(() => cakung.getAttribute('aria-expanded')).toBe('true');
      const kelurahanList = page.getByRole('list', { name: 'Kelurahan di kecamatan Cakung' });
      const kelurahan = await kelurahanList.locator('.kelurahan-name').allInnerTexts();
      expect(nameKeys(kelurahan)).toEqual(nameKeys(expectedCakungKelurahan));
      expect(await kelurahanList.locator('.code').allInnerTexts()).toEqual(
        expectedCakungKelurahan.map((_, index) => `31.75.06.100${index + 1}`),
      );

      await animationsFinished(page);
      await saveScreenshot(page, 'wilayah.png');
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('fits a 360 px phone screen without sideways scrolling', async () => {
    const browser = await launchBrowser({ width: 360, height: 800 });
    try {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);

      for (const path of ['/', '/wilayah']) {
        await page.goto(`${api.baseUrl}${path}`);
        await page.locator('main h1').waitFor();
        if (path === '/wilayah') {
          await page.locator('mat-expansion-panel').first().waitFor();
        }

        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
        const navigation = page.getByRole('navigation', { name: 'Navigasi utama' });
        // The sign-in link appears once the API has said that nobody is signed in.
        await navigation.getByRole('link', { name: 'Masuk' }).waitFor();
        const navLinks = navigation.getByRole('link');
        expect(await navLinks.count()).toBe(6);
        for (const link of await navLinks.all()) {
          const box = await link.boundingBox();
          expect(box, `a visible nav link on ${path}`).not.toBeNull();
          expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
        }
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
      }

      // The filter's two-line hint must push the result count down, not sit on top of it.
      await page
        .getByRole('searchbox', { name: 'Cari kecamatan atau kelurahan' })
        .fill('kramat jati');
      const status = page.getByRole('status');
      await expect.poll(() => status.textContent()).toContain('1 dari 10 kecamatan');
      const hintBox = await page.locator('mat-hint').boundingBox();
      const statusBox = await status.boundingBox();
      expect((hintBox?.y ?? 0) + (hintBox?.height ?? 0)).toBeLessThanOrEqual(statusBox?.y ?? 0);
      await saveScreenshot(page, 'wilayah-360.png');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
