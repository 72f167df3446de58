import { AccountEntity } from '../../src/accounts/account.entity.js';
import type { Role } from '../../src/accounts/role.js';
import { base32Encode, newTotpSecret, totpCode, totpStepAt } from '../../src/accounts/totp.js';
import { inTransaction } from '../../src/database/transaction.js';
import { seal } from '../../src/security/sealed-box.js';
import { graphqlClient, type ClientOptions, type GraphQLClient } from './graphql-client.js';
import type { TestServer } from './test-server.js';

/** The password every test account gets unless a test says otherwise. */
export const TEST_PASSWORD = 'uji-kata-sandi-panjang';

export interface TestAccountSpec {
  readonly username: string;
  readonly role: Role;
  readonly scopeCode?: string | null;
  readonly password?: string;
  readonly mustChangePassword?: boolean;
  readonly isDisabled?: boolean;
  /** Enrol a TOTP secret; the test gets it back to compute codes. */
  readonly withTotp?: boolean;
}

export interface TestAccount {
  readonly id: number;
  readonly username: string;
  readonly password: string;
  /** The TOTP secret when enrolled. */
  readonly totpSecret: Buffer | null;
}

/**
 * Puts an account straight into the database (through the server's own hasher and key), for
 * tests about what an account may do rather than how it was created.
 */
export async function insertAccount(
  server: TestServer,
  spec: TestAccountSpec,
): Promise<TestAccount> {
  const { services, dataSource } = server.server;
  const password = spec.password ?? TEST_PASSWORD;
  const passwordHash = await services.hasher.hash(password);
  const totpSecret = spec.withTotp ? newTotpSecret() : null;

  const account = await inTransaction(dataSource, async (manager) => {
    const saved = await manager.save(
      manager.create(AccountEntity, {
        username: spec.username,
        displayName: spec.username,
        role: spec.role,
        scopeCode: spec.scopeCode ?? null,
        passwordHash,
        mustChangePassword: spec.mustChangePassword ?? false,
        isDisabled: spec.isDisabled ?? false,
      }),
    );
    if (totpSecret) {
      const sealed = seal(
        services.keys.keyFor('totp-secret'),
        totpSecret,
        `account:${saved.id}:totp`,
      );
      await manager.update(AccountEntity, { id: saved.id }, { totpSecret: sealed });
    }
    return saved;
  });

  return { id: account.id, username: account.username, password, totpSecret };
}

/** The current code of a TOTP secret (or of a step offset from now). */
export function currentTotpCode(secret: Buffer, stepOffset = 0, now = new Date()): string {
  return totpCode(secret, totpStepAt(now) + stepOffset);
}

/** Reads the base32 secret back into bytes, as an authenticator app does with the QR code. */
export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const character of text) {
    value = (value << 5) | alphabet.indexOf(character);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }

  return Buffer.from(bytes);
}

export { base32Encode };

const LOGIN = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      status
      viewer {
        stage
        account {
          username
        }
      }
    }
  }
`;

/** Signs an account in through the real login mutation and returns its cookie-holding client. */
export async function signIn(
  server: TestServer,
  account: TestAccount,
  options: ClientOptions = {},
): Promise<GraphQLClient> {
  const client = graphqlClient(server.url, options);
  const totp = account.totpSecret ? currentTotpCode(account.totpSecret) : undefined;
  const response = await client.graphql(LOGIN, {
    input: { username: account.username, password: account.password, totpCode: totp },
  });
  if (response.body.errors || !client.cookie) {
    throw new Error(`sign-in of ${account.username} failed: ${JSON.stringify(response.body)}`);
  }

  return client;
}

export { LOGIN };
