// Behaviour of parse-based cue reading on hand-built parsed Docs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../text/doc.js';
import { dependencyCue, subtree } from './deps.js';
import { indirectQuotes } from './quotes.js';

/** A one-sentence Doc with heads (0-based, -1 root) and relations set, as the parser would leave it. */
function parsed(words: string[], heads: number[], rels: string[]): Doc {
  const doc = Doc.fromWords(words);
  heads.forEach((h, i) => {
    doc.head[i] = h;
    doc.deprel[i] = doc.strings.intern(rels[i]);
  });
  doc.layers.set('deps', 'test');
  return doc;
}

// "Officials in Kyiv said that talks will resume ."
const words = ['Officials', 'in', 'Kyiv', 'said', 'that', 'talks', 'will', 'resume', '.'];
const heads = [3, 2, 0, -1, 7, 7, 7, 3, 3];
const rels = ['nsubj', 'case', 'nmod', 'root', 'mark', 'nsubj', 'aux', 'ccomp', 'punct'];

test('subtree covers a head and its descendants', () => {
  const doc = parsed(words, heads, rels);
  assert.deepEqual(subtree(doc, 0, 0, doc.length), [0, 3]);
  assert.deepEqual(subtree(doc, 7, 0, doc.length), [4, 8]);
});

test('the nsubj of the cue is the speaker and its ccomp, without "that", the content', () => {
  const doc = parsed(words, heads, rels);
  assert.deepEqual(dependencyCue(doc, 3, 0, doc.length), { subject: [0, 3], content: [5, 8] });
});

test('with a parse, indirect speech takes the ccomp as the reported clause', () => {
  const doc = parsed(words, heads, rels);
  doc.setSentences([0]);
  const found = indirectQuotes(doc, [[0, doc.length]], () => false, () => false, new Map());
  assert.equal(found.length, 1);
  assert.equal(doc.text.slice(found[0].start, found[0].end), 'talks will resume');
  assert.deepEqual(found[0].speaker, [0, 3]);
});

test('without a ccomp the parse gives no cue reading', () => {
  const doc = parsed(['He', 'said', 'nothing', '.'], [1, -1, 1, 1], ['nsubj', 'root', 'obj', 'punct']);
  assert.equal(dependencyCue(doc, 1, 0, doc.length), null);
});
