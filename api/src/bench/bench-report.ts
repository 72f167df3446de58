import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { BenchDatabaseInfo } from './bench-database.js';

/** Latency percentiles of a run, in milliseconds. */
export interface LatencyMs {
  readonly p50: number;
  readonly p97_5: number;
  readonly p99: number;
}

/** One measurement of one row, e.g. the baseline in round 2. */
export interface RunReport {
  /** 1-based. */
  readonly round: number;
  /** The row's figure for this run, in the row's unit. */
  readonly value: number;
  /** Only valid runs count towards the median. */
  readonly isValid: boolean;
  readonly latencyMs?: LatencyMs;
  /** 1-minute load average when the run began: other work on the machine shows here. */
  readonly loadAverage: number;
  /** What was counted during the run: completed requests, errors, answers checked… */
  readonly counts: Readonly<Record<string, number>>;
}

/** One line of the table: a variant measured in every round. */
export interface RowReport {
  /** Stable key for the JSON, e.g. 'kaliber-apollo'. */
  readonly id: string;
  /** What the table shows, e.g. 'Kaliber, jalur Apollo'. */
  readonly label: string;
  /** Unit of `value` and `median`, e.g. 'req/s'. */
  readonly unit: string;
  readonly runs: readonly RunReport[];
  /** Median of the valid runs' values; null when no run was valid. */
  readonly median: number | null;
  /** Per-percentile medians over the valid runs, when the row measures latency. */
  readonly latencyMsMedian: LatencyMs | null;
  /** Every run was valid. */
  readonly isValid: boolean;
}

/**
 * A ratio of two rows of the same suite, measured in the same bench run. With a `minimum` it is
 * a target of DESIGN §7; without one it is shown for information.
 */
export interface TargetReport {
  readonly label: string;
  readonly rowId: string;
  readonly baselineRowId: string;
  /** median(row) / median(baseline), rounded to 2 decimals; null when either has no figure. */
  readonly ratio: number | null;
  /**
   * row / baseline within each round where both runs were valid, rounded to 2 decimals: their
   * spread shows how much the machine's noise moved the ratio.
   */
  readonly roundRatios: readonly number[];
  readonly minimum: number | null;
  /** 'invalid' when a run of either row had errors: such a ratio proves nothing. */
  readonly verdict: 'pass' | 'fail' | 'invalid' | 'info';
}

export interface SuiteReport {
  /** The `--only` name, e.g. 'cek-nik'. */
  readonly name: string;
  readonly title: string;
  /** What the suite measured on: request mix, document sent, server settings… */
  readonly setup: Readonly<Record<string, unknown>>;
  readonly rows: readonly RowReport[];
  readonly targets: readonly TargetReport[];
}

export interface BenchReport {
  readonly name: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly database: BenchDatabaseInfo;
  readonly settings: {
    readonly voters: number;
    readonly durationSeconds: number;
    readonly warmupSeconds: number;
    readonly connections: number;
    readonly rounds: number;
  };
  readonly suites: readonly SuiteReport[];
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly platform: string;
  readonly node: string;
  /** 1-minute load average when the bench began: a busy machine lowers every figure. */
  readonly loadAverageAtStart: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();

  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: loadAverageNow(),
  };
}

/** The 1-minute load average, rounded to 2 decimals. */
export function loadAverageNow(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
}

/** Builds a row from its runs: medians over the valid runs only. */
export function summarizeRow(
  id: string,
  label: string,
  unit: string,
  runs: readonly RunReport[],
): RowReport {
  const valid = runs.filter((run) => run.isValid);
  const latencies = valid.flatMap((run) => (run.latencyMs ? [run.latencyMs] : []));

  return {
    id,
    label,
    unit,
    runs,
    median: valid.length > 0 ? median(valid.map((run) => run.value)) : null,
    latencyMsMedian:
      latencies.length > 0
        ? {
            p50: median(latencies.map((latency) => latency.p50)),
            p97_5: median(latencies.map((latency) => latency.p97_5)),
            p99: median(latencies.map((latency) => latency.p99)),
          }
        : null,
    isValid: runs.length > 0 && valid.length === runs.length,
  };
}

/** The ratio of two rows' medians, judged against `minimum` (or shown only, when null). */
export function compareRows(
  label: string,
  row: RowReport,
  baseline: RowReport,
  minimum: number | null,
): TargetReport {
  const ratio =
    row.median !== null && baseline.median !== null ? ratioOf(row.median, baseline.median) : null;
  const roundRatios = row.runs.flatMap((run) => {
    const base = baseline.runs.find((other) => other.round === run.round);
    const value = base?.isValid && run.isValid ? ratioOf(run.value, base.value) : null;
    return value === null ? [] : [value];
  });
  const verdict =
    minimum === null
      ? 'info'
      : ratio === null || !row.isValid || !baseline.isValid
        ? 'invalid'
        : ratio >= minimum
          ? 'pass'
          : 'fail';

  return { label, rowId: row.id, baselineRowId: baseline.id, ratio, roundRatios, minimum, verdict };
}

function ratioOf(value: number, baseline: number): number | null {
  return baseline > 0 ? Math.round((value / baseline) * 100) / 100 : null;
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The median of nothing is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The report as the plain-text table the bench prints at the end. */
export function formatReport(report: BenchReport): string {
  const { machine, database, settings } = report;
  const lines = [
    '',
    `Kaliber bench ${report.name}`,
    `Mesin: ${machine.cpus} CPU (${machine.cpuModel}), Node ${machine.node}, ` +
      `${database.serverVersion}, buffer pool ${Math.round(database.bufferPoolBytes / 2 ** 20)} MiB, ` +
      `beban awal ${machine.loadAverageAtStart}`,
    `${formatCount(settings.voters)} pemilih, ${settings.connections} koneksi, ` +
      `${settings.rounds} putaran × ${settings.durationSeconds} s (pemanasan ${settings.warmupSeconds} s dibuang)`,
  ];

  for (const suite of report.suites) {
    lines.push('', suite.title, ...formatRows(suite.rows));
    if (suite.rows.some((row) => !row.isValid)) {
      lines.push('! putaran tidak sah (ada galat): tidak dihitung dalam median');
    }
    lines.push('');
    for (const target of suite.targets) lines.push(formatTarget(target, suite.rows));
  }

  return `${lines.join('\n')}\n`;
}

function formatRows(rows: readonly RowReport[]): string[] {
  const header = ['varian', 'median', 'per putaran', 'p50 ms', 'p97.5 ms', 'p99 ms', 'galat'];
  const table = rows.map((row) => [
    row.label,
    row.median === null ? '—' : `${formatCount(row.median)} ${row.unit}`,
    row.runs.map((run) => `${formatCount(run.value)}${run.isValid ? '' : '!'}`).join(' '),
    formatLatency(row.latencyMsMedian?.p50),
    formatLatency(row.latencyMsMedian?.p97_5),
    formatLatency(row.latencyMsMedian?.p99),
    formatProblems(row.runs),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...table.map((cells) => (cells[column] ?? '').length)),
  );
  const format = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();

  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...table.map(format)];
}

/** Counts that make a run invalid, summed over the runs; '0' when there were none. */
function formatProblems(runs: readonly RunReport[]): string {
  const totals = new Map<string, number>();
  for (const run of runs) {
    for (const [name, count] of Object.entries(run.counts)) {
      if (PROBLEM_COUNTS.has(name) && count > 0) totals.set(name, (totals.get(name) ?? 0) + count);
    }
  }
  if (totals.size === 0) return '0';

  return [...totals].map(([name, count]) => `${count} ${name}`).join(', ');
}

/** Run counts that are failures (the others, such as `completed` or `sampled`, are not). */
const PROBLEM_COUNTS = new Set(['errors', 'timeouts', 'non2xx', 'graphqlErrors', 'wrongAnswers']);

function formatTarget(target: TargetReport, rows: readonly RowReport[]): string {
  const labelOf = (id: string) => rows.find((row) => row.id === id)?.label ?? id;
  const ratio = target.ratio === null ? '—' : target.ratio.toFixed(2);
  const perRound =
    target.roundRatios.length > 1
      ? ` (per putaran ${target.roundRatios.map((value) => value.toFixed(2)).join(' ')})`
      : '';
  const comparison = `${labelOf(target.rowId)} / ${labelOf(target.baselineRowId)} = ${ratio}${perRound}`;
  switch (target.verdict) {
    case 'info': {
      const rowsValid = [target.rowId, target.baselineRowId].every(
        (id) => rows.find((row) => row.id === id)?.isValid === true,
      );
      return `${target.label}: ${comparison} (tanpa target${rowsValid ? '' : '; ada putaran tidak sah'})`;
    }
    case 'pass':
    case 'fail':
      return `${target.label}: ${comparison}, target ≥ ${target.minimum?.toFixed(2)}: ${target.verdict === 'pass' ? 'LULUS' : 'GAGAL'}`;
    case 'invalid':
      return `${target.label}: ${comparison}, target ≥ ${target.minimum?.toFixed(2)}: TIDAK SAH (ada putaran dengan galat)`;
    default: {
      const unknown: never = target.verdict;
      throw new Error(`Unknown verdict ${String(unknown)}`);
    }
  }
}

function formatLatency(value: number | undefined): string {
  return value === undefined ? '—' : String(Math.round(value * 10) / 10);
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Writes the report as `<dir>/<name>.json` and returns the path. */
export function writeReport(dir: string, report: BenchReport): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  return file;
}
