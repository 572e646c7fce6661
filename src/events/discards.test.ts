// PETRARCH discards: which sentences, or whether the whole story, must go uncoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../text/tokenize.js';
import { splitSentences } from '../text/sentences.js';
import { discardedSentences } from './discards.js';

const DISCARDS = { sentence: [['baseball'], ['months', 'later']], story: [['world', 'golf', 'championships']] };

const CASES: { name: string; text: string; want: number[] | 'story' }[] = [
  { name: 'no discard phrase', text: 'Arnor met Gondor. Gondor thanked Arnor.', want: [] },
  { name: 'a one-word sentence discard drops that sentence only', text: 'Arnor met Gondor. Gondor won at baseball.', want: [1] },
  { name: 'a phrase matches as consecutive words, any case', text: 'Months later, Arnor met Gondor. Later that month, Gondor left.', want: [0] },
  { name: 'a story discard anywhere drops the story', text: 'Arnor met Gondor. Both watched the World Golf Championships.', want: 'story' },
  { name: 'part of a phrase is no match', text: 'The golf championships ended.', want: [] },
];

for (const c of CASES) {
  test(`discards: ${c.name}`, () => {
    const doc = tokenize(c.text);
    splitSentences(doc);
    const got = discardedSentences(doc, DISCARDS);
    assert.deepEqual(got === 'story' ? got : [...got].sort(), c.want);
  });
}

test('discards: no list, nothing dropped', () => {
  const doc = tokenize('Arnor played baseball.');
  splitSentences(doc);
  assert.deepEqual([...(discardedSentences(doc, undefined) as Set<number>)], []);
});
