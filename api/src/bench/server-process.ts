import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server under test, running in a process of its own so it never shares the load generator's CPU thread. */
export interface ServerProcess {
  /** Base URL, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  /** Where the child's stdout and stderr go (the request log included). */
  readonly logFile: string;
  /** Stops the process: SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
}

export interface ServerLaunch {
  /** Name for messages, e.g. "kaliber". */
  readonly name: string;
  /** Compiled JavaScript entry point, run with this Node binary. */
  readonly script: string;
  /** The child's whole environment (PORT is added): nothing leaks in from the bench's shell. */
  readonly env: Readonly<Record<string, string>>;
  readonly logFile: string;
  /** Path answering 200 once the server can serve requests. */
  readonly readyPath: string;
  /** How long start-up may take (migrations check, region sync, schema build). */
  readonly readyTimeoutMs?: number;
}

/** Starts a server on a free loopback port and resolves once its ready path answers 200. */
export async function startServerProcess(launch: ServerLaunch): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(launch.logFile, 'a');
  const child = spawn(process.execPath, [launch.script], {
    env: { ...launch.env, PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);

  const exited = once(child, 'exit');
  try {
    await waitUntilReady(`${url}${launch.readyPath}`, child, launch.readyTimeoutMs ?? 120_000);
  } catch (error: unknown) {
    child.kill('SIGKILL');
    await exited;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${launch.name} did not start (${reason}); see ${launch.logFile}`);
  }

  return {
    url,
    logFile: launch.logFile,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

/** The parent's PATH and HOME, which a Node child needs; everything else is set explicitly. */
export function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TZ']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }

  return env;
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }

  throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s`);
}

/** A port the OS reports free now; the child binds it a moment later. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no free port');

  return address.port;
}
