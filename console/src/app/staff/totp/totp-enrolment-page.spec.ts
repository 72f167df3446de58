import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import { GraphQLError } from 'graphql';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { AuthStore } from '../../auth/auth-store';
import { viewerFixture } from '../../auth/viewer.fixture';
import { type SessionStage } from '../../graphql/generated/graphql';
import { createGraphqlCache } from '../../graphql/graphql-client';
import { TotpEnrolmentPage } from './totp-enrolment-page';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

// cspell:ignore JBSW EHPK Csvg
const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('TotpEnrolmentPage', () => {
  let fixture: ComponentFixture<TotpEnrolmentPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;

  async function open(stage: SessionStage, hasTotp: boolean): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, TotpEnrolmentPage],
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    const loaded = TestBed.inject(AuthStore).ensureLoaded();
    backend.expectOne('Viewer').flushData({ viewer: viewerFixture({ stage, hasTotp }) });
    await loaded;

    fixture = TestBed.createComponent(TotpEnrolmentPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  afterEach(() => {
    backend.verify();
  });

  async function settle(): Promise<void> {
    // The QR code library is loaded on first use: give it a few turns.
    for (let turn = 0; turn < 5; turn += 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await fixture.whenStable();
  }

  function host(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  function answerStart(): void {
    backend.expectOne('StartTotpEnrolment').flushData({
      startTotpEnrolment: {
        __typename: 'TotpEnrolment',
        otpauthUri: `otpauth://totp/Kaliber:ppk-cakung?secret=${secret}&issuer=Kaliber`,
        secret,
      },
    });
  }

  it('offers the secret as a QR image and as grouped text for manual entry', async () => {
    await open('TOTP_ENROLMENT_REQUIRED', false);
    answerStart();
    await settle();

    const image = host().querySelector<HTMLImageElement>('img.qr-code');
    expect(image?.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(image?.alt).toBe('Kode QR berisi kunci rahasia verifikasi dua langkah untuk akun Anda');
    expect(host().querySelector('[data-testid="totp-secret"]')?.textContent.trim()).toBe(
      'JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP',
    );
  });

  it('confirms with the code from the app and goes on to the staff home', async () => {
    await open('TOTP_ENROLMENT_REQUIRED', false);
    answerStart();
    await settle();

    await (await loader.getHarness(MatInputHarness)).setValue('492039');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Konfirmasi' }))).click();
    const confirm = backend.expectOne('ConfirmTotpEnrolment');
    expect(confirm.operation.variables).toEqual({ code: '492039' });
    confirm.flushData({ confirmTotpEnrolment: viewerFixture({ stage: 'ACTIVE', hasTotp: true }) });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/staf');
    expect(TestBed.inject(AuthStore).stage()).toBe('ACTIVE');
  });

  it('keeps the secret on screen after a wrong code and says why', async () => {
    await open('TOTP_ENROLMENT_REQUIRED', false);
    answerStart();
    await settle();

    await (await loader.getHarness(MatInputHarness)).setValue('000000');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Konfirmasi' }))).click();
    backend
      .expectOne('ConfirmTotpEnrolment')
      .graphqlErrors([
        new GraphQLError('Kode tidak cocok', { extensions: { code: 'BAD_USER_INPUT' } }),
      ]);
    await settle();

    expect(host().querySelector('[role="alert"]')?.textContent.trim()).toBe('Kode tidak cocok');
    expect(host().querySelector('[data-testid="totp-secret"]')).not.toBeNull();
  });

  it('waits for a click before replacing an authenticator that already works', async () => {
    await open('ACTIVE', true);

    backend.expectNone('StartTotpEnrolment');
    await (
      await loader.getHarness(MatButtonHarness.with({ text: 'Daftarkan aplikasi baru' }))
    ).click();
    answerStart();
    await settle();

    expect(host().querySelector('[data-testid="totp-secret"]')).not.toBeNull();
  });
});
