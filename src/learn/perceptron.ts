// Averaged multiclass perceptron over hashed sparse features, with weights in one typed array.
//
// Features are strings hashed (FNV-1a, 32 bit) into `buckets` rows; row r holds one weight per class at
// weights[r * nClasses + c]. Hashing keeps the model a fixed size and needs no feature dictionary at run time;
// collisions cost little accuracy at 2^20+ rows. Averaging uses the usual lazy trick: a parallel array of
// summed updates weighted by the time of update, so averaging at the end is O(weights), not O(updates).
// Training is deterministic: the caller decides the example order (shuffle with `mulberry32(seed)`).

export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Small deterministic PRNG for shuffles (training order must be reproducible from a seed). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
  return xs;
}

/** Mixes a value into a running 32-bit hash (murmur3-style); numeric features avoid building strings. */
export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche so that low bits (used as the bucket) depend on every input bit. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Trained weights may be float or quantized integers; scoring works on all three since only the argmax matters. */
export type PerceptronWeights = Float32Array | Int16Array | Int8Array;

/** Sums the weight rows (offsets of their first class) of `n` active features into `scores`. */
export function scoreRowsInto(w: PerceptronWeights, k: number, rows: ArrayLike<number>, n: number, scores: Float64Array): Float64Array {
  scores.fill(0);
  for (let j = 0; j < n; j++) {
    const r = rows[j];
    for (let c = 0; c < k; c++) scores[c] += w[r + c];
  }
  return scores;
}

export class Perceptron {
  readonly nClasses: number;
  readonly bits: number;
  readonly mask: number;
  weights: PerceptronWeights;
  private totals: Float64Array | null = null;
  private stamps: Uint32Array | null = null;
  private time = 0;

  constructor(nClasses: number, bits = 20, weights?: PerceptronWeights) {
    if (!(nClasses > 0 && bits >= 8 && bits <= 28)) throw new RangeError(`bad perceptron shape ${nClasses}x2^${bits}`);
    this.nClasses = nClasses;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    const size = (1 << bits) * nClasses;
    if (weights && weights.length !== size) throw new RangeError(`weights length ${weights.length} != ${size}`);
    this.weights = weights ?? new Float32Array(size);
  }

  /** Row offsets of the features (hash → bucket → first weight of the row). */
  rows(features: readonly string[], out: number[] = []): number[] {
    out.length = 0;
    for (const f of features) out.push((fnv1a(f) & this.mask) * this.nClasses);
    return out;
  }

  /** Class scores for feature rows; `scores` is reused to avoid allocation in hot loops. */
  scores(rows: readonly number[], scores = new Float64Array(this.nClasses)): Float64Array {
    return scoreRowsInto(this.weights, this.nClasses, rows, rows.length, scores);
  }

  predict(rows: readonly number[], allowed?: (c: number) => boolean): number {
    const s = this.scores(rows);
    let best = -1, bestScore = -Infinity;
    for (let c = 0; c < this.nClasses; c++) {
      if (allowed && !allowed(c)) continue;
      if (s[c] > bestScore) { bestScore = s[c]; best = c; }
    }
    return best;
  }

  /** Row offset of a numeric feature hash. */
  row(hash: number): number {
    return (hash & this.mask) * this.nClasses;
  }

  /** Class scores for the first `n` rows of a reusable row buffer (the hot-loop variant of `scores`). */
  scoreInto(rows: ArrayLike<number>, n: number, scores: Float64Array): Float64Array {
    const w = this.weights, k = this.nClasses;
    if (k === 3) {
      // The parser's transition classifier: unrolled, since it runs twice per word.
      let a = 0, b = 0, c = 0;
      for (let j = 0; j < n; j++) {
        const r = rows[j];
        a += w[r]; b += w[r + 1]; c += w[r + 2];
      }
      scores[0] = a; scores[1] = b; scores[2] = c;
      return scores;
    }
    return scoreRowsInto(w, k, rows, n, scores);
  }

  /** Scores only the listed classes (the others are left untouched); much cheaper when few are possible. */
  scoreSubset(rows: ArrayLike<number>, n: number, classes: ArrayLike<number>, scores: Float64Array): Float64Array {
    const w = this.weights, m = classes.length;
    for (let j = 0; j < m; j++) scores[classes[j]] = 0;
    for (let j = 0; j < n; j++) {
      const r = rows[j];
      for (let q = 0; q < m; q++) {
        const c = classes[q];
        scores[c] += w[r + c];
      }
    }
    return scores;
  }

  /** Like `update` for the first `n` rows of a reusable buffer. */
  updateRows(rows: ArrayLike<number>, n: number, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    if (!this.totals || !this.stamps) throw new Error('call beginTraining() before update()');
    for (let j = 0; j < n; j++) {
      this.bump(rows[j] + truth, amount);
      this.bump(rows[j] + guess, -amount);
    }
  }

  /** Starts training mode (allocates the averaging accumulators). */
  beginTraining(): void {
    if (!(this.weights instanceof Float32Array)) throw new Error('cannot train a quantized perceptron');
    this.totals = new Float64Array(this.weights.length);
    this.stamps = new Uint32Array(this.weights.length);
    this.time = 0;
  }

  /** Counts one training example; call before `update` for every example, right or wrong. */
  tick(): void {
    this.time++;
  }

  /** Moves weight toward `truth` and away from `guess` for the given rows. */
  update(rows: readonly number[], truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    if (!this.totals || !this.stamps) throw new Error('call beginTraining() before update()');
    for (const r of rows) {
      this.bump(r + truth, amount);
      this.bump(r + guess, -amount);
    }
  }

  private bump(i: number, delta: number): void {
    const totals = this.totals!, stamps = this.stamps!;
    totals[i] += (this.time - stamps[i]) * this.weights[i];
    stamps[i] = this.time;
    this.weights[i] += delta;
  }

  /** The averaged weights as a new array, leaving training state untouched (to score dev sets between epochs). */
  averagedCopy(): Float32Array {
    const w = this.weights, out = new Float32Array(w.length);
    if (!this.totals || !this.stamps) {
      out.set(w);
      return out;
    }
    const t = Math.max(1, this.time), totals = this.totals, stamps = this.stamps;
    for (let i = 0; i < w.length; i++) out[i] = (totals[i] + (this.time - stamps[i]) * w[i]) / t;
    return out;
  }

  /** Replaces weights by their average over all ticks and leaves training mode. */
  average(): void {
    if (!this.totals || !this.stamps) return;
    const t = Math.max(1, this.time);
    const w = this.weights, totals = this.totals, stamps = this.stamps;
    for (let i = 0; i < w.length; i++) {
      const total = totals[i] + (this.time - stamps[i]) * w[i];
      w[i] = total / t;
    }
    this.totals = null;
    this.stamps = null;
  }
}
