import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTagger, loadParser, loadLemmatizer } from './models.js';
import { nlpStages } from '../annotate/nlp.js';
import { runPipeline } from '../pipeline/stage.js';
import { Doc } from '../text/doc.js';

function annotate(words: string[]): Doc {
  const doc = Doc.fromWords(words);
  doc.layers.set('sentences', 'given');
  runPipeline(nlpStages({ tagger: loadTagger(), lemmatizer: loadLemmatizer(), parser: loadParser() }), doc, {});
  return doc;
}

const doc = annotate('The minister said talks would resume .'.split(' '));
const tok = (i: number) => doc.token(i);

test('the shipped tagger tags a plain news sentence sensibly', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map((i) => tok(i).upos), ['DET', 'NOUN', 'VERB', 'NOUN', 'AUX', 'VERB', 'PUNCT']);
  assert.equal(tok(2).xpos, 'VBD');
  assert.equal(tok(4).xpos, 'MD');
});

test('the shipped lemmatizer undoes inflection', () => {
  assert.equal(tok(2).lemma, 'say');
  assert.equal(tok(3).lemma, 'talk');
  assert.equal(tok(0).lemma, 'the');
});

test('the shipped parser finds the reporting verb, its subject and its complement', () => {
  assert.equal(tok(2).head, -1);
  assert.equal(tok(2).deprel, 'root');
  assert.equal(tok(1).head, 2);
  assert.equal(tok(1).deprel, 'nsubj');
  assert.equal(tok(5).head, 2);
  assert.equal(tok(3).head, 5);
  assert.equal(tok(4).head, 5);
  assert.equal(tok(6).deprel, 'punct');
});

test('loaded models are cached (one load per process)', () => {
  assert.equal(loadTagger(), loadTagger());
  assert.equal(loadParser(), loadParser());
});
