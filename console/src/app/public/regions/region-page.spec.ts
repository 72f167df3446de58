import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import {
  APOLLO_TESTING_CACHE,
  ApolloTestingController,
  ApolloTestingModule,
} from 'apollo-angular/testing';

import { createGraphqlCache } from '../../graphql/graphql-client';
import { RegionPage } from './region-page';
import { twoKecamatanTree } from './region-tree.fixture';

describe('RegionPage', () => {
  let fixture: ComponentFixture<RegionPage>;
  let loader: HarnessLoader;
  let backend: ApolloTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule, RegionPage],
      providers: [
        { provide: APOLLO_TESTING_CACHE, useFactory: createGraphqlCache },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(RegionPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
  });

  /** Answers the pending RegionTree query and waits until the page has rendered the answer. */
  async function answerRegionTree(): Promise<void> {
    backend.expectOne('RegionTree').flushData(twoKecamatanTree);
    await settle();
  }

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

  async function panelSummaries(): Promise<string[][]> {
    const panels = await loader.getAllHarnesses(MatExpansionPanelHarness);

    return Promise.all(
      panels.map(async (panel) => [
        (await panel.getTitle()) ?? '',
        ((await panel.getDescription()) ?? '').replace(/\s+/g, ' ').trim(),
      ]),
    );
  }

  it('shows a progress bar until the region tree arrives', async () => {
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(1);
    expect(text('[role="status"]')).toEqual(['Memuat data wilayah…']);

    await answerRegionTree();

    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(0);
  });

  it('lists every kecamatan with its code and kelurahan count under the kota heading', async () => {
    await answerRegionTree();

    expect(text('h1')).toEqual(['Kota Administrasi Jakarta Timur']);
    expect(text('.summary')).toEqual(['Kode wilayah 31.75 · 2 kecamatan · 9 kelurahan']);
    expect(await panelSummaries()).toEqual([
      ['Matraman', '31.75.01 6 kelurahan'],
      ['Cakung', '31.75.06 3 kelurahan'],
    ]);
  });

  it('lists the kelurahan of a kecamatan with their codes once its panel is expanded', async () => {
    await answerRegionTree();
    const cakung = await loader.getHarness(MatExpansionPanelHarness.with({ title: 'Cakung' }));
    expect(await cakung.isExpanded()).toBe(false);
    expect(text('.kelurahan-list li')).toEqual([]);

    await cakung.expand();

    expect(await cakung.isExpanded()).toBe(true);
    expect(text('.kelurahan-list li')).toEqual([
      'Jatinegara 31.75.06.1001',
      'Rawa Terate 31.75.06.1002',
      'Penggilingan 31.75.06.1003',
    ]);
  });

  it('narrows the list to the kelurahan whose name matches the filter', async () => {
    await answerRegionTree();
    const filter = await loader.getHarness(MatInputHarness);

    await filter.setValue('jatinegara');

    expect(await panelSummaries()).toEqual([['Cakung', '31.75.06 1 dari 3 kelurahan']]);
    expect(text('.kelurahan-list li')).toEqual(['Jatinegara 31.75.06.1001']);
    expect(text('[role="status"]')).toEqual(['1 dari 2 kecamatan cocok dengan pencarian.']);
  });

  it('says so in Indonesian when the API is unreachable, and queries again on retry', async () => {
    backend.expectOne('RegionTree').networkError(new Error('connect ECONNREFUSED'));
    await settle();

    expect(text('[role="alert"] p')).toEqual([
      'Data wilayah tidak dapat dimuat: server Kaliber tidak dapat dihubungi atau sedang ' +
        'bermasalah. Periksa sambungan internet Anda, lalu coba lagi.',
    ]);
    expect(await loader.getAllHarnesses(MatExpansionPanelHarness)).toHaveLength(0);

    const retry = await loader.getHarness(MatButtonHarness.with({ text: 'Coba lagi' }));
    await retry.click();
    await answerRegionTree();

    expect(text('[role="alert"]')).toEqual([]);
    expect(await panelSummaries()).toEqual([
      ['Matraman', '31.75.01 6 kelurahan'],
      ['Cakung', '31.75.06 3 kelurahan'],
    ]);
  });
});
