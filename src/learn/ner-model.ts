// Minimal binary model file for a hashed perceptron: "PRLM" magic, a JSON header, then the non-zero weight rows
// quantised to Int16 (written because the nlp branch's shared model-file format is not on this branch yet).
//
// Layout (little endian): bytes 0-3 "PRLM"; uint32 header length H; H bytes of UTF-8 JSON
// {format, classes, bits, scale, rows, ...meta}; padding to 4 bytes; uint32[rows] row numbers (ascending);
// int16[rows * classes] weights (value = int16 * scale).
import { Perceptron, fnv1a } from './perceptron.js';

export interface ModelHeader {
  format: 'parley-perceptron@1';
  classes: number;
  bits: number;
  scale: number;
  rows: number;
  [meta: string]: unknown;
}

/** Encodes the model, dropping rows whose weights all quantise to zero. */
export function encodeModel(p: Perceptron, meta: Record<string, unknown> = {}): Uint8Array {
  const n = p.nClasses, w = p.weights, nRows = 1 << p.bits;
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const keep: number[] = [];
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < n; c++) {
      if (Math.round(w[r * n + c] / scale) !== 0) { keep.push(r); break; }
    }
  }
  const header: ModelHeader = { ...meta, format: 'parley-perceptron@1', classes: n, bits: p.bits, scale, rows: keep.length };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headEnd = 8 + json.length;
  const pad = (4 - (headEnd % 4)) % 4;
  const total = headEnd + pad + keep.length * 4 + keep.length * n * 2;
  const buf = new ArrayBuffer(total);
  const bytes = new Uint8Array(buf);
  const view = new DataView(buf);
  bytes.set([0x50, 0x52, 0x4c, 0x4d], 0);
  view.setUint32(4, json.length, true);
  bytes.set(json, 8);
  let off = headEnd + pad;
  for (const r of keep) { view.setUint32(off, r, true); off += 4; }
  for (const r of keep) {
    for (let c = 0; c < n; c++) { view.setInt16(off, Math.round(w[r * n + c] / scale), true); off += 2; }
  }
  return bytes;
}

/** What a tagger needs from a model: feature rows and class scores (a Perceptron or a CompactModel). */
export interface ScoringModel {
  readonly nClasses: number;
  rows(features: readonly string[], out?: number[]): number[];
  /** Classes with some positive weight (a class never gold in training has only negative or zero weights, so it
   *  would win wherever every real class scores below zero). */
  activeClasses(): boolean[];
  /** Rows of features given by their FNV-1a hashes. */
  rowsOfHashes(hashes: readonly number[], out?: number[]): number[];
  scores(rows: readonly number[], scores?: Float64Array): Float64Array;
}

/**
 * Run-time form of a decoded model: only the non-zero rows, packed, with a bucket → packed-row index. A few MB
 * instead of 2^bits × classes floats, so scoring mostly hits the CPU cache; features in empty buckets are dropped.
 */
export class CompactModel implements ScoringModel {
  readonly nClasses: number;
  private readonly mask: number;
  constructor(readonly bits: number, nClasses: number, private readonly index: Int32Array, private readonly weights: Float32Array) {
    this.nClasses = nClasses;
    this.mask = (1 << bits) - 1;
  }
  rows(features: readonly string[], out: number[] = []): number[] {
    out.length = 0;
    for (const f of features) {
      const k = this.index[fnv1a(f) & this.mask];
      if (k >= 0) out.push(k * this.nClasses);
    }
    return out;
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
    scores.fill(0);
    const w = this.weights, n = this.nClasses;
    for (const r of rows) for (let c = 0; c < n; c++) scores[c] += w[r + c];
    return scores;
  }
}

export function decodeCompact(bytes: Uint8Array): { model: CompactModel; header: ModelHeader } {
  const { view, header, off: start } = readHeader(bytes);
  const n = header.classes;
  const index = new Int32Array(1 << header.bits).fill(-1);
  let off = start;
  for (let k = 0; k < header.rows; k++) { index[view.getUint32(off, true)] = k; off += 4; }
  const weights = new Float32Array(header.rows * n);
  for (let i = 0; i < weights.length; i++) { weights[i] = view.getInt16(off, true) * header.scale; off += 2; }
  return { model: new CompactModel(header.bits, n, index, weights), header };
}

function readHeader(bytes: Uint8Array): { view: DataView; header: ModelHeader; off: number } {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'PRLM') throw new Error('not a Parley perceptron model (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen))) as ModelHeader;
  if (header.format !== 'parley-perceptron@1') throw new Error(`unsupported model format ${String(header.format)}`);
  const headEnd = 8 + hlen;
  return { view, header, off: headEnd + ((4 - (headEnd % 4)) % 4) };
}

export function decodeModel(bytes: Uint8Array): { model: Perceptron; header: ModelHeader } {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'PRLM') throw new Error('not a Parley perceptron model (bad magic)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hlen = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + hlen))) as ModelHeader;
  if (header.format !== 'parley-perceptron@1') throw new Error(`unsupported model format ${String(header.format)}`);
  const n = header.classes;
  const p = new Perceptron(n, header.bits);
  const headEnd = 8 + hlen;
  let off = headEnd + ((4 - (headEnd % 4)) % 4);
  const rows: number[] = [];
  for (let k = 0; k < header.rows; k++) { rows.push(view.getUint32(off, true)); off += 4; }
  for (const r of rows) {
    for (let c = 0; c < n; c++) { p.weights[r * n + c] = view.getInt16(off, true) * header.scale; off += 2; }
  }
  return { model: p, header };
}
