import cliProgress from 'cli-progress';

/** How a long seed or CSV run reports progress. */
export type ProgressMode = 'bar' | 'log' | 'none';

/** The part of a pino logger the seed uses; any `{ info(obj, msg) }` will do. */
export interface SeedLogger {
  info(obj: object, msg?: string): void;
}

export interface ProgressReporter {
  /** `done` rows of the total are finished. */
  update(done: number): void;
  /** The run is over (successfully or not); the bar, if any, is removed from the screen. */
  stop(): void;
}

/** Log lines go out every tenth of the run. */
const LOG_STEPS = 10;

/**
 * `task.name` is an English key for the log ('seed', 'csv'); `task.label` the Indonesian text
 * in front of the bar, which an operator reads. A progress bar on an interactive terminal when `mode` is 'bar'; otherwise (or when stdout
 * is a pipe or a file, where a bar would fill the log with control characters) a log line
 * every ~10 %; nothing for 'none'. Lines carry counts and speed only, never row contents.
 */
export function createProgressReporter(
  mode: ProgressMode,
  total: number,
  task: { readonly name: string; readonly label: string },
  logger: SeedLogger,
): ProgressReporter {
  if (mode === 'none' || total === 0) return { update: () => undefined, stop: () => undefined };

  const startedAt = performance.now();
  if (mode === 'bar' && process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${task.label} |{bar}| {percentage}% | {value}/{total} | {speed} baris/detik | sisa {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { speed: 0 });
    return {
      update: (done) => bar.update(done, { speed: rowsPerSecond(done, startedAt) }),
      stop: () => bar.stop(),
    };
  }

  let nextStep = 1;
  return {
    update(done) {
      if (done * LOG_STEPS < nextStep * total) return;
      while (done * LOG_STEPS >= nextStep * total) nextStep += 1;
      logger.info(
        {
          task: task.name,
          done,
          total,
          percent: Math.floor((done * 100) / total),
          rowsPerSecond: rowsPerSecond(done, startedAt),
        },
        'progress',
      );
    },
    stop: () => undefined,
  };
}

function rowsPerSecond(done: number, startedAt: number): number {
  const seconds = (performance.now() - startedAt) / 1000;

  return seconds > 0 ? Math.round(done / seconds) : 0;
}

/** Used when the caller passes no logger: one JSON line per event on stdout. */
export const stdoutLogger: SeedLogger = {
  info(obj, msg) {
    process.stdout.write(`${JSON.stringify({ msg, ...obj })}\n`);
  },
};
