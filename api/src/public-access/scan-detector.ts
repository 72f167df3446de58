import { createHmac, randomBytes } from 'node:crypto';

/**
 * How a client walks the NIK space: serials of one birth date and kecamatan in order (the
 * last four digits ±1…±3 per lookup), or one serial over adjacent birth dates. Both are how a
 * leaked or guessed list is confirmed record by record.
 */
export type ScanPattern = 'CONSECUTIVE_SERIALS' | 'CONSECUTIVE_BIRTH_DATES';

export interface ScanAlert {
  readonly pattern: ScanPattern;
  /** Lookups in the walk so far, this one included. */
  readonly count: number;
}

export interface ScanDetectorOptions {
  /** Epoch milliseconds; injected so tests can move time. */
  readonly now?: () => number;
  /** Steps in one walk that raise an alert. */
  readonly threshold?: number;
  /** Largest step between two lookups that still continues a walk (serials or days). */
  readonly maxStep?: number;
  /** After an alert, the same client and pattern stay quiet this long. */
  readonly alertWindowMs?: number;
  /** A walk not continued for this long starts again from one. */
  readonly idleMs?: number;
  /** Clients remembered at most (those not seen for longest forgotten first). */
  readonly maxClients?: number;
  /** Walks tracked per client and pattern, so interleaving two walks does not hide them. */
  readonly walksPerPattern?: number;
  /** Key of the hashes that stand in for NIK digits; a fresh random key by default. */
  readonly key?: Buffer;
}

/** One walk: the hash of the digits that stay fixed, and where it has got to. */
interface Walk {
  readonly group: number;
  /** The serial, or the birth date as a day number. */
  last: number;
  /** +1 or -1 once the walk has a direction, 0 before. */
  direction: number;
  count: number;
  lastSeenAt: number;
}

interface ClientState {
  readonly serialWalks: Walk[];
  readonly dateWalks: Walk[];
  lastSerialAlertAt: number;
  lastDateAlertAt: number;
}

const DAY_MS = 86_400_000;
const FEMALE_DAY_OFFSET = 40;
/** Digits a serial walk holds fixed: region and birth date. */
const SERIAL_WALK_DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** Digits a birth-date walk holds fixed: region and serial (the sex is hashed in apart). */
const DATE_WALK_DIGITS = [0, 1, 2, 3, 4, 5, 12, 13, 14, 15];

/**
 * Spots clients that walk consecutive NIKs through Cek NIK (DESIGN §6.3), for an alert. Pure
 * and synchronous; the caller logs and audits what it returns.
 *
 * It keeps no NIK in clear: only a keyed hash of the digits a walk holds fixed (the first 12
 * for a serial walk; the region, sex and serial for a date walk) plus the one number that
 * moves (the serial, or the birth date as a day number). A walk must keep its direction, so a
 * family checking twins' NIKs back and forth does not look like one. Memory is bounded by an
 * (approximate, two-generation) LRU over clients.
 */
export class ScanDetector {
  private readonly now: () => number;
  private readonly threshold: number;
  private readonly maxStep: number;
  private readonly alertWindowMs: number;
  private readonly idleMs: number;
  private readonly maxClients: number;
  private readonly walksPerPattern: number;
  /** Seeds of the digit hash, derived from the key. */
  private readonly seeds: readonly [number, number];
  /**
   * By client IP, in two generations: a client seen again moves to `recent`; when `recent`
   * holds half the cap it becomes `older` and the previous `older` is forgotten. An
   * approximate LRU in O(1), where evicting from one Map's front would crawl over the
   * holes its deletions leave.
   */
  private recent = new Map<string, ClientState>();
  private older = new Map<string, ClientState>();

  constructor(options: ScanDetectorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.threshold = options.threshold ?? 5;
    this.maxStep = options.maxStep ?? 3;
    this.alertWindowMs = options.alertWindowMs ?? 3_600_000;
    this.idleMs = options.idleMs ?? 3_600_000;
    this.maxClients = options.maxClients ?? 20_000;
    this.walksPerPattern = options.walksPerPattern ?? 4;
    const seedBytes = createHmac('sha256', options.key ?? randomBytes(32))
      .update('scan-detector')
      .digest();
    this.seeds = [seedBytes.readInt32LE(0), seedBytes.readInt32LE(4)];
  }

  /**
   * Notes one lookup of a valid, normalised 16-digit NIK by a client; returns an alert when
   * this lookup makes a walk of `threshold` steps, at most once per client and pattern per
   * `alertWindowMs`.
   */
  observe(clientIp: string, nik: string): ScanAlert | null {
    const now = this.now();
    const client = this.clientState(clientIp);

    // Both walks advance on every lookup, whichever of them alerts.
    const serialCount = this.advance(
      client.serialWalks,
      this.digitsHash(nik, SERIAL_WALK_DIGITS, 0),
      Number(nik.slice(12, 16)),
      now,
    );
    const encodedDay = Number(nik.slice(6, 8));
    const isFemale = encodedDay > FEMALE_DAY_OFFSET;
    const dateCount = this.advance(
      client.dateWalks,
      this.digitsHash(nik, DATE_WALK_DIGITS, isFemale ? 2 : 1),
      dayNumber(isFemale ? encodedDay - FEMALE_DAY_OFFSET : encodedDay, nik.slice(8, 12)),
      now,
    );

    if (serialCount >= this.threshold && now - client.lastSerialAlertAt >= this.alertWindowMs) {
      client.lastSerialAlertAt = now;
      return { pattern: 'CONSECUTIVE_SERIALS', count: serialCount };
    }
    if (dateCount >= this.threshold && now - client.lastDateAlertAt >= this.alertWindowMs) {
      client.lastDateAlertAt = now;
      return { pattern: 'CONSECUTIVE_BIRTH_DATES', count: dateCount };
    }

    return null;
  }

  /** Clients remembered now, for tests and health figures. */
  get trackedClientCount(): number {
    return this.recent.size + this.older.size;
  }

  private clientState(clientIp: string): ClientState {
    const recent = this.recent.get(clientIp);
    if (recent) return recent;

    const state = this.older.get(clientIp) ?? {
      serialWalks: [],
      dateWalks: [],
      lastSerialAlertAt: -Infinity,
      lastDateAlertAt: -Infinity,
    };
    this.older.delete(clientIp);
    if (this.recent.size >= Math.max(1, Math.floor(this.maxClients / 2))) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(clientIp, state);

    return state;
  }

  /** Continues the walk of `group` with `value` (or starts one); returns its length. */
  private advance(walks: Walk[], group: number, value: number, now: number): number {
    const index = walks.findIndex((walk) => walk.group === group);
    const walk = index >= 0 ? walks[index] : undefined;
    if (!walk || now - walk.lastSeenAt > this.idleMs) {
      if (walk) walks.splice(index, 1);
      walks.push({ group, last: value, direction: 0, count: 1, lastSeenAt: now });
      if (walks.length > this.walksPerPattern) walks.shift();
      return 1;
    }

    // Most recently continued last, so the one dropped when full is the stalest.
    walks.splice(index, 1);
    walks.push(walk);
    walk.lastSeenAt = now;
    const step = value - walk.last;
    const distance = Math.abs(step);
    // The same NIK again neither continues nor breaks a walk.
    if (distance === 0) return walk.count;

    const direction = Math.sign(step);
    if (distance > this.maxStep) {
      walk.count = 1;
      walk.direction = 0;
    } else if (walk.direction === 0 || walk.direction === direction) {
      walk.count += 1;
      walk.direction = direction;
    } else {
      // A turn: the last two lookups are the start of a new walk the other way.
      walk.count = 2;
      walk.direction = direction;
    }
    walk.last = value;

    return walk.count;
  }

  /**
   * A keyed 52-bit hash of some of the NIK's digits (two multiply and xor-shift lanes, seeded from
   * the key), as a number: it runs on every lookup, where two HMACs and their strings cost
   * several times the rest of `observe`. Only equality within one client's few walks matters,
   * so a rare collision merely joins two walks. It keeps the digits out of plain sight (a heap
   * snapshot shows no NIK); it is no defence against someone who can read the process memory,
   * who could read the key as well.
   */
  private digitsHash(nik: string, digits: readonly number[], salt: number): number {
    let first = this.seeds[0] ^ salt;
    let second = this.seeds[1] ^ Math.imul(salt, 0x9e3779b1);
    for (const index of digits) {
      const code = nik.charCodeAt(index);
      first = Math.imul(first ^ code, 0x85ebca6b);
      first ^= first >>> 15;
      second = Math.imul(second ^ code, 0xc2b2ae35);
      second ^= second >>> 13;
    }

    return (mix(first) >>> 0) * 0x100000 + (mix(second) >>> 12);
  }
}

/** The final mixing step of Murmur3: spreads every input bit over the whole word. */
function mix(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);

  return hash ^ (hash >>> 16);
}

/**
 * The NIK's birth date (day of month, then the month and year digits) as days since 1970. YY 50–99 are read as
 * 19YY and 00–49 as 20YY: any fixed reading serves, as only the distance between two dates
 * matters, and this one keeps 31-12-99 next to 01-01-00.
 */
function dayNumber(day: number, monthYear: string): number {
  const month = Number(monthYear.slice(0, 2));
  const twoDigitYear = Number(monthYear.slice(2, 4));
  const year = twoDigitYear >= 50 ? 1900 + twoDigitYear : 2000 + twoDigitYear;

  return Date.UTC(year, month - 1, day) / DAY_MS;
}
