// Tests for the sentence splitter on real news sentences (VOA, public domain): abbreviations, initials, quotes,
// ellipses, line structure (headlines, bullets, blank lines, hard-wrapped text) and paragraph-start flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';
import { splitSentences } from './sentences.js';
import { TokenFlag, type Doc } from './doc.js';
import { mulberry32 } from '../learn/perceptron.js';

function split(text: string): Doc {
  const doc = tokenize(text);
  splitSentences(doc);
  return doc;
}

const CASES: { name: string; text: string; sentences: string[] }[] = [
  { name: 'plain full stops end sentences',
    text: 'Rubio has underscored the need for monitors. He told reporters on Wednesday that monitors were needed.',
    sentences: [
      'Rubio has underscored the need for monitors.',
      'He told reporters on Wednesday that monitors were needed.',
    ] },
  { name: 'question and exclamation marks end sentences',
    text: 'So, am I concerned? Yes. Am I overly concerned? No! We go by quarters.',
    sentences: [
      'So, am I concerned?',
      'Yes.',
      'Am I overly concerned?',
      'No!',
      'We go by quarters.',
    ] },
  { name: 'Mr. does not end a sentence',
    text: 'Then everything is going to turn to Mr. Putin, he said. The talks continue.',
    sentences: [
      'Then everything is going to turn to Mr. Putin, he said.',
      'The talks continue.',
    ] },
  { name: 'military and political titles do not end sentences',
    text: 'Gen. Michael Kurilla and Sen. Jim Risch met Lt. Col. Smith. They spoke for an hour.',
    sentences: [
      'Gen. Michael Kurilla and Sen. Jim Risch met Lt. Col. Smith.',
      'They spoke for an hour.',
    ] },
  { name: 'Gov., Rep. and Dr. do not end sentences',
    text: 'Gov. Kathy Hochul, Rep. Mike Lawler and Dr. Anthony Fauci attended. The event ended early.',
    sentences: [
      'Gov. Kathy Hochul, Rep. Mike Lawler and Dr. Anthony Fauci attended.',
      'The event ended early.',
    ] },
  { name: 'month abbreviations do not end sentences',
    text: 'The ship reached the port on Feb. 13. It left China on Jan. 22 and returned Sept. 4.',
    sentences: [
      'The ship reached the port on Feb. 13.',
      'It left China on Jan. 22 and returned Sept. 4.',
    ] },
  { name: 'No. before a number does not end a sentence',
    text: 'He is the No. 2 official in the ministry. He was appointed in March.',
    sentences: [
      'He is the No. 2 official in the ministry.',
      'He was appointed in March.',
    ] },
  { name: 'U.S. mid-sentence before a name does not end the sentence',
    text: 'U.S. President Donald Trump later confirmed the killing.',
    sentences: [
      'U.S. President Donald Trump later confirmed the killing.',
    ] },
  { name: 'U.S. before a lower-case word does not end the sentence',
    text: 'U.S. and Iraqi officials describe it as a joint operation. U.S. officials have yet to comment.',
    sentences: [
      'U.S. and Iraqi officials describe it as a joint operation.',
      'U.S. officials have yet to comment.',
    ] },
  { name: 'U.S. at the end of a sentence before The ends it',
    text: 'Iran imposed sanctions on the U.S. The move drew a swift response.',
    sentences: [
      'Iran imposed sanctions on the U.S.',
      'The move drew a swift response.',
    ] },
  { name: 'U.S. at the end of a sentence before He ends it',
    text: 'The 279 girls were flown to the U.S. He said they were safe.',
    sentences: [
      'The 279 girls were flown to the U.S.',
      'He said they were safe.',
    ] },
  { name: 'U.N. before a capitalised organisation name does not end the sentence',
    text: 'A U.N. Security Council meeting is scheduled. Diplomats expect a vote.',
    sentences: [
      'A U.N. Security Council meeting is scheduled.',
      'Diplomats expect a vote.',
    ] },
  { name: 'initials do not end sentences',
    text: 'John F. Kennedy was invoked by J.D. Vance in a speech. Vance spoke for 20 minutes.',
    sentences: [
      'John F. Kennedy was invoked by J.D. Vance in a speech.',
      'Vance spoke for 20 minutes.',
    ] },
  { name: 'etc. before a sentence-starting word ends the sentence',
    text: 'They brought food, water, blankets, etc. The convoy left at dawn.',
    sentences: [
      'They brought food, water, blankets, etc.',
      'The convoy left at dawn.',
    ] },
  { name: 'a.m. before a capitalised common word ends the sentence',
    text: 'The girls were released around 3 a.m. Officials said all of them were safe, and officials were relieved.',
    sentences: [
      'The girls were released around 3 a.m.',
      'Officials said all of them were safe, and officials were relieved.',
    ] },
  { name: 'p.m. before a lower-case word does not end the sentence',
    text: 'Minors get home around 9 p.m. or 10 p.m. at night.',
    sentences: [
      'Minors get home around 9 p.m. or 10 p.m. at night.',
    ] },
  { name: 'Inc. before a lower-case word does not end the sentence',
    text: 'Shares of Acme Inc. rose sharply. Investors cheered.',
    sentences: [
      'Shares of Acme Inc. rose sharply.',
      'Investors cheered.',
    ] },
  { name: 'closing double quote stays with the sentence',
    text: 'He said it was "a significant security achievement." Iraqi forces agreed.',
    sentences: [
      'He said it was "a significant security achievement."',
      'Iraqi forces agreed.',
    ] },
  { name: 'closing curly quote stays with the sentence',
    text: 'Kallas said the nations “are massively increasing” their “defense investments.” The G7 talks bring together ministers.',
    sentences: [
      'Kallas said the nations “are massively increasing” their “defense investments.”',
      'The G7 talks bring together ministers.',
    ] },
  { name: 'quote with question mark then lower-case verb stays one sentence',
    text: '“So when do they even have time to use social media?” wrote another user from Beijing.',
    sentences: [
      '“So when do they even have time to use social media?” wrote another user from Beijing.',
    ] },
  { name: 'quote ending in a comma does not end the sentence',
    text: '"We will respond," he said. "We will respond." He said it twice.',
    sentences: [
      '"We will respond," he said.',
      '"We will respond."',
      'He said it twice.',
    ] },
  { name: 'a sentence starting with an opening quote is split before the quote',
    text: 'The minister spoke briefly. “We are still colonized,” she said.',
    sentences: [
      'The minister spoke briefly.',
      '“We are still colonized,” she said.',
    ] },
  { name: 'closing bracket after the full stop stays with the sentence',
    text: 'The council met in closed session. (The meeting was requested by France.) No statement followed.',
    sentences: [
      'The council met in closed session.',
      '(The meeting was requested by France.)',
      'No statement followed.',
    ] },
  { name: 'ellipsis followed by a capitalised word ends a sentence',
    text: 'I wouldn\'t prejudge tomorrow by whether or not we have a minerals deal ... It\'s an important topic.',
    sentences: [
      'I wouldn\'t prejudge tomorrow by whether or not we have a minerals deal ...',
      'It\'s an important topic.',
    ] },
  { name: 'ellipsis followed by a lower-case word does not end a sentence',
    text: 'I have to take six ... medications every day, he said.',
    sentences: [
      'I have to take six ... medications every day, he said.',
    ] },
  { name: 'ellipsis after a full stop does not make a sentence of its own',
    text: 'He does not consider the proceedings legitimate. ... Bosnia needs this situation defused immediately.',
    sentences: [
      'He does not consider the proceedings legitimate.',
      '... Bosnia needs this situation defused immediately.',
    ] },
  { name: 'blank lines always break, even without a full stop',
    text: 'Iraq says key Islamic State leader is dead\n\nOne of the group\'s most senior leaders is dead.',
    sentences: [
      'Iraq says key Islamic State leader is dead',
      'One of the group\'s most senior leaders is dead.',
    ] },
  { name: 'a headline line without a full stop is its own sentence',
    text: 'Chagossians voiceless\nAfter their expulsion, many Chagossians settled in Mauritius.',
    sentences: [
      'Chagossians voiceless',
      'After their expulsion, many Chagossians settled in Mauritius.',
    ] },
  { name: 'bullet lines are sentences of their own',
    text: 'The agreement covers:\n• a 30-day ceasefire\n• prisoner exchanges\n- humanitarian access\n* monitoring by observers',
    sentences: [
      'The agreement covers:',
      '• a 30-day ceasefire',
      '• prisoner exchanges',
      '- humanitarian access',
      '* monitoring by observers',
    ] },
  { name: 'hard-wrapped wire text keeps sentences across line breaks',
    text: 'The ministers met on Thursday in Charlevoix, Quebec, as host\ncountry Canada outlined its agenda, focusing on achieving a\njust and lasting peace in Ukraine and strengthening security\nand defense partnerships. Rubio is expected to have a\nmeeting with Japanese Foreign Minister Takeshi Iwaya on\nThursday.',
    sentences: [
      'The ministers met on Thursday in Charlevoix, Quebec, as host\ncountry Canada outlined its agenda, focusing on achieving a\njust and lasting peace in Ukraine and strengthening security\nand defense partnerships.',
      'Rubio is expected to have a\nmeeting with Japanese Foreign Minister Takeshi Iwaya on\nThursday.',
    ] },
  { name: 'numbered list items at line start stay whole',
    text: 'Key points:\n1. Ceasefire for 30 days.\n2. Exchange of prisoners.',
    sentences: [
      'Key points:',
      '1. Ceasefire for 30 days.',
      '2. Exchange of prisoners.',
    ] },
  { name: 'decimal numbers and percentages do not end sentences',
    text: 'Trade hit $1.1 billion, a 10.1% increase from 2.5 years ago. Officials welcomed it.',
    sentences: [
      'Trade hit $1.1 billion, a 10.1% increase from 2.5 years ago.',
      'Officials welcomed it.',
    ] },
  { name: 'sentence-final abbreviation at the end of the text',
    text: 'The deal was signed by Acme Corp.',
    sentences: [
      'The deal was signed by Acme Corp.',
    ] },
  { name: 'single sentence without final punctuation',
    text: 'Top diplomats gather in Quebec',
    sentences: [
      'Top diplomats gather in Quebec',
    ] },
  { name: 'lower-case start after a full stop still splits in casual text',
    text: 'they went home. then it rained.',
    sentences: [
      'they went home.',
      'then it rained.',
    ] },
  { name: 'URL with dots does not end a sentence',
    text: 'The report is at www.voanews.com/a/report.html today. Read it.',
    sentences: [
      'The report is at www.voanews.com/a/report.html today.',
      'Read it.',
    ] },
  { name: 'St. before a name does not end a sentence',
    text: 'They prayed at St. Peter\'s Basilica. Pope Francis was absent.',
    sentences: [
      'They prayed at St. Peter\'s Basilica.',
      'Pope Francis was absent.',
    ] },
  { name: 'a blank line inside a clause (page break of extracted text) does not split',
    text: 'Cooperative leadership, to which Spain subscribes, demands a\n \nrenewed commitment to multilateralism. Spain agrees.',
    sentences: [
      'Cooperative leadership, to which Spain subscribes, demands a\n \nrenewed commitment to multilateralism.',
      'Spain agrees.',
    ] },
  { name: 'U.S. inside closing quotes before a capitalised word ends the sentence',
    text: 'He said the threat came from "the U.S." Officials denied it.',
    sentences: [
      'He said the threat came from "the U.S."',
      'Officials denied it.',
    ] },
  { name: 'Windows line endings and blank lines',
    text: 'Iraq says key IS leader is dead\r\n\r\nOne of the group\'s most senior leaders is dead.\r\nTrump confirmed it.',
    sentences: [
      'Iraq says key IS leader is dead',
      'One of the group\'s most senior leaders is dead.',
      'Trump confirmed it.',
    ] },
  { name: 'a dateline stays with the first sentence',
    text: 'KYIV, Ukraine — Russia launched 90 drones overnight, officials said. Ukraine shot down 60 of them.',
    sentences: [
      'KYIV, Ukraine — Russia launched 90 drones overnight, officials said.',
      'Ukraine shot down 60 of them.',
    ] },
  { name: 'spaced full stops end one sentence',
    text: 'In a Senate campaign, politics are local. . . . Archibald is the candidate.',
    sentences: [
      'In a Senate campaign, politics are local. . . .',
      'Archibald is the candidate.',
    ] },
  { name: 'a bracket closing after U.N. does not end the sentence',
    text: 'Russia continues to defy calls, including by the [U.N.] Security Council, to end the war. Kyiv agrees.',
    sentences: [
      'Russia continues to defy calls, including by the [U.N.] Security Council, to end the war.',
      'Kyiv agrees.',
    ] },
  { name: 'a spaced unicode ellipsis after a full stop opens the next sentence',
    text: 'We have to ask European countries if they can help. … Always we are asking the U.S. and Canada.',
    sentences: [
      'We have to ask European countries if they can help.',
      '… Always we are asking the U.S. and Canada.',
    ] },
  { name: 'a quoted question followed by a capitalised speaker and speech verb stays one sentence',
    text: '“What does Kim think?” Trump asked. “Why not?” Secretary Rubio said.',
    sentences: [
      '“What does Kim think?” Trump asked.',
      '“Why not?” Secretary Rubio said.',
    ] },
  { name: 'a quoted exclamation followed by a new clause is split',
    text: '“Go home!” The crowd cheered and left.',
    sentences: [
      '“Go home!”',
      'The crowd cheered and left.',
    ] },
];

for (const c of CASES) {
  test(`splitSentences: ${c.name}`, () => {
    const doc = split(c.text);
    assert.deepEqual([...doc.sentences()].map((s) => s.text), c.sentences);
  });
}

test('splitSentences: empty and blank documents get no non-empty sentence', () => {
  for (const text of ['', '  \n\n ']) {
    const doc = split(text);
    assert.equal(doc.length, 0);
    assert.ok([...doc.sentences()].every((s) => s.length === 0));
  }
});

test('splitSentences: ParagraphStart marks the first token of each paragraph only', () => {
  const doc = split('Iraq says IS leader is dead\n\nOne of the group\'s leaders is dead. Officials confirmed it.\n\n  Trump wrote a post.');
  const starts = [];
  for (let i = 0; i < doc.length; i++) if (doc.flags[i] & TokenFlag.ParagraphStart) starts.push(doc.textOf(i));
  assert.deepEqual(starts, ['Iraq', 'One', 'Trump']);
});

test('splitSentences: indented lines start paragraphs in hard-wrapped wire copy', () => {
  const text = [
    'The ministers met on Thursday in Charlevoix, Quebec, as host',
    'country Canada outlined its agenda, focusing on achieving a',
    'just and lasting peace in Ukraine and strengthening security.',
    '    Rubio is expected to have a meeting with the Japanese',
    'foreign minister on Thursday, officials said on Wednesday.',
  ].join('\n');
  const doc = split(text);
  assert.equal(doc.sentenceCount, 2);
  const second = doc.sentence(1);
  assert.equal(doc.textOf(second.start), 'Rubio');
  assert.ok(doc.flags[second.start] & TokenFlag.ParagraphStart);
  assert.ok(!(doc.flags[doc.tokenAtOrAfter(text.indexOf('country'))] & TokenFlag.ParagraphStart));
});

test('splitSentences: sentences tile the document in order', () => {
  const doc = split('“I don’t think so,” he said. U.S. officials left at 5 p.m. The talks ended.\nNext steps\n\n• Review');
  let expected = 0;
  for (const s of doc.sentences()) {
    assert.equal(s.start, expected);
    assert.ok(s.end > s.start);
    expected = s.end;
  }
  assert.equal(expected, doc.length);
});

const PIECES = [
  'The', 'talks', 'ended', 'U.S.', 'Mr.', 'etc.', 'he', 'said', '.', '?', '!', '...', '…', '"', '“', '”', '(', ')',
  ' ', ' ', ' ', '\n', '\n\n', '\n  ', '•', '-', '*', '1.', 'a.m.', 'J.D.', 'Vance', ',', ':', 'i', '\u2028',
];

test('splitSentences property: on random text, sentences tile the tokens and paragraphs start sentences', () => {
  const rnd = mulberry32(7);
  for (let round = 0; round < 2000; round++) {
    let text = '';
    const len = Math.floor(rnd() * 40);
    for (let k = 0; k < len; k++) text += PIECES[Math.floor(rnd() * PIECES.length)] + (rnd() < 0.6 ? ' ' : '');
    const doc = split(text);
    if (doc.length === 0) continue;
    const starts = new Set<number>();
    let expected = 0;
    for (const s of doc.sentences()) {
      assert.equal(s.start, expected, `gap before a sentence in ${JSON.stringify(text)}`);
      assert.ok(s.end > s.start, `empty sentence in ${JSON.stringify(text)}`);
      starts.add(s.start);
      expected = s.end;
    }
    assert.equal(expected, doc.length);
    for (let i = 0; i < doc.length; i++) {
      if (doc.flags[i] & TokenFlag.ParagraphStart) assert.ok(starts.has(i), `paragraph inside a sentence in ${JSON.stringify(text)}`);
    }
    assert.ok(doc.flags[0] & TokenFlag.ParagraphStart);
  }
});
