import { expect, it } from 'vitest';

import { kabKotaPlaceName, kpuOfficeName } from '../src/index.js';

it('drops "Administrasi" from the Jakarta cities and Kepulauan Seribu', () => {
  expect(
    ['Kota Administrasi Jakarta Timur', 'Kabupaten Administrasi Kepulauan Seribu'].map((name) => [
      kabKotaPlaceName(name),
      kpuOfficeName(name),
    ]),
  ).toEqual([
    ['Kota Jakarta Timur', 'KPU Kota Jakarta Timur'],
    ['Kabupaten Kepulauan Seribu', 'KPU Kabupaten Kepulauan Seribu'],
  ]);
});

it('keeps the names of autonomous kabupaten and kota', () => {
  expect(['Kabupaten Bogor', 'Kota Bandung', ' Kota Bekasi '].map(kpuOfficeName)).toEqual([
    'KPU Kabupaten Bogor',
    'KPU Kota Bandung',
    'KPU Kota Bekasi',
  ]);
});
