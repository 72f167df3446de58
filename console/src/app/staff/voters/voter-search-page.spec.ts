import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { GraphQLError } from 'graphql';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { AuthStore } from '../../auth/auth-store';
import { cakungScope, viewerFixture } from '../../auth/viewer.fixture';
import { type Role, type SearchVotersQuery } from '../../graphql/generated/graphql';
import { createGraphqlCache } from '../../graphql/graphql-client';
import { twoKecamatanTree } from '../../public/regions/region-tree.fixture';
import { VoterSearchPage } from './voter-search-page';

type VoterRow = SearchVotersQuery['searchVoters']['items'][number];

const jatinegara = { __typename: 'Region', code: '31.75.06.1001', name: 'Jatinegara' } as const;

function voter(overrides: Partial<VoterRow>): VoterRow {
  return {
    __typename: 'Voter',
    id: '1',
    nik: '3175064107900003',
    name: 'SITI AMINAH',
    sex: 'P',
    rt: '005',
    rw: '012',
    tps: 14,
    status: 'AKTIF',
    kelurahan: jatinegara,
    ...overrides,
  };
}

describe('VoterSearchPage', () => {
  let fixture: ComponentFixture<VoterSearchPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;

  async function open(role: Role, scope?: typeof cakungScope): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, VoterSearchPage],
      providers: [
        provideRouter([]),
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    const loaded = TestBed.inject(AuthStore).ensureLoaded();
    backend
      .expectOne('Viewer')
      .flushData({ viewer: viewerFixture({ role, ...(scope ? { scope } : {}) }) });
    await loaded;

    fixture = TestBed.createComponent(VoterSearchPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne('RegionTree').flushData(twoKecamatanTree);
    await settle();
  }

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

  async function kelurahanOptions(): Promise<string[]> {
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    const groups = await select.getOptionGroups();
    const labels = await Promise.all(groups.map((group) => group.getLabelText()));
    const options = await select.getOptions();
    const names = await Promise.all(options.map((option) => option.getText()));
    await select.close();

    return [...labels, ...names];
  }

  async function searchKelurahan(name: string): Promise<void> {
    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: name });
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Cari' }))).click();
  }

  it("offers a PPK operator only the kelurahan of the operator's kecamatan", async () => {
    await open('OPERATOR', cakungScope);

    expect(await kelurahanOptions()).toEqual([
      'Kecamatan Cakung',
      'Jatinegara',
      'Rawa Terate',
      'Penggilingan',
    ]);
    expect(text('.intro strong')).toEqual(['Kecamatan Cakung']);
  });

  it('offers a city-wide role every kelurahan, grouped by kecamatan', async () => {
    await open('VERIFIKATOR');

    const options = await kelurahanOptions();

    expect(options.slice(0, 2)).toEqual(['Kecamatan Matraman', 'Kecamatan Cakung']);
    expect(options).toHaveLength(2 + 9);
  });

  it('shows masked values as they arrive and a dash for what is hidden or not assigned', async () => {
    await open('ADMIN');

    await searchKelurahan('Jatinegara');
    const search = backend.expectOne('SearchVoters');
    expect(search.operation.variables).toEqual({
      filter: { kelurahanCode: '31.75.06.1001' },
      offset: 0,
      limit: 25,
    });
    search.flushData({
      searchVoters: {
        __typename: 'VoterPage',
        total: 2,
        items: [
          voter({ id: '1', nik: '317506**********', name: 'S*** A*****' }),
          voter({ id: '2', nik: null, name: null, sex: 'L', tps: null, status: 'TMS' }),
        ],
      },
    });
    await settle();

    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getCellTextByIndex()).toEqual([
      ['317506**********', 'S*** A*****', 'P', '005/012', '14', 'Aktif', 'Jatinegara'],
      ['—', '—', 'L', '005/012', '—', 'Tidak memenuhi syarat', 'Jatinegara'],
    ]);
    expect(await (await table.getHeaderRows())[0]!.getCellTextByIndex()).toEqual([
      'NIK',
      'Nama',
      'L/P',
      'RT/RW',
      'TPS',
      'Status',
      'Kelurahan',
    ]);
    expect(text('[role="status"]')).toEqual(['2 pemilih ditemukan.', '1–2 dari 2']);
  });

  it('offers no name filter to ADMIN, who sees names masked only', async () => {
    await open('ADMIN');

    expect(
      await loader.getAllHarnesses(MatInputHarness.with({ selector: '[formControlName="name"]' })),
    ).toHaveLength(0);
  });

  it('sends the name prefix for a role that sees names in full', async () => {
    await open('OPERATOR', cakungScope);

    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="name"]' }))
    ).setValue('  Sit ');
    await searchKelurahan('Jatinegara');

    const search = backend.expectOne('SearchVoters');
    expect(search.operation.variables['filter']).toEqual({
      kelurahanCode: '31.75.06.1001',
      name: 'Sit',
    });
    search.flushData({ searchVoters: { __typename: 'VoterPage', total: 0, items: [] } });
  });

  it('keeps the rows when single personal fields are refused with their own errors', async () => {
    await open('ADMIN');

    await searchKelurahan('Jatinegara');
    backend.expectOne('SearchVoters').flush({
      data: {
        searchVoters: {
          __typename: 'VoterPage',
          total: 1,
          items: [voter({ name: null })],
        },
      },
      errors: [
        new GraphQLError('Anda tidak berwenang', {
          path: ['searchVoters', 'items', 0, 'name'],
          extensions: { code: 'FORBIDDEN' },
        }),
      ],
    });
    await settle();

    expect(await (await loader.getHarness(MatTableHarness)).getCellTextByIndex()).toEqual([
      ['3175064107900003', '—', 'P', '005/012', '14', 'Aktif', 'Jatinegara'],
    ]);
    expect(text('[role="alert"]')).toEqual([]);
  });

  it('searches one NIK alone, normalised, ignoring the kelurahan', async () => {
    await open('OPERATOR', cakungScope);

    await (await loader.getHarness(MatSelectHarness)).clickOptions({ text: 'Rawa Terate' });
    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="nik"]' }))
    ).setValue('3175.0641.0790.0003');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Cari' }))).click();

    const search = backend.expectOne('SearchVoters');
    expect(search.operation.variables['filter']).toEqual({ nik: '3175064107900003' });
    search.flushData({ searchVoters: { __typename: 'VoterPage', total: 0, items: [] } });
    await settle();
    expect(text('[role="status"]')).toEqual(['Tidak ada pemilih yang cocok.']);
  });

  it('explains a malformed NIK without asking the server', async () => {
    await open('OPERATOR', cakungScope);

    await (
      await loader.getHarness(MatInputHarness.with({ selector: '[formControlName="nik"]' }))
    ).setValue('12345');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Cari' }))).click();
    await settle();

    backend.expectNone('SearchVoters');
    expect(text('[role="alert"]')).toHaveLength(1);
  });

  it("shows the server's refusal of a kelurahan outside the area", async () => {
    await open('OPERATOR', cakungScope);

    await searchKelurahan('Penggilingan');
    backend
      .expectOne('SearchVoters')
      .graphqlErrors([
        new GraphQLError('Kelurahan tidak ditemukan', { extensions: { code: 'NOT_FOUND' } }),
      ]);
    await settle();

    expect(text('[role="alert"]')).toEqual(['Kelurahan tidak ditemukan']);
    expect(await loader.getAllHarnesses(MatTableHarness)).toHaveLength(0);
  });
});
