// Tests for the tokenizer: UD EWT / PTB conventions on real news sentences (VOA, public domain), exact offsets,
// coverage of every non-space character on random Unicode, and linear behaviour on huge unbroken input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';
import { TokenFlag, type Doc } from './doc.js';
import { mulberry32 } from '../learn/perceptron.js';

function words(doc: Doc): string[] {
  return Array.from({ length: doc.length }, (_, i) => doc.textOf(i));
}

/** Tokens never contain whitespace, so the expected tokens are written space-separated. */
const CASES: { name: string; text: string; tokens: string }[] = [
  { name: 'initialisms U.S. and U.N. stay whole',
    text: 'A recent United Nations report, based on intelligence from U.N. member states, said U.S. officials agreed.',
    tokens: 'A recent United Nations report , based on intelligence from U.N. member states , said U.S. officials agreed .' },
  { name: 'hyphenated names stay whole',
    text: 'Oman\'s Foreign Minister Badr al-Busaidi hosted the talks.',
    tokens: 'Oman \'s Foreign Minister Badr al-Busaidi hosted the talks .' },
  { name: 'hyphenated number-noun compounds stay whole',
    text: 'The two leaders held a 50-minute phone call.',
    tokens: 'The two leaders held a 50-minute phone call .' },
  { name: 'prefixed verbs stay whole',
    text: 'Washington is ready to re-engage with Tehran.',
    tokens: 'Washington is ready to re-engage with Tehran .' },
  { name: 'straight-apostrophe possessive splits',
    text: 'One of the Islamic State terror group\'s most senior leaders is dead.',
    tokens: 'One of the Islamic State terror group \'s most senior leaders is dead .' },
  { name: 'curly-apostrophe possessive splits',
    text: 'Iraqi forces said he was killed in an airstrike in Iraq’s Anbar desert.',
    tokens: 'Iraqi forces said he was killed in an airstrike in Iraq ’s Anbar desert .' },
  { name: 'apostrophe inside a name stays, possessive after it splits',
    text: 'President Donald Trump later confirmed al-Rufay’i’s killing.',
    tokens: 'President Donald Trump later confirmed al-Rufay’i ’s killing .' },
  { name: 'plural possessive apostrophe splits',
    text: 'The senators\' letter asked whether Rubio has responded.',
    tokens: 'The senators \' letter asked whether Rubio has responded .' },
  { name: 's-less possessive of a name splits',
    text: 'Ricketts\' office also did not respond to a VOA inquiry.',
    tokens: 'Ricketts \' office also did not respond to a VOA inquiry .' },
  { name: 'acronym possessive with bare apostrophe',
    text: 'Other reports identified him as a member of IS\' delegated committee.',
    tokens: 'Other reports identified him as a member of IS \' delegated committee .' },
  { name: 'don\'t splits into do + n\'t',
    text: 'And we don\'t have much time to get this right.',
    tokens: 'And we do n\'t have much time to get this right .' },
  { name: 'curly don’t splits into do + n’t',
    text: '“I don’t think an endless conflict is good for the region.',
    tokens: '“ I do n’t think an endless conflict is good for the region .' },
  { name: 'can\'t splits into ca + n\'t',
    text: 'Ceasefire, they can\'t be coming with conditions.',
    tokens: 'Ceasefire , they ca n\'t be coming with conditions .' },
  { name: 'won\'t splits into wo + n\'t',
    text: 'Russia won\'t accept the plan, he said.',
    tokens: 'Russia wo n\'t accept the plan , he said .' },
  { name: 'I\'m splits',
    text: 'I\'m very encouraged the parties have reached an agreement.',
    tokens: 'I \'m very encouraged the parties have reached an agreement .' },
  { name: 'we\'re and they\'re split',
    text: 'We\'re not going to be sitting in a room, and they\'re not either.',
    tokens: 'We \'re not going to be sitting in a room , and they \'re not either .' },
  { name: 'we\'ve, he\'ll and I\'d split',
    text: 'We\'ve seen it before; he\'ll decide and I\'d agree.',
    tokens: 'We \'ve seen it before ; he \'ll decide and I \'d agree .' },
  { name: 'cannot splits into can + not as in EWT',
    text: 'The council cannot ignore the report.',
    tokens: 'The council can not ignore the report .' },
  { name: 'curly double quotes split off',
    text: 'Joly cited “growing shadow fleets, dark vessels” as threats.',
    tokens: 'Joly cited “ growing shadow fleets , dark vessels ” as threats .' },
  { name: 'straight double quotes split off',
    text: 'The strike was a "significant security achievement."',
    tokens: 'The strike was a " significant security achievement . "' },
  { name: 'single curly quotes split off',
    text: 'The term ‘Arab’ appears in the country’s name.',
    tokens: 'The term ‘ Arab ’ appears in the country ’s name .' },
  { name: 'em dash is its own token',
    text: 'The fighters were members of the Alawite minority — the same group as the Assads.',
    tokens: 'The fighters were members of the Alawite minority — the same group as the Assads .' },
  { name: 'en dash between words splits off',
    text: 'The dig produced evidence of trading with Europeans – Venetian beads and gin.',
    tokens: 'The dig produced evidence of trading with Europeans – Venetian beads and gin .' },
  { name: 'double hyphen is one dash token',
    text: 'The talks -- held in Jeddah -- ended late.',
    tokens: 'The talks -- held in Jeddah -- ended late .' },
  { name: 'three-dot ellipsis is one token',
    text: 'I have to take six ... medications every day.',
    tokens: 'I have to take six ... medications every day .' },
  { name: 'unicode ellipsis is one token, also glued between words',
    text: 'Usage rose across China…many teenagers are engaged.',
    tokens: 'Usage rose across China … many teenagers are engaged .' },
  { name: 'parentheses split off',
    text: 'The head of Doctors Without Borders (MSF) spoke to the council.',
    tokens: 'The head of Doctors Without Borders ( MSF ) spoke to the council .' },
  { name: 'square brackets split off',
    text: 'What I fear more is that they [the U.S.] will disengage.',
    tokens: 'What I fear more is that they [ the U.S. ] will disengage .' },
  { name: 'sentence-final period splits from a word',
    text: 'U.S. officials have yet to comment on the Iraqi claims.',
    tokens: 'U.S. officials have yet to comment on the Iraqi claims .' },
  { name: 'title abbreviations keep their period',
    text: 'Mr. Putin met Gen. Smith and Sen. Jones.',
    tokens: 'Mr. Putin met Gen. Smith and Sen. Jones .' },
  { name: 'month abbreviations keep their period',
    text: 'The ship reached Bandar Abbas on Feb. 13 after leaving on Jan. 22.',
    tokens: 'The ship reached Bandar Abbas on Feb. 13 after leaving on Jan. 22 .' },
  { name: 'company abbreviations keep their period',
    text: 'Acme Corp. and Widget Inc. signed the deal.',
    tokens: 'Acme Corp. and Widget Inc. signed the deal .' },
  { name: 'initials keep their period',
    text: 'John F. Kennedy and J.D. Vance were mentioned.',
    tokens: 'John F. Kennedy and J.D. Vance were mentioned .' },
  { name: 'a.m. and p.m. keep their periods',
    text: 'Minors get home around 9 p.m. and leave at 8 a.m. every day.',
    tokens: 'Minors get home around 9 p.m. and leave at 8 a.m. every day .' },
  { name: 'sentence-final U.S. keeps its period',
    text: 'The administration used the authority given it by the U.S.',
    tokens: 'The administration used the authority given it by the U.S.' },
  { name: 'percent splits from the number as in EWT',
    text: 'Arabs constitute 50% of Syria’s people, while others make up 35%.',
    tokens: 'Arabs constitute 50 % of Syria ’s people , while others make up 35 % .' },
  { name: 'decimal percent',
    text: 'Trade hit $1.1 billion, a 10.1% increase.',
    tokens: 'Trade hit $ 1.1 billion , a 10.1 % increase .' },
  { name: 'dollar sign splits from the amount as in EWT',
    text: 'The EU proposed an $873 billion plan.',
    tokens: 'The EU proposed an $ 873 billion plan .' },
  { name: 'euro and pound signs split',
    text: 'Fines rose to €20 million and £15 million.',
    tokens: 'Fines rose to € 20 million and £ 15 million .' },
  { name: 'numbers with thousands separators stay whole',
    text: 'The quotas generated 42,863,423 pulas and 1,500 jobs.',
    tokens: 'The quotas generated 42,863,423 pulas and 1,500 jobs .' },
  { name: 'decimals stay whole',
    text: 'At least 16.5 million young people are out of school.',
    tokens: 'At least 16.5 million young people are out of school .' },
  { name: 'clock times stay whole',
    text: 'The vote opened at 10:30 and closed at 18:00.',
    tokens: 'The vote opened at 10:30 and closed at 18:00 .' },
  { name: 'dotted dates stay whole',
    text: 'The decree was dated 14.06.2025 in the original.',
    tokens: 'The decree was dated 14.06.2025 in the original .' },
  { name: 'ISO dates stay whole',
    text: 'The filing is dated 2025-06-14.',
    tokens: 'The filing is dated 2025-06-14 .' },
  { name: 'slash dates stay whole',
    text: 'The memo was signed 6/14/2025 in Washington.',
    tokens: 'The memo was signed 6/14/2025 in Washington .' },
  { name: 'year ranges stay whole',
    text: 'He held the post in 2010-2011.',
    tokens: 'He held the post in 2010-2011 .' },
  { name: 'URLs stay whole, trailing period split',
    text: 'Read the report at https://www.voanews.com/a/iraq-says-key-islamic-state-leader-is-dead/8011115.html.',
    tokens: 'Read the report at https://www.voanews.com/a/iraq-says-key-islamic-state-leader-is-dead/8011115.html .' },
  { name: 'URL in parentheses',
    text: '(see www.un.org/en/ga)',
    tokens: '( see www.un.org/en/ga )' },
  { name: 'e-mail addresses stay whole',
    text: 'Send tips to news@voanews.com, the desk said.',
    tokens: 'Send tips to news@voanews.com , the desk said .' },
  { name: '@handles stay whole',
    text: 'The embassy posted on X as @USEmbassyKabul: stay safe.',
    tokens: 'The embassy posted on X as @USEmbassyKabul : stay safe .' },
  { name: 'hashtags stay whole',
    text: 'The #PNH is instructed to take all measures.',
    tokens: 'The #PNH is instructed to take all measures .' },
  { name: 'number sign before a number splits',
    text: 'They attacked motorists on National Highway #1 near the capital.',
    tokens: 'They attacked motorists on National Highway # 1 near the capital .' },
  { name: 'emoji are tokens, with modifiers and joiners',
    text: 'Supporters cheered 👍🏽 and posted 🇺🇦 and 👨‍👩‍👧 online😀',
    tokens: 'Supporters cheered 👍🏽 and posted 🇺🇦 and 👨‍👩‍👧 online 😀' },
  { name: 'other symbols are tokens',
    text: 'Temperatures hit 40°C, a record © VOA.',
    tokens: 'Temperatures hit 40 ° C , a record © VOA .' },
  { name: 'abbreviation before a hyphen stays one token',
    text: 'The U.S.-led coalition and U.K.-U.S. ties were discussed.',
    tokens: 'The U.S.-led coalition and U.K.-U.S. ties were discussed .' },
  { name: 'possessive of an initialism',
    text: 'The U.N.\'s envoy arrived.',
    tokens: 'The U.N. \'s envoy arrived .' },
  { name: 'No. before a number keeps its period but said no. does not',
    text: 'He is No. 2 in the party; she said no.',
    tokens: 'He is No. 2 in the party ; she said no .' },
  { name: 'exclamation and question runs are one token',
    text: 'Really?! No way!!!',
    tokens: 'Really ?! No way !!!' },
  { name: 'times with am/pm glued split as in EWT',
    text: 'The meeting starts at 5pm and ends at 10:30am.',
    tokens: 'The meeting starts at 5 pm and ends at 10:30 am .' },
  { name: 'decades with apostrophe',
    text: 'It was popular in the \'90s across Africa.',
    tokens: 'It was popular in the \'90s across Africa .' },
  { name: 'missing space after a full stop splits',
    text: 'The talks ended.The ministers left.',
    tokens: 'The talks ended . The ministers left .' },
  { name: 'semicolons and colons split off',
    text: 'The delegation includes Andriy Yermak; Rustem Umerov: both ministers.',
    tokens: 'The delegation includes Andriy Yermak ; Rustem Umerov : both ministers .' },
  { name: 'intranet e-mail addresses without a dot stay whole',
    text: 'Forwarded by Jane.Doe@ENRON on Monday.',
    tokens: 'Forwarded by Jane.Doe@ENRON on Monday .' },
  { name: 'a stray @ between numbers is a symbol',
    text: 'The score was 5@10 at the break.',
    tokens: 'The score was 5 @ 10 at the break .' },
  { name: 'emoticons are single tokens',
    text: 'Great talks today :) see you :-( soon',
    tokens: 'Great talks today :) see you :-( soon' },
  { name: 'missing space after a number and full stop splits',
    text: 'The toll rose to 6,000.Meanwhile, aid arrived.',
    tokens: 'The toll rose to 6,000 . Meanwhile , aid arrived .' },
  { name: 'a capital letter ending a hyphenated name does not keep the period',
    text: 'They ensured the effectiveness of the PHP-C. We also found gaps.',
    tokens: 'They ensured the effectiveness of the PHP-C . We also found gaps .' },
  { name: 'UN document symbols stay whole',
    text: 'See resolution A/70/PV.16 and ES-11/1 of the Assembly.',
    tokens: 'See resolution A/70/PV.16 and ES-11/1 of the Assembly .' },
  { name: 'a handle glued after a full stop is a handle, not an e-mail',
    text: 'He said so before.@VOANews confirmed it.',
    tokens: 'He said so before . @VOANews confirmed it .' },
  { name: 'masked e-mail addresses keep their dots',
    text: 'Write to franz371...@gmail.com for details.',
    tokens: 'Write to franz371...@gmail.com for details .' },
  { name: 'a slash after a possessive splits',
    text: 'Feinstein’s/54 votes were counted.',
    tokens: 'Feinstein ’s / 54 votes were counted .' },
];

for (const c of CASES) {
  test(`tokenize: ${c.name}`, () => {
    const doc = tokenize(c.text);
    assert.deepEqual(words(doc), c.tokens.split(' '));
  });
  test(`tokenize offsets are exact: ${c.name}`, () => {
    const doc = tokenize(c.text);
    let from = 0;
    for (let i = 0; i < doc.length; i++) {
      const at = c.text.indexOf(doc.textOf(i), from);
      assert.equal(at, doc.start[i], `token ${i} "${doc.textOf(i)}" is not where the text has it`);
      assert.equal(c.text.slice(doc.start[i], doc.end[i]), doc.textOf(i));
      assert.ok(/^\s*$/.test(c.text.slice(from, doc.start[i])), `text between tokens ${i - 1} and ${i} is not blank`);
      from = doc.end[i];
    }
    assert.ok(/^\s*$/.test(c.text.slice(from)));
  });
}

test('tokenize: empty and blank input give no tokens', () => {
  assert.equal(tokenize('').length, 0);
  assert.equal(tokenize(' \n\t\u00a0\u200b ').length, 0);
});

test('tokenize: SpaceAfter is set exactly where whitespace follows', () => {
  const doc = tokenize('He said: "No." Then left');
  const spaced = Array.from({ length: doc.length }, (_, i) => (doc.flags[i] & TokenFlag.SpaceAfter) !== 0);
  assert.deepEqual(words(doc), ['He', 'said', ':', '"', 'No', '.', '"', 'Then', 'left']);
  assert.deepEqual(spaced, [true, false, true, false, false, false, true, true, false]);
});

test('tokenize: line breaks and non-breaking spaces separate tokens', () => {
  assert.deepEqual(words(tokenize('Kyiv\nMoscow\u00a0Beijing\u2009Delhi\u200bCairo')), ['Kyiv', 'Moscow', 'Beijing', 'Delhi', 'Cairo']);
});

const ALPHABET = [
  ...'aZ09 .,;:!?\'"-()[]{}@#$%&*/_+=<>\\|~`^\n\t',
  '’', '‘', '“', '”', '—', '–', '…', '€', '£', '°', '\u00a0', '\u200b', '\u200d', '\ufe0f', '\u0301', 'é', 'ß', 'ж',
  '中', 'ا', '😀', '🏽', '🇺', '\ud800', '\udc00', 'http://', 'www.', 'U.S.', "n't", "'s", '...', '--',
];

test('tokenize property: on random Unicode, tokens are ordered, non-empty, non-overlapping and cover all non-space text', () => {
  const rnd = mulberry32(20250614);
  const space = /[\s\u200b]/;
  for (let round = 0; round < 2000; round++) {
    let text = '';
    const len = Math.floor(rnd() * 60);
    for (let k = 0; k < len; k++) {
      text += rnd() < 0.1 ? String.fromCharCode(Math.floor(rnd() * 0x10000)) : ALPHABET[Math.floor(rnd() * ALPHABET.length)];
    }
    const doc = tokenize(text);
    const covered = new Uint8Array(text.length);
    for (let i = 0; i < doc.length; i++) {
      assert.ok(doc.start[i] < doc.end[i], `empty token in ${JSON.stringify(text)}`);
      if (i > 0) assert.ok(doc.start[i] >= doc.end[i - 1], `overlap in ${JSON.stringify(text)}`);
      for (let k = doc.start[i]; k < doc.end[i]; k++) {
        assert.ok(!space.test(text[k]), `token ${i} holds whitespace in ${JSON.stringify(text)}`);
        covered[k] = 1;
      }
    }
    for (let k = 0; k < text.length; k++) {
      if (!space.test(text[k])) assert.equal(covered[k], 1, `char ${k} of ${JSON.stringify(text)} is in no token`);
    }
  }
});

test('tokenize: 10 MB without punctuation or whitespace is one token', () => {
  const text = 'a'.repeat(10 * 1024 * 1024);
  const doc = tokenize(text);
  assert.equal(doc.length, 1);
  assert.equal(doc.end[0], text.length);
});

test('tokenize: 3 MB of letters and stray @ signs (no e-mail) splits at every @', () => {
  const doc = tokenize('x1@'.repeat(1 << 20));
  assert.equal(doc.length, 2 << 20);
});

test('tokenize: 10 MB of dotted letters is one initialism-like token', () => {
  const doc = tokenize('a.'.repeat(5 << 20));
  assert.equal(doc.length, 1);
});
