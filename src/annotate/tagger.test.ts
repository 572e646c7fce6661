import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tagger, TagExtra } from './tagger.js';
import { trainTagger, evaluateTagger } from './tagger-train.js';
import { parseTreebank } from './treebank.js';
import { TINY_CONLLU } from './tiny-treebank.fixture.js';
import { UPOS_TAGS } from '../text/doc.js';
import { mulberry32 } from '../learn/perceptron.js';

const tiny = parseTreebank(TINY_CONLLU);

test('a tagger trained on a tiny treebank fits it', () => {
  const tagger = trainTagger(tiny, null, { epochs: 10, xposBits: 12, uposBits: 12, minCount: 1 });
  const sc = evaluateTagger(tagger, tiny);
  assert.equal(sc.upos, 100);
  assert.equal(sc.xpos, 100);
});

test('training is deterministic given the seed', () => {
  const a = trainTagger(tiny, null, { epochs: 3, xposBits: 10, uposBits: 10, seed: 9 });
  const b = trainTagger(tiny, null, { epochs: 3, xposBits: 10, uposBits: 10, seed: 9 });
  assert.deepEqual(Array.from(a.xp.weights), Array.from(b.xp.weights));
});

test('a quantized round trip tags the same as the float model', () => {
  const tagger = trainTagger(tiny, null, { epochs: 5, xposBits: 12, uposBits: 12 });
  const back = Tagger.decode(tagger.encode(8));
  for (const s of tiny) {
    const n = s.forms.length;
    const [x1, u1, x2, u2] = [new Int32Array(n), new Uint8Array(n), new Int32Array(n), new Uint8Array(n)];
    tagger.tagWords(s.forms, x1, u1);
    back.tagWords(s.forms, x2, u2);
    assert.deepEqual(Array.from(u2, (u) => UPOS_TAGS[u]), Array.from(u1, (u) => UPOS_TAGS[u]));
    assert.deepEqual(Array.from(x2), Array.from(x1));
  }
});

test('memoized per-word scores tag exactly as scoring every row (quantized and float)', () => {
  const tagger = trainTagger(tiny, null, { epochs: 5, xposBits: 12, uposBits: 12, extra: TagExtra.UnkIds });
  for (const model of [tagger, Tagger.decode(tagger.encode(8))]) {
    // A word repeated in one sentence is scored from the memo after its first occurrence; each sentence is also
    // tagged by a fresh tagger, whose memo is empty, and both must agree.
    const words = ['The', 'talks', 'resume', '.', 'The', 'talks', 'were', 'suspended', '.'];
    const n = words.length;
    const [x1, u1, x2, u2] = [new Int32Array(n), new Uint8Array(n), new Int32Array(n), new Uint8Array(n)];
    model.tagWords(words, x1, u1);
    model.tagWords(words, x1, u1);
    new Tagger(model.meta, model.xp.weights, model.up.weights).tagWords(words, x2, u2);
    assert.deepEqual(Array.from(x1), Array.from(x2));
    assert.deepEqual(Array.from(u1), Array.from(u2));
  }
});

test('with TagExtra.UnkIds, unknown words that share affixes and shape get the same tags whatever their form', () => {
  const cases: [string, string][] = [['Glorbations', 'Glozzations'], ['blorking', 'blozking'], ['hexameral', 'hexuneral']];
  // Random weights everywhere, so that any feature that saw the form itself would move the scores.
  const rand = mulberry32(5);
  const noisy = (t: Tagger, extra: number): Tagger => new Tagger(
    { ...t.meta, extra },
    Float32Array.from(t.xp.weights, () => rand() - 0.5),
    Float32Array.from(t.up.weights, () => rand() - 0.5),
  );
  const base = trainTagger(tiny, null, { epochs: 1, xposBits: 10, uposBits: 10 });
  const tag = (t: Tagger, w: string): number[] => {
    const words = ['The', w, 'said', 'talks', 'would', 'resume', '.'];
    const x = new Int32Array(words.length), u = new Uint8Array(words.length);
    t.tagWords(words, x, u);
    return [...x, ...u];
  };
  const anon = noisy(base, TagExtra.UnkIds), named = noisy(base, 0);
  let differ = 0;
  for (const [a, b] of cases) {
    assert.deepEqual(tag(anon, a), tag(anon, b), `${a} vs ${b}`);
    if (tag(named, a).join() !== tag(named, b).join()) differ++;
  }
  // The control: without UnkIds the same random model does tell some of these forms apart.
  assert.ok(differ > 0);
});
