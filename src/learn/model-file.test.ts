import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeModel, decodeModel, compressModel, ModelFormatError, MODEL_FORMAT_VERSION } from './model-file.js';

test('round-trips metadata and typed arrays of every width exactly', () => {
  const arrays = {
    f32: Float32Array.of(1.5, -2.25, 0, 3e-7),
    f64: Float64Array.of(Math.PI, -1e300),
    i8: Int8Array.of(-128, 0, 127),
    i16: Int16Array.of(-32768, 5, 32767),
    i32: Int32Array.of(-(2 ** 31), 7),
    u8: Uint8Array.of(0, 1, 255),
    u16: Uint16Array.of(65535),
    u32: Uint32Array.of(2 ** 32 - 1, 0, 9),
  };
  const meta = { kind: 'test', labels: ['a', 'b'], nested: { x: 1 } };
  const bytes = encodeModel(meta, Object.entries(arrays).map(([name, data]) => ({ name, data })));
  const m = decodeModel(bytes);
  assert.equal(m.version, MODEL_FORMAT_VERSION);
  assert.deepEqual(m.meta, meta);
  for (const [name, data] of Object.entries(arrays)) {
    const got = m.arrays.get(name);
    assert.ok(got, name);
    assert.equal(got.data.constructor, data.constructor, name);
    assert.deepEqual(Array.from(got.data), Array.from(data), name);
    assert.equal(got.scale, 1);
  }
});

test('quantized arrays come back as integers whose scale recovers the floats', () => {
  const data = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
  for (const [bits, tol] of [[8, 3 / 127], [16, 3 / 32767]] as const) {
    const m = decodeModel(encodeModel({}, [{ name: 'w', data, quantize: bits }]));
    const w = m.arrays.get('w')!;
    assert.ok(bits === 8 ? w.data instanceof Int8Array : w.data instanceof Int16Array);
    for (let i = 0; i < data.length; i++) assert.ok(Math.abs(w.data[i] * w.scale - data[i]) <= tol, `bits ${bits} index ${i}`);
  }
});

test('quantizing keeps the order of weights, so argmax decisions survive', () => {
  const data = Float32Array.of(0.1, 0.5, -0.3, 0.49);
  const w = decodeModel(encodeModel({}, [{ name: 'w', data, quantize: 8 }])).arrays.get('w')!.data;
  assert.ok(w[1] > w[3] && w[3] > w[0] && w[0] > w[2]);
});

test('arrays decoded from an unaligned buffer are copied, not misread', () => {
  const bytes = encodeModel({}, [{ name: 'x', data: Float64Array.of(1.25, 2.5) }]);
  const shifted = new Uint8Array(bytes.length + 1);
  shifted.set(bytes, 1);
  assert.deepEqual(Array.from(decodeModel(shifted.subarray(1)).arrays.get('x')!.data), [1.25, 2.5]);
});

test('a compressed model decodes to the same metadata and arrays, and is smaller when weights are sparse', () => {
  const w = new Int8Array(1 << 16);
  for (let i = 0; i < w.length; i += 37) w[i] = (i % 255) - 127;
  const plain = encodeModel({ kind: 'z' }, [{ name: 'w', data: w }, { name: 'f', data: Float32Array.of(0.5, -1) }]);
  const packed = compressModel(plain);
  assert.ok(packed.length < plain.length / 4, `${packed.length} vs ${plain.length}`);
  assert.deepEqual(compressModel(plain), packed, 'deterministic');
  const a = decodeModel(plain), b = decodeModel(packed);
  assert.deepEqual(b.meta, a.meta);
  for (const name of ['w', 'f']) assert.deepEqual(Array.from(b.arrays.get(name)!.data), Array.from(a.arrays.get(name)!.data), name);
});

test('rejects a corrupt compressed model', () => {
  const packed = compressModel(encodeModel({}, [{ name: 'x', data: Float32Array.of(1, 2, 3) }])).slice();
  packed.fill(0xff, 10, packed.length - 8);
  assert.throws(() => decodeModel(packed, 'm.bin'), (e: unknown) => e instanceof ModelFormatError && /^m\.bin: corrupt compressed/.test(e.message));
});

const good = encodeModel({ a: 1 }, [{ name: 'x', data: Float32Array.of(1, 2, 3) }]);
const cases: { name: string; bytes: () => Uint8Array; message: RegExp }[] = [
  { name: 'too short', bytes: () => good.subarray(0, 10), message: /too short/ },
  { name: 'bad magic', bytes: () => { const b = good.slice(); b[0] = 0x58; return b; }, message: /bad magic/ },
  { name: 'newer version', bytes: () => { const b = good.slice(); new DataView(b.buffer).setUint32(8, 99, true); return b; }, message: /version 99 is not supported/ },
  { name: 'truncated header', bytes: () => { const b = good.slice(); new DataView(b.buffer).setUint32(12, 1e6, true); return b; }, message: /truncated header/ },
  { name: 'truncated payload', bytes: () => good.subarray(0, good.length - 8), message: /runs past the end/ },
];
for (const c of cases) {
  test(`rejects a model file with ${c.name}`, () => {
    assert.throws(() => decodeModel(c.bytes(), 'm.bin'), (e: unknown) => e instanceof ModelFormatError && c.message.test(e.message) && e.message.startsWith('m.bin'));
  });
}

test('refuses to quantize integer arrays and duplicate names', () => {
  assert.throws(() => encodeModel({}, [{ name: 'x', data: Int32Array.of(1), quantize: 8 }]), ModelFormatError);
  assert.throws(() => encodeModel({}, [{ name: 'x', data: Int32Array.of(1) }, { name: 'x', data: Int32Array.of(2) }]), ModelFormatError);
});
