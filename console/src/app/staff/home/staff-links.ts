import { type Role } from '../../graphql/generated/graphql';
import { VOTER_SEARCH_ROLES } from '../shared/role-labels';

/** A staff page offered on the staff home. */
export interface StaffLink {
  readonly path: string;
  readonly label: string;
  readonly description: string;
}

const voterSearch: StaffLink = {
  path: '/staf/pemilih',
  label: 'Cari pemilih',
  description: 'Cari pemilih menurut kelurahan, nama, atau NIK di wilayah kerja Anda.',
};

const myAccount: StaffLink = {
  path: '/staf/akun',
  label: 'Akun saya',
  description: 'Data akun, ganti kata sandi, dan verifikasi dua langkah.',
};

const adminLinks: readonly StaffLink[] = [
  {
    path: '/staf/admin/akun',
    label: 'Kelola akun',
    description: 'Buat akun staf, atur peran dan wilayah, nonaktifkan, setel ulang.',
  },
  {
    path: '/staf/admin/token',
    label: 'Token API',
    description: 'Token untuk KPU Provinsi dan Bawaslu: buat dan cabut.',
  },
  {
    path: '/staf/admin/keamanan',
    label: 'Keamanan',
    description: 'Cabut semua sesi dan token sekaligus; periksa rantai log audit.',
  },
  {
    path: '/staf/admin/audit',
    label: 'Log audit',
    description: 'Siapa melakukan apa dan kapan, dengan hasilnya.',
  },
];

/** The pages a role can open, in the order the staff home lists them. */
export function staffLinksFor(role: Role): StaffLink[] {
  const links: StaffLink[] = [];
  if (VOTER_SEARCH_ROLES.includes(role)) {
    links.push(voterSearch);
  }
  if (role === 'ADMIN') {
    links.push(...adminLinks);
  }
  links.push(myAccount);

  return links;
}
