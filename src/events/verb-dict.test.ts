// The PETRARCH verb-dictionary reader: CAMEO.2.0 entries compile and match as the dictionary means them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVerbDictionary, VerbIndex, verbForms } from './verb-dict.js';

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

const CASES: { name: string; word: string; before?: string[]; after: string[]; want: string | null; reverse?: boolean }[] = [
  { name: 'block default code', word: 'met', after: ['the', 'minister'], want: '040' },
  { name: 'irregular form from braces', word: 'met', after: ['for', 'talks'], want: '036' },
  { name: 'paired code keeps the first half', word: 'contacted', after: ['him', 'by', 'telephone'], want: '041' },
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

test('regular inflections are generated', () => {
  for (const f of ['ban', 'bans', 'banned', 'banning']) assert.ok(verbForms('ban').includes(f), f);
  assert.ok(verbForms('cancel').includes('cancelled') && verbForms('cancel').includes('canceled'));
  assert.ok(verbForms('accuse').includes('accused') && verbForms('accuse').includes('accusing'));
  assert.ok(verbForms('deny').includes('denied') && verbForms('deny').includes('denies'));
});
