// Behaviour of the quote stage on short VOA-style sentences run through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/extract.js';
import { loadResources } from '../resources/load.js';
import type { Quote } from '../schema/extraction.js';

const resources = loadResources();

function quotesOf(text: string): Quote[] {
  const { ctx } = analyze(text, resources);
  for (const q of ctx.quotes) {
    // offsets are exact for every quote, cue and speaker span
    assert.equal(text.slice(q.start, q.end), q.text, `quote ${q.id} text matches its offsets`);
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
    if (q.speakerSpan) assert.equal(text.slice(q.speakerSpan.start, q.speakerSpan.end), q.speakerText);
  }
  return ctx.quotes;
}

interface Expect {
  text: string;
  kind?: 'direct' | 'indirect';
  speakerText?: string | null;
  anonymous?: boolean;
  country?: string | null;
  sector?: string;
  medium?: string;
  cue?: string;
  actor?: string | null;
}

interface Case {
  name: string;
  input: string;
  quotes: Expect[];
}

const cases: Case[] = [
  // direct quotations
  {
    name: 'curly quote with a trailing tag: pronoun speaker, comma trimmed',
    input: 'Iran\'s president spoke on Monday. “We will respond,” he said.',
    quotes: [{ text: 'We will respond', kind: 'direct', speakerText: 'he', cue: 'said' }],
  },
  {
    name: 'straight quote with a trailing noun-phrase tag',
    input: '"The talks were constructive," the Iranian official said.',
    quotes: [{ text: 'The talks were constructive', kind: 'direct', speakerText: 'the Iranian official', anonymous: true, country: 'IRN' }],
  },
  {
    name: 'quote interrupted by its tag is one speaker over two spans',
    input: '“We will respond,” Iran said, “and soon.”',
    quotes: [
      { text: 'We will respond', speakerText: 'Iran', country: 'IRN' },
      { text: 'and soon.', speakerText: 'Iran', country: 'IRN' },
    ],
  },
  {
    name: 'inverted tag: said + speaker',
    input: '“There is no military solution,” said the German foreign minister.',
    quotes: [{ text: 'There is no military solution', speakerText: 'the German foreign minister', country: 'DEU', sector: 'GOV', anonymous: false }],
  },
  {
    name: 'tag before the quote with a colon and a medium',
    input: 'The Kremlin said in a statement: “Russia will not accept these terms.”',
    quotes: [{ text: 'Russia will not accept these terms.', speakerText: 'The Kremlin', country: 'RUS', medium: 'statement', kind: 'direct' }],
  },
  {
    name: 'quote over two paragraphs: opening mark repeated, first closing mark omitted',
    input: 'Egypt\'s foreign minister said: “We are working with all parties to end the war.\n\n“The humanitarian situation is unbearable.”',
    quotes: [
      { text: 'We are working with all parties to end the war.', speakerText: 'Egypt\'s foreign minister', country: 'EGY' },
      { text: 'The humanitarian situation is unbearable.', speakerText: 'Egypt\'s foreign minister', country: 'EGY' },
    ],
  },
  {
    name: 'quote over several sentences inside one pair of marks',
    input: '“The strikes were illegal. They violated our sovereignty. We will go to the Security Council,” the Iranian foreign ministry said.',
    quotes: [{ text: 'The strikes were illegal. They violated our sovereignty. We will go to the Security Council', country: 'IRN', sector: 'GOV' }],
  },
  {
    name: 'a following quote paragraph without its own tag keeps the last speaker',
    input: '“We are ready to talk,” the Qatari prime minister said.\n\n“But the bombing must stop first before anything else happens.”',
    quotes: [
      { text: 'We are ready to talk', country: 'QAT' },
      { text: 'But the bombing must stop first before anything else happens.', country: 'QAT', speakerText: 'the Qatari prime minister' },
    ],
  },
  {
    name: 'scare quotes of one to three words are not speech',
    input: 'The minister called the plan a “disaster” and a “non-starter” for the region.',
    quotes: [],
  },
  {
    name: 'a short quote with a cue attached is speech',
    input: '“Never,” the Russian ambassador said.',
    quotes: [{ text: 'Never', country: 'RUS', sector: 'GOV' }],
  },
  {
    name: 'partial quote inside reported speech is part of the reported clause',
    input: 'Biden said the talks were “very productive and serious.”',
    quotes: [{ text: 'the talks were “very productive and serious.”', kind: 'indirect', speakerText: 'Biden' }],
  },
  // indirect speech
  {
    name: 'X said that ...',
    input: 'Iran said on Monday that it would not negotiate under pressure.',
    quotes: [{ text: 'it would not negotiate under pressure', kind: 'indirect', speakerText: 'Iran', country: 'IRN', cue: 'said' }],
  },
  {
    name: 'X said ... without that',
    input: 'China said the United States was escalating tensions in the region.',
    quotes: [{ text: 'the United States was escalating tensions in the region', kind: 'indirect', speakerText: 'China', country: 'CHN' }],
  },
  {
    name: 'X told Y that ...: the outlet is the medium',
    input: 'Israeli Prime Minister Benjamin Netanyahu told Axios that Israel would act alone.',
    quotes: [{ text: 'Israel would act alone', speakerText: 'Israeli Prime Minister Benjamin Netanyahu', country: 'ISR', sector: 'GOV', medium: 'Axios', anonymous: false }],
  },
  {
    name: 'X told reporters ... skips the addressee',
    input: 'Pakistan\'s foreign minister told reporters the border would reopen next week.',
    quotes: [{ text: 'the border would reopen next week', country: 'PAK', cue: 'told' }],
  },
  {
    name: 'according to X, ...',
    input: 'According to the United Nations, more than 2 million people have fled the fighting.',
    quotes: [{ text: 'more than 2 million people have fled the fighting', speakerText: 'the United Nations', cue: 'According to' }],
  },
  {
    name: '..., according to X',
    input: 'Iran has enriched uranium to 60 percent purity, according to the IAEA.',
    quotes: [{ text: 'Iran has enriched uranium to 60 percent purity', speakerText: 'the IAEA', cue: 'according to' }],
  },
  {
    name: '..., X said at the end of the sentence',
    input: 'The ceasefire is holding across the south, Israeli military officials said.',
    quotes: [{ text: 'The ceasefire is holding across the south', speakerText: 'Israeli military officials', anonymous: true, country: 'ISR', sector: 'MIL' }],
  },
  {
    name: 'X warned ...',
    input: 'Germany warned that new sanctions would follow any attack.',
    quotes: [{ text: 'new sanctions would follow any attack', speakerText: 'Germany', cue: 'warned' }],
  },
  {
    name: 'X urged Y to ...: the object belongs to the content',
    input: 'Egypt urged both sides to return to the negotiating table.',
    quotes: [{ text: 'both sides to return to the negotiating table', speakerText: 'Egypt', cue: 'urged' }],
  },
  {
    name: 'X accused Y of ...',
    input: 'The Kremlin accused Ukraine of attacking civilian targets.',
    quotes: [{ text: 'Ukraine of attacking civilian targets', speakerText: 'The Kremlin', country: 'RUS', cue: 'accused' }],
  },
  {
    name: 'X denied ...',
    input: 'Hamas denied that its fighters had crossed the line.',
    quotes: [{ text: 'its fighters had crossed the line', cue: 'denied' }],
  },
  {
    name: 'X confirmed / stressed / added ...',
    input: 'The Pentagon confirmed that two soldiers were wounded. It stressed that the base remained secure.',
    quotes: [
      { text: 'two soldiers were wounded', speakerText: 'The Pentagon', country: 'USA', sector: 'MIL' },
      { text: 'the base remained secure', speakerText: 'It', country: 'USA', cue: 'stressed' },
    ],
  },
  {
    name: 'a statement from X said ...: X speaks, the statement is the medium',
    input: 'A statement from the Iranian Foreign Ministry said the strikes were illegal.',
    quotes: [{ text: 'the strikes were illegal', speakerText: 'the Iranian Foreign Ministry', country: 'IRN', sector: 'GOV', medium: 'statement' }],
  },
  {
    name: 'X wrote on Truth Social that ...',
    input: 'Trump wrote on Truth Social that the deal was dead.',
    quotes: [{ text: 'the deal was dead', speakerText: 'Trump', medium: 'Truth Social', cue: 'wrote' }],
  },
  {
    name: 'X said on X that ...',
    input: 'The Israeli military said on X that it had struck a weapons depot.',
    quotes: [{ text: 'it had struck a weapons depot', medium: 'X', country: 'ISR', sector: 'MIL' }],
  },
  // anonymous sources
  {
    name: 'a senior White House official: USA, GOV, anonymous',
    input: 'A senior White House official said the talks had stalled.',
    quotes: [{ text: 'the talks had stalled', anonymous: true, country: 'USA', sector: 'GOV', speakerText: 'A senior White House official' }],
  },
  {
    name: 'two sources familiar with internal discussions: anonymous, no country',
    input: 'Two sources familiar with internal discussions said the plan was shelved.',
    quotes: [{ text: 'the plan was shelved', anonymous: true, country: null, speakerText: 'Two sources familiar with internal discussions' }],
  },
  {
    name: 'diplomats said: anonymous',
    input: 'Diplomats said the meeting would take place next week in Geneva.',
    quotes: [{ text: 'the meeting would take place next week in Geneva', anonymous: true, speakerText: 'Diplomats' }],
  },
  {
    name: 'an Iranian military official: IRN, MIL',
    input: 'An Iranian military official said the drills would continue.',
    quotes: [{ text: 'the drills would continue', anonymous: true, country: 'IRN', sector: 'MIL' }],
  },
  {
    name: 'officials who spoke on condition of anonymity: the relative clause is not the name',
    input: 'U.S. officials, who spoke on condition of anonymity, said the ship was hit by a drone.',
    quotes: [{ text: 'the ship was hit by a drone', anonymous: true, country: 'USA', speakerText: 'U.S. officials' }],
  },
  {
    name: 'a named spokesperson is not anonymous',
    input: 'State Department spokesperson Tammy Bruce said Washington supports the talks.',
    quotes: [{ text: 'Washington supports the talks', anonymous: false, country: 'USA' }],
  },
  // media
  {
    name: 'state media as the reporting speaker',
    input: 'Iranian state media reported that the missile was launched from Isfahan.',
    quotes: [{ text: 'the missile was launched from Isfahan', medium: 'state media', country: 'IRN' }],
  },
  {
    name: 'state TV after according to',
    input: 'According to Syrian state TV, the convoy reached Aleppo.',
    quotes: [{ text: 'the convoy reached Aleppo', medium: 'state TV', country: 'SYR' }],
  },
  {
    name: 'a news conference as the medium',
    input: 'The Turkish foreign minister said at a news conference that Ankara would mediate.',
    quotes: [{ text: 'Ankara would mediate', medium: 'news conference', country: 'TUR' }],
  },
  {
    name: 'an interview with CNN as the medium',
    input: '“We are not at war with Iran,” the Israeli ambassador said in an interview with CNN.',
    quotes: [{ text: 'We are not at war with Iran', medium: 'interview with CNN', country: 'ISR' }],
  },
  // pronouns
  {
    name: 'she resolves to the last compatible named speaker',
    input: 'The Lithuanian president, Gitanas Nauseda, said the border was secure.\n\nShe said the troops would stay.',
    quotes: [
      { text: 'the border was secure', country: 'LTU' },
      { text: 'the troops would stay', speakerText: 'She', country: 'LTU' },
    ],
  },
  {
    name: 'they resolves to the last plural or group speaker',
    input: 'Saudi officials said the talks would resume. They said the kingdom wanted calm.',
    quotes: [
      { text: 'the talks would resume', anonymous: true, country: 'SAU' },
      { text: 'the kingdom wanted calm', speakerText: 'They', country: 'SAU', anonymous: true },
    ],
  },
  {
    name: 'doubled apostrophes work as quotation marks',
    input: "''We will not accept these terms,'' the Russian foreign minister said.",
    quotes: [{ text: 'We will not accept these terms', kind: 'direct', country: 'RUS', sector: 'GOV' }],
  },
  {
    name: 'a participle cue shares the subject of its clause',
    input: 'British foreign minister David Lammy echoed the call, saying, “Now is the time for a ceasefire with no conditions.”',
    quotes: [{ text: 'Now is the time for a ceasefire with no conditions.', speakerText: 'British foreign minister David Lammy', country: 'GBR', sector: 'GOV' }],
  },
  {
    name: 'a quotation opened inside a reported clause and running on takes its cue',
    input: 'Sanders told reporters that “if turnout is high we will do fine. If it is low, that is another story.”',
    quotes: [{ text: 'if turnout is high we will do fine. If it is low, that is another story.', kind: 'direct', speakerText: 'Sanders', cue: 'told' }],
  },
  {
    name: 'a person named again by surname keeps the country and sector',
    input: 'U.S. Secretary of State Marco Rubio said the talks were useful.\n\n“We are cautiously optimistic,” Rubio said.',
    quotes: [
      { text: 'the talks were useful', country: 'USA', sector: 'GOV' },
      { text: 'We are cautiously optimistic', speakerText: 'Rubio', country: 'USA', sector: 'GOV' },
    ],
  },
  {
    name: 'the officials after Iraqi officials are the same anonymous sources',
    input: 'Iraqi officials said the strike followed a two-year effort. The officials said they arrested seven more suspects.',
    quotes: [
      { text: 'the strike followed a two-year effort', anonymous: true, country: 'IRQ' },
      { text: 'they arrested seven more suspects', anonymous: true, country: 'IRQ', speakerText: 'The officials' },
    ],
  },
  {
    name: 'an untagged title in quotation marks is not a quote',
    input: 'She starred in the series “Orange Is the New Black” before entering politics.',
    quotes: [],
  },
  {
    name: 'a passive cue does not make its subject a speaker',
    input: 'The minister was asked about the talks in Geneva.',
    quotes: [],
  },
  {
    name: 'an introductory phrase before the comma is not the content',
    input: 'For his part, the Egyptian president said he would attend the summit.',
    quotes: [{ text: 'he would attend the summit', country: 'EGY', speakerText: 'the Egyptian president' }],
  },
  {
    name: 'a headline speaker before a colon',
    input: 'Zelenskyy: Ukraine is ready for a full ceasefire',
    quotes: [{ text: 'Ukraine is ready for a full ceasefire', speakerText: 'Zelenskyy', cue: ':' }],
  },
  {
    name: 'according to X in mid-sentence: both halves are X\'s',
    input: 'Since last November, according to Human Rights Watch, security forces have killed more than 400 protesters.',
    quotes: [
      { text: 'Since last November', cue: 'according to', speakerText: 'Human Rights Watch' },
      { text: 'security forces have killed more than 400 protesters', cue: 'according to', speakerText: 'Human Rights Watch' },
    ],
  },
  {
    name: 'he resolves to a person who opened an earlier sentence without speaking',
    input: '“We are ready,” the Egyptian foreign minister said. Trump met Putin on Friday. “It went well,” he said.',
    quotes: [
      { text: 'We are ready', country: 'EGY' },
      { text: 'It went well', speakerText: 'he' },
    ],
  },
];

test('he after a sentence with two people is its subject', () => {
  const qs = quotesOf('“We are ready,” Rubio said. Trump met Putin on Friday. “It went well,” he said.');
  assert.equal(qs[1].speaker?.text, 'Trump');
});

test('a pronoun speaker carries its antecedent as the actor', () => {
  const qs = quotesOf('Biden met Netanyahu in Jerusalem. He said the talks were productive.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0].speakerText, 'He');
  assert.equal(qs[0].speaker?.text, 'Biden');
});

for (const c of cases) {
  test(c.name, () => {
    const qs = quotesOf(c.input);
    assert.equal(qs.length, c.quotes.length, `quote count: ${JSON.stringify(qs.map((q) => q.text))}`);
    c.quotes.forEach((e, k) => {
      const q = qs[k];
      assert.equal(q.text, e.text);
      if (e.kind) assert.equal(q.kind, e.kind);
      if (e.speakerText !== undefined) assert.equal(q.speakerText ?? null, e.speakerText);
      if (e.anonymous !== undefined) assert.equal(q.anonymous, e.anonymous, 'anonymous');
      if (e.country !== undefined) assert.equal(q.speaker?.country ?? null, e.country, 'country');
      if (e.sector !== undefined) assert.equal(q.speaker?.sector, e.sector, 'sector');
      if (e.medium !== undefined) assert.equal(q.medium, e.medium, 'medium');
      if (e.cue !== undefined) assert.equal(q.cue?.text, e.cue, 'cue');
      if (e.actor !== undefined) assert.equal(q.speaker?.actor ?? null, e.actor, 'actor');
    });
  });
}

test('quote ids are q1.. in text order', () => {
  const qs = quotesOf('“We will respond,” the official said. Iran said the talks were over.');
  assert.deepEqual(qs.map((q) => q.id), ['q1', 'q2']);
  assert.ok(qs[0].start < qs[1].start);
});

test('offsets stay exact and nothing throws on random quote-heavy text', () => {
  const pieces = ['“', '”', '"', "''", ' said ', ' he ', ',', '.', '\n\n', ' according to ', ' Iran ', ':', ' that ', ' officials ', '(', ')', ' told ', ' on X ', '—', "'s", ' U.S. ', ' saying ', 'A', ' the '];
  let seed = 7;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let k = 0; k < 400; k++) {
    let text = '';
    const len = Math.floor(rnd() * 40);
    for (let i = 0; i < len; i++) text += pieces[Math.floor(rnd() * pieces.length)];
    for (const q of quotesOf(text)) assert.ok(q.start < q.end, 'non-empty quote');
  }
});
