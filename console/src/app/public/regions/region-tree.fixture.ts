import { type RegionTreeQuery } from '../../graphql/generated/graphql';

/**
 * A two-kecamatan tree shaped as the API answers RegionTree, `__typename` included as Apollo
 * asks for it. Cakung holds kelurahan Jatinegara on purpose: the name is
 * also a kecamatan elsewhere in the kota.
 */
export const twoKecamatanTree = {
  kabKota: {
    __typename: 'Region',
    code: '31.75',
    name: 'Kota Administrasi Jakarta Timur',
    nikPrefix: '3175',
    children: [
      {
        __typename: 'Region',
        code: '31.75.01',
        name: 'Matraman',
        nikPrefix: '317501',
        children: [
          { __typename: 'Region', code: '31.75.01.1001', name: 'Pisangan Baru' },
          { __typename: 'Region', code: '31.75.01.1002', name: 'Utan Kayu Utara' },
          { __typename: 'Region', code: '31.75.01.1003', name: 'Kayu Manis' },
          { __typename: 'Region', code: '31.75.01.1004', name: 'Palmeriam' },
          { __typename: 'Region', code: '31.75.01.1005', name: 'Kebon Manggis' },
          { __typename: 'Region', code: '31.75.01.1006', name: 'Utan Kayu Selatan' },
        ],
      },
      {
        __typename: 'Region',
        code: '31.75.06',
        name: 'Cakung',
        nikPrefix: '317506',
        children: [
          { __typename: 'Region', code: '31.75.06.1001', name: 'Jatinegara' },
          { __typename: 'Region', code: '31.75.06.1002', name: 'Rawa Terate' },
          { __typename: 'Region', code: '31.75.06.1003', name: 'Penggilingan' },
        ],
      },
    ],
  },
} satisfies RegionTreeQuery;
