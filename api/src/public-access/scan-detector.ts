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
  /** Clients remembered at most (least recently seen forgotten first). */
  readonly maxClients?: number;
  /** Walks tracked per client and pattern, so interleaving two walks does not hide them. */
  readonly walksPerPattern?: number;
  /** Key of the hashes that stand in for NIK digits; a fresh random key by default. */
  readonly key?: Buffer;
}

/** One walk: the hash of the digits that stay fixed, and where it has got to. */
interface Walk {
  readonly group: string;
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

/**
 * Spots clients that walk consecutive NIKs through Cek NIK (DESIGN §6.3), for an alert. Pure
 * and synchronous; the caller logs and audits what it returns.
 *
 * It keeps no NIK in clear: only a keyed hash of the digits a walk holds fixed (the first 12
 * for a serial walk; the region, sex and serial for a date walk) plus the one number that
 * moves (the serial, or the birth date as a day number). A walk must keep its direction, so a
 * family checking twins' NIKs back and forth does not look like one. Memory is bounded by an
 * LRU over clients.
 */
export class ScanDetector {
  private readonly now: () => number;
  private readonly threshold: number;
  private readonly maxStep: number;
  private readonly alertWindowMs: number;
  private readonly idleMs: number;
  private readonly maxClients: number;
  private readonly walksPerPattern: number;
  private readonly key: Buffer;
  /** By client IP; Map order is least recently seen first. */
  private readonly clients = new Map<string, ClientState>();

  constructor(options: ScanDetectorOptions = {}) {
    this.now = options.now ?? Date.now;
    this.threshold = options.threshold ?? 5;
    this.maxStep = options.maxStep ?? 3;
    this.alertWindowMs = options.alertWindowMs ?? 3_600_000;
    this.idleMs = options.idleMs ?? 3_600_000;
    this.maxClients = options.maxClients ?? 20_000;
    this.walksPerPattern = options.walksPerPattern ?? 4;
    this.key = options.key ?? randomBytes(32);
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
      this.hash(`S${nik.slice(0, 12)}`),
      Number(nik.slice(12, 16)),
      now,
    );
    const encodedDay = Number(nik.slice(6, 8));
    const isFemale = encodedDay > FEMALE_DAY_OFFSET;
    const dateCount = this.advance(
      client.dateWalks,
      this.hash(`D${nik.slice(0, 6)}${isFemale ? 'P' : 'L'}${nik.slice(12, 16)}`),
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
    return this.clients.size;
  }

  private clientState(clientIp: string): ClientState {
    const known = this.clients.get(clientIp);
    if (known) {
      // Re-inserting moves the client to the most recently seen end.
      this.clients.delete(clientIp);
      this.clients.set(clientIp, known);
      return known;
    }

    const fresh: ClientState = {
      serialWalks: [],
      dateWalks: [],
      lastSerialAlertAt: -Infinity,
      lastDateAlertAt: -Infinity,
    };
    this.clients.set(clientIp, fresh);
    if (this.clients.size > this.maxClients) {
      const oldest = this.clients.keys().next();
      if (!oldest.done) this.clients.delete(oldest.value);
    }

    return fresh;
  }

  /** Continues the walk of `group` with `value` (or starts one); returns its length. */
  private advance(walks: Walk[], group: string, value: number, now: number): number {
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

  private hash(text: string): string {
    return createHmac('sha256', this.key).update(text).digest('base64url').slice(0, 22);
  }
}

/**
 * The NIK's birth date (day of month, then MMYY) as days since 1970. YY 50–99 are read as
 * 19YY and 00–49 as 20YY: any fixed reading serves, as only the distance between two dates
 * matters, and this one keeps 31-12-99 next to 01-01-00.
 */
function dayNumber(day: number, monthYear: string): number {
  const month = Number(monthYear.slice(0, 2));
  const twoDigitYear = Number(monthYear.slice(2, 4));
  const year = twoDigitYear >= 50 ? 1900 + twoDigitYear : 2000 + twoDigitYear;

  return Date.UTC(year, month - 1, day) / DAY_MS;
}
