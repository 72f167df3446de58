// The two-digit province codes (PP) of Kemendagri that can open an NIK or NKK: the 38 provinces
// since the 2022 Papua split. Codes of provinces that no longer exist are not here because no
// NIK was ever issued under them.

/** The 38 current province codes, two-digit strings. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  // Sumatra: Aceh to Kepulauan Riau.
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  // Java: DKI Jakarta, Jawa Barat, Jawa Tengah, DI Yogyakarta, Jawa Timur, Banten.
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  // Bali and Nusa Tenggara.
  '51',
  '52',
  '53',
  // Kalimantan.
  '61',
  '62',
  '63',
  '64',
  '65',
  // Sulawesi.
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  // Maluku and Maluku Utara.
  '81',
  '82',
  // Papua and the provinces split from it in 2022.
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

/** Whether `code` is one of the 38 current two-digit province codes. */
export function isProvinceCode(code: string): boolean {
  return PROVINCE_CODES.has(code);
}
