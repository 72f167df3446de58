import { filterKecamatan } from './region-filter';
import { twoKecamatanTree } from './region-tree.fixture';

const kecamatan = twoKecamatanTree.kabKota.children;

function summarize(query: string): [string, string[], boolean][] {
  return filterKecamatan(kecamatan, query).map((listing) => [
    listing.name,
    listing.kelurahan.map((kelurahan) => kelurahan.name),
    listing.isNarrowed,
  ]);
}

describe('filterKecamatan', () => {
  it('keeps every kecamatan with all its kelurahan for a blank query', () => {
    expect(summarize('  ')).toEqual([
      [
        'Matraman',
        [
          'Pisangan Baru',
          'Utan Kayu Utara',
          'Kayu Manis',
          'Palmeriam',
          'Kebon Manggis',
          'Utan Kayu Selatan',
        ],
        false,
      ],
      ['Cakung', ['Jatinegara', 'Rawa Terate', 'Penggilingan'], false],
    ]);
  });

  it('keeps all kelurahan of a kecamatan whose own name matches', () => {
    expect(summarize('CAKUNG')).toEqual([
      ['Cakung', ['Jatinegara', 'Rawa Terate', 'Penggilingan'], false],
    ]);
  });

  it('keeps only the matching kelurahan when the kecamatan name does not match', () => {
    expect(summarize('utan kayu')).toEqual([
      ['Matraman', ['Utan Kayu Utara', 'Utan Kayu Selatan'], true],
    ]);
  });

  it('matches spelling variants that differ in case, spaces or punctuation', () => {
    expect(summarize('Pal Meriam')).toEqual([['Matraman', ['Palmeriam'], true]]);
    expect(summarize('RAWA-TERATE')).toEqual([['Cakung', ['Rawa Terate'], true]]);
  });

  it('reports the full kelurahan count of a narrowed kecamatan', () => {
    expect(
      filterKecamatan(kecamatan, 'rawa').map((listing) => [listing.name, listing.kelurahanCount]),
    ).toEqual([['Cakung', 3]]);
  });

  it('returns nothing when no name matches', () => {
    expect(summarize('bekasi')).toEqual([]);
  });
});
