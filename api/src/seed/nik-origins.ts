/**
 * Kecamatan elsewhere in Indonesia where a synthetic voter's NIK was first issued. The first six
 * digits of an NIK name the kecamatan of first issue, not of residence (DESIGN §3.1), so about
 * one resident in ten of a Jakarta kelurahan carries a prefix from the place they moved from:
 * mostly the rest of Jabodetabek and Java, some from the other islands. Each code is a real
 * Kemendagri kecamatan (the seed tests check them against idn-area-data); `town` is what such a
 * person usually writes as birth place.
 */
export interface NikOrigin {
  /** Six digits PPKKCC: province, kabupaten/kota, kecamatan. */
  readonly districtCode: string;
  readonly town: string;
}

export const NIK_ORIGINS_ELSEWHERE: readonly NikOrigin[] = [
  { districtCode: '317101', town: 'Jakarta' },
  { districtCode: '317202', town: 'Jakarta' },
  { districtCode: '317301', town: 'Jakarta' },
  { districtCode: '317401', town: 'Jakarta' },
  { districtCode: '317402', town: 'Jakarta' },
  { districtCode: '327501', town: 'Bekasi' },
  { districtCode: '327502', town: 'Bekasi' },
  { districtCode: '321602', town: 'Bekasi' },
  { districtCode: '320101', town: 'Bogor' },
  { districtCode: '327102', town: 'Bogor' },
  { districtCode: '327602', town: 'Depok' },
  { districtCode: '367101', town: 'Tangerang' },
  { districtCode: '360301', town: 'Tangerang' },
  { districtCode: '367401', town: 'Tangerang Selatan' },
  { districtCode: '327302', town: 'Bandung' },
  { districtCode: '320405', town: 'Bandung' },
  { districtCode: '320501', town: 'Garut' },
  { districtCode: '320601', town: 'Tasikmalaya' },
  { districtCode: '320201', town: 'Sukabumi' },
  { districtCode: '320902', town: 'Cirebon' },
  { districtCode: '320801', town: 'Kuningan' },
  { districtCode: '332801', town: 'Tegal' },
  { districtCode: '332901', town: 'Brebes' },
  { districtCode: '330102', town: 'Cilacap' },
  { districtCode: '330202', town: 'Banyumas' },
  { districtCode: '330601', town: 'Purworejo' },
  { districtCode: '337401', town: 'Semarang' },
  { districtCode: '337201', town: 'Surakarta' },
  { districtCode: '347102', town: 'Yogyakarta' },
  { districtCode: '340201', town: 'Bantul' },
  { districtCode: '357801', town: 'Surabaya' },
  { districtCode: '357302', town: 'Malang' },
  { districtCode: '350901', town: 'Jember' },
  { districtCode: '127101', town: 'Medan' },
  { districtCode: '137101', town: 'Padang' },
  { districtCode: '167101', town: 'Palembang' },
  { districtCode: '187101', town: 'Bandar Lampung' },
  { districtCode: '617101', town: 'Pontianak' },
  { districtCode: '737101', town: 'Makassar' },
  { districtCode: '717101', town: 'Manado' },
  { districtCode: '817102', town: 'Ambon' },
  { districtCode: '517101', town: 'Denpasar' },
  { districtCode: '537101', town: 'Kupang' },
];
