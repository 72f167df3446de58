import { type HarnessLoader } from '@angular/cdk/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { GraphQLError } from 'graphql';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { type RegistrationStatusQuery } from '../../graphql/generated/graphql';
import { createGraphqlCache } from '../../graphql/graphql-client';
import { createPublicPage, settle, textsOf } from '../proof-of-work/public-page.fixture';
import { publicSettingsFixture } from '../proof-of-work/public-settings.fixture';
import { TrackingPage } from './tracking-page';

/** A receipt code with its right check symbol, and the NIK it was registered with. */
const receiptCode = '0123456789P';
const nik = '3175014512990001';

function status(
  overrides: Partial<RegistrationStatusQuery['registrationStatus']>,
): RegistrationStatusQuery {
  return {
    registrationStatus: {
      __typename: 'RegistrationStatus',
      receiptCode,
      stage: 'DIAJUKAN',
      rejectionReason: null,
      updatedAt: '2026-12-03T06:30:00.000Z',
      ...overrides,
    },
  };
}

describe('TrackingPage', () => {
  let fixture: ComponentFixture<TrackingPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;

  beforeEach(async () => {
    ({ fixture, loader, backend } = createPublicPage(TrackingPage));
    await fixture.whenStable();
    backend.expectOne('PublicServiceSettings').flushData(publicSettingsFixture());
    await settle(fixture);
  });

  afterEach(() => {
    backend.verify();
  });

  function text(selector: string): string[] {
    return textsOf(fixture.nativeElement as HTMLElement, selector);
  }

  async function field(label: string): Promise<MatFormFieldHarness> {
    return loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function fill(label: string, value: string): Promise<void> {
    const control = await (await field(label)).getControl();
    if (!control || !('setValue' in control)) {
      throw new Error(`No text field labelled ${label}`);
    }
    await control.setValue(value);
    await control.blur();
  }

  async function track(code: string, nikText: string): Promise<void> {
    await fill('Kode tanda terima', code);
    await fill('NIK', nikText);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Lacak' }))).click();
  }

  it('checks both fields as they are typed, with the shared messages', async () => {
    await fill('Kode tanda terima', '0123456789');
    expect(await (await field('Kode tanda terima')).getTextErrors()).toEqual([
      'Kode tanda terima terdiri dari 11 karakter, misalnya 1A2B3-C4D5E-F; salin lengkap dari ' +
        'tanda terima Anda',
    ]);

    // One symbol wrong: the check symbol catches it before a lookup is spent.
    await fill('Kode tanda terima', '01234-56788-P');
    expect(await (await field('Kode tanda terima')).getTextErrors()).toEqual([
      'Kode tanda terima tidak cocok dengan karakter pemeriksanya; periksa kembali setiap ' +
        'karakter, mungkin ada yang salah ketik',
    ]);

    await fill('Kode tanda terima', '01234-56789-p');
    expect(await (await field('Kode tanda terima')).getTextErrors()).toEqual([]);

    await fill('NIK', '317501');
    expect(await (await field('NIK')).getTextErrors()).toEqual([
      'NIK harus terdiri dari 16 digit angka',
    ]);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Lacak' }))).click();
    backend.expectNone('RegistrationStatus');
  });

  it('shows a submitted registration on the first step of the stepper', async () => {
    await track('01234-56789-p', nik);
    const lookup = backend.expectOne('RegistrationStatus');
    expect(lookup.operation.variables).toEqual({
      receiptCode: '01234-56789-p',
      nik,
      proofOfWork: null,
    });
    lookup.flushData(status({}));
    await settle(fixture);

    expect(text('h2')).toEqual(['Tahap: Diajukan']);
    expect(text('.stage-step .step-label')).toEqual([
      'Diajukan',
      'Diverifikasi',
      'Diterima / Ditolak',
    ]);
    expect(text('[aria-current="step"] .step-label')).toEqual(['Diajukan']);
    expect(text('.tracking-result > p').slice(0, 1)).toEqual([
      'Pendaftaran Anda sudah kami terima dan menunggu pemeriksaan dokumen oleh petugas KPU.',
    ]);
    expect(text('.reason')).toEqual([]);
  });

  it('names the reason of a refusal', async () => {
    await track(receiptCode, nik);
    backend
      .expectOne('RegistrationStatus')
      .flushData(status({ stage: 'DITOLAK', rejectionReason: 'BUKAN_PENDUDUK' }));
    await settle(fixture);

    expect(text('[aria-current="step"] .step-label')).toEqual(['Ditolak']);
    expect(text('.reason')).toEqual(['Alasan: Alamat pada KK berada di luar wilayah KPU ini']);
  });

  it('explains what to check when no registration matches the pair', async () => {
    await track(receiptCode, nik);
    backend
      .expectOne('RegistrationStatus')
      .graphqlErrors([
        new GraphQLError(
          'Pendaftaran dengan kode tanda terima dan NIK ini tidak ditemukan. Periksa kembali keduanya.',
          { extensions: { code: 'NOT_FOUND' } },
        ),
      ]);
    await settle(fixture);

    const [alert] = text('[role="alert"]');
    expect(alert).toContain('tidak ditemukan. Periksa kembali keduanya.');
    expect(alert).toContain('Kode hanya berlaku bersama NIK yang dipakai saat mendaftar.');
    expect(text('.tracking-result')).toEqual([]);
  });

  it("puts the server's issues under the fields they name", async () => {
    await track(receiptCode, nik);
    backend.expectOne('RegistrationStatus').graphqlErrors([
      new GraphQLError('Isian tidak valid', {
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: [
            { field: 'nik', code: 'NIK_PROVINCE', message: 'Kode provinsi NIK tidak dikenal' },
          ],
        },
      }),
    ]);
    await settle(fixture);

    expect(await (await field('NIK')).getTextErrors()).toEqual(['Kode provinsi NIK tidak dikenal']);
    expect(await (await field('Kode tanda terima')).getTextErrors()).toEqual([]);
  });
});

describe('TrackingPage opened from a receipt', () => {
  it('starts with the receipt code handed over in the navigation state', async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([{ path: 'lacak', component: TrackingPage }]),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await TestBed.inject(Router).navigateByUrl('/lacak', { state: { receiptCode } });
    harness.detectChanges();
    await harness.fixture.whenStable();

    const input = harness.routeNativeElement?.querySelector<HTMLInputElement>('input');
    expect(input?.value).toBe('01234-56789-P');
    // The code stays out of the address bar.
    expect(TestBed.inject(Router).url).toBe('/lacak');
    TestBed.inject(ApolloTestingController).expectOne('PublicServiceSettings');
  });
});
