// Compact run-time form of a hashed perceptron (the NER model), stored in the shared model container
// (model-file.ts): only the rows with some non-zero quantised weight, plus the bucket number of each row.
//
// Arrays in the container: "buckets" (u32, ascending bucket of each kept row) and "weights" (i8 or i16,
// rows × classes, quantised by model-file.ts). Scores are computed on the stored integers (the argmax of a
// perceptron is unchanged by a common scale), with the perceptron's own scoring loop.
import { Perceptron, scoreRowsInto, fnv1a, type PerceptronWeights } from './perceptron.js';
import { decodeModel, encodeModel, requireArray, ModelFormatError } from './model-file.js';

export interface CompactMeta {
  kind: string;
  classes: number;
  bits: number;
  [meta: string]: unknown;
}

/** What a tagger needs from a model: feature rows and class scores. */
export interface ScoringModel {
  readonly nClasses: number;
  /** Classes with some positive weight (a class never gold in training has only negative or zero weights, so it
   *  would win wherever every real class scores below zero). */
  activeClasses(): boolean[];
  /** Row offsets of features given by their FNV-1a hashes; features in empty buckets are dropped. */
  rowsOfHashes(hashes: readonly number[], out?: number[]): number[];
  scores(rows: readonly number[], scores?: Float64Array): Float64Array;
}

/**
 * Only the non-zero rows, packed, with a bucket → packed-row index: a few MB instead of 2^bits × classes weights,
 * so scoring mostly hits the CPU cache.
 */
export class CompactModel implements ScoringModel {
  readonly nClasses: number;
  private readonly mask: number;
  private readonly index: Int32Array;
  constructor(readonly bits: number, nClasses: number, buckets: Uint32Array, private readonly weights: PerceptronWeights) {
    this.nClasses = nClasses;
    this.mask = (1 << bits) - 1;
    this.index = new Int32Array(1 << bits).fill(-1);
    for (let k = 0; k < buckets.length; k++) this.index[buckets[k]] = k;
  }
  /** Row offsets of feature strings (the training-time path; run time hashes parts, see rowsOfHashes). */
  rows(features: readonly string[], out: number[] = []): number[] {
    return this.rowsOfHashes(features.map((f) => fnv1a(f)), out);
  }
  activeClasses(): boolean[] {
    const out = new Array<boolean>(this.nClasses).fill(false);
    const w = this.weights, n = this.nClasses;
    for (let i = 0; i < w.length; i++) if (w[i] > 0) out[i % n] = true;
    return out;
  }
  rowsOfHashes(hashes: readonly number[], out: number[] = []): number[] {
    out.length = 0;
    for (const h of hashes) {
      const k = this.index[h & this.mask];
      if (k >= 0) out.push(k * this.nClasses);
    }
    return out;
  }
  scores(rows: readonly number[], scores = new Float64Array(this.nClasses)): Float64Array {
    return scoreRowsInto(this.weights, this.nClasses, rows, rows.length, scores);
  }
}

export interface EncodeOptions {
  quantize?: 8 | 16;
  /** Quantile of |w| mapped to the largest integer (larger weights clipped); see model-file.ts. */
  clipQuantile?: number;
}

/** Encodes a trained perceptron, keeping only rows that have a weight still non-zero after quantisation. */
export function encodeCompact(p: Perceptron, meta: Record<string, unknown>, opts: EncodeOptions = {}): Uint8Array {
  const n = p.nClasses, w = p.weights;
  const quantize = opts.quantize ?? 16;
  // quantise the whole matrix once through the container, then keep the rows it left non-zero
  const probe = decodeModel(encodeModel({}, [{ name: 'w', data: w as Float32Array, quantize, clipQuantile: opts.clipQuantile }]));
  const q = requireArray(probe, 'w').data as Int8Array | Int16Array;
  const keep: number[] = [];
  for (let r = 0; r < 1 << p.bits; r++) {
    for (let c = 0; c < n; c++) if (q[r * n + c] !== 0) { keep.push(r); break; }
  }
  const packed = quantize === 8 ? new Int8Array(keep.length * n) : new Int16Array(keep.length * n);
  keep.forEach((r, k) => packed.set(q.subarray(r * n, r * n + n), k * n));
  const full: CompactMeta = { ...meta, kind: String(meta.kind ?? 'perceptron'), classes: n, bits: p.bits };
  return encodeModel(full, [
    { name: 'buckets', data: Uint32Array.from(keep) },
    { name: 'weights', data: packed },
  ]);
}

export function decodeCompact<M extends CompactMeta = CompactMeta>(bytes: Uint8Array, what = 'model'): { model: CompactModel; meta: M } {
  const m = decodeModel<M>(bytes, what);
  if (!m.meta || typeof m.meta.bits !== 'number' || typeof m.meta.classes !== 'number') throw new ModelFormatError(`${what}: not a compact perceptron`);
  const buckets = requireArray(m, 'buckets', what).data as Uint32Array;
  const weights = requireArray(m, 'weights', what).data as PerceptronWeights;
  if (weights.length !== buckets.length * m.meta.classes) throw new ModelFormatError(`${what}: weights do not match ${buckets.length} rows × ${m.meta.classes} classes`);
  return { model: new CompactModel(m.meta.bits, m.meta.classes, buckets, weights), meta: m.meta };
}
