import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';

const apiRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an API entry point (`src/main.ts`, `src/cli.ts`) from source in a child process, the way
 * an operator would run it, with only the given environment on top of PATH.
 */
export function spawnApi(
  entry: 'main' | 'cli',
  args: string[],
  env: Record<string, string>,
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(
    process.execPath,
    ['--import', '@swc-node/register/esm-register', `src/${entry}.ts`, ...args],
    {
      cwd: apiRoot,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

export function collect(
  child: ChildProcessByStdio<null, Readable, Readable>,
): Promise<ProcessResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Resolves with the first stdout line that matches, or rejects when the process ends first. */
export function waitForLine(
  child: ChildProcessByStdio<null, Readable, Readable>,
  pattern: RegExp,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((candidate) => pattern.test(candidate));
      if (line) {
        child.stdout.off('data', onData);
        resolve(line);
      }
    };
    child.stdout.on('data', onData);
    child.once('close', (code) => reject(new Error(`process ended (${code}) before ${pattern}`)));
  });
}
