import { afterEach, describe, expect, it, vi } from 'vitest';

import { WriteBehind } from '../src/public-access/write-behind.js';

describe('a write-behind job', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never runs twice at once, and a flush during a run runs once more after it', async () => {
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const job = new WriteBehind(async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      runs += 1;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      running -= 1;
    }, 1_000);

    const first = job.flush();
    await vi.waitFor(() => {
      expect(runs).toBe(1);
    });
    // The first run is under way and may have taken its data already.
    const second = job.flush();
    release();
    await vi.waitFor(() => {
      expect(runs).toBe(2);
    });
    release();
    await Promise.all([first, second]);

    expect(mostAtOnce).toBe(1);
    // The second flush waited for the first run, then ran again: its caller's changes are in.
    expect(runs).toBe(2);
  });

  it('runs on its interval until stopped, with a last run at the stop', async () => {
    vi.useFakeTimers();
    let runs = 0;
    const job = new WriteBehind(() => {
      runs += 1;
      return Promise.resolve();
    }, 100);

    job.start();
    await vi.advanceTimersByTimeAsync(350);
    expect(runs).toBe(3);

    await job.stop();
    expect(runs).toBe(4);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(4);
  });
});
