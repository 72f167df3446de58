// Test harness for the browser journeys: starts the built API on a free loopback port with a
// fresh data folder, and launches Debian's Chromium with a throwaway profile.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** The monorepo root, found from this file so the journeys run from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where journeys leave screenshots for people to look at (gitignored). */
export const artifactsDir = join(repoRoot, 'artifacts/e2e');

const apiMain = join(repoRoot, 'api/dist/main.js');
/** The built console, which the API serves at `/`. */
const consoleIndex = join(repoRoot, 'console/dist/browser/index.html');
/** Same-origin address under which the tests hand axe-core to the page (never reaches the API). */
const axeScriptPath = '/__e2e__/axe.min.js';
const readyTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;

// Flags that keep Chromium headless, offline-friendly and quiet on a server without a GPU.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningApi {
  /** Origin of the API, e.g. http://127.0.0.1:41234; it serves the console at `/`. */
  readonly baseUrl: string;
  stop(): Promise<void>;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** An axe-core finding, reduced to what a failing test needs to print. */
export interface AccessibilityViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/** A port that was free a moment ago: the OS picks it, and we release it for the API. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');

  return port;
}

/**
 * Starts `node api/dist/main.js` on SQLite in a fresh data folder with a small demo list, and
 * resolves once `/readyz` answers 200. `extraEnv` adds or overrides settings for one journey
 * (e.g. `REQUIRE_MFA`). If the process dies or never gets ready, the error carries the end of
 * its stderr (and of its log lines on stdout).
 */
export async function startApi(
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<RunningApi> {
  for (const [file, build] of [
    [apiMain, 'npm run build -w api'],
    [consoleIndex, 'npm run build -w console'],
  ] as const) {
    if (!existsSync(file)) {
      throw new Error(`${relative(repoRoot, file)} is missing: run \`${build}\` first.`);
    }
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'kaliber-e2e-data-'));
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO_VOTERS: '300',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  // Settings from the developer's shell must not point the journey at a real database or at
  // another console build.
  delete env['DATABASE_URL'];
  delete env['CONSOLE_DIR'];

  const child = spawn(process.execPath, [apiMain], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);

  try {
    await waitUntilReady(baseUrl, child, output);
  } catch (error) {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    baseUrl,
    async stop() {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Chromium with a fresh profile folder, removed again on close. */
export async function launchBrowser(viewport: {
  width: number;
  height: number;
}): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'kaliber-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
    viewport,
    locale: 'id-ID',
    // Where the office is: times on the pages read as they would in Jakarta (WIB, UTC+7).
    timezoneId: 'Asia/Jakarta',
  });

  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Collects every console error and uncaught exception of a page, to assert none happened. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => {
    errors.push(`uncaught: ${error.message}`);
  });

  return errors;
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. The API's
 * Content-Security-Policy forbids inline scripts, so axe is not inlined (`addScriptTag({ path })`
 * would be blocked): the browser fetches it from a same-origin address that the test answers
 * itself with the package's axe.min.js. The policy stays on, so the page is checked as served.
 */
export async function seriousAccessibilityViolations(
  page: Page,
): Promise<AccessibilityViolation[]> {
  const require = createRequire(import.meta.url);
  const axeScript = join(dirname(require.resolve('axe-core')), 'axe.min.js');
  const axeUrl = new URL(axeScriptPath, page.url()).href;
  await page.route(axeUrl, (route) =>
    route.fulfill({ path: axeScript, contentType: 'text/javascript' }),
  );
  await page.addScriptTag({ url: axeUrl });

  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      resultTypes: ['violations'],
    });

    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });

  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

/** Resolves once no CSS transition or animation is running, e.g. a panel still opening. */
export async function animationsFinished(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running'),
  );
}

/** Saves a full-page screenshot under artifacts/e2e/ and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const path = join(artifactsDir, name);
  await page.screenshot({ path, fullPage: true });

  return path;
}

async function waitUntilReady(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;

  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The API exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) {
        return;
      }
    } catch {
      // Not listening yet; try again shortly.
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }

  throw new Error(`The API was not ready within ${readyTimeoutMs / 1000} s:\n${output()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = once(child, 'exit');
  child.kill('SIGTERM');

  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Keeps the last 64 KiB of a child's stderr and stdout, enough to explain a failed start. */
function collectOutput(child: ChildProcess): () => string {
  let output = '';
  for (const stream of [child.stderr, child.stdout]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      output = (output + chunk).slice(-65_536);
    });
  }

  return () => output;
}
