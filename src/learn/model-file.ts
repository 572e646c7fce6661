// Binary model format: a versioned header, JSON metadata and little-endian typed arrays, optionally quantized.
//
// Layout:  "PRLYMODL" (8 bytes) | u32 format version | u32 metadata byte length | metadata JSON (UTF-8)
//          | zero padding to a multiple of 8 | array payloads, each starting on an 8-byte boundary.
// The metadata JSON holds the caller's own `meta` object plus one descriptor per array (name, dtype, length,
// byte offset, and for quantized float arrays the scale that maps stored integers back to floats). Arrays are
// little-endian on disk; on a little-endian host they are views on the file bytes (no copy, so loading a model
// is a read plus a JSON.parse). Quantization is symmetric linear per array: for perceptron weights the argmax is
// unchanged by a common scale, so int8/int16 weights can be scored directly without dequantizing.
// A model file may also be that buffer gzipped (`compressModel`): hashed weight tables are mostly zeros and
// small integers, so a 15 MB tagger ships as ~1.2 MB; `decodeModel` recognizes the gzip magic and inflates it
// (tens of milliseconds), so readers need not know which form they were given.
import { gunzipSync, gzipSync } from 'node:zlib';

export const MODEL_MAGIC = 'PRLYMODL';
export const MODEL_FORMAT_VERSION = 1;

export type DType = 'f32' | 'f64' | 'i8' | 'i16' | 'i32' | 'u8' | 'u16' | 'u32';
export type TypedArray =
  | Float32Array | Float64Array | Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

interface ArrayDescriptor {
  name: string;
  dtype: DType;
  length: number;
  offset: number;
  /** For a quantized float array: stored value × scale ≈ original value. */
  scale?: number;
}

interface Header {
  meta: unknown;
  arrays: ArrayDescriptor[];
}

export interface ModelArrayInput {
  name: string;
  data: TypedArray;
  /** Store a Float32Array as int8 or int16 (symmetric linear quantization). */
  quantize?: 8 | 16;
  /** Quantile of |w| mapped to the largest integer; larger weights are clipped. Default 1 (no clipping). */
  clipQuantile?: number;
}

export interface ModelArray {
  data: TypedArray;
  /** 1 unless the array was quantized; multiply stored values by it to recover floats. */
  scale: number;
}

export interface DecodedModel<M = unknown> {
  version: number;
  meta: M;
  arrays: Map<string, ModelArray>;
}

export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

const CTORS = {
  f32: Float32Array, f64: Float64Array, i8: Int8Array, i16: Int16Array, i32: Int32Array,
  u8: Uint8Array, u16: Uint16Array, u32: Uint32Array,
} as const;

function dtypeOf(a: TypedArray): DType {
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Int8Array) return 'i8';
  if (a instanceof Int16Array) return 'i16';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Uint8Array) return 'u8';
  if (a instanceof Uint16Array) return 'u16';
  return 'u32';
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function quantile(abs: Float32Array, q: number): number {
  if (q >= 1) {
    let m = 0;
    for (let i = 0; i < abs.length; i++) if (abs[i] > m) m = abs[i];
    return m;
  }
  const nz: number[] = [];
  for (let i = 0; i < abs.length; i++) if (abs[i] !== 0) nz.push(abs[i]);
  if (nz.length === 0) return 0;
  nz.sort((a, b) => a - b);
  return nz[Math.min(nz.length - 1, Math.floor(q * nz.length))];
}

function quantizeArray(data: Float32Array, bits: 8 | 16, clipQ: number): { q: Int8Array | Int16Array; scale: number } {
  const maxInt = bits === 8 ? 127 : 32767;
  const abs = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) abs[i] = Math.abs(data[i]);
  const top = quantile(abs, clipQ);
  const scale = top > 0 ? top / maxInt : 1;
  const q = bits === 8 ? new Int8Array(data.length) : new Int16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = Math.round(data[i] / scale);
    q[i] = v > maxInt ? maxInt : v < -maxInt ? -maxInt : v;
  }
  return { q, scale };
}

/** Serializes metadata and arrays into one buffer. */
export function encodeModel(meta: unknown, arrays: readonly ModelArrayInput[]): Uint8Array {
  const stored: { desc: ArrayDescriptor; data: TypedArray }[] = [];
  const names = new Set<string>();
  for (const a of arrays) {
    if (names.has(a.name)) throw new ModelFormatError(`duplicate array name "${a.name}"`);
    names.add(a.name);
    let data = a.data;
    let scale: number | undefined;
    if (a.quantize) {
      if (!(data instanceof Float32Array)) throw new ModelFormatError(`array "${a.name}": only f32 arrays can be quantized`);
      const r = quantizeArray(data, a.quantize, a.clipQuantile ?? 1);
      data = r.q;
      scale = r.scale;
    }
    const desc: ArrayDescriptor = { name: a.name, dtype: dtypeOf(data), length: data.length, offset: 0 };
    if (scale !== undefined) desc.scale = scale;
    stored.push({ desc, data });
  }
  // Offsets are relative to the start of the payload, so the header can be sized before they are known.
  let off = 0;
  for (const s of stored) {
    s.desc.offset = off;
    off += Math.ceil(s.data.byteLength / 8) * 8;
  }
  const payloadBytes = off;
  const header: Header = { meta, arrays: stored.map((s) => s.desc) };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headBytes = Math.ceil((16 + json.length) / 8) * 8;
  const out = new Uint8Array(headBytes + payloadBytes);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MODEL_MAGIC.charCodeAt(i);
  dv.setUint32(8, MODEL_FORMAT_VERSION, true);
  dv.setUint32(12, json.length, true);
  out.set(json, 16);
  for (const s of stored) {
    const bytes = new Uint8Array(s.data.buffer, s.data.byteOffset, s.data.byteLength);
    const at = headBytes + s.desc.offset;
    out.set(bytes, at);
    if (!LITTLE_ENDIAN) swapInPlace(out, at, s.data.byteLength, s.data.BYTES_PER_ELEMENT);
  }
  return out;
}

function swapInPlace(b: Uint8Array, at: number, len: number, width: number): void {
  if (width === 1) return;
  for (let i = at; i < at + len; i += width) {
    for (let j = 0; j < width >> 1; j++) {
      const t = b[i + j];
      b[i + j] = b[i + width - 1 - j];
      b[i + width - 1 - j] = t;
    }
  }
}

/** The encoded model gzipped at the highest level; deterministic for the same input (no name or time in it). */
export function compressModel(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes, { level: 9 }));
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parses a model buffer; arrays are zero-copy views when the host is little-endian and the buffer aligned. */
export function decodeModel<M = unknown>(bytes: Uint8Array, what = 'model'): DecodedModel<M> {
  if (isGzip(bytes)) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes));
    } catch (err) {
      throw new ModelFormatError(`${what}: corrupt compressed model (${(err as Error).message})`);
    }
  }
  if (bytes.length < 16) throw new ModelFormatError(`${what}: too short to be a Parley model (${bytes.length} bytes)`);
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== MODEL_MAGIC.charCodeAt(i)) throw new ModelFormatError(`${what}: not a Parley model (bad magic)`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = dv.getUint32(8, true);
  if (version !== MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(`${what}: model format version ${version} is not supported (this build reads ${MODEL_FORMAT_VERSION})`);
  }
  const jsonLen = dv.getUint32(12, true);
  if (16 + jsonLen > bytes.length) throw new ModelFormatError(`${what}: truncated header`);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + jsonLen))) as Header;
  } catch {
    throw new ModelFormatError(`${what}: metadata is not valid JSON`);
  }
  if (!header || !Array.isArray(header.arrays)) throw new ModelFormatError(`${what}: metadata has no array table`);
  const headBytes = Math.ceil((16 + jsonLen) / 8) * 8;
  const arrays = new Map<string, ModelArray>();
  for (const d of header.arrays) {
    const Ctor = CTORS[d.dtype];
    if (!Ctor) throw new ModelFormatError(`${what}: array "${d.name}" has unknown dtype ${String(d.dtype)}`);
    const byteLen = d.length * Ctor.BYTES_PER_ELEMENT;
    const at = headBytes + d.offset;
    if (at + byteLen > bytes.length) throw new ModelFormatError(`${what}: array "${d.name}" runs past the end of the file`);
    const abs = bytes.byteOffset + at;
    let data: TypedArray;
    if (LITTLE_ENDIAN && abs % Ctor.BYTES_PER_ELEMENT === 0) {
      data = new Ctor(bytes.buffer as ArrayBuffer, abs, d.length);
    } else {
      const copy = bytes.slice(at, at + byteLen);
      if (!LITTLE_ENDIAN) swapInPlace(copy, 0, byteLen, Ctor.BYTES_PER_ELEMENT);
      data = new Ctor(copy.buffer as ArrayBuffer, 0, d.length);
    }
    arrays.set(d.name, { data, scale: d.scale ?? 1 });
  }
  return { version, meta: header.meta as M, arrays };
}

/** The named array, or a ModelFormatError naming what is missing. */
export function requireArray(model: DecodedModel, name: string, what = 'model'): ModelArray {
  const a = model.arrays.get(name);
  if (!a) throw new ModelFormatError(`${what}: missing array "${name}"`);
  return a;
}
