import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Perceptron, mulberry32, shuffleInPlace, fmix, mix } from './perceptron.js';

// Three classes separable by which "keyword" feature is present, plus noise features shared by all.
function dataset(): { feats: string[]; label: number }[] {
  const out: { feats: string[]; label: number }[] = [];
  const rand = mulberry32(7);
  for (let i = 0; i < 300; i++) {
    const label = i % 3;
    out.push({ feats: [`kw=${label}`, `noise=${Math.floor(rand() * 5)}`, 'bias'], label });
  }
  return out;
}

function train(seed: number): Perceptron {
  const p = new Perceptron(3, 12);
  p.beginTraining();
  const data = dataset();
  const rand = mulberry32(seed);
  for (let ep = 0; ep < 5; ep++) {
    shuffleInPlace(data, rand);
    for (const ex of data) {
      const rows = p.rows(ex.feats);
      p.tick();
      p.update(rows, ex.label, p.predict(rows));
    }
  }
  p.average();
  return p;
}

test('learns a small separable problem perfectly', () => {
  const p = train(1);
  for (const ex of dataset()) assert.equal(p.predict(p.rows(ex.feats)), ex.label);
});

test('training is deterministic given the seed', () => {
  assert.deepEqual(Array.from(train(3).weights), Array.from(train(3).weights));
});

test('numeric rows score the same as the string-feature API', () => {
  const p = train(1);
  const rows = [p.row(fmix(mix(1, 2))), p.row(fmix(mix(3, 4)))];
  const a = p.scoreInto(rows, 2, new Float64Array(3));
  const b = p.scores(rows);
  assert.deepEqual(Array.from(a), Array.from(b));
});

test('averagedCopy matches average() without ending training', () => {
  const p = new Perceptron(2, 8);
  p.beginTraining();
  const rows = p.rows(['x']);
  for (let i = 0; i < 4; i++) { p.tick(); p.update(rows, i % 2, 1 - (i % 2)); }
  const copy = p.averagedCopy();
  p.average();
  assert.deepEqual(Array.from(copy), Array.from(p.weights));
});
