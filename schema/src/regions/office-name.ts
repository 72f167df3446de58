// How a kabupaten/kota and its election office are named in running text. Kemendagri's names
// of Jakarta's five cities and of Kepulauan Seribu carry "Administrasi" (they are
// administrative, not autonomous, regions); the KPU offices there drop it: the office of
// "Kota Administrasi Jakarta Timur" is "KPU Kota Jakarta Timur".

const ADMINISTRATIVE = /^(Kota|Kabupaten) Administrasi /i;

/** "Kota Administrasi Jakarta Timur" → "Kota Jakarta Timur"; other names are kept as they are. */
export function kabKotaPlaceName(kabKotaName: string): string {
  return kabKotaName.trim().replace(ADMINISTRATIVE, (_match, kind: string) => `${kind} `);
}

/** The KPU office serving a kabupaten/kota: "KPU Kota Jakarta Timur", "KPU Kabupaten Bogor". */
export function kpuOfficeName(kabKotaName: string): string {
  return `KPU ${kabKotaPlaceName(kabKotaName)}`;
}
