import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainLemmatizer, Lemmatizer } from './lemmatizer.js';
import { parseTreebank } from './treebank.js';
import { TINY_CONLLU } from './tiny-treebank.fixture.js';

const tiny = parseTreebank(TINY_CONLLU);
const lem = trainLemmatizer(tiny, 6, 1);

const cases: { form: string; xpos: string; lemma: string; why: string }[] = [
  { form: 'said', xpos: 'VBD', lemma: 'say', why: 'irregular form seen in training (exception)' },
  { form: 'were', xpos: 'VBD', lemma: 'be', why: 'suppletive form (exception)' },
  { form: 'protesters', xpos: 'NNS', lemma: 'protester', why: 'plural -s rule' },
  { form: 'ministers', xpos: 'NNS', lemma: 'minister', why: 'unseen plural takes the -s rule' },
  { form: 'The', xpos: 'DT', lemma: 'the', why: 'common words are lowercased' },
  { form: 'Monday', xpos: 'NNP', lemma: 'Monday', why: 'proper nouns keep their case' },
  { form: 'walked', xpos: 'VBD', lemma: 'walk', why: 'unseen past tense takes the -ed rule' },
];
for (const c of cases) {
  test(`lemmatizes ${c.form}/${c.xpos} as ${c.lemma}: ${c.why}`, () => {
    assert.equal(lem.lemma(c.form, c.xpos), c.lemma);
  });
}

test('survives an encode/decode round trip', () => {
  const back = Lemmatizer.decode(lem.encode());
  for (const c of cases) assert.equal(back.lemma(c.form, c.xpos), lem.lemma(c.form, c.xpos));
});
