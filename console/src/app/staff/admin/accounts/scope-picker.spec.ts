import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { twoKecamatanTree } from '../../../public/regions/region-tree.fixture';
import { ScopePicker, scopeCodeOf } from './scope-picker';

@Component({
  imports: [ScopePicker],
  template: `<app-scope-picker [kecamatan]="kecamatan" [(scopeCode)]="scopeCode" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PickerHost {
  readonly kecamatan = twoKecamatanTree.kabKota.children;
  readonly scopeCode = signal<string | null | undefined>(null);
}

describe('ScopePicker', () => {
  let fixture: ComponentFixture<PickerHost>;
  let loader: HarnessLoader;

  async function create(initialScope: string | null): Promise<void> {
    TestBed.configureTestingModule({
      imports: [PickerHost],
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    fixture = TestBed.createComponent(PickerHost);
    fixture.componentInstance.scopeCode.set(initialScope);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  }

  async function chooseLevel(label: string): Promise<void> {
    await (await loader.getHarness(MatRadioButtonHarness.with({ label }))).check();
  }

  async function selects(): Promise<MatSelectHarness[]> {
    return loader.getAllHarnesses(MatSelectHarness);
  }

  async function optionTexts(harness: MatSelectHarness): Promise<string[]> {
    await harness.open();
    const options = await harness.getOptions();
    const texts = await Promise.all(options.map((option) => option.getText()));
    await harness.close();

    return texts;
  }

  it('means the whole kota until a narrower level is chosen', async () => {
    await create(null);

    expect(fixture.componentInstance.scopeCode()).toBeNull();
    expect(await selects()).toHaveLength(0);
  });

  it('gives a kecamatan code for a PPK and is incomplete until one is picked', async () => {
    await create(null);

    await chooseLevel('Satu kecamatan (PPK)');
    expect(fixture.componentInstance.scopeCode()).toBeUndefined();
    const [kecamatan] = await selects();
    expect(await optionTexts(kecamatan!)).toEqual(['Matraman', 'Cakung']);
    await kecamatan!.clickOptions({ text: 'Cakung' });

    expect(fixture.componentInstance.scopeCode()).toBe('31.75.06');
  });

  it("offers a PPS only the chosen kecamatan's kelurahan and gives that kelurahan's code", async () => {
    await create(null);

    await chooseLevel('Satu kelurahan (PPS)');
    await (await selects())[0]!.clickOptions({ text: 'Cakung' });
    expect(fixture.componentInstance.scopeCode()).toBeUndefined();
    const kelurahan = (await selects())[1]!;
    expect(await optionTexts(kelurahan)).toEqual(['Jatinegara', 'Rawa Terate', 'Penggilingan']);
    await kelurahan.clickOptions({ text: 'Rawa Terate' });

    expect(fixture.componentInstance.scopeCode()).toBe('31.75.06.1002');
  });

  it('starts from the scope an edited account already has', async () => {
    await create('31.75.01.1004');

    const [kecamatan, kelurahan] = await selects();
    expect(
      await (await loader.getHarness(MatRadioButtonHarness.with({ checked: true }))).getLabelText(),
    ).toBe('Satu kelurahan (PPS)');
    expect([await kecamatan!.getValueText(), await kelurahan!.getValueText()]).toEqual([
      'Matraman',
      'Palmeriam',
    ]);
  });

  it('goes back to the whole kota when that level is chosen again', async () => {
    await create('31.75.06');

    await chooseLevel('Seluruh kota');

    expect(fixture.componentInstance.scopeCode()).toBeNull();
    expect(await selects()).toHaveLength(0);
  });

  it('maps a level and its choices to a scope code', () => {
    expect([
      scopeCodeOf('KABKOTA', '31.75.06', '31.75.06.1001'),
      scopeCodeOf('KECAMATAN', '31.75.06', null),
      scopeCodeOf('KECAMATAN', null, null),
      scopeCodeOf('KELURAHAN', '31.75.06', '31.75.06.1001'),
      scopeCodeOf('KELURAHAN', '31.75.06', null),
    ]).toEqual([null, '31.75.06', undefined, '31.75.06.1001', undefined]);
  });
});
