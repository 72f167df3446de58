import { MAX_DOCUMENT_BYTES } from '@kaliber/schema';

import { twoKecamatanTree } from '../regions/region-tree.fixture';
import { catalogueFromTree, documentIssues } from './registration-form-model';

describe('catalogueFromTree', () => {
  it("builds the deployment's catalogue from the API's region tree", () => {
    const catalogue = catalogueFromTree(twoKecamatanTree.kabKota);

    expect(catalogue.kabKota).toEqual({
      code: '31.75',
      level: 'KABKOTA',
      name: 'Kota Administrasi Jakarta Timur',
      parentCode: '31',
    });
    expect(catalogue.kecamatan.map((row) => row.code)).toEqual(['31.75.01', '31.75.06']);
    expect([...catalogue.knownDistrictCodes]).toEqual(['317501', '317506']);
    expect(catalogue.isKelurahanInKabKota('31.75.06.1001')).toBe(true);
    // A kelurahan the API does not list is not one of this office's.
    expect(catalogue.isKelurahanInKabKota('31.75.04.1001')).toBe(false);
  });
});

describe('documentIssues', () => {
  it('asks for a missing document by its name', () => {
    expect(documentIssues('KK', null)).toEqual([
      'Lampirkan foto atau pindaian Kartu Keluarga (KK)',
    ]);
  });

  it("gives the shared rules' messages for a file the API would refuse by its size or type", () => {
    const tooLarge = new File([new Uint8Array(MAX_DOCUMENT_BYTES + 1)], 'ktp.gif', {
      type: 'image/gif',
    });

    expect(documentIssues('KTP', tooLarge)).toEqual([
      'Berkas KTP terlalu besar; ukuran maksimal 5 MB',
      'Berkas KTP harus berupa foto JPEG, PNG atau berkas PDF',
    ]);
    expect(
      documentIssues('KTP', new File([new Uint8Array(10)], 'ktp.pdf', { type: 'application/pdf' })),
    ).toEqual([]);
  });
});
