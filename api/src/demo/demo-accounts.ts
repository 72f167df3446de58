import type { EntityManager } from 'typeorm';

import { AccountEntity } from '../accounts/account.entity.js';
import type { PasswordHasher } from '../accounts/password-hasher.js';
import type { Role } from '../accounts/role.js';

/** The one password of every demo account; the README lists the accounts. Demo data only. */
export const DEMO_PASSWORD = 'kaliber-demo-2026';

interface DemoAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly scopeCode: string | null;
}

/** One account per role, and operators at each scope level (kota, kecamatan, kelurahan). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', displayName: 'Admin Sistem (demo)', role: 'ADMIN', scopeCode: null },
  { username: 'komisioner', displayName: 'Komisioner (demo)', role: 'KOMISIONER', scopeCode: null },
  {
    username: 'verifikator',
    displayName: 'Verifikator Divisi Data (demo)',
    role: 'VERIFIKATOR',
    scopeCode: null,
  },
  { username: 'operator', displayName: 'Operator Kota (demo)', role: 'OPERATOR', scopeCode: null },
  {
    username: 'ppk-cakung',
    displayName: 'Operator PPK Cakung (demo)',
    role: 'OPERATOR',
    scopeCode: '31.75.06',
  },
  {
    username: 'pps-jatinegara',
    displayName: 'Operator PPS Jatinegara (demo)',
    role: 'OPERATOR',
    scopeCode: '31.75.06.1001',
  },
  {
    username: 'provinsi',
    displayName: 'KPU DKI Jakarta (demo)',
    role: 'PROVINSI',
    scopeCode: null,
  },
  { username: 'bawaslu', displayName: 'Bawaslu (demo)', role: 'BAWASLU', scopeCode: null },
];

/**
 * Demo accounts skip the forced password change so that a visitor can try each role at once;
 * they exist only in a demo database, never in production (see demo-data.ts).
 */
export async function insertDemoAccounts(
  manager: EntityManager,
  hasher: PasswordHasher,
): Promise<number> {
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await manager.insert(
    AccountEntity,
    DEMO_ACCOUNTS.map((account) => ({
      ...account,
      passwordHash,
      mustChangePassword: false,
      isDisabled: false,
    })),
  );

  return DEMO_ACCOUNTS.length;
}
