// The public services through the real API (proof of work on) and the built console, in
// Chromium on a 360 px phone screen: Cek NIK for a demo voter and for an unlisted NIK, a
// registration with two photos tracked to its first stage, and a non-resident family card
// refused both by the page and, when sent anyway, by the server.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { maskNik, parseNik, parseReceiptCode } from '@kaliber/schema';
import Database from 'better-sqlite3';
import { type Page } from 'playwright-core';
import sharp from 'sharp';
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

const phone = { width: 360, height: 800 };

/** Well-formed NIKs that the demo list does not hold (checked in beforeAll). */
const unlistedNik = '3175016501010001';
/** The registrant: a woman of Cakung born on 1 July 2005, listed nowhere yet. */
const registrant = {
  nik: '3175064107050007',
  nkk: '3175060101200001',
  name: 'Siti Rahmawati',
  birthPlace: 'Jakarta',
  birthDate: '2005-07-01',
};
/** A family card issued in Jakarta Pusat (31.71): not this office's residents. */
const outsideNkk = '3171010101200001';
const outsideRegistrant = '3175024203040002';

const residencyMessage =
  'KPU Kota Jakarta Timur hanya menerima pendaftaran penduduk yang KK-nya diterbitkan di Kota ' +
  'Jakarta Timur, sedangkan NKK ini berasal dari daerah lain. Silakan mendaftar di KPU ' +
  'kabupaten/kota tempat KK Anda diterbitkan';

const submitRegistrationQuery = `mutation SubmitRegistration($input: RegistrationInput!, $ktp: Upload!, $kk: Upload!, $proofOfWork: String) {
  submitRegistration(input: $input, ktp: $ktp, kk: $kk, proofOfWork: $proofOfWork) { receiptCode stage submittedAt }
}`;

describe('public services', () => {
  let api: RunningApi;
  let dataDir: string;
  let demoNik: string;
  let ktpPhoto: Buffer;
  let kkScan: Buffer;

  /** Reads the API's demo database without writing to it (the API keeps it open). */
  function readDatabase<T>(read: (database: Database.Database) => T): T {
    const database = new Database(join(dataDir, 'kaliber.sqlite'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      return read(database);
    } finally {
      database.close();
    }
  }

  function registrationsOf(
    nik: string,
  ): { receiptCode: string; stage: string; documents: number }[] {
    return readDatabase((database) =>
      database
        .prepare(
          `SELECT r.receipt_code AS receiptCode, r.stage AS stage,
                  (SELECT COUNT(*) FROM registration_document d WHERE d.registration_id = r.id)
                    AS documents
             FROM registration r WHERE r.nik = ?`,
        )
        .all(nik),
    ) as { receiptCode: string; stage: string; documents: number }[];
  }

  beforeAll(async () => {
    // Our own data folder, so that the test can read the demo list the API seeds into it.
    dataDir = await mkdtemp(join(tmpdir(), 'kaliber-e2e-public-'));
    api = await startApi({ DATA_DIR: dataDir, PROOF_OF_WORK: 'true' });

    const listed = readDatabase((database) => {
      const voter = database
        .prepare("SELECT nik FROM voter WHERE status = 'AKTIF' AND nik LIKE '3175%' LIMIT 1")
        .get() as { nik: string } | undefined;
      const taken = database
        .prepare('SELECT COUNT(*) AS count FROM voter WHERE nik IN (?, ?, ?)')
        .get(unlistedNik, registrant.nik, outsideRegistrant) as { count: number };
      return { voter, taken: taken.count };
    });
    if (!listed.voter) {
      throw new Error('The demo list holds no active voter with a Jakarta Timur NIK');
    }
    demoNik = listed.voter.nik;
    expect(listed.taken, 'the unlisted NIKs are not in the demo list').toBe(0);
    expect([unlistedNik, registrant.nik, outsideRegistrant].map((nik) => parseNik(nik).ok)).toEqual(
      [true, true, true],
    );

    // Small real images, as a phone camera would hand them over (JPEG) or a scanner (PNG).
    ktpPhoto = await sharp({
      create: { width: 856, height: 540, channels: 3, background: { r: 70, g: 120, b: 190 } },
    })
      .jpeg({ quality: 80 })
      .toBuffer();
    kkScan = await sharp({
      create: { width: 1100, height: 780, channels: 3, background: { r: 240, g: 240, b: 232 } },
    })
      .png()
      .toBuffer();
  });

  afterAll(async () => {
    await api?.stop();
    if (dataDir) {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  async function withPhone(journey: (page: Page) => Promise<void>): Promise<void> {
    const browser: BrowserSession = await launchBrowser(phone);
    try {
      const page = await browser.context.newPage();
      const errors = collectPageErrors(page);
      await journey(page);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }

  /** Screenshot, no sideways scrolling and no serious accessibility violation, for one view. */
  async function checkPage(page: Page, name: string): Promise<void> {
    await animationsFinished(page);
    await saveScreenshot(page, `${name}.png`);

    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `horizontal overflow on ${name}`).toBeLessThanOrEqual(0);
    expect(await seriousAccessibilityViolations(page), `axe on ${name}`).toEqual([]);
  }

  /** Ticks "Saya bukan robot" and waits until the browser has solved the API's puzzle. */
  async function proveHuman(page: Page): Promise<void> {
    const widget = page.locator('altcha-widget');
    await widget.getByRole('checkbox', { name: 'Saya bukan robot' }).click();
    await widget.getByText('Terverifikasi').waitFor({ timeout: 30_000 });
  }

  /** Picks an option of a select with the keyboard, as a screen-reader user would. */
  async function choose(page: Page, label: string, option: string): Promise<void> {
    await page.getByRole('combobox', { name: label }).press('Enter');
    await page.getByRole('option', { name: option, exact: true }).click();
    await animationsFinished(page);
  }

  async function fillRegistration(
    page: Page,
    person: { nik: string; nkk: string; name: string; birthPlace: string; birthDate: string },
  ): Promise<void> {
    await page.getByRole('textbox', { name: 'NIK', exact: true }).fill(person.nik);
    await page.getByRole('textbox', { name: 'Nomor KK (NKK)' }).fill(person.nkk);
    await page.getByRole('textbox', { name: 'Nama lengkap' }).fill(person.name);
    await page.getByRole('textbox', { name: 'Tempat lahir' }).fill(person.birthPlace);
    await page.getByLabel('Tanggal lahir').fill(person.birthDate);
    await choose(page, 'Jenis kelamin', 'Perempuan');
    await choose(page, 'Status perkawinan', 'Belum kawin');
    await choose(page, 'Status KTP-el', 'Sudah memiliki KTP-el');
    await choose(page, 'Disabilitas', 'Tidak ada');
    await page.getByRole('textbox', { name: 'Alamat' }).fill('Jl. Pulo Gebang Permai No. 12');
    await page.getByRole('textbox', { name: 'RT', exact: true }).fill('7');
    await page.getByRole('textbox', { name: 'RW', exact: true }).fill('11');
    await choose(page, 'Kecamatan', 'Cakung');
    await choose(page, 'Kelurahan', 'Pulo Gebang');
    await page
      .locator('input[type="file"][aria-labelledby="dokumen-ktp-judul"]')
      .setInputFiles({ name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: ktpPhoto });
    await page
      .locator('input[type="file"][aria-labelledby="dokumen-kk-judul"]')
      .setInputFiles({ name: 'kk.png', mimeType: 'image/png', buffer: kkScan });
    await page.getByRole('checkbox', { name: /Saya menyetujui pemrosesan/ }).check();
    await page.getByRole('checkbox', { name: /Saya menyatakan bahwa saya warga negara/ }).check();
  }

  it('tells a demo voter that the NIK is listed, and an unlisted NIK that it is not', async () => {
    await withPhone(async (page) => {
      const requestedUrls: string[] = [];
      page.on('request', (request) => requestedUrls.push(request.url()));
      await page.goto(`${api.baseUrl}/`);
      await page.getByRole('heading', { level: 2, name: 'Layanan untuk warga' }).waitFor();
      await checkPage(page, 'beranda-360');
      await page.getByRole('main').getByRole('link', { name: 'Cek NIK' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cek NIK' }).waitFor();
      expect(await page.title()).toBe('Cek NIK · Kaliber');
      await page.locator('altcha-widget').getByText('Saya bukan robot').waitFor();
      await checkPage(page, 'cek-nik-360');

      const nikField = page.getByRole('textbox', { name: 'NIK' });
      expect(await nikField.getAttribute('inputmode')).toBe('numeric');
      await nikField.fill('3175 0145');
      await nikField.blur();
      await expect
        .poll(() => page.locator('mat-error').innerText())
        .toBe('NIK harus terdiri dari 16 digit angka');

      await nikField.fill(demoNik);
      await proveHuman(page);
      await page.getByRole('button', { name: 'Periksa' }).click();
      await page.getByRole('heading', { name: 'Terdaftar', exact: true }).waitFor();
      const listedText = await page.locator('.result-text').innerText();
      expect(listedText).toBe(
        `NIK ${maskNik(demoNik)} terdaftar sebagai pemilih di Kota Jakarta Timur.`,
      );
      expect(listedText).toMatch(/^NIK 3175\d{6}\*{6} /);
      // The NIK never reaches an address: not the page's, not a request's (it travels in a body).
      expect(page.url()).toBe(`${api.baseUrl}/cek-nik`);
      expect(requestedUrls.filter((url) => url.includes(demoNik))).toEqual([]);
      await checkPage(page, 'cek-nik-terdaftar-360');

      // The solution was spent: the next check needs a new tick.
      await nikField.fill(unlistedNik);
      await proveHuman(page);
      await page.getByRole('button', { name: 'Periksa' }).click();
      await page.getByRole('heading', { name: 'Belum terdaftar' }).waitFor();
      expect(await page.locator('.result-text').innerText()).toBe(
        `NIK ${maskNik(unlistedNik)} tidak ditemukan dalam daftar pemilih Kota Jakarta Timur.`,
      );
      await checkPage(page, 'cek-nik-belum-terdaftar-360');
      await page.getByRole('link', { name: 'Daftar sebagai pemilih' }).click();
      await page.waitForURL(`${api.baseUrl}/daftar`);
    });
  });

  it('registers with two photos, shows the receipt, and tracks it to DIAJUKAN', async () => {
    await withPhone(async (page) => {
      await page.goto(`${api.baseUrl}/daftar`);
      await page.getByRole('heading', { level: 1, name: 'Daftar sebagai pemilih' }).waitFor();
      await page.getByRole('combobox', { name: 'Kecamatan' }).waitFor();
      expect(await page.title()).toBe('Daftar sebagai pemilih · Kaliber');

      await fillRegistration(page, registrant);
      await expect.poll(() => page.locator('img.thumbnail').count()).toBe(2);
      expect(await page.locator('.file-name').allInnerTexts()).toEqual(['ktp.jpg', 'kk.png']);
      await proveHuman(page);
      await checkPage(page, 'daftar-terisi-360');

      await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Pendaftaran terkirim' })
        .waitFor({ timeout: 30_000 });
      const shownCode = await page.locator('.receipt-code').innerText();
      const parsed = parseReceiptCode(shownCode);
      expect(parsed.ok, `receipt code ${shownCode}`).toBe(true);
      expect(shownCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z*~$=]$/);
      const receiptCode = parsed.ok ? parsed.value : '';
      // Stored with both documents, in the first stage.
      expect(registrationsOf(registrant.nik)).toEqual([
        { receiptCode, stage: 'DIAJUKAN', documents: 2 },
      ]);
      await checkPage(page, 'daftar-tanda-terima-360');

      // Printed (or saved as PDF), the page is the receipt alone.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.receipt-code').isVisible()).toBe(true);
      expect(await page.locator('header').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Simpan / cetak' }).isVisible()).toBe(false);
      await saveScreenshot(page, 'daftar-tanda-terima-cetak-360.png');
      await page.emulateMedia({ media: 'screen' });

      // The receipt hands the code to the tracking page; the NIK is typed again.
      await page.getByRole('link', { name: 'Lacak pendaftaran' }).click();
      await page.waitForURL(`${api.baseUrl}/lacak`);
      await page.getByRole('heading', { level: 1, name: 'Lacak pendaftaran' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Kode tanda terima' }).inputValue()).toBe(
        shownCode,
      );
      await page.getByRole('textbox', { name: 'NIK' }).fill(registrant.nik);
      await proveHuman(page);
      await page.getByRole('button', { name: 'Lacak' }).click();
      await page.getByRole('heading', { name: 'Tahap: Diajukan' }).waitFor();
      expect(await page.locator('[aria-current="step"] .step-label').innerText()).toBe('Diajukan');
      await checkPage(page, 'lacak-diajukan-360');
    });
  });

  it('refuses a family card from outside the kota, on the page and on the server', async () => {
    await withPhone(async (page) => {
      const uploads: string[] = [];
      page.on('request', (request) => {
        if (
          request.method() === 'POST' &&
          (request.headers()['content-type'] ?? '').startsWith('multipart/')
        ) {
          uploads.push(request.url());
        }
      });
      await page.goto(`${api.baseUrl}/daftar`);
      await page.getByRole('combobox', { name: 'Kecamatan' }).waitFor();

      await fillRegistration(page, {
        ...registrant,
        nik: outsideRegistrant,
        nkk: outsideNkk,
        birthDate: '2004-03-02',
      });
      const nkkField = page.locator('mat-form-field', {
        has: page.getByRole('textbox', { name: 'Nomor KK (NKK)' }),
      });
      expect(await nkkField.locator('mat-error').innerText()).toBe(residencyMessage);
      await proveHuman(page);
      await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
      await expect
        .poll(() => page.getByRole('alert').innerText())
        .toBe(
          'Ada 1 isian yang perlu diperbaiki; keterangannya tertulis merah di bawah isian tersebut.',
        );
      await checkPage(page, 'daftar-bukan-penduduk-360');
      expect(uploads).toEqual([]);

      // Sent anyway, by a client that skips the page's check but pays the proof of work.
      const proofOfWork = await page.locator('altcha-widget input[name="altcha"]').inputValue();
      expect(proofOfWork).not.toBe('');
      const body = new FormData();
      body.append(
        'operations',
        JSON.stringify({
          query: submitRegistrationQuery,
          variables: {
            input: {
              nik: outsideRegistrant,
              nkk: outsideNkk,
              name: 'SITI RAHMAWATI',
              birthPlace: 'Jakarta',
              birthDate: '2004-03-02',
              maritalStatus: 'B',
              sex: 'P',
              address: 'Jl. Pulo Gebang Permai No. 12',
              rt: '007',
              rw: '011',
              disability: 0,
              ktpElStatus: 'S',
              kelurahanCode: '31.75.06.1005',
              consent: true,
              declaresEligibility: true,
            },
            ktp: null,
            kk: null,
            proofOfWork,
          },
        }),
      );
      body.append('map', JSON.stringify({ 0: ['variables.ktp'], 1: ['variables.kk'] }));
      body.append('0', new Blob([new Uint8Array(ktpPhoto)], { type: 'image/jpeg' }), 'ktp.jpg');
      body.append('1', new Blob([new Uint8Array(kkScan)], { type: 'image/png' }), 'kk.png');
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'Apollo-Require-Preflight': 'true' },
        body,
      });
      const answer = (await response.json()) as {
        data: unknown;
        errors?: { extensions?: { code?: string; issues?: unknown[] } }[];
      };

      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.extensions?.issues).toEqual([
        { field: 'nkk', code: 'BUKAN_PENDUDUK', message: residencyMessage },
      ]);
      expect(registrationsOf(outsideRegistrant)).toEqual([]);
    });
  });
});
