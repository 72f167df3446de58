import { createHash } from 'node:crypto';

import type { Logger } from '../logging/logger.js';
import {
  DEFAULT_PUBLIC_LIMITS,
  PUBLIC_ACTIONS,
  type LimitScope,
  type PublicAction,
  type PublicLimits,
  type RateLimitRule,
} from './rate-limit-rule.js';
import type { CounterDelta, CounterStore } from './rate-limit-store.js';
import { WriteBehind } from './write-behind.js';

export type { LimitScope, PublicAction, PublicLimits, RateLimitRule } from './rate-limit-rule.js';

/** The answer of `consume`: admitted, or refused by the first limit that is used up. */
export type LimitDecision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /** The most specific limit that refused: IP before NIK before GLOBAL. */
      readonly scope: LimitScope;
      /** Seconds until every limit that refused has a new window. */
      readonly retryAfterSeconds: number;
      /**
       * Whether this is this process's first refusal by that counter in its window: the caller
       * audits a trip once, not once per refused request.
       */
      readonly isFirstRefusal: boolean;
    };

export interface PublicRateLimiterOptions {
  readonly store: CounterStore;
  readonly log: Logger;
  readonly limits?: PublicLimits;
  /** Epoch milliseconds; injected so tests can move time. */
  readonly now?: () => number;
  /** How often local hits are pushed to the store and the totals read back. */
  readonly syncIntervalMs?: number;
  /** How often expired counters are deleted from the store. */
  readonly purgeIntervalMs?: number;
  /** Counters held in memory at most; beyond it the oldest windows' counters are dropped. */
  readonly maxKeys?: number;
  /**
   * Local hits a counter needs in its window before this process shares it. At 2 (the
   * default) the counters of NIKs and addresses seen once, which are most of them, never
   * cost a database row; 1 shares every hit.
   */
  readonly minHitsToShare?: number;
}

/** One counter of the current window. */
interface Counter {
  /** Total in the store at the last read-back (every process's hits, including ours). */
  shared: number;
  /** Hits admitted here since the last push. */
  pending: number;
  /** Hits pushed by the sync under way, not yet in `shared`. */
  inFlight: number;
  /** Hits admitted by this process in this window. */
  localHits: number;
  /** Its key in the store, made at its first sync and kept: it is the same all window. */
  key: string | null;
  /** Whether the counter is on its window's list of counters to push. */
  isDirty: boolean;
  /** Whether this counter has refused a request in this window already. */
  hasRefused: boolean;
}

/** The counters of one limit (action × scope) in its current window. */
interface Window {
  readonly start: number;
  readonly end: number;
  /** Key suffix: the window start in epoch seconds. */
  readonly suffix: string;
  /** By client IP, NIK hash or GLOBAL_ID; insertion order is creation order. */
  readonly counters: Map<string, Counter>;
  dirty: { readonly id: string; readonly counter: Counter }[];
}

interface Limit {
  readonly rule: RateLimitRule;
  readonly windowMs: number;
  /** `${action}:${scope}:` */
  readonly prefix: string;
  /** Global limits hold one counter per window and are never evicted. */
  readonly isGlobal: boolean;
  window: Window;
}

const ALLOWED: LimitDecision = Object.freeze({ allowed: true });
const GLOBAL_ID = 'all';
/** Longest id kept verbatim in a counter key; longer ones are hashed to fit the 120-char column. */
const MAX_ID_LENGTH = 64;
/** Share of `maxKeys` an eviction frees at once, so a flood of new keys does not evict on every call. */
const EVICTION_SHARE = 0.1;

/**
 * The public rate limits (DESIGN §6.3): per client IP, per NIK across all IPs, and global, in
 * fixed windows, shared by every API process through a CounterStore.
 *
 * `consume` runs on the hottest path of the system, so it never waits on the database: it
 * decides from the shared total read at the last sync plus the hits admitted here since. Every
 * `syncIntervalMs` a background sync pushes the local hits in one multi-row upsert and reads
 * back the totals of the counters it pushed: one row per counter in use, not one round trip
 * per request. Two economies keep that cheap under election-week load, where most requests
 * bring a new NIK: a counter is shared only from its `minHitsToShare`-th local hit (a NIK
 * checked once by this process costs no row), and only counters with new hits are read back.
 *
 * What that costs in accuracy: a process learns the others' hits on a counter at the sync
 * after its own hits on it, so before it sees a counter used up it may admit up to
 * `minHitsToShare - 1` hits plus those of one interval. Across P processes a limit can be
 * exceeded by at most P × (minHitsToShare − 1 + hits one process admits on that counter per
 * interval), and (unless a flood of new keys forces evictions) never by more than
 * (P − 1) × points. With one process there is no lag at all.
 *
 * A failing store is logged and the limiter keeps limiting with what it has (its own hits are
 * kept and pushed once the store answers again): a database hiccup neither opens the public
 * service to unlimited lookups nor closes it.
 */
export class PublicRateLimiter {
  private readonly store: CounterStore;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly purgeIntervalMs: number;
  private readonly maxKeys: number;
  private readonly minHitsToShare: number;
  private readonly limits: Readonly<Record<PublicAction, readonly [Limit, Limit, Limit]>>;
  private readonly allLimits: readonly Limit[];
  private keyCount = 0;
  private readonly syncJob: WriteBehind;
  private lastPurgeAt: number;
  private isStoreFailing = false;

  constructor(options: PublicRateLimiterOptions) {
    this.store = options.store;
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.syncJob = new WriteBehind(
      () => this.runSync().catch((error: unknown) => this.noteStoreFailure(error)),
      options.syncIntervalMs ?? 200,
    );
    this.purgeIntervalMs = options.purgeIntervalMs ?? 60_000;
    this.maxKeys = options.maxKeys ?? 250_000;
    this.minHitsToShare = options.minHitsToShare ?? 2;
    this.lastPurgeAt = this.now();

    const configured = options.limits ?? DEFAULT_PUBLIC_LIMITS;
    const now = this.now();
    const limit = (action: PublicAction, scope: LimitScope, rule: RateLimitRule): Limit => {
      const windowMs = rule.windowSeconds * 1000;
      return {
        rule,
        windowMs,
        prefix: `${action}:${scope}:`,
        isGlobal: scope === 'GLOBAL',
        window: windowAt(now, windowMs),
      };
    };
    const limitsOf = (action: PublicAction): readonly [Limit, Limit, Limit] => {
      const { perIp, perNik, global } = configured[action];
      return [
        limit(action, 'IP', perIp),
        limit(action, 'NIK', perNik),
        limit(action, 'GLOBAL', global),
      ];
    };
    this.limits = {
      CEK_NIK: limitsOf('CEK_NIK'),
      REGISTRATION_STATUS: limitsOf('REGISTRATION_STATUS'),
      REGISTRATION_SUBMIT: limitsOf('REGISTRATION_SUBMIT'),
    };
    this.allLimits = PUBLIC_ACTIONS.flatMap((action) => this.limits[action]);
  }

  /**
   * Admits one request or refuses it, synchronously and from memory. A refused request counts
   * against no limit, so a client that keeps hammering recovers when its window ends.
   * `nikHash` is null when the request carries no valid NIK: only the IP and global limits apply.
   */
  consume(action: PublicAction, clientIp: string, nikHash: string | null): LimitDecision {
    const now = this.now();
    const [ipLimit, nikLimit, globalLimit] = this.limits[action];
    const ipWindow = this.currentWindow(ipLimit, now);
    const nikWindow = nikHash === null ? null : this.currentWindow(nikLimit, now);
    const globalWindow = this.currentWindow(globalLimit, now);

    const ip = ipWindow.counters.get(clientIp);
    const nik =
      nikWindow === null || nikHash === null ? undefined : nikWindow.counters.get(nikHash);
    const global = globalWindow.counters.get(GLOBAL_ID);
    const isIpFull = isFull(ip, ipLimit);
    const isNikFull = isFull(nik, nikLimit);
    const isGlobalFull = isFull(global, globalLimit);
    if (isIpFull || isNikFull || isGlobalFull) {
      const refusing = isIpFull ? ip : isNikFull ? nik : global;
      const isFirstRefusal = refusing !== undefined && !refusing.hasRefused;
      if (refusing) refusing.hasRefused = true;
      const windowEnd = Math.max(
        isIpFull ? ipWindow.end : 0,
        isNikFull && nikWindow ? nikWindow.end : 0,
        isGlobalFull ? globalWindow.end : 0,
      );

      return {
        allowed: false,
        scope: isIpFull ? 'IP' : isNikFull ? 'NIK' : 'GLOBAL',
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now) / 1000)),
        isFirstRefusal,
      };
    }

    this.hit(ipWindow, clientIp, ip);
    if (nikWindow && nikHash !== null) this.hit(nikWindow, nikHash, nik);
    this.hit(globalWindow, GLOBAL_ID, global);

    return ALLOWED;
  }

  /** Starts the background sync. */
  start(): void {
    this.syncJob.start();
  }

  /** Stops the background sync after a last push of the local hits. */
  stop(): Promise<void> {
    return this.syncJob.stop();
  }

  /** Pushes the local hits and reads the totals back now; never rejects (failures are logged). */
  flush(): Promise<void> {
    return this.syncJob.flush();
  }

  /** Counters held in memory, for tests and health figures. */
  get heldKeyCount(): number {
    return this.keyCount;
  }

  private async runSync(): Promise<void> {
    const now = this.now();
    const batch: { limit: Limit; window: Window; id: string; counter: Counter }[] = [];
    const deltas: CounterDelta[] = [];
    for (const limit of this.allLimits) {
      const window = this.currentWindow(limit, now);
      for (const { id, counter } of window.dirty) {
        counter.isDirty = false;
        counter.inFlight = counter.pending;
        counter.pending = 0;
        batch.push({ limit, window, id, counter });
        counter.key ??= `${limit.prefix}${storedId(id)}:${window.suffix}`;
        deltas.push({ key: counter.key, hits: counter.inFlight, expiresAt: window.end });
      }
      window.dirty = [];
    }

    if (deltas.length > 0) {
      try {
        const totals = await this.store.addAndRead(deltas);
        batch.forEach(({ counter }, index) => {
          const total = totals.get(deltas[index]?.key ?? '') ?? 0;
          // Never lower a count within its window, even if the row vanished meanwhile.
          counter.shared = Math.max(total, counter.shared + counter.inFlight);
          counter.inFlight = 0;
        });
        this.noteStoreRecovered();
      } catch (error: unknown) {
        // Keep the hits for the next sync, unless their window has ended meanwhile.
        for (const { limit, window, id, counter } of batch) {
          counter.pending += counter.inFlight;
          counter.inFlight = 0;
          if (limit.window === window && !counter.isDirty) {
            counter.isDirty = true;
            window.dirty.push({ id, counter });
          }
        }
        this.noteStoreFailure(error);
      }
    }

    if (now - this.lastPurgeAt >= this.purgeIntervalMs) {
      this.lastPurgeAt = now;
      try {
        await this.store.purgeExpired(now);
      } catch (error: unknown) {
        this.noteStoreFailure(error);
      }
    }
  }

  /** The limit's window at `now`, rolling over (and dropping the old counters) when it ended. */
  private currentWindow(limit: Limit, now: number): Window {
    if (now >= limit.window.end) {
      this.keyCount -= limit.window.counters.size;
      limit.window = windowAt(now, limit.windowMs);
    }

    return limit.window;
  }

  private hit(window: Window, id: string, existing: Counter | undefined): void {
    let counter = existing;
    if (!counter) {
      if (this.keyCount >= this.maxKeys) this.evict();
      counter = {
        shared: 0,
        pending: 0,
        inFlight: 0,
        localHits: 0,
        key: null,
        isDirty: false,
        hasRefused: false,
      };
      window.counters.set(id, counter);
      this.keyCount += 1;
    }
    counter.pending += 1;
    counter.localHits += 1;
    if (!counter.isDirty && counter.localHits >= this.minHitsToShare) {
      counter.isDirty = true;
      window.dirty.push({ id, counter });
    }
  }

  /**
   * Frees a tenth of the cap from the window that started earliest (global counters aside),
   * oldest counters first. A dropped counter's hits that were due to be shared still reach
   * the store (its window's dirty list holds them), and a counter made again for its next hit
   * reads the shared total back at the next sync: what is lost is the local view, briefly.
   */
  private evict(): void {
    let toFree = Math.max(1, Math.ceil(this.maxKeys * EVICTION_SHARE));
    while (toFree > 0) {
      const candidates = this.allLimits.filter(
        (limit) => !limit.isGlobal && limit.window.counters.size > 0,
      );
      if (candidates.length === 0) return;
      const oldest = candidates.reduce((a, b) => (b.window.start < a.window.start ? b : a));
      for (const id of oldest.window.counters.keys()) {
        oldest.window.counters.delete(id);
        this.keyCount -= 1;
        toFree -= 1;
        if (toFree === 0) break;
      }
    }
  }

  private noteStoreFailure(error: unknown): void {
    if (this.isStoreFailing) return;
    this.isStoreFailing = true;
    // Class and driver code only: a driver message can quote the counter keys (IPs, hashes).
    this.log.warn(
      {
        errorClass: error instanceof Error ? error.name : typeof error,
        errorCode: (error as { code?: unknown } | null)?.code,
      },
      'rate-limit counters could not be synced; limiting with local counts',
    );
  }

  private noteStoreRecovered(): void {
    if (!this.isStoreFailing) return;
    this.isStoreFailing = false;
    this.log.info('rate-limit counters synced again');
  }
}

function windowAt(now: number, windowMs: number): Window {
  const start = Math.floor(now / windowMs) * windowMs;

  return {
    start,
    end: start + windowMs,
    suffix: String(start / 1000),
    counters: new Map(),
    dirty: [],
  };
}

function isFull(counter: Counter | undefined, limit: Limit): boolean {
  return (
    counter !== undefined &&
    counter.shared + counter.inFlight + counter.pending >= limit.rule.points
  );
}

function storedId(id: string): string {
  return id.length <= MAX_ID_LENGTH ? id : createHash('sha256').update(id).digest('hex');
}
