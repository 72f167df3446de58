import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createEmptyTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Headers;
}

export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * The real server (HTTP, Apollo, TypeORM) on a fresh database of the run's kind, listening on
 * a free loopback port. Demo seeding is off unless asked for.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const database: TestDatabase = await createEmptyTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaliber-data-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SECRET_KEY: randomBytes(32).toString('hex'),
    PORT: '0',
    DATABASE_URL: database.url,
    DEMO_VOTERS: '0',
    LOG_LEVEL: 'silent',
    CONSOLE_DIR: '/nonexistent-console',
    ...env,
  });
  const server = await startServer(config, createLogger(config.logLevel));

  return {
    url: server.url,
    server,
    graphql: async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLResponse<T>['body'],
        headers: response.headers,
      };
    },
    close: async () => {
      await server.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
