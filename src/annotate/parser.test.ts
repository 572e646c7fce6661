import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser, PARSER_FEATURES, tagHash, uposHash, type ParserMeta } from './parser.js';
import { trainParser, goldTags, evaluateParser } from './parser-train.js';
import { parseTreebank, isProjective } from './treebank.js';
import { mulberry32 } from '../learn/perceptron.js';
import { TINY_CONLLU } from './tiny-treebank.fixture.js';

const tiny = parseTreebank(TINY_CONLLU);
const LABELS = [...new Set(['root', ...tiny.flatMap((s) => s.deprels)])].sort();

function freshParser(bits = 12): Parser {
  const meta: ParserMeta = { kind: 'parser', features: PARSER_FEATURES, labels: LABELS, transBits: bits, labelBits: bits };
  return new Parser(meta);
}

/** One root, every other token headed inside the sentence, and no cycles. */
function assertTree(heads: Int32Array): void {
  const n = heads.length;
  assert.equal(heads.filter((h) => h === -1).length, 1, `exactly one root in [${heads}]`);
  for (let i = 0; i < n; i++) {
    assert.ok(heads[i] >= -1 && heads[i] < n && heads[i] !== i, `head of ${i} in range`);
    let j = i, steps = 0;
    while (heads[j] !== -1) {
      j = heads[j];
      assert.ok(++steps <= n, `cycle through token ${i} in [${heads}]`);
    }
  }
}

test('the dynamic oracle rebuilds every gold projective tree exactly', () => {
  const p = freshParser();
  p.trans.beginTraining();
  p.lab.beginTraining();
  const tags = goldTags(tiny);
  tiny.forEach((s, k) => {
    assert.ok(isProjective(s.heads));
    const n = s.forms.length;
    const gold = { heads: Int32Array.from(s.heads, (h) => (h < 0 ? n : h)), labels: Int32Array.from(s.deprels, (d) => LABELS.indexOf(d)) };
    const r = p.parse(p.inputFor(s.forms, tags[k]), gold, { explore: 0, rand: mulberry32(1) });
    assert.deepEqual(Array.from(r.heads), Array.from(s.heads), s.forms.join(' '));
  });
});

const shapes: { name: string; n: number }[] = [
  { name: 'one word', n: 1 }, { name: 'two words', n: 2 }, { name: 'a long sentence', n: 60 },
];
for (const { name, n } of shapes) {
  test(`parses of ${name} are well-formed trees, even with random weights`, () => {
    for (const seed of [1, 2, 3]) {
      const p = freshParser(10);
      const rand = mulberry32(seed);
      const w = p.trans.weights;
      for (let i = 0; i < w.length; i++) w[i] = rand() - 0.5;
      const words = Array.from({ length: n }, (_, i) => `w${i % 7}`);
      const x = Int32Array.from(words, (_, i) => tagHash(['NN', 'VB', 'DT'][i % 3], 8));
      const r = p.parse(p.inputFor(words, { x, u: Int32Array.from(x, (_, i) => uposHash(i % 3)) }));
      assertTree(r.heads);
      assert.ok(r.labels.every((l) => l >= 0 && l < LABELS.length));
    }
  });
}

test('the root word gets the root relation and nothing else does', () => {
  const parser = trainParser(tiny, goldTags(tiny), null, null, { epochs: 10, transBits: 14, labelBits: 14 });
  const r = parser.parse(parser.inputFor(tiny[0].forms, goldTags(tiny)[0]));
  r.heads.forEach((h, i) => assert.equal(parser.meta.labels[r.labels[i]] === 'root', h === -1));
});

test('a parser trained on a tiny treebank fits it, subtyped labels included', () => {
  const parser = trainParser(tiny, goldTags(tiny), null, null, { epochs: 15, transBits: 14, labelBits: 14, seed: 5 });
  const sc = evaluateParser(parser, tiny, goldTags(tiny));
  assert.equal(sc.uas, 100);
  assert.equal(sc.las, 100);
});

test('encode/decode keeps the parses of a trained parser', () => {
  const parser = trainParser(tiny, goldTags(tiny), null, null, { epochs: 10, transBits: 14, labelBits: 14 });
  const back = Parser.decode(parser.encode(16));
  const tags = goldTags(tiny);
  tiny.forEach((s, k) => {
    assert.deepEqual(Array.from(back.parse(back.inputFor(s.forms, tags[k])).heads), Array.from(parser.parse(parser.inputFor(s.forms, tags[k])).heads));
  });
});

test('a parse does not depend on the sentences parsed before it (per-sentence sums are rebuilt)', () => {
  const rand = mulberry32(7);
  const randomParser = (): Parser => {
    const p = freshParser(10);
    const r = mulberry32(3);
    for (const w of [p.trans.weights, p.lab.weights]) for (let i = 0; i < w.length; i++) w[i] = r() - 0.5;
    return p;
  };
  const sentence = (n: number): { words: string[]; x: Int32Array; u: Int32Array } => {
    const words = Array.from({ length: n }, () => `w${Math.floor(rand() * 9)}`);
    const u = Int32Array.from(words, () => Math.floor(rand() * 5));
    return { words, x: Int32Array.from(u, (v) => tagHash(['NN', 'VB', 'DT', 'IN', 'JJ'][v], v)), u: Int32Array.from(u, uposHash) };
  };
  const warm = randomParser();
  for (const n of [40, 3, 25, 1, 12]) {
    const s = sentence(n);
    const cold = randomParser();
    const a = warm.parse(warm.inputFor(s.words, { x: s.x, u: s.u }));
    const b = cold.parse(cold.inputFor(s.words, { x: s.x, u: s.u }));
    assert.deepEqual(Array.from(a.heads), Array.from(b.heads), `${n} words`);
    assert.deepEqual(Array.from(a.labels), Array.from(b.labels), `${n} words`);
  }
});
