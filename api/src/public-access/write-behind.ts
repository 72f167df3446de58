/**
 * A write-behind job: `work` runs every `intervalMs` and on `flush()`, never two at once (a slow
 * database makes each run larger, never piles runs up). The timer does not keep a finished
 * process alive. `work` must not reject: it logs its own failures and keeps what it could not
 * write for the next run.
 */
export class WriteBehind {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer after a last run. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Runs now. A run under way may have started before the caller's last change: wait, then run again. */
  async flush(): Promise<void> {
    await this.running;
    await this.run();
  }

  private run(): Promise<void> {
    this.running ??= this.work().finally(() => {
      this.running = null;
    });

    return this.running;
  }
}
