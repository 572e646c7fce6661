// Minimal binary model file for a hashed perceptron: "PRLM" magic, a JSON header, then the non-zero weight rows
// quantised to Int16 (written because the nlp branch's shared model-file format is not on this branch yet).
//
// Layout (little endian): bytes 0-3 "PRLM"; uint32 header length H; H bytes of UTF-8 JSON
// {format, classes, bits, scale, rows, ...meta}; padding to 4 bytes; uint32[rows] row numbers (ascending);
// int16[rows * classes] weights (value = int16 * scale).
import { Perceptron } from './perceptron.js';

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
