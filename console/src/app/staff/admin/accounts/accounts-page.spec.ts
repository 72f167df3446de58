import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { GraphQLError } from 'graphql';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { type AccountRowFragment } from '../../../graphql/generated/graphql';
import { createGraphqlCache } from '../../../graphql/graphql-client';
import { twoKecamatanTree } from '../../../public/regions/region-tree.fixture';
import { AccountsPage } from './accounts-page';

const admin: AccountRowFragment = {
  __typename: 'Account',
  id: '1',
  username: 'admin',
  displayName: 'Admin Sistem',
  role: 'ADMIN',
  scopeCode: null,
  scope: null,
  isDisabled: false,
  mustChangePassword: false,
  hasTotp: true,
  lastLoginAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
};

const newOperator: AccountRowFragment = {
  ...admin,
  id: '9',
  username: 'ppk-cakung-2',
  displayName: 'Budi Santoso',
  role: 'OPERATOR',
  scopeCode: '31.75.06',
  scope: { __typename: 'Region', code: '31.75.06', name: 'Cakung', level: 'KECAMATAN' },
  mustChangePassword: true,
  hasTotp: false,
};

describe('AccountsPage', () => {
  let fixture: ComponentFixture<AccountsPage>;
  let loader: HarnessLoader;
  let documentLoader: HarnessLoader;
  let backend: ApolloTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, AccountsPage],
      providers: [
        provideRouter([]),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(AccountsPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    documentLoader = TestbedHarnessEnvironment.documentRootLoader(fixture);
    await fixture.whenStable();
    backend.expectOne('RegionTree').flushData(twoKecamatanTree);
    backend.expectOne('Accounts').flushData({ accounts: [admin] });
    await settle();
  });

  afterEach(() => {
    backend.verify();
  });

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function dialogInput(label: string): Promise<MatInputHarness> {
    const dialog = await documentLoader.getHarness(MatDialogHarness);

    return dialog.getHarness(MatInputHarness.with({ selector: `[formControlName="${label}"]` }));
  }

  /** Opens "Buat akun" and fills it in for an OPERATOR limited to kecamatan Cakung. */
  async function fillNewCakungOperator(): Promise<void> {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Buat akun' }))).click();
    await (await dialogInput('username')).setValue('ppk-cakung-2');
    await (await dialogInput('displayName')).setValue('Budi Santoso');
    await (
      await documentLoader.getHarness(MatRadioButtonHarness.with({ label: 'Satu kecamatan (PPK)' }))
    ).check();
    const kecamatan = await documentLoader.getHarness(
      MatSelectHarness.with({ selector: 'app-scope-picker mat-select' }),
    );
    await kecamatan.clickOptions({ text: 'Cakung' });
  }

  async function submitDialog(): Promise<void> {
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Buat akun' }))).click();
  }

  it('lists the accounts with role, area and status in words', async () => {
    const table = await loader.getHarness(MatTableHarness);

    expect(await table.getCellTextByIndex()).toEqual([
      [
        'admin',
        'Admin Sistem',
        'Administrator sistem',
        'Seluruh kota',
        'Aktif TOTP aktif',
        'Belum pernah',
        'Tindakan',
      ],
    ]);
  });

  it('creates a scoped operator and shows its temporary password once, with a warning', async () => {
    await fillNewCakungOperator();
    await submitDialog();

    const create = backend.expectOne('CreateAccount');
    expect(create.operation.variables).toEqual({
      input: {
        username: 'ppk-cakung-2',
        displayName: 'Budi Santoso',
        role: 'OPERATOR',
        scopeCode: '31.75.06',
      },
    });
    create.flushData({
      createAccount: {
        __typename: 'AccountWithPassword',
        temporaryPassword: 'Lumba-Lumba-Pagi-4821',
        account: newOperator,
      },
    });
    await settle();
    backend.expectOne('Accounts').flushData({ accounts: [admin, newOperator] });
    await settle();

    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Akun ppk-cakung-2 dibuat');
    const secret = document.querySelector('[data-testid="one-time-secret"]');
    expect(secret?.textContent.trim()).toBe('Lumba-Lumba-Pagi-4821');
    expect(await dialog.getContentText()).toContain('Hanya ditampilkan sekali.');
    expect(
      await dialog
        .getAllHarnesses(MatButtonHarness)
        .then((buttons) => Promise.all(buttons.map((button) => button.getText()))),
    ).toEqual(['Salin', 'Sudah saya catat']);
    expect(
      await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName(),
    ).toMatchObject({
      username: { text: ['admin', 'ppk-cakung-2'] },
      scope: { text: ['Seluruh kota', 'Kecamatan Cakung'] },
    });
  });

  it('keeps the dialog open with the server message when the username is taken', async () => {
    await fillNewCakungOperator();
    await submitDialog();

    backend
      .expectOne('CreateAccount')
      .graphqlErrors([
        new GraphQLError('Nama pengguna sudah dipakai', { extensions: { code: 'CONFLICT' } }),
      ]);
    await settle();

    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Buat akun staf');
    expect(await dialog.getContentText()).toContain('Nama pengguna sudah dipakai');
  });

  it('refuses to save an operator whose kecamatan is not picked yet', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Buat akun' }))).click();
    await (await dialogInput('username')).setValue('ppk-baru');
    await (await dialogInput('displayName')).setValue('Rina');
    await (
      await documentLoader.getHarness(MatRadioButtonHarness.with({ label: 'Satu kecamatan (PPK)' }))
    ).check();
    await submitDialog();

    backend.expectNone('CreateAccount');
    const dialog = await documentLoader.getHarness(MatDialogHarness);
    expect(await dialog.getContentText()).toContain(
      'Pilih kecamatan atau kelurahan wilayah kerjanya.',
    );
  });
});
