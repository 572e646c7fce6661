import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Perceptron, fnv1a, mulberry32 } from './perceptron.js';
import { decodeCompact, encodeCompact } from './ner-model.js';
import { ModelFormatError } from './model-file.js';

function trained(seed: number): Perceptron {
  // a sparse random perceptron: most rows stay zero, as in a hashed model
  const p = new Perceptron(5, 10);
  const r = mulberry32(seed);
  for (let k = 0; k < 200; k++) p.weights[Math.floor(r() * p.weights.length)] = (r() - 0.5) * 10;
  return p;
}

test('compact model: only non-zero rows are stored, and scores keep the argmax of the full model', () => {
  const p = trained(7);
  for (const quantize of [16, 8] as const) {
    const { model, meta } = decodeCompact(encodeCompact(p, { kind: 'ner' }, { quantize }));
    assert.equal(meta.classes, 5);
    assert.equal(meta.bits, 10);
    const feats = Array.from({ length: 300 }, (_, i) => `f${i}`);
    let agree = 0;
    for (let i = 0; i + 3 <= feats.length; i += 3) {
      const fs = feats.slice(i, i + 3);
      const full = p.predict(p.rows(fs));
      const s = model.scores(model.rowsOfHashes(fs.map((f) => fnv1a(f))));
      const best = s.indexOf(Math.max(...s));
      // features whose rows are all zero score 0 for every class in both models
      if (Math.max(...s) === 0 && Math.min(...s) === 0) continue;
      if (best === full) agree++;
      else assert.equal(quantize, 8, `int16 must keep the argmax (${fs.join(',')})`);
    }
    assert.ok(agree > 10);
  }
});

test('compact model encoding is deterministic and smaller than the dense weights', () => {
  const a = encodeCompact(trained(3), { kind: 'ner' });
  const b = encodeCompact(trained(3), { kind: 'ner' });
  assert.deepEqual(a, b);
  assert.ok(a.length < (1 << 10) * 5 * 2);
});

test('compact model: a truncated or foreign file is refused with a format error', () => {
  const bytes = encodeCompact(trained(5), { kind: 'ner' });
  assert.throws(() => decodeCompact(bytes.subarray(0, bytes.length - 8)), ModelFormatError);
  assert.throws(() => decodeCompact(new Uint8Array(64)), ModelFormatError);
});
