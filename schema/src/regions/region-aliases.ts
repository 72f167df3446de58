// Spelling variants of Jakarta Timur region names seen in real addresses, mapped to the codes
// they may mean. A variant can mean several regions: "Pulo Gadung" is both the kecamatan
// Pulogadung and a kelurahan in it, so lookups filter by level when they know it.
//
// Names are compared with normalizeRegionName, which already ignores case, spaces and
// punctuation; pure spacing variants (Kramat Jati / Kramatjati) are listed anyway because they
// are the common ones, and the table documents what the field actually writes.

/** One spelling variant and the dotted Kemendagri codes it may refer to. */
export interface RegionAlias {
  alias: string;
  codes: string[];
}

export const REGION_ALIASES: readonly RegionAlias[] = [
  // Kecamatan whose kelurahan of the same name shares the variant.
  { alias: 'Kramat Jati', codes: ['31.75.04', '31.75.04.1001'] },
  { alias: 'Kramatjati', codes: ['31.75.04', '31.75.04.1001'] },
  { alias: 'Pulo Gadung', codes: ['31.75.02', '31.75.02.1001'] },
  { alias: 'Pulogadung', codes: ['31.75.02', '31.75.02.1001'] },
  { alias: 'Makassar', codes: ['31.75.08', '31.75.08.1001'] },
  { alias: 'Durensawit', codes: ['31.75.07', '31.75.07.1001'] },

  // Kecamatan written with an abbreviation.
  { alias: 'Ps. Rebo', codes: ['31.75.05'] },
  { alias: 'Psr. Rebo', codes: ['31.75.05'] },

  // Kecamatan Matraman.
  { alias: 'Pal Meriam', codes: ['31.75.01.1004'] },
  { alias: 'Palmeriam', codes: ['31.75.01.1004'] },
  { alias: 'Kebun Manggis', codes: ['31.75.01.1005'] },

  // Kecamatan Pulogadung.
  { alias: 'Rawa Mangun', codes: ['31.75.02.1005'] },

  // Kecamatan Jatinegara.
  { alias: 'Kp. Melayu', codes: ['31.75.03.1001'] },
  { alias: 'Bidaracina', codes: ['31.75.03.1002'] },
  { alias: 'Bidara China', codes: ['31.75.03.1002'] },
  { alias: 'Balimester', codes: ['31.75.03.1003'] },
  { alias: 'Cip. Cempedak', codes: ['31.75.03.1005'] },
  { alias: 'Cip. Muara', codes: ['31.75.03.1006'] },
  { alias: 'Cipinangbesar Selatan', codes: ['31.75.03.1007'] },
  { alias: 'Cip. Besar Selatan', codes: ['31.75.03.1007'] },
  { alias: 'Cipinang Besar Sel.', codes: ['31.75.03.1007'] },
  { alias: 'Cipinangbesar Utara', codes: ['31.75.03.1008'] },
  { alias: 'Cip. Besar Utara', codes: ['31.75.03.1008'] },
  { alias: 'Cipinang Besar Utr.', codes: ['31.75.03.1008'] },

  // Kecamatan Kramatjati.
  { alias: 'Bale Kambang', codes: ['31.75.04.1005'] },

  // Kecamatan Cakung.
  { alias: 'Rawa Teratai', codes: ['31.75.06.1002'] },
  { alias: 'Pengilingan', codes: ['31.75.06.1003'] },
  { alias: 'Pulogebang', codes: ['31.75.06.1005'] },
  { alias: 'Pulau Gebang', codes: ['31.75.06.1005'] },

  // Kecamatan Duren Sawit.
  { alias: 'Pd. Bambu', codes: ['31.75.07.1002'] },
  { alias: 'Pondokkelapa', codes: ['31.75.07.1004'] },
  { alias: 'Pd. Kelapa', codes: ['31.75.07.1004'] },
  { alias: 'Malakasari', codes: ['31.75.07.1005'] },
  { alias: 'Pd. Kopi', codes: ['31.75.07.1007'] },

  // Kecamatan Makasar.
  { alias: 'Pinang Ranti', codes: ['31.75.08.1002'] },
  { alias: 'Pinangranti', codes: ['31.75.08.1002'] },
  { alias: 'Kebun Pala', codes: ['31.75.08.1003'] },
  { alias: 'Halim', codes: ['31.75.08.1004'] },
  { alias: 'Halim Perdanakusuma', codes: ['31.75.08.1004'] },
  { alias: 'Halim P.K.', codes: ['31.75.08.1004'] },
  { alias: 'Cip. Melayu', codes: ['31.75.08.1005'] },

  // Kecamatan Ciracas.
  { alias: 'Klp. Dua Wetan', codes: ['31.75.09.1003'] },
  { alias: 'Kelapa 2 Wetan', codes: ['31.75.09.1003'] },

  // Kecamatan Cipayung.
  { alias: 'Pondok Rangon', codes: ['31.75.10.1003'] },
  { alias: 'Pd. Ranggon', codes: ['31.75.10.1003'] },
  { alias: 'Lobang Buaya', codes: ['31.75.10.1007'] },
];
