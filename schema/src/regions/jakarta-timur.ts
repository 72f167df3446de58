// The regions of Kota Administrasi Jakarta Timur: the kota, its 10 kecamatan and 65
// kelurahan, as in the Kemendagri decree 300.2.2-2138/2025 (unchanged here since 2020). They
// are written out rather than read from a file so that the console can bundle them; a test
// checks them against the reference CSV and against the idn-area-data package.

import { type RegionRow } from './region.js';

/** The Kemendagri code of Kota Administrasi Jakarta Timur, the default deployment. */
export const JAKARTA_TIMUR_CODE = '31.75';

export const JAKARTA_TIMUR_REGIONS: readonly RegionRow[] = [
  { code: '31.75', level: 'KABKOTA', name: 'Kota Administrasi Jakarta Timur', parentCode: '31' },
  // Kecamatan.
  { code: '31.75.01', level: 'KECAMATAN', name: 'Matraman', parentCode: '31.75' },
  { code: '31.75.02', level: 'KECAMATAN', name: 'Pulogadung', parentCode: '31.75' },
  { code: '31.75.03', level: 'KECAMATAN', name: 'Jatinegara', parentCode: '31.75' },
  { code: '31.75.04', level: 'KECAMATAN', name: 'Kramatjati', parentCode: '31.75' },
  { code: '31.75.05', level: 'KECAMATAN', name: 'Pasar Rebo', parentCode: '31.75' },
  { code: '31.75.06', level: 'KECAMATAN', name: 'Cakung', parentCode: '31.75' },
  { code: '31.75.07', level: 'KECAMATAN', name: 'Duren Sawit', parentCode: '31.75' },
  { code: '31.75.08', level: 'KECAMATAN', name: 'Makasar', parentCode: '31.75' },
  { code: '31.75.09', level: 'KECAMATAN', name: 'Ciracas', parentCode: '31.75' },
  { code: '31.75.10', level: 'KECAMATAN', name: 'Cipayung', parentCode: '31.75' },
  // Kelurahan of kecamatan Matraman.
  { code: '31.75.01.1001', level: 'KELURAHAN', name: 'Pisangan Baru', parentCode: '31.75.01' },
  { code: '31.75.01.1002', level: 'KELURAHAN', name: 'Utan Kayu Utara', parentCode: '31.75.01' },
  { code: '31.75.01.1003', level: 'KELURAHAN', name: 'Kayu Manis', parentCode: '31.75.01' },
  { code: '31.75.01.1004', level: 'KELURAHAN', name: 'Palmeriam', parentCode: '31.75.01' },
  { code: '31.75.01.1005', level: 'KELURAHAN', name: 'Kebon Manggis', parentCode: '31.75.01' },
  { code: '31.75.01.1006', level: 'KELURAHAN', name: 'Utan Kayu Selatan', parentCode: '31.75.01' },
  // Kelurahan of kecamatan Pulogadung.
  { code: '31.75.02.1001', level: 'KELURAHAN', name: 'Pulo Gadung', parentCode: '31.75.02' },
  { code: '31.75.02.1002', level: 'KELURAHAN', name: 'Pisangan Timur', parentCode: '31.75.02' },
  { code: '31.75.02.1003', level: 'KELURAHAN', name: 'Cipinang', parentCode: '31.75.02' },
  { code: '31.75.02.1004', level: 'KELURAHAN', name: 'Jatinegara Kaum', parentCode: '31.75.02' },
  { code: '31.75.02.1005', level: 'KELURAHAN', name: 'Rawamangun', parentCode: '31.75.02' },
  { code: '31.75.02.1006', level: 'KELURAHAN', name: 'Kayu Putih', parentCode: '31.75.02' },
  { code: '31.75.02.1007', level: 'KELURAHAN', name: 'Jati', parentCode: '31.75.02' },
  // Kelurahan of kecamatan Jatinegara.
  { code: '31.75.03.1001', level: 'KELURAHAN', name: 'Kampung Melayu', parentCode: '31.75.03' },
  { code: '31.75.03.1002', level: 'KELURAHAN', name: 'Bidara Cina', parentCode: '31.75.03' },
  { code: '31.75.03.1003', level: 'KELURAHAN', name: 'Bali Mester', parentCode: '31.75.03' },
  { code: '31.75.03.1004', level: 'KELURAHAN', name: 'Rawa Bunga', parentCode: '31.75.03' },
  { code: '31.75.03.1005', level: 'KELURAHAN', name: 'Cipinang Cempedak', parentCode: '31.75.03' },
  { code: '31.75.03.1006', level: 'KELURAHAN', name: 'Cipinang Muara', parentCode: '31.75.03' },
  {
    code: '31.75.03.1007',
    level: 'KELURAHAN',
    name: 'Cipinang Besar Selatan',
    parentCode: '31.75.03',
  },
  {
    code: '31.75.03.1008',
    level: 'KELURAHAN',
    name: 'Cipinang Besar Utara',
    parentCode: '31.75.03',
  },
  // Kelurahan of kecamatan Kramatjati.
  { code: '31.75.04.1001', level: 'KELURAHAN', name: 'Kramatjati', parentCode: '31.75.04' },
  { code: '31.75.04.1002', level: 'KELURAHAN', name: 'Tengah', parentCode: '31.75.04' },
  { code: '31.75.04.1003', level: 'KELURAHAN', name: 'Dukuh', parentCode: '31.75.04' },
  { code: '31.75.04.1004', level: 'KELURAHAN', name: 'Batu Ampar', parentCode: '31.75.04' },
  { code: '31.75.04.1005', level: 'KELURAHAN', name: 'Balekambang', parentCode: '31.75.04' },
  { code: '31.75.04.1006', level: 'KELURAHAN', name: 'Cililitan', parentCode: '31.75.04' },
  { code: '31.75.04.1007', level: 'KELURAHAN', name: 'Cawang', parentCode: '31.75.04' },
  // Kelurahan of kecamatan Pasar Rebo.
  { code: '31.75.05.1001', level: 'KELURAHAN', name: 'Gedong', parentCode: '31.75.05' },
  { code: '31.75.05.1002', level: 'KELURAHAN', name: 'Baru', parentCode: '31.75.05' },
  { code: '31.75.05.1003', level: 'KELURAHAN', name: 'Cijantung', parentCode: '31.75.05' },
  { code: '31.75.05.1004', level: 'KELURAHAN', name: 'Kalisari', parentCode: '31.75.05' },
  { code: '31.75.05.1005', level: 'KELURAHAN', name: 'Pekayon', parentCode: '31.75.05' },
  // Kelurahan of kecamatan Cakung.
  { code: '31.75.06.1001', level: 'KELURAHAN', name: 'Jatinegara', parentCode: '31.75.06' },
  { code: '31.75.06.1002', level: 'KELURAHAN', name: 'Rawa Terate', parentCode: '31.75.06' },
  { code: '31.75.06.1003', level: 'KELURAHAN', name: 'Penggilingan', parentCode: '31.75.06' },
  { code: '31.75.06.1004', level: 'KELURAHAN', name: 'Cakung Timur', parentCode: '31.75.06' },
  { code: '31.75.06.1005', level: 'KELURAHAN', name: 'Pulo Gebang', parentCode: '31.75.06' },
  { code: '31.75.06.1006', level: 'KELURAHAN', name: 'Ujung Menteng', parentCode: '31.75.06' },
  { code: '31.75.06.1007', level: 'KELURAHAN', name: 'Cakung Barat', parentCode: '31.75.06' },
  // Kelurahan of kecamatan Duren Sawit.
  { code: '31.75.07.1001', level: 'KELURAHAN', name: 'Duren Sawit', parentCode: '31.75.07' },
  { code: '31.75.07.1002', level: 'KELURAHAN', name: 'Pondok Bambu', parentCode: '31.75.07' },
  { code: '31.75.07.1003', level: 'KELURAHAN', name: 'Klender', parentCode: '31.75.07' },
  { code: '31.75.07.1004', level: 'KELURAHAN', name: 'Pondok Kelapa', parentCode: '31.75.07' },
  { code: '31.75.07.1005', level: 'KELURAHAN', name: 'Malaka Sari', parentCode: '31.75.07' },
  { code: '31.75.07.1006', level: 'KELURAHAN', name: 'Malaka Jaya', parentCode: '31.75.07' },
  { code: '31.75.07.1007', level: 'KELURAHAN', name: 'Pondok Kopi', parentCode: '31.75.07' },
  // Kelurahan of kecamatan Makasar.
  { code: '31.75.08.1001', level: 'KELURAHAN', name: 'Makasar', parentCode: '31.75.08' },
  { code: '31.75.08.1002', level: 'KELURAHAN', name: 'Pinangranti', parentCode: '31.75.08' },
  { code: '31.75.08.1003', level: 'KELURAHAN', name: 'Kebon Pala', parentCode: '31.75.08' },
  {
    code: '31.75.08.1004',
    level: 'KELURAHAN',
    name: 'Halim Perdana Kusuma',
    parentCode: '31.75.08',
  },
  { code: '31.75.08.1005', level: 'KELURAHAN', name: 'Cipinang Melayu', parentCode: '31.75.08' },
  // Kelurahan of kecamatan Ciracas.
  { code: '31.75.09.1001', level: 'KELURAHAN', name: 'Ciracas', parentCode: '31.75.09' },
  { code: '31.75.09.1002', level: 'KELURAHAN', name: 'Cibubur', parentCode: '31.75.09' },
  { code: '31.75.09.1003', level: 'KELURAHAN', name: 'Kelapa Dua Wetan', parentCode: '31.75.09' },
  { code: '31.75.09.1004', level: 'KELURAHAN', name: 'Susukan', parentCode: '31.75.09' },
  { code: '31.75.09.1005', level: 'KELURAHAN', name: 'Rambutan', parentCode: '31.75.09' },
  // Kelurahan of kecamatan Cipayung.
  { code: '31.75.10.1001', level: 'KELURAHAN', name: 'Cipayung', parentCode: '31.75.10' },
  { code: '31.75.10.1002', level: 'KELURAHAN', name: 'Cilangkap', parentCode: '31.75.10' },
  { code: '31.75.10.1003', level: 'KELURAHAN', name: 'Pondok Ranggon', parentCode: '31.75.10' },
  { code: '31.75.10.1004', level: 'KELURAHAN', name: 'Munjul', parentCode: '31.75.10' },
  { code: '31.75.10.1005', level: 'KELURAHAN', name: 'Setu', parentCode: '31.75.10' },
  { code: '31.75.10.1006', level: 'KELURAHAN', name: 'Bambu Apus', parentCode: '31.75.10' },
  { code: '31.75.10.1007', level: 'KELURAHAN', name: 'Lubang Buaya', parentCode: '31.75.10' },
  { code: '31.75.10.1008', level: 'KELURAHAN', name: 'Ceger', parentCode: '31.75.10' },
];
