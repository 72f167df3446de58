/**
 * A small, fast pseudo-random generator for synthetic data (sfc32: 128 bits of state, 32-bit
 * output). The voter generator draws several numbers per row for millions of rows, so it needs
 * something far cheaper than faker per call, and it must give the same sequence on every
 * machine and Node version: only 32-bit integer arithmetic (`Math.imul`, `>>> 0`) is used, and
 * floats are derived from integers, never from `Math.random`.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` is any non-negative safe integer; its high and low 32 bits both count. */
  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError('Seed must be a non-negative whole number');
    }

    // Spread the seed over the state with splitmix32 so that seeds 1 and 2 start far apart.
    let mix = (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
    const next = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();

    // The first outputs of sfc32 still echo the seed; discard them.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** A whole number in [0, 2^32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;

    return t >>> 0;
  }

  /** A number in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4_294_967_296;
  }

  /** A whole number in [0, bound); `bound` at most 2^32. */
  nextInt(bound: number): number {
    return Math.floor(this.nextFloat() * bound);
  }

  /** A whole number in [min, max], both ends included. */
  nextIntBetween(min: number, max: number): number {
    return min + this.nextInt(max - min + 1);
  }

  /** True with the given probability (0–1). */
  chance(probability: number): boolean {
    return this.nextFloat() < probability;
  }

  /** One element of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.nextInt(items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list');

    return item;
  }
}

/**
 * A fixed list of choices with relative weights, prepared once so that each draw costs one
 * random number and a short scan.
 */
export class WeightedChoice<T> {
  private readonly values: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const positive = entries.filter(([, weight]) => weight > 0);
    if (positive.length === 0) throw new RangeError('A weighted choice needs a positive weight');

    this.values = positive.map(([value]) => value);
    this.cumulative = new Float64Array(positive.length);
    let running = 0;
    positive.forEach(([, weight], index) => {
      running += weight;
      this.cumulative[index] = running;
    });
    this.total = running;
  }

  draw(random: SeededRandom): T {
    const target = random.nextFloat() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }

    return this.values[low] as T;
  }
}

/**
 * A stable 32-bit hash of a string (FNV-1a), for properties that should depend on a place
 * rather than on the seed — the number of RWs in a kelurahan, its share of the kecamatan.
 */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }

  return hash >>> 0;
}
