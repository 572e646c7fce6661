import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc, nerCode } from '../text/doc.js';
import { loadResources } from '../resources/load.js';
import {
  DocMemory, NER_CLASSES, NER_FEATURES, allowedAfter, decodeNerModel, historyFeatures, nerTagsFor, shortShape, spansOf, staticFeatureHashes,
  staticFeatures,
} from './ner.js';
import { Perceptron, fnv1a, mulberry32 } from '../learn/perceptron.js';
import { decodeCompact, encodeCompact } from '../learn/ner-model.js';

const { ner, kb } = loadResources();

function entities(words: string[]): string[] {
  const doc = Doc.fromWords(words);
  ner!.tagDoc(doc, kb);
  const tags = nerTagsFor(doc);
  return spansOf(Array.from(doc.ner)).map(([a, b]) => `${words.slice(a, b).join(' ')}/${tags[a].slice(2)}`);
}

test('the shipped NER model is loaded', () => {
  assert.ok(ner);
});

const cases: [string, string[]][] = [
  ['Iranian Foreign Minister Abbas Araghchi met Omani officials in Muscat on Saturday .', ['Iranian/NORP', 'Abbas Araghchi/PERSON', 'Omani/NORP', 'Muscat/GPE']],
  ['The European Commission said on Thursday it disagreed with German advice .', ['European Commission/ORG', 'German/NORP']],
  ['Peter Blackburn flew from Brussels to the Alps .', ['Peter Blackburn/PERSON', 'Brussels/GPE', 'Alps/LOC']],
  ['The International Atomic Energy Agency said Iran had enriched uranium .', ['International Atomic Energy Agency/ORG', 'Iran/GPE']],
];
for (const [text, want] of cases) {
  test(`NER tags: ${text.slice(0, 40)}`, () => {
    assert.deepEqual(entities(text.split(' ')), want);
  });
}

test('spans of BIO codes: an I- tag of another type starts a new entity', () => {
  const codes = ['B-PERSON', 'I-PERSON', 'O', 'I-GPE', 'B-ORG', 'I-ORG'].map(nerCode);
  assert.deepEqual(spansOf(codes), [[0, 2, 0], [3, 4, 2], [4, 6, 1]]);
});

test('feature hashes computed part by part equal the hashes of the feature strings', () => {
  const words = ['EU', 'rejects', 'German', 'call', 'to', 'boycott', 'British', 'lamb', '.'];
  const gz = ['igo:B', '', 'demonym:B', '', '', '', 'demonym:B', '', ''];
  assert.deepEqual(staticFeatureHashes(words, gz), staticFeatures(words, gz).map((f) => f.map((x) => fnv1a(x))));
  // with an article's memory (casing seen elsewhere) as well
  const mem = DocMemory.of([words, ['British', 'farmers', 'said', 'the', 'Eu', 'call', 'was', 'german', '.']]);
  assert.deepEqual(staticFeatureHashes(words, gz, mem), staticFeatures(words, gz, mem).map((f) => f.map((x) => fnv1a(x))));
});

test('document memory: casing elsewhere in the article and the majority label of earlier occurrences', () => {
  const mem = DocMemory.of([
    ['Leeds', 'beat', 'Chelsea', 'on', 'Sunday', '.'],
    ['The', 'fans', 'of', 'Leeds', 'sang', '.'],
    ['LEEDS', 'WIN', 'AGAIN', 'AT', 'HOME'],
  ]);
  const cases: [string, string][] = [['leeds', 'C'], ['chelsea', 'C'], ['fans', 'L'], ['the', ''], ['win', '']];
  for (const [w, want] of cases) assert.equal(mem.casing(w), want, w);
  assert.equal(mem.previous('leeds'), '');
  mem.record('Leeds', nerCode('B-ORG'));
  mem.record('Leeds', nerCode('B-ORG'));
  mem.record('Leeds', nerCode('B-GPE'));
  mem.record('leeds', nerCode('B-PERSON')); // lower-case words are not names: not recorded
  assert.equal(mem.previous('leeds'), 'ORG');
  mem.record('Sunday', 0);
  assert.equal(mem.previous('sunday'), 'O');
});

test('an article tagged sentence by sentence sees its earlier labels; a lone sentence equals a one-sentence article', () => {
  const s = 'Peter Blackburn flew from Brussels to the Alps .'.split(' ');
  assert.deepEqual(ner!.tagSentences([s], kb)[0], ner!.tagWords(s, kb));
});

test('a model trained on another feature set is refused', () => {
  const p = new Perceptron(NER_CLASSES, 8);
  p.weights[3] = 1;
  const bytes = encodeCompact(p, { kind: 'ner', features: 'ner-0' });
  assert.throws(() => decodeNerModel(bytes), /feature set ner-0/);
  assert.throws(() => decodeNerModel(encodeCompact(p, { kind: 'tagger', features: NER_FEATURES })), /not an NER model/);
  assert.ok(decodeNerModel(encodeCompact(p, { kind: 'ner', features: NER_FEATURES })));
});

test('run-time scoring (static scores summed once, per-form cache) tags as the training-time feature strings do', () => {
  // random weights on a small table: every feature matters and collisions are many, so a feature dropped,
  // doubled or cached under the wrong form changes some tag
  const p = new Perceptron(NER_CLASSES, 10);
  const rnd = mulberry32(7);
  for (let k = 0; k < p.weights.length; k++) p.weights[k] = Math.round((rnd() - 0.5) * 100);
  const bytes = encodeCompact(p, { kind: 'ner', features: NER_FEATURES });
  const { model } = decodeCompact(bytes);
  const active = model.activeClasses();
  active[0] = true;
  const reference = (words: string[]): number[] => {
    const mem = DocMemory.of([words]);
    const stat = staticFeatures(words, words.map(() => ''), mem);
    const out: number[] = [];
    let prev = 0, prev2 = 0;
    words.forEach((w, i) => {
      const scores = model.scores(model.rows([...stat[i], ...historyFeatures(prev, prev2, w, shortShape(w), mem)]));
      let best = 0, bestScore = -Infinity;
      for (let c = 0; c < NER_CLASSES; c++) if (active[c] && allowedAfter(prev, c) && scores[c] > bestScore) { bestScore = scores[c]; best = c; }
      out.push(best);
      mem.record(w, best);
      prev2 = prev;
      prev = best;
    });
    return out;
  };
  const forms = ['us', 'eu', 'paris', 'apple', 'nato', 'may', 'will', 'bush', 'turkey', 'china', 'jordan', 'u.s.-led', 'well-known'];
  const sentences = [
    'The US and the EU met in Brussels on Monday .'.split(' '),
    ...forms.map((f) => [f, f.toUpperCase(), f[0].toUpperCase() + f.slice(1), 'and', f, 'or', f.toUpperCase(), '.']),
    'The US and the EU met in Brussels on Monday .'.split(' '),
  ];
  const tagger = decodeNerModel(bytes);
  // twice: the second round reads every word form's scores from the cache the first round filled
  for (const round of [1, 2]) {
    for (const words of sentences) assert.deepEqual(tagger.tagWords(words, undefined, DocMemory.of([words])), reference(words), `round ${round}: ${words.join(' ')}`);
  }
});
