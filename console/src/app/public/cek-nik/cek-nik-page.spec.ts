import { type HarnessLoader } from '@angular/cdk/testing';
import { type ComponentFixture } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { GraphQLError } from 'graphql';
import { type ApolloTestingController } from 'apollo-angular/testing';

import { type PublicServiceSettingsQuery } from '../../graphql/generated/graphql';
import { createPublicPage, settle, textsOf } from '../proof-of-work/public-page.fixture';
import { publicSettingsFixture, solveProofOfWork } from '../proof-of-work/public-settings.fixture';
import { CekNikPage } from './cek-nik-page';

/** A well-formed NIK: issued in Matraman (317501), a woman born 1999-12-05, serial 0001. */
const nik = '3175014512990001';
const nikMasked = '3175014512******';

describe('CekNikPage', () => {
  let fixture: ComponentFixture<CekNikPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;

  async function open(
    settings: PublicServiceSettingsQuery = publicSettingsFixture(),
  ): Promise<void> {
    ({ fixture, loader, backend } = createPublicPage(CekNikPage));
    await fixture.whenStable();
    backend.expectOne('Deployment').flushData({
      kabKota: { __typename: 'Region', code: '31.75', name: 'Kota Administrasi Jakarta Timur' },
    });
    backend.expectOne('PublicServiceSettings').flushData(settings);
    await settle(fixture);
  }

  afterEach(() => {
    backend.verify();
  });

  function host(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function text(selector: string): string[] {
    return textsOf(host(), selector);
  }

  async function typeNik(value: string): Promise<void> {
    const input = await loader.getHarness(MatInputHarness);
    await input.setValue(value);
    await input.blur();
  }

  async function submit(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Periksa' }))).click();
  }

  async function nikErrors(): Promise<string[]> {
    return (await loader.getHarness(MatFormFieldHarness)).getTextErrors();
  }

  it("shows parseNik's message as soon as the field was left, and sends nothing", async () => {
    await open();

    await typeNik('3175 0145 1299');
    expect(await nikErrors()).toEqual(['NIK harus terdiri dari 16 digit angka']);

    await typeNik('2222222222222222');
    expect(await nikErrors()).toEqual(['NIK tidak valid: keenam belas digitnya sama']);

    await submit();
    backend.expectNone('CekNik');
  });

  it('says in plain words that a registered NIK is listed, with the masked NIK', async () => {
    await open();

    await typeNik(nik);
    expect(await nikErrors()).toEqual([]);
    await submit();
    const check = backend.expectOne('CekNik');
    expect(check.operation.variables).toEqual({ nik, proofOfWork: null });
    check.flushData({
      cekNik: { __typename: 'CekNikResult', terdaftar: true, nikMasked, kelurahan: null },
    });
    await settle(fixture);

    expect(text('.result h2')).toEqual(['Terdaftar']);
    expect(text('.result-text')).toEqual([
      `NIK ${nikMasked} terdaftar sebagai pemilih di Kota Jakarta Timur.`,
    ]);
    // The NIK in clear appears nowhere on the page once answered, only the field holds it.
    expect(host().textContent).not.toContain(nik);
  });

  it('names the kelurahan when the deployment lets the answer carry it', async () => {
    await open(publicSettingsFixture({ showsKelurahan: true }));

    await typeNik(nik);
    await submit();
    backend.expectOne('CekNik').flushData({
      cekNik: { __typename: 'CekNikResult', terdaftar: true, nikMasked, kelurahan: 'Kayu Manis' },
    });
    await settle(fixture);

    expect(text('.result-text')).toEqual([
      `NIK ${nikMasked} terdaftar sebagai pemilih di Kelurahan Kayu Manis, Kota Jakarta Timur.`,
    ]);
  });

  it('explains a NIK that is not listed and leads to registration and tracking', async () => {
    await open();

    await typeNik(nik);
    await submit();
    backend.expectOne('CekNik').flushData({
      cekNik: { __typename: 'CekNikResult', terdaftar: false, nikMasked, kelurahan: null },
    });
    await settle(fixture);

    expect(text('.result h2')).toEqual(['Belum terdaftar']);
    expect(text('.result-text')).toEqual([
      `NIK ${nikMasked} tidak ditemukan dalam daftar pemilih Kota Jakarta Timur.`,
    ]);
    const links = Array.from(host().querySelectorAll<HTMLAnchorElement>('.result a'), (link) => [
      (link.textContent ?? '').trim(),
      link.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Daftar sebagai pemilih', '/daftar'],
      ['Lacak pendaftaran', '/lacak'],
    ]);
  });

  it('names the wait after the rate limit tripped', async () => {
    await open();

    await typeNik(nik);
    await submit();
    backend.expectOne('CekNik').graphqlErrors([
      new GraphQLError('Terlalu banyak permintaan. Coba lagi dalam 2 menit.', {
        extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 75 },
      }),
    ]);
    await settle(fixture);

    expect(text('[role="alert"]')).toEqual([
      'Terlalu banyak permintaan dalam waktu singkat. Tunggu 1 menit 15 detik, lalu coba lagi.',
    ]);
    expect(text('.result')).toEqual([]);
  });

  it("puts the server's NIK issue under the field", async () => {
    await open();

    await typeNik(nik);
    await submit();
    const message = 'Kode provinsi pada NIK tidak dikenal';
    backend.expectOne('CekNik').graphqlErrors([
      new GraphQLError(message, {
        extensions: { code: 'BAD_USER_INPUT', issues: [{ field: 'nik', code: 'X', message }] },
      }),
    ]);
    await settle(fixture);

    expect(await nikErrors()).toEqual([message]);
  });

  it('sends the solved proof of work and asks for a new one after each check', async () => {
    await open(publicSettingsFixture({ isProofOfWorkRequired: true }));
    const widget = host().querySelector('altcha-widget') as HTMLElement & { reset?: () => void };
    widget.reset = vi.fn();

    await typeNik(nik);
    await submit();
    backend.expectNone('CekNik');
    expect(text('[role="alert"]')).toEqual([
      'Centang “Saya bukan robot” dan tunggu sampai terverifikasi, lalu kirim lagi.',
    ]);

    solveProofOfWork(host(), 'c29sdXNp');
    await submit();
    const check = backend.expectOne('CekNik');
    expect(check.operation.variables).toEqual({ nik, proofOfWork: 'c29sdXNp' });
    check.graphqlErrors([
      new GraphQLError('Verifikasi anti-robot tidak berlaku lagi', {
        extensions: { code: 'PROOF_OF_WORK_FAILED', reason: 'REPLAYED' },
      }),
    ]);
    await settle(fixture);

    expect(widget.reset).toHaveBeenCalledTimes(1);
    expect(text('[role="alert"]')).toEqual([
      'Verifikasi anti-robot belum selesai atau sudah tidak berlaku. Centang kembali ' +
        '“Saya bukan robot”, tunggu tanda terverifikasi, lalu kirim lagi.',
    ]);
    // The spent solution is not sent again.
    await submit();
    backend.expectNone('CekNik');
  });

  it('shows no widget and sends null when the deployment needs no proof of work', async () => {
    await open();

    expect(host().querySelector('altcha-widget')).toBeNull();
  });
});
