// Without a parse the stage falls back to surface patterns and lexical modality, so extraction keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../pipeline/extract.js';
import { loadResources, verbIndexOf } from '../resources/load.js';
import { modalityFromWords } from './modality.js';
import { pushEvents } from './emit.js';
import { newContext } from '../pipeline/context.js';
import type { Event } from '../schema/extraction.js';

test('unparsed text is coded by the surface fallback, labelled as such', () => {
  // without the parser models every sentence goes through the surface fallback
  const { ctx } = analyze('Israel attacked Iran on Saturday.', { ...loadResources(), nlp: undefined }, '2025-06-16');
  const e = ctx.events.find((x) => x.plover.type === 'ASSAULT');
  assert.ok(e, JSON.stringify(ctx.events));
  assert.match(e.rule, /^surface:/);
  assert.equal(e.source[0]?.country, 'ISR');
  assert.equal(e.target[0]?.country, 'IRN');
  assert.equal(e.date.value, '2025-06-14');
});

test('surface passive: "X was attacked by Y" makes Y the source', () => {
  const { ctx } = analyze('Syria was attacked by Israel on Monday.', loadResources(), '2025-06-16');
  const e = ctx.events.find((x) => x.plover.type === 'ASSAULT');
  assert.ok(e, JSON.stringify(ctx.events));
  assert.equal(e.source[0]?.country, 'ISR');
  assert.equal(e.target[0]?.country, 'SYR');
});

const COMPOUNDS: { name: string; text: string; want: string[] }[] = [
  { name: 'a compound source gives one event per member', text: 'Russia, Iran and Syria attacked Israel on Monday.', want: ['IRN>ISR', 'RUS>ISR', 'SYR>ISR'] },
  { name: 'a compound target stays in one event', text: 'Israel attacked Syria and Iran on Monday.', want: ['ISR>IRN', 'ISR>SYR'] },
  { name: 'two actors not joined by a conjunction are no compound', text: 'Israel said Iran attacked Syria on Monday.', want: ['IRN>SYR'] },
  { name: 'a member may carry modifiers', text: 'Russia and the mighty Iran attacked Israel on Monday.', want: ['IRN>ISR', 'RUS>ISR'] },
  { name: 'a verb between two actors breaks the compound', text: 'Russia and attacked Iran attacked Israel on Monday.', want: ['IRN>ISR', 'RUS>IRN'] },
  { name: 'a mention past a subordinator is not the target; the sources face each other', text: 'Russia and Iran attacked after the rebels reached Syria.', want: ['IRN>RUS', 'RUS>IRN'] },
];
for (const c of COMPOUNDS) {
  test(`surface compounds: ${c.name}`, () => {
    const { ctx } = analyze(c.text, { ...loadResources(), nlp: undefined }, '2025-06-16');
    const got = ctx.events.filter((x) => x.plover.type === 'ASSAULT')
      .flatMap((e) => e.source.flatMap((a) => e.target.map((b) => `${a.country}>${b.country}`))).sort();
    assert.deepEqual(got, c.want, JSON.stringify(ctx.events.map((e) => e.rule)));
  });
}

test('speech verbs alone give no event (CAMEO 01 has no PLOVER type)', () => {
  const { ctx } = analyze('Iran said nothing.', loadResources(), '2025-06-16');
  assert.equal(ctx.events.length, 0);
});

test('a user dictionary alone may code speech verbs (PETRARCH\'s SAID [023]); built-in coding does not', () => {
  const verbs = verbIndexOf([{ path: 'user.txt', text: '--- SAID  [023]  ---\nSAID\n' }], false);
  assert.equal(verbs.codesSpeech, true);
  assert.equal(verbIndexOf([{ path: 'user.txt', text: '--- SAID  [023]  ---\nSAID\n' }], true).codesSpeech, false);
  const { ctx } = analyze('Iran said nothing.', { ...loadResources(), nlp: undefined, verbs }, '2025-06-16');
  assert.deepEqual(ctx.events.map((e) => `${e.cameo} ${e.source.map((a) => a.country).join('+')}`), ['023 IRN']);
});

const LEX: { words: string; trigger: string; want: string }[] = [
  { words: 'the talks were canceled', trigger: 'talks', want: 'canceled' },
  { words: 'trump called off the meeting', trigger: 'meeting', want: 'canceled' },
  { words: 'russia denied that it attacked ukraine', trigger: 'attacked', want: 'denied' },
  { words: 'israel did not attack iran', trigger: 'attack', want: 'negated' },
  { words: 'iran will talk as long as sanctions end', trigger: 'sanctions', want: 'conditional' },
  { words: 'iran may meet the envoy', trigger: 'meet', want: 'hypothetical' },
  { words: 'trump will meet putin', trigger: 'meet', want: 'planned' },
  { words: 'trump met putin', trigger: 'met', want: 'asserted' },
];
for (const c of LEX) {
  test(`lexical modality: "${c.words}" → ${c.want}`, () => {
    const ws = c.words.split(' ');
    const i = ws.indexOf(c.trigger);
    assert.equal(modalityFromWords(ws, i, i + 1), c.want);
  });
}

test('identical events in one sentence are kept once, with the higher confidence', () => {
  const ctx = newContext(loadResources());
  const base = {
    id: '', sentence: 0, trigger: { text: 'met', start: 6, end: 9 }, source: [{ actor: 'USA', text: 'U.S.', code: 'USA', country: 'USA', org: null }],
    target: [], cameo: '040', quadClass: 1, goldstein: 1, plover: { type: 'CONSULT' }, date: { value: null, precision: 'none', basis: 'dateline' },
    modality: 'asserted', confidence: 0.5, evidence: { text: 'U.S. met', start: 0, end: 9 }, rule: 'x',
  } as Event;
  pushEvents(ctx, [{ ...base }, { ...base, confidence: 0.7 }, { ...base, modality: 'planned' }]);
  assert.equal(ctx.events.length, 2);
  assert.equal(ctx.events[0].confidence, 0.7);
  assert.deepEqual(ctx.events.map((e) => e.id), ['e1', 'e2']);
});

test('an event inside a direct quote is attributed to the quote', () => {
  const { ctx } = analyze('"Israel attacked Syria," Iran said.', loadResources(), '2025-06-16');
  const e = ctx.events.find((x) => x.plover.type === 'ASSAULT');
  assert.ok(e && ctx.quotes.length === 1, JSON.stringify({ events: ctx.events, quotes: ctx.quotes }));
  assert.equal(e.attribution?.quote, ctx.quotes[0].id);
  assert.equal(e.attribution?.speaker?.country, 'IRN');
});
