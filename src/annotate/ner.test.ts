import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc, nerCode } from '../text/doc.js';
import { loadResources } from '../resources/load.js';
import { nerTagsFor, spansOf, staticFeatureHashes, staticFeatures } from './ner.js';
import { fnv1a } from '../learn/perceptron.js';

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
});
