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

import { createGraphqlCache } from '../graphql/graphql-client';
import { LoginPage } from './login-page';
import { viewerFixture } from './viewer.fixture';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankPage {}

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, LoginPage],
      providers: [
        provideRouter([{ path: '**', component: BlankPage }]),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(LoginPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    backend.expectOne('Deployment').networkError(new Error('not needed here'));
    await settle();
  });

  afterEach(() => {
    backend.verify();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  function text(selector: string): string[] {
    const host = fixture.nativeElement as HTMLElement;

    return Array.from(host.querySelectorAll(selector), (element) =>
      (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  async function input(autocomplete: string): Promise<MatInputHarness> {
    return loader.getHarness(
      MatInputHarness.with({ selector: `[autocomplete="${autocomplete}"]` }),
    );
  }

  async function button(label: string): Promise<MatButtonHarness> {
    return loader.getHarness(MatButtonHarness.with({ text: label }));
  }

  async function submitPassword(username: string, password: string): Promise<void> {
    await (await input('username')).setValue(username);
    await (await input('current-password')).setValue(password);
    await (await button('Masuk')).click();
  }

  function answerLoginWithError(code: string, message: string, extra = {}): void {
    backend
      .expectOne('Login')
      .graphqlErrors([new GraphQLError(message, { extensions: { code, ...extra } })]);
  }

  it('asks for the authenticator code after the password, then signs in with both', async () => {
    await submitPassword('ppk-cakung', 'kalimat sandi yang panjang');
    const first = backend.expectOne('Login');
    expect(first.operation.variables).toEqual({
      input: { username: 'ppk-cakung', password: 'kalimat sandi yang panjang' },
    });
    first.flushData({
      login: { __typename: 'LoginResult', status: 'TOTP_REQUIRED', viewer: null },
    });
    await settle();

    expect(text('h2')).toEqual(['Verifikasi dua langkah']);
    await (await input('one-time-code')).setValue('123456');
    await (await button('Verifikasi')).click();
    const second = backend.expectOne('Login');
    expect(second.operation.variables).toEqual({
      input: {
        username: 'ppk-cakung',
        password: 'kalimat sandi yang panjang',
        totpCode: '123456',
      },
    });
    second.flushData({
      login: { __typename: 'LoginResult', status: 'SIGNED_IN', viewer: viewerFixture() },
    });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/staf');
  });

  it('sends an account with a temporary password straight to the password change', async () => {
    await submitPassword('operator-baru', 'Sementara-12345');
    backend.expectOne('Login').flushData({
      login: {
        __typename: 'LoginResult',
        status: 'SIGNED_IN',
        viewer: viewerFixture({ stage: 'PASSWORD_CHANGE_REQUIRED' }),
      },
    });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/staf/ganti-kata-sandi');
  });

  it("shows the server's message for wrong credentials and stays on the password step", async () => {
    await submitPassword('ppk-cakung', 'salah');
    answerLoginWithError('INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah');
    await settle();

    expect(text('[role="alert"]')).toEqual(['Nama pengguna atau kata sandi salah']);
    expect(text('h2')).toEqual([]);
    expect(await (await button('Masuk')).isDisabled()).toBe(false);
  });

  it('keeps the code step after a wrong code, with the code field emptied', async () => {
    await submitPassword('ppk-cakung', 'kalimat sandi yang panjang');
    backend
      .expectOne('Login')
      .flushData({ login: { __typename: 'LoginResult', status: 'TOTP_REQUIRED', viewer: null } });
    await settle();
    await (await input('one-time-code')).setValue('000000');
    await (await button('Verifikasi')).click();
    answerLoginWithError('INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah');
    await settle();

    expect(text('h2')).toEqual(['Verifikasi dua langkah']);
    expect(text('[role="alert"]')).toEqual(['Nama pengguna atau kata sandi salah']);
    expect(await (await input('one-time-code')).getValue()).toBe('');
  });

  it('names the wait after too many attempts and holds the button until then', async () => {
    await submitPassword('ppk-cakung', 'salah lagi');
    answerLoginWithError('RATE_LIMITED', 'Terlalu banyak percobaan', { retryAfterSeconds: 90 });
    await settle();

    expect(text('[role="alert"]')).toEqual([
      'Terlalu banyak percobaan masuk. Tunggu 1 menit 30 detik, lalu coba lagi.',
    ]);
    expect(await (await button('Masuk')).isDisabled()).toBe(true);
  });

  it('says the server cannot be reached when there is no answer at all', async () => {
    await submitPassword('ppk-cakung', 'kalimat sandi yang panjang');
    backend.expectOne('Login').networkError(new Error('connect ECONNREFUSED'));
    await settle();

    expect(text('[role="alert"]')).toEqual([
      'Server Kaliber tidak dapat dihubungi. Periksa sambungan internet Anda, lalu coba lagi.',
    ]);
  });
});
