import { parseArgs } from 'node:util';

import { withCommandContext } from '../command-context.js';
import { DomainError } from '../errors/domain-error.js';
import { USERNAME_MESSAGE, USERNAME_PATTERN } from './account.inputs.js';
import { isRole, ROLES } from './role.js';

export const USER_CREATE_USAGE =
  '  user:create --username U --role R [--name "Nama"] [--scope KODE]\n' +
  '                                buat akun; kata sandi sementara dicetak sekali\n';

/**
 * `kaliber user:create`: how the first ADMIN comes to exist on a real deployment (there is no
 * default password). The temporary password is printed once, on stdout only, and must be
 * changed at first sign-in. The creation is audited with no actor and `via: cli`.
 */
export async function userCreateCommand(args: string[]): Promise<number> {
  let values: { username?: string; role?: string; name?: string; scope?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        scope: { type: 'string' },
      },
      strict: true,
    }));
  } catch {
    process.stderr.write(`kaliber: opsi user:create tidak dikenal atau tanpa nilai\n`);
    return 2;
  }
  const username = values.username?.trim().toLowerCase() ?? '';
  if (!USERNAME_PATTERN.test(username)) {
    process.stderr.write(`kaliber: --username: ${USERNAME_MESSAGE}\n`);
    return 2;
  }
  const role = values.role?.toUpperCase();
  if (!isRole(role)) {
    process.stderr.write(`kaliber: --role harus salah satu dari ${ROLES.join(', ')}\n`);
    return 2;
  }

  return withCommandContext(async ({ services }) => {
    try {
      const { account, temporaryPassword } = await services.accounts.createAccount(
        username,
        { displayName: values.name ?? username, role, scopeCode: values.scope ?? null },
        { actor: null, clientIp: null, requestId: 'cli:user:create' },
      );
      process.stdout.write(
        `Akun ${account.username} (${account.role}) dibuat.\n` +
          `Kata sandi sementara (hanya ditampilkan sekali): ${temporaryPassword}\n` +
          'Kata sandi ini wajib diganti saat pertama kali masuk.\n',
      );
      return 0;
    } catch (error: unknown) {
      if (!(error instanceof DomainError)) throw error;
      process.stderr.write(`kaliber: ${error.message}\n`);
      return 1;
    }
  });
}
