import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter } from '@angular/router';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';
import { Subject } from 'rxjs';

import { type ApiFailure } from '../../graphql/api-failure';
import { createGraphqlCache } from '../../graphql/graphql-client';
import { ALTCHA_LOADER } from '../proof-of-work/proof-of-work-widget';
import { publicSettingsFixture } from '../proof-of-work/public-settings.fixture';
import { twoKecamatanTree } from '../regions/region-tree.fixture';
import { RegistrationPage } from './registration-page';
import {
  type RegistrationFiles,
  type RegistrationUploadEvent,
  RegistrationUploader,
  type RegistrationVariables,
} from './registration-uploader';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

const residencyMessage =
  'KPU Kota Jakarta Timur hanya menerima pendaftaran penduduk yang KK-nya diterbitkan di Kota ' +
  'Jakarta Timur, sedangkan NKK ini berasal dari daerah lain. Silakan mendaftar di KPU ' +
  'kabupaten/kota tempat KK Anda diterbitkan';

function photo(name: string, type = 'image/jpeg', size = 2_048): File {
  return new File([new Uint8Array(size)], name, { type });
}

describe('RegistrationPage', () => {
  let fixture: ComponentFixture<RegistrationPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;
  let uploads: { variables: RegistrationVariables; files: RegistrationFiles }[];
  let upload: Subject<RegistrationUploadEvent>;

  beforeEach(async () => {
    uploads = [];
    upload = new Subject();
    // jsdom has no object URLs; the thumbnail only needs some address.
    URL.createObjectURL = vi.fn(() => 'blob:thumbnail');
    URL.revokeObjectURL = vi.fn();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, RegistrationPage],
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
        { provide: ALTCHA_LOADER, useValue: () => Promise.resolve() },
        {
          provide: RegistrationUploader,
          useValue: {
            submit: (variables: RegistrationVariables, files: RegistrationFiles) => {
              uploads.push({ variables, files });
              return upload;
            },
          },
        },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(RegistrationPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne('Deployment').flushData({
      kabKota: { __typename: 'Region', code: '31.75', name: 'Kota Administrasi Jakarta Timur' },
    });
    backend.expectOne('PublicServiceSettings').flushData(publicSettingsFixture());
    backend.expectOne('RegionTree').flushData(twoKecamatanTree);
    await settle();
  });

  afterEach(() => {
    backend.verify();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function host(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function text(selector: string): string[] {
    return Array.from(host().querySelectorAll(selector), (element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function errorsOf(label: string): Promise<string[]> {
    return (await field(label)).getTextErrors();
  }

  async function type(label: string, value: string): Promise<void> {
    const input = await (await field(label)).getControl(MatInputHarness);
    if (!input) {
      throw new Error(`No text field labelled ${label}`);
    }
    await input.setValue(value);
    await input.blur();
  }

  async function valueOf(label: string): Promise<string> {
    return (await (await field(label)).getControl(MatInputHarness))?.getValue() ?? '';
  }

  async function choose(label: string, option: string): Promise<void> {
    const select = await (await field(label)).getControl(MatSelectHarness);
    if (!select) {
      throw new Error(`No select labelled ${label}`);
    }
    await select.clickOptions({ text: option });
  }

  async function tick(label: RegExp): Promise<void> {
    await (await loader.getHarness(MatCheckboxHarness.with({ label }))).check();
  }

  /** Picks a file in a document's chooser, as the browser's file dialog would. */
  async function pick(kind: 'ktp' | 'kk', file: File): Promise<void> {
    const chooser = host().querySelector<HTMLInputElement>(
      `input[type="file"][aria-labelledby="dokumen-${kind}-judul"]`,
    );
    if (!chooser) {
      throw new Error(`No file chooser for ${kind}`);
    }
    Object.defineProperty(chooser, 'files', { value: [file], configurable: true });
    chooser.dispatchEvent(new Event('change'));
    await settle();
  }

  async function fillValidForm(): Promise<void> {
    await type('NIK', '3175 0145 1299 0001');
    await type('Nomor KK (NKK)', '3175010101200001');
    await type('Nama lengkap', 'siti  aminah');
    await type('Tempat lahir', 'Jakarta');
    await type('Tanggal lahir', '1999-12-05');
    await choose('Jenis kelamin', 'Perempuan');
    await choose('Status perkawinan', 'Belum kawin');
    await choose('Status KTP-el', 'Sudah memiliki KTP-el');
    await choose('Disabilitas', 'Tidak ada');
    await type('Alamat', 'Jl. Kayu Manis II No. 5');
    await type('RT', '5');
    await type('RW', '12');
    await choose('Kecamatan', 'Matraman');
    await choose('Kelurahan', 'Kayu Manis');
    await pick('ktp', photo('ktp.jpg'));
    await pick('kk', photo('kk.png', 'image/png'));
    await tick(/Saya menyetujui pemrosesan/);
    await tick(/Saya menyatakan bahwa saya warga negara Indonesia/);
  }

  async function send(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Kirim pendaftaran' }))).click();
    await settle();
  }

  it("shows a field's problem, in the shared rule's words, once the field was left", async () => {
    expect(await errorsOf('Nomor KK (NKK)')).toEqual([]);

    await type('Nomor KK (NKK)', '3171010101200001');
    expect(await errorsOf('Nomor KK (NKK)')).toEqual([residencyMessage]);

    await type('RT', '0');
    expect(await errorsOf('RT')).toEqual(['RT tidak boleh 000; isi nomor RT sesuai KK']);

    // Fields not visited yet stay quiet.
    expect(await errorsOf('Nama lengkap')).toEqual([]);
  });

  it('lists the kelurahan of the chosen kecamatan only', async () => {
    const kelurahan = await (await field('Kelurahan')).getControl(MatSelectHarness);
    expect(await kelurahan?.isDisabled()).toBe(true);

    await choose('Kecamatan', 'Cakung');
    expect(await kelurahan?.isDisabled()).toBe(false);
    await kelurahan?.open();
    const names = await Promise.all(
      ((await kelurahan?.getOptions()) ?? []).map((option) => option.getText()),
    );
    expect(names).toEqual(['Jatinegara', 'Rawa Terate', 'Penggilingan']);
  });

  it('sends nothing while something is missing, and says how much', async () => {
    await send();

    expect(uploads).toEqual([]);
    // 15 fields (all but the optional phone and e-mail) and the two documents.
    expect(text('[role="alert"]')).toEqual([
      'Ada 17 isian yang perlu diperbaiki; keterangannya tertulis merah di bawah isian tersebut.',
    ]);
    expect(await errorsOf('Nama lengkap')).toEqual(['Nama wajib diisi']);
    expect(await errorsOf('Kecamatan')).toEqual(['Pilih kecamatan alamat KK terlebih dahulu']);
    expect(text('.field-error')).toContain('Lampirkan foto atau pindaian KTP-el');
    expect(text('.field-error')).toContain(
      'Centang persetujuan pemrosesan data pribadi untuk dapat mendaftar',
    );
  });

  it('sends the normalised form with both documents and shows the receipt', async () => {
    await fillValidForm();
    await send();

    expect(uploads).toHaveLength(1);
    const [sent] = uploads;
    expect(sent?.variables).toEqual({
      input: {
        nik: '3175014512990001',
        nkk: '3175010101200001',
        name: 'SITI AMINAH',
        birthPlace: 'Jakarta',
        birthDate: '1999-12-05',
        maritalStatus: 'B',
        sex: 'P',
        address: 'Jl. Kayu Manis II No. 5',
        rt: '005',
        rw: '012',
        disability: 0,
        ktpElStatus: 'S',
        kelurahanCode: '31.75.01.1003',
        phone: null,
        email: null,
        consent: true,
        declaresEligibility: true,
      },
      proofOfWork: null,
    });
    expect([sent?.files.ktp.name, sent?.files.kk.name]).toEqual(['ktp.jpg', 'kk.png']);

    upload.next({ type: 'progress', fraction: 0.4 });
    await settle();
    expect(text('.upload-status p')).toEqual(['Mengunggah dokumen: 40%']);
    upload.next({ type: 'progress', fraction: 1 });
    await settle();
    expect(text('.upload-status p')).toEqual([
      'Dokumen terkirim; server sedang memeriksa pendaftaran Anda…',
    ]);

    upload.next({
      type: 'receipt',
      receipt: {
        __typename: 'RegistrationReceipt',
        receiptCode: '0123456789P',
        stage: 'DIAJUKAN',
        submittedAt: '2026-12-03T06:30:00.000Z',
      },
    });
    await settle();
    expect(text('h1')).toEqual(['Pendaftaran terkirim']);
    expect(text('.receipt-code')).toEqual(['01234-56789-P']);
    expect(host().querySelector('form')).toBeNull();
  });

  it("puts the server's issues under their fields and keeps every value", async () => {
    await fillValidForm();
    await send();
    const refusal: ApiFailure = {
      code: 'BAD_USER_INPUT',
      message: 'Periksa kembali berkas yang diunggah',
      issues: [
        { field: 'kk', message: 'Berkas KK rusak atau tidak lengkap sehingga tidak dapat dibaca' },
      ],
      retryAfterSeconds: null,
    };
    upload.error(refusal);
    await settle();

    expect(text('[role="alert"]')).toEqual([
      'Periksa kembali berkas yang diunggah: keterangannya tertulis merah di bawah isian yang ' +
        'ditandai. Isian Anda tetap tersimpan di halaman ini.',
    ]);
    expect(text('.field-error')).toEqual([
      'Berkas KK rusak atau tidak lengkap sehingga tidak dapat dibaca',
    ]);
    expect(await valueOf('Nama lengkap')).toBe('siti  aminah');
    expect(text('.file-name')).toEqual(['ktp.jpg', 'kk.png']);

    // A new file replaces the server's verdict on the old one.
    await pick('kk', photo('kk-ulang.jpg'));
    expect(text('.field-error')).toEqual([]);
  });

  it("marks the NIK with the server's message when it is already registered", async () => {
    await fillValidForm();
    await send();
    const message =
      'NIK ini sudah terdaftar sebagai pemilih atau sudah memiliki pendaftaran yang sedang ' +
      'diproses. Periksa dengan Cek NIK, atau lacak pendaftaran Anda dengan kode tanda terima.';
    upload.error({
      code: 'CONFLICT',
      message,
      issues: [{ field: 'nik', message }],
      retryAfterSeconds: null,
    } satisfies ApiFailure);
    await settle();

    expect(await errorsOf('NIK')).toEqual([message]);
    expect(text('[role="alert"]')).toEqual([
      `${message} Isian Anda tetap tersimpan di halaman ini.`,
    ]);
  });

  it('checks a picked file before it is sent', async () => {
    await pick('ktp', photo('ktp.gif', 'image/gif'));

    expect(text('.field-error')).toEqual([
      'Berkas KTP harus berupa foto JPEG, PNG atau berkas PDF',
    ]);
    expect(host().querySelector('.thumbnail')?.getAttribute('src')).toBe('blob:thumbnail');
  });

  it('shows a PDF as an icon with its name and size', async () => {
    await pick('kk', photo('kk.pdf', 'application/pdf', 1_300_000));

    expect(host().querySelector('.thumbnail')).toBeNull();
    expect(text('.file-icon')).toEqual(['PDF']);
    expect([...text('.file-name'), ...text('.file-facts .minor')]).toEqual(['kk.pdf', '1,2 MB']);
  });
});
