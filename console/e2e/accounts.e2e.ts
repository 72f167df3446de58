// Staff accounts through the real API (REQUIRE_MFA on) and the built console, in Chromium: the
// administrator's first sign-in and TOTP enrolment, creating a PPK operator, that operator's
// forced password change and enrolment, and a voter search limited to their kecamatan.
import { normalizeRegionName } from '@kaliber/schema';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  animationsFinished,
  collectPageErrors,
  launchBrowser,
  type RunningApi,
  saveScreenshot,
  seriousAccessibilityViolations,
  startApi,
} from './harness';
import { totpCode, totpStep } from './totp';

/** The one password of the demo accounts (demo database only). */
const demoPassword = 'kaliber-demo-2026';

const operator = {
  username: 'ppk-cakung-e2e',
  displayName: 'Operator Cakung (uji)',
  newPassword: 'sungai cakung mengalir ke utara',
};

/** Cakung's 7 kelurahan (31.75.06), by name. */
const cakungKelurahan = [
  'Jatinegara',
  'Rawa Terate',
  'Penggilingan',
  'Cakung Timur',
  'Pulo Gebang',
  'Ujung Menteng',
  'Cakung Barat',
];

function nameKeys(names: readonly string[]): string[] {
  return names.map((name) => normalizeRegionName(name)).sort();
}

describe('staff accounts and sign-in', () => {
  let api: RunningApi;
  /** What the "phone" of each account holds: its TOTP secret and the last step it used. */
  const authenticators = new Map<string, { secret: string; lastStep: number }>();
  let temporaryPassword = '';

  beforeAll(async () => {
    // Enough demo voters that every kelurahan of Cakung has some.
    api = await startApi({ REQUIRE_MFA: 'true', DEMO_VOTERS: '2000' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  /**
   * The code an authenticator shows now, or the next step's when this step's code was used
   * already: the server accepts each step once, and one step of clock drift.
   */
  function codeFor(username: string): string {
    const authenticator = authenticators.get(username);
    if (!authenticator) {
      throw new Error(`${username} has no authenticator yet`);
    }
    const step = Math.max(totpStep(), authenticator.lastStep + 1);
    authenticator.lastStep = step;

    return totpCode(authenticator.secret, step);
  }

  /** Screenshot, accessibility check and (on a phone) no sideways scrolling, for one page. */
  async function checkPage(page: Page, name: string): Promise<void> {
    await animationsFinished(page);
    await saveScreenshot(page, `${name}.png`);

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page), `axe on ${name}`).toEqual([]);
  }

  async function heading(page: Page): Promise<string> {
    return (await page.locator('main h1').first().innerText()).trim();
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(`${api.baseUrl}/masuk`);
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }

  async function enterTotp(page: Page, username: string): Promise<void> {
    await page.getByLabel('Kode autentikator').fill(codeFor(username));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
  }

  /** On the enrolment page: reads the secret like a person typing it into the app, confirms. */
  async function enrolTotp(page: Page, username: string): Promise<void> {
    const secretText = await page.getByTestId('totp-secret').innerText();
    authenticators.set(username, { secret: secretText.replace(/\s+/g, ''), lastStep: -1 });
    await expect
      .poll(() => page.getByRole('img', { name: /Kode QR/ }).getAttribute('src'))
      .toMatch(/^data:image\/svg\+xml/);

    await page.getByLabel('Kode 6 digit').fill(codeFor(username));
    await page.getByRole('button', { name: 'Konfirmasi' }).click();
  }

  async function signOut(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${api.baseUrl}/masuk`);
    await page.getByText('Anda telah keluar dari Kaliber.').waitFor();
  }

  it('computes the RFC 6238 reference codes (SHA-1, 30 s, 6 digits)', () => {
    // The RFC's secret is the ASCII text 12345678901234567890.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

    expect(
      [59, 1_111_111_109, 1_234_567_890, 2_000_000_000].map((seconds) =>
        totpCode(secret, Math.floor(seconds / 30)),
      ),
    ).toEqual(['287082', '081804', '005924', '279037']);
  });

  it('takes the admin through enrolment to a new PPK operator whose search stays in Cakung', async () => {
    const browser = await launchBrowser({ width: 1280, height: 900 });
    try {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);

      // The administrator's first sign-in: MFA is required and not enrolled yet.
      await signIn(page, 'admin', demoPassword);
      await page.waitForURL(`${api.baseUrl}/staf/aktifkan-totp`);
      await page.getByTestId('totp-secret').waitFor();
      expect(await page.title()).toBe('Verifikasi dua langkah · Kaliber');
      await checkPage(page, 'accounts-admin-totp');
      await enrolTotp(page, 'admin');
      await page.waitForURL(`${api.baseUrl}/staf`);
      expect(await heading(page)).toBe('Selamat datang, Admin Sistem (demo)');
      await checkPage(page, 'accounts-admin-home');

      // A new OPERATOR limited to kecamatan Cakung.
      await page.getByRole('link', { name: 'Kelola akun' }).click();
      await page.waitForURL(`${api.baseUrl}/staf/admin/akun`);
      await page.locator('tr[data-username="admin"]').waitFor();
      await page.getByRole('button', { name: 'Buat akun' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Nama pengguna').fill(operator.username);
      await dialog.getByLabel('Nama lengkap').fill(operator.displayName);
      await dialog.getByRole('radio', { name: 'Satu kecamatan (PPK)' }).check();
      await dialog.getByRole('combobox', { name: 'Kecamatan' }).click();
      await page.getByRole('option', { name: 'Cakung', exact: true }).click();
      await dialog.getByRole('button', { name: 'Buat akun' }).click();

      const secretDialog = page.getByRole('dialog', { name: `Akun ${operator.username} dibuat` });
      await secretDialog.waitFor();
      temporaryPassword = (await page.getByTestId('one-time-secret').innerText()).trim();
      expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
      await expect.poll(() => secretDialog.innerText()).toContain('Hanya ditampilkan sekali.');
      await checkPage(page, 'accounts-temporary-password');
      await secretDialog.getByRole('button', { name: 'Sudah saya catat' }).click();
      const newRow = page.locator(`tr[data-username="${operator.username}"]`);
      await expect.poll(() => newRow.innerText()).toContain('Kecamatan Cakung');
      expect(await newRow.innerText()).toContain('Wajib ganti kata sandi');
      await checkPage(page, 'accounts-admin-akun');

      // The other admin pages answer against the real API.
      await page.goto(`${api.baseUrl}/staf/admin/keamanan`);
      await page.getByRole('button', { name: 'Periksa rantai log audit' }).click();
      await expect.poll(() => page.locator('.chain-result').innerText()).toMatch(/^Rantai utuh/);
      await checkPage(page, 'accounts-admin-keamanan');
      await page.goto(`${api.baseUrl}/staf/admin/audit`);
      await page.locator('table.audit-table tr.mat-mdc-row').first().waitFor();
      expect(await page.locator('table.audit-table').innerText()).toContain('ACCOUNT_CREATED');
      await checkPage(page, 'accounts-admin-audit');
      // An API token for the province office: shown once, then revoked.
      await page.goto(`${api.baseUrl}/staf/admin/token`);
      await page.getByText('Belum ada token API.').waitFor();
      await page.getByRole('button', { name: 'Buat token' }).click();
      const tokenDialog = page.getByRole('dialog');
      await tokenDialog.getByRole('combobox', { name: 'Akun' }).click();
      const tokenAccounts = page.getByRole('listbox').getByRole('option');
      await tokenAccounts.first().waitFor();
      expect(await tokenAccounts.allInnerTexts()).toEqual([
        'Bawaslu (demo) · bawaslu',
        'KPU DKI Jakarta (demo) · provinsi',
      ]);
      await tokenAccounts.nth(1).click();
      await tokenDialog.getByLabel('Nama token').fill('Rekap provinsi (uji)');
      await tokenDialog.getByLabel('Berlaku (hari)').fill('30');
      await tokenDialog.getByRole('button', { name: 'Buat token' }).click();
      await page.getByRole('dialog', { name: 'Token "Rekap provinsi (uji)" dibuat' }).waitFor();
      const tokenText = (await page.getByTestId('one-time-secret').innerText()).trim();
      expect(tokenText.length).toBeGreaterThanOrEqual(32);
      await checkPage(page, 'accounts-admin-token-created');
      await page.getByRole('button', { name: 'Sudah saya catat' }).click();
      await page.getByRole('button', { name: 'Cabut token Rekap provinsi (uji)' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cabut token' }).click();
      await expect
        .poll(() => page.locator('table.tokens-table td.mat-column-status').allInnerTexts())
        .toEqual(['Dicabut']);
      await checkPage(page, 'accounts-admin-token');
      await signOut(page);

      // The operator: temporary password, forced change, enrolment.
      await signIn(page, operator.username, temporaryPassword);
      await page.waitForURL(`${api.baseUrl}/staf/ganti-kata-sandi`);
      await checkPage(page, 'accounts-password-change');
      await page.getByLabel('Kata sandi saat ini').fill(temporaryPassword);
      await page.getByLabel('Kata sandi baru', { exact: true }).fill(operator.newPassword);
      await page.getByLabel('Ulangi kata sandi baru').fill(operator.newPassword);
      await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
      await page.waitForURL(`${api.baseUrl}/staf/aktifkan-totp`);
      await page.getByTestId('totp-secret').waitFor();
      await enrolTotp(page, operator.username);
      await page.waitForURL(`${api.baseUrl}/staf`);
      expect(await page.locator('.facts').innerText()).toMatch(/Operator[\s\S]*Kecamatan Cakung/);

      // Voter search: only Cakung's kelurahan to choose from, only Cakung voters found.
      await page.getByRole('link', { name: 'Cari pemilih' }).click();
      await page.waitForURL(`${api.baseUrl}/staf/pemilih`);
      await page.getByRole('combobox', { name: 'Kelurahan' }).click();
      const options = page.getByRole('listbox').getByRole('option');
      await options.first().waitFor();
      expect(nameKeys(await options.allInnerTexts())).toEqual(nameKeys(cakungKelurahan));
      expect(await page.locator('mat-optgroup .mat-mdc-optgroup-label').allInnerTexts()).toEqual([
        'Kecamatan Cakung',
      ]);
      await page.getByRole('option', { name: 'Rawa Terate' }).click();
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      const rows = page.locator('table.voter-table tr.mat-mdc-row');
      await rows.first().waitFor();
      const kelurahanShown = await page
        .locator('table.voter-table td.mat-column-kelurahan')
        .allInnerTexts();
      expect(new Set(kelurahanShown)).toEqual(new Set(['Rawa Terate']));
      expect(await page.locator('td.mat-column-nik').first().innerText()).toMatch(/^3\d{15}$/);
      await checkPage(page, 'accounts-pemilih');

      // Straight to the API, past the picker: a Matraman kelurahan is refused, nothing leaks.
      const answer = await page.evaluate(async () => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query:
              'query { searchVoters(filter: { kelurahanCode: "31.75.01.1001" }) ' +
              '{ total items { id } } }',
          }),
        });

        return (await response.json()) as {
          data: { searchVoters: { items: unknown[] } } | null;
          errors?: { extensions?: { code?: string } }[];
        };
      });
      expect({
        items: answer.data?.searchVoters.items.length ?? 0,
        code: answer.errors?.[0]?.extensions?.code,
      }).toEqual({ items: 0, code: 'NOT_FOUND' });

      await signOut(page);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('works on a 360 px phone, down to the emergency sign-out of everyone', async () => {
    expect(temporaryPassword, 'the first journey created the operator').not.toBe('');
    // Two phones: the operator's stays signed in while the administrator pulls the switch.
    const operatorPhone = await launchBrowser({ width: 360, height: 800 });
    const adminPhone = await launchBrowser({ width: 360, height: 800 });
    try {
      const page = await operatorPhone.context.newPage();
      const errors = collectPageErrors(page);

      await page.goto(`${api.baseUrl}/masuk`);
      await page.getByLabel('Nama pengguna').waitFor();
      await checkPage(page, 'accounts-login-360');

      // The operator, a second time: password, then the code of a fresh step.
      await signIn(page, operator.username, operator.newPassword);
      await page.getByLabel('Kode autentikator').waitFor();
      await checkPage(page, 'accounts-login-totp-360');
      await enterTotp(page, operator.username);
      await page.waitForURL(`${api.baseUrl}/staf`);
      await checkPage(page, 'accounts-operator-home-360');
      await page.goto(`${api.baseUrl}/staf/akun`);
      await page.getByText('Ganti kata sandi', { exact: true }).waitFor();
      await checkPage(page, 'accounts-akun-360');
      await page.goto(`${api.baseUrl}/staf/pemilih`);
      await page.getByRole('combobox', { name: 'Kelurahan' }).click();
      await page.getByRole('option', { name: 'Jatinegara' }).click();
      const search = page.getByRole('button', { name: 'Cari', exact: true });
      await search.click();
      await page.locator('table.voter-table tr.mat-mdc-row').first().waitFor();
      await checkPage(page, 'accounts-pemilih-360');

      // The administrator's pages on a phone, then the emergency switch.
      const adminPage = await adminPhone.context.newPage();
      const adminErrors = collectPageErrors(adminPage);
      await signIn(adminPage, 'admin', demoPassword);
      await enterTotp(adminPage, 'admin');
      await adminPage.waitForURL(`${api.baseUrl}/staf`);
      await adminPage.goto(`${api.baseUrl}/staf/admin/akun`);
      await adminPage.locator(`tr[data-username="${operator.username}"]`).waitFor();
      await checkPage(adminPage, 'accounts-admin-akun-360');
      await adminPage.getByRole('button', { name: `Tindakan untuk ${operator.username}` }).click();
      await adminPage.getByRole('menuitem', { name: 'Setel ulang TOTP' }).waitFor();
      await checkPage(adminPage, 'accounts-admin-menu-360');
      await adminPage.keyboard.press('Escape');
      await adminPage.goto(`${api.baseUrl}/staf/admin/audit`);
      await adminPage.locator('table.audit-table tr.mat-mdc-row').first().waitFor();
      await checkPage(adminPage, 'accounts-admin-audit-360');

      await adminPage.goto(`${api.baseUrl}/staf/admin/keamanan`);
      await adminPage.getByRole('button', { name: 'Cabut semua sesi dan token' }).click();
      const confirm = adminPage.getByRole('dialog');
      const goAhead = confirm.getByRole('button', { name: 'Cabut semua' });
      expect(await goAhead.isDisabled()).toBe(true);
      await confirm.getByLabel('Ketik CABUT untuk melanjutkan').fill('cabut');
      await checkPage(adminPage, 'accounts-revoke-all-360');
      await goAhead.click();
      await adminPage.waitForURL(`${api.baseUrl}/masuk`);
      await expect
        .poll(() => adminPage.locator('main [role="status"]').innerText())
        .toMatch(/^Semua sesi dan token API telah dicabut \(\d+\)\. Silakan masuk kembali\.$/);
      expect(await adminPage.getByRole('link', { name: 'Masuk', exact: true }).count()).toBe(1);
      // The cookie the browser still holds no longer opens anything.
      await adminPage.goto(`${api.baseUrl}/staf/admin/akun`);
      await adminPage.waitForURL(`${api.baseUrl}/masuk`);
      expect(adminErrors).toEqual([]);

      // The operator's next search meets the ended session and lands on the sign-in page.
      await search.click();
      await page.waitForURL(`${api.baseUrl}/masuk`);
      await expect
        .poll(() => page.locator('main [role="status"]').innerText())
        .toBe('Sesi berakhir. Silakan masuk kembali.');
      await checkPage(page, 'accounts-session-ended-360');
      expect(errors).toEqual([]);
    } finally {
      await operatorPhone.close();
      await adminPhone.close();
    }
  }, 180_000);
});
