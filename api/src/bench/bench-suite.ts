import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { BenchOptions, SuiteName } from './bench-options.js';
import type { SuiteReport } from './bench-report.js';

/** The compiled API (api/dist/ when run by `npm run bench`), where the servers under test start from. */
export const API_DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `bench-results/` at the repository root, whatever the working directory. */
export const RESULTS_DIR = path.resolve(API_DIST_DIR, '../../bench-results');

/** What every suite gets from the bench runner. */
export interface BenchContext {
  readonly options: BenchOptions;
  /** Folder for this run's log files and scratch data. */
  readonly resultsDir: string;
  /** Progress for the operator, one line at a time. */
  readonly print: (line: string) => void;
}

/**
 * One group of rows of the report, measured against its own baseline in the same run (DESIGN
 * §7). Later suites (import, export, recap, console first load) implement this too.
 */
export interface BenchSuite {
  readonly name: SuiteName;
  run(context: BenchContext): Promise<SuiteReport>;
}
