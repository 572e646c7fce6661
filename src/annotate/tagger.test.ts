import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tagger } from './tagger.js';
import { trainTagger, evaluateTagger } from './tagger-train.js';
import { parseTreebank } from './treebank.js';
import { TINY_CONLLU } from './tiny-treebank.fixture.js';
import { UPOS_TAGS } from '../text/doc.js';

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
