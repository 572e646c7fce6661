// The Doc's column layout and views: offsets, spans with exclusive ends, sentences, the string table, BIO codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc, StringTable, nerCode, nerTag, uposId, HEAD_UNSET } from './doc.js';

test('fromWords builds exact offsets and space-after flags', () => {
  const d = Doc.fromWords(['Iran', "'s", 'minister', 'spoke', '.'], [false, true, true, false, false]);
  assert.equal(d.text, "Iran's minister spoke.");
  assert.deepEqual([...d.start], [0, 4, 7, 16, 21]);
  assert.deepEqual([...d.end], [4, 6, 15, 21, 22]);
  assert.deepEqual([0, 1, 2, 3, 4].map((i) => d.token(i).spaceAfter), [false, true, true, false, false]);
});

const spans: { name: string; start: number; end: number; text: string }[] = [
  { name: 'a two-token span excludes its end token', start: 0, end: 2, text: 'Putin called' },
  { name: 'a one-token span', start: 2, end: 3, text: 'Trump' },
  { name: 'an empty span has empty text', start: 1, end: 1, text: '' },
  { name: 'the whole doc', start: 0, end: 4, text: 'Putin called Trump .' },
];
for (const c of spans) {
  test(`span view: ${c.name}`, () => {
    const d = Doc.fromWords(['Putin', 'called', 'Trump', '.']);
    assert.equal(d.span(c.start, c.end).text, c.text);
    assert.equal(d.span(c.start, c.end).length, c.end - c.start);
  });
}

test('sentences are token ranges found by binary search', () => {
  const d = Doc.fromWords(['A', 'b', '.', 'C', 'd', '.', 'E', '.']);
  d.setSentences([0, 3, 6]);
  assert.equal(d.sentenceCount, 3);
  assert.deepEqual([...d.sentences()].map((s) => s.text), ['A b .', 'C d .', 'E .']);
  assert.deepEqual([0, 2, 3, 5, 6, 7].map((i) => d.sentenceOf(i)), [0, 0, 1, 1, 2, 2]);
});

const badTokens: { name: string; starts: number[]; ends: number[] }[] = [
  { name: 'an empty token', starts: [0], ends: [0] },
  { name: 'overlapping tokens', starts: [0, 2], ends: [3, 4] },
  { name: 'a token past the text', starts: [0], ends: [99] },
];
for (const c of badTokens) {
  test(`a Doc refuses ${c.name}`, () => {
    assert.throws(() => new Doc('abcd', c.starts, c.ends), RangeError);
  });
}

test('annotation columns start unset and views read them through the string table', () => {
  const d = Doc.fromWords(['Talks', 'resumed']);
  assert.equal(d.token(0).upos, '');
  assert.equal(d.head[0], HEAD_UNSET);
  d.upos[1] = uposId('VERB');
  d.lemma[1] = d.strings.intern('resume');
  d.deprel[0] = d.strings.intern('nsubj');
  d.head[0] = 1;
  assert.equal(d.token(1).upos, 'VERB');
  assert.equal(d.token(1).lemma, 'resume');
  assert.equal(d.token(0).deprel, 'nsubj');
});

test('the string table interns once and keeps id 0 for the empty string', () => {
  const t = new StringTable();
  assert.equal(t.intern(''), 0);
  const a = t.intern('nsubj');
  assert.equal(t.intern('nsubj'), a);
  assert.equal(t.get(a), 'nsubj');
  assert.equal(t.lookup('obj'), 0);
});

for (const tag of ['O', 'B-PERSON', 'I-PERSON', 'B-GPE', 'I-OTHER', 'B-NORP']) {
  test(`NER tag ${tag} survives its one-byte code`, () => {
    assert.equal(nerTag(nerCode(tag)), tag);
  });
}
test('an unknown NER tag is refused', () => {
  assert.throws(() => nerCode('B-ANIMAL'), RangeError);
});
