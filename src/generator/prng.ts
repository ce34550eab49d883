/**
 * Seeded pseudo-random numbers for the simulation.
 *
 * sfc32 is small, fast and passes PractRand; every entity gets its own stream derived from
 * (seed, stream id) so that results never depend on chunking or on the order in which
 * accounts are simulated.
 */
function splitmix32(state: number): number {
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

export class Rng {
  /**
   * The four state words, in an Int32Array rather than four fields: with pointer compression
   * (Chromium, not Node) a small integer holds only 31 bits, so int32 fields became boxed
   * doubles there, and uint32() was neither inlined nor cheap (a fifth of the simulation's
   * time in a profile of the browser worker).
   */
  private readonly s = new Int32Array(4);

  /** `tag` names the kind of entity (accounts, users, events), `stream` its index. */
  constructor(seed: number, stream = 0, tag = 0) {
    // splitmix32 expands the integers into four well-mixed state words (written out, not as
    // a closure: tens of thousands of streams are created per dataset).
    let z = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(stream | 0, 0x85ebca6b) ^ Math.imul(tag | 0, 0xc2b2ae35)) >>> 0;
    for (let i = 0; i < 4; i++) {
      z = (z + 0x9e3779b9) >>> 0;
      this.s[i] = splitmix32(z);
    }
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  bernoulli(p: number): boolean {
    return this.float() < p;
  }

  /** Standard normal (Box-Muller; the second value is discarded to keep the stream simple). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  logNormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.normal());
  }

  exponential(rate: number): number {
    return -Math.log(1 - this.float()) / rate;
  }

  /** Number of failures before the first success; p in (0, 1]. */
  geometric(p: number): number {
    if (p >= 1) return 0;
    return Math.floor(Math.log(1 - this.float()) / Math.log(1 - p));
  }

  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    return this.poissonBelow(Math.exp(-lambda));
  }

  /** poisson(lambda) for 0 < lambda <= 30 given exp(-lambda): callers drawing often with one lambda keep the exponential. */
  poissonBelow(limit: number): number {
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k++;
      p *= this.float();
    }
    return k;
  }

  /** Index drawn from a guided table: the same index as pick(table.cumulative), found in a step or two. */
  pickGuided(table: GuidedTable): number {
    const cumulative = table.cumulative;
    const u = this.float();
    const x = u * cumulative[cumulative.length - 1]!;
    let i = table.guide[(u * GUIDE_BUCKETS) | 0]!;
    const last = cumulative.length - 1;
    while (i < last && cumulative[i]! <= x) i++;
    return i;
  }

  /** Index drawn from cumulative weights (last entry is the total). */
  pick(cumulative: Float64Array): number {
    const x = this.float() * (cumulative[cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    out[i] = sum;
  }
  return out;
}

const GUIDE_BUCKETS = 64;

/**
 * Cumulative weights with a guide table (the "indexed search" of Chen and Asau): for each of
 * 64 equal slices of [0, 1), the first index a draw in that slice can give. A draw then scans
 * up from there, usually zero or one step, instead of a binary search's mispredicted branches.
 * One table per account: the sums are a plain array, not a Float64Array, whose separate
 * backing store cost a microsecond or more each in a browser worker.
 */
export interface GuidedTable {
  readonly cumulative: readonly number[];
  readonly guide: Uint8Array;
}

export function guidedTable(weights: readonly number[]): GuidedTable {
  const cumulative = new Array<number>(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i]!;
    cumulative[i] = sum;
  }
  // 64 bytes: small enough for V8 to keep it on the heap, unlike the cumulative sums as doubles.
  const guide = new Uint8Array(GUIDE_BUCKETS);
  let i = 0;
  for (let b = 0; b < GUIDE_BUCKETS; b++) {
    // A draw u in slice b has u >= b / 64, so (rounding being monotonic) u * total >= the
    // slice's threshold and its index is at least this one: the scan upward finds pick()'s index.
    const threshold = (b / GUIDE_BUCKETS) * sum;
    while (i < cumulative.length - 1 && cumulative[i]! <= threshold) i++;
    guide[b] = i;
  }
  return { cumulative, guide };
}

/** A categorical distribution over labels, ready for repeated draws. */
export interface Categorical<T extends string> {
  readonly labels: readonly T[];
  readonly cumulative: Float64Array;
}

export function categorical<T extends string>(weights: Readonly<Record<T, number>>): Categorical<T> {
  const labels = Object.keys(weights) as T[];
  return { labels, cumulative: cumulative(labels.map((l) => weights[l])) };
}

/** Stream tags: each entity kind draws from its own family of streams. */
export const STREAM_TAG = { accounts: 1, users: 2, events: 3, lifecycle: 4, support: 5, dirt: 6, sales: 7, purchases: 8 } as const;

/**
 * Rare events at rate p without a random draw per trial: the gap to the next hit is drawn
 * once per hit (geometric), so checking costs a decrement. Used for story 9's dirt.
 */
export class Occurrence {
  private left: number;

  constructor(
    private readonly rng: Rng,
    private readonly p: number,
  ) {
    this.left = p > 0 ? rng.geometric(p) : Infinity;
  }

  hit(): boolean {
    if (this.left-- > 0) return false;
    this.left = this.rng.geometric(this.p);
    return true;
  }
}
