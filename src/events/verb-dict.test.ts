// The PETRARCH verb-dictionary reader: CAMEO.2.0 entries compile and match as the dictionary means them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCode, parseVerbDictionary, VerbIndex, verbForms } from './verb-dict.js';

// verbatim excerpts of CAMEO.2.0.txt (PETRARCH2, MIT)
const CAMEO_EXCERPT = `
&CEASEFIRE
+TRUCE
+ARMISTICE
+CEASE-FIRE

####### VERB PATTERNS #######

---  MEET_PEOPLE   [040]  ---
+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }
CONTACT
FACE  # sha  8/17/93
MEET {MEETS MET MEETING}
- * (FOR TALKS)                                       [036:036]     # MEET
- * (BY TELEPHONE)                                    [041:041]     # CONTACT
- * CRITICISM                                         [:111]        # FACE
- * RUN-OFF                                           [---]         # FACE

---  HOLD   [---]  ---
HOLD {HOLDS HOLDING HELD } [---] # HUX 10/10/97
IMPRISON [173]
- * &CEASEFIRE                                        [0871]        # HOLD
`;

const idx = new VerbIndex(parseVerbDictionary(CAMEO_EXCERPT, undefined, 'excerpt'));

const CASES: { name: string; word: string; before?: string[]; after: string[]; want: string | null; reverse?: boolean; pair?: string }[] = [
  { name: 'block default code', word: 'met', after: ['the', 'minister'], want: '040' },
  { name: 'irregular form from braces', word: 'met', after: ['for', 'talks'], want: '036' },
  { name: 'paired code: the first half, and the second as its pair', word: 'contacted', after: ['him', 'by', 'telephone'], want: '041', pair: '041' },
  { name: 'a plain code has no pair', word: 'met', after: ['the', 'minister'], want: '040', pair: '' },
  { name: '[:ddd] codes the reverse direction', word: 'faces', after: ['criticism'], want: '111', reverse: true },
  { name: '[---] pattern is no event', word: 'faced', after: ['a', 'run-off'], want: null },
  { name: 'verb line with its own code overrides a [---] block', word: 'imprisoned', after: [], want: '173' },
  { name: '[---] block without a pattern is no event', word: 'held', after: ['a', 'rally'], want: null },
  { name: 'synset reference in a pattern', word: 'holds', after: ['the', 'truce'], want: '0871' },
  { name: 'multi-word verb needs its particle', word: 'meet', after: ['with', 'putin'], want: '040' },
];

for (const c of CASES) {
  test(`CAMEO.2.0 round trip: ${c.name}`, () => {
    const senses = idx.verbSenses(c.word);
    assert.ok(senses.length > 0, `no sense for ${c.word}`);
    const best = senses.map((s) => idx.match(s, c.before ?? [], c.after)).filter((m) => m).sort((a, b) => b!.specificity - a!.specificity)[0] ?? null;
    assert.equal(best?.code ?? null, c.want);
    if (c.reverse !== undefined) assert.equal(best?.reverse, c.reverse);
    if (c.pair !== undefined) assert.equal(best?.pair ?? '', c.pair);
  });
}

test('a later dictionary redefines a word on its own', () => {
  const d = parseVerbDictionary(CAMEO_EXCERPT, undefined, 'cameo');
  parseVerbDictionary('---  MEET_OURS   [046]  ---\nMEET\n', d, 'ours');
  const i = new VerbIndex(d);
  assert.deepEqual(i.verbSenses('meet').map((s) => s.block.name), ['MEET_OURS']);
  assert.ok(i.verbSenses('contact').length > 0, 'other words are untouched');
});

test('noun section: the last word is the head, earlier words must precede it', () => {
  const d = parseVerbDictionary('####### NOUN PATTERNS #######\n---  N_CALL   [041]  ---\n+PHONE_CALL\n', undefined, 'n');
  const i = new VerbIndex(d);
  const [s] = i.nounSenses('calls');
  assert.equal(i.match(s, ['a', 'phone'], [])?.code, '041');
  assert.equal(i.match(s, ['a'], []), null);
});

test('codes: plain, paired, reverse-only, no event, and malformed', () => {
  const rows: [string, ReturnType<typeof parseCode>][] = [
    ['042', { c: '042' }],
    ['042:043', { c: '042', p: '043' }],
    [' 032 : 033 ', { c: '032', p: '033' }],
    [':111', { c: '111', r: 1 }],
    ['---', { c: '' }],
    ['075A', { c: '' }],
  ];
  for (const [raw, want] of rows) assert.deepEqual(parseCode(raw), want, raw);
});

test('a paired block default and a verb line\'s own paired code reach the match', () => {
  const d = parseVerbDictionary('---  ARRIVE   [032:033]  ---\nARRIVE\nLAND [042:043]\n- * TALKS [031]\n', undefined, 'p');
  const i = new VerbIndex(d);
  const arrive = i.match(i.verbSenses('arrived')[0], [], ['in', 'gondor']);
  assert.deepEqual([arrive?.code, arrive?.pair], ['032', '033']);
  const land = i.match(i.verbSenses('landed')[0], [], []);
  assert.deepEqual([land?.code, land?.pair], ['042', '043']);
  const talks = i.match(i.verbSenses('arrived')[0], [], ['for', 'talks']);
  assert.deepEqual([talks?.code, talks?.pair], ['031', undefined], 'a pattern\'s own unpaired code has no pair');
});

test('synsets: a trailing "_" on the name (exact members), and synsets inside synsets', () => {
  const d = parseVerbDictionary([
    '&PREP_', '+ON', '+AT', '&TIES', '+MILITARY', '+CULTURAL', '&MIXED', '+&TIES', '+CLOSER',
    '--- ACT  [100]  ---', 'ACT', '- * &PREP RESOLUTION  [102]', '- * &MIXED RELATIONS  [083]', '',
  ].join('\n'), undefined, 's');
  const i = new VerbIndex(d);
  const [act] = i.verbSenses('acted');
  const rows: [string[], string][] = [
    [['on', 'a', 'resolution'], '102'],
    [['onto', 'a', 'resolution'], '100'],
    [['cultural', 'relations'], '083'],
    [['closer', 'relations'], '083'],
    [['economic', 'relations'], '100'],
  ];
  for (const [after, want] of rows) assert.equal(i.match(act, [], after)?.code, want, after.join(' '));
});

test('"%" patterns need a compound actor on their side, and then beat the default', () => {
  const d = parseVerbDictionary('--- AGREE  [081]  ---\nAGREE\n- * WITH %  [031]\n- % *  [030:030]\n', undefined, 'c');
  const i = new VerbIndex(d);
  const [agree] = i.verbSenses('agree');
  const rows: [string[], { before?: boolean; after?: boolean }, string, string | undefined][] = [
    [[], {}, '081', undefined],
    [[], { before: true }, '030', '030'],
    [['with', 'iran'], { after: true }, '031', undefined],
    [['with', 'iran'], {}, '081', undefined],
  ];
  for (const [after, compound, code, pair] of rows) {
    const m = i.match(agree, [], after, compound);
    assert.deepEqual([m?.code, m?.pair], [code, pair], `${after.join(' ')} ${JSON.stringify(compound)}`);
  }
});

test('regular inflections are generated', () => {
  for (const f of ['ban', 'bans', 'banned', 'banning']) assert.ok(verbForms('ban').includes(f), f);
  assert.ok(verbForms('cancel').includes('cancelled') && verbForms('cancel').includes('canceled'));
  assert.ok(verbForms('accuse').includes('accused') && verbForms('accuse').includes('accusing'));
  assert.ok(verbForms('deny').includes('denied') && verbForms('deny').includes('denies'));
});
