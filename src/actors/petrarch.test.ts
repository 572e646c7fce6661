import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dictionaryKind, parseCodeBlock, parseDictionary, parsePetrarchActors, parsePetrarchAgents, parsePetrarchDiscards, parleyDictionaryToKb, splitCode, type DictionaryKind } from './petrarch.js';
import { KnowledgeBase, validOn, type KbFile } from './kb.js';
import { PACKAGE_ROOT } from '../resources/load.js';
import { tokenize } from '../text/tokenize.js';

const fixture = (name: string): string => readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'petrarch', name), 'utf8');
const split = (a: string): string[] => { const d = tokenize(a); return d.span(0, d.length).words(); };
const kbOf = (f: KbFile): KnowledgeBase => new KnowledgeBase(f, split);

test('code blocks: plain, before, after and range restrictions', () => {
  const rows: [string, ReturnType<typeof parseCodeBlock>][] = [
    ['USAGOV', { code: 'USAGOV' }],
    ['HOB < 950601', { code: 'HOB', end: '1995-06-01' }],
    ['HOBREB > 990816', { code: 'HOBREB', start: '1999-08-16' }],
    ['HOBGOV 19950601 - 19990815', { code: 'HOBGOV', start: '1995-06-01', end: '1999-08-16' }],
    ['RUSELI 700101-990809', { code: 'RUSELI', start: '1970-01-01', end: '1999-08-10' }],
    ['USR <911226', { code: 'USR', end: '1991-12-26' }],
  ];
  for (const [inner, want] of rows) assert.deepEqual(parseCodeBlock(inner), want, inner);
});

test('codes split into country, org and sector', () => {
  assert.deepEqual(splitCode('USAGOV'), { country: 'USA', org: null, sector: 'GOV' });
  assert.deepEqual(splitCode('IGOUNO'), { country: null, org: 'UNO', sector: 'IGO' });
  assert.deepEqual(splitCode('ISR'), { country: 'ISR', org: null, sector: '' });
});

test('PETR.Validate actors dictionary loads with synonyms and date restrictions', () => {
  const actors = parsePetrarchActors(fixture('PETR.Validate.actors.txt'));
  assert.ok(actors.length >= 100, `only ${actors.length} actors`);
  const gollum = actors.find((a) => a.phrase === 'GOLLUM');
  assert.ok(gollum);
  assert.deepEqual(gollum.synonyms, ['SMEAGOL', 'SLINKER', 'STINKER']);
  assert.deepEqual(gollum.codes, [
    { code: 'HOB', end: '1995-06-01' },
    { code: 'HOBGOV', start: '1995-06-01', end: '1999-08-16' },
    { code: 'HOBREB', start: '1999-08-16' },
  ]);
  const denmark = actors.find((a) => a.phrase === 'DENMARK');
  assert.deepEqual(denmark?.synonyms, ['DANISH', 'ZEALAND']);
  assert.equal(actors.find((a) => a.phrase === 'ENT')?.codes[0].code, 'ENT');
  assert.equal(actors.find((a) => a.phrase === 'HAMAS')?.codes[0].code, 'PSEREBHMS');
});

test('PETR.Validate actors become a knowledge base with case-insensitive, date-aware lookups', () => {
  const kb = kbOf(parseDictionary(fixture('PETR.Validate.actors.txt'), 'validate'));
  const smeagol = kb.lookup(['Smeagol']);
  assert.ok(smeagol && smeagol.length === 3);
  const on = (d: string): string[] => smeagol.filter((e) => validOn(e, d)).map((e) => e.code);
  assert.deepEqual(on('1990-01-01'), ['HOB']);
  assert.deepEqual(on('1997-01-01'), ['HOBGOV']);
  assert.deepEqual(on('2005-01-01'), ['HOBREB']);
  assert.equal(kb.lookup(['Israeli', 'troops'])?.[0].code, 'ISRMIL');
  assert.equal(kb.lookup(['UNITED', 'NATIONS'])?.[0].code, 'UNO');
  assert.equal(kb.lookup(['the', 'Hermit', 'Kingdom'])?.[0].country, 'PRK');
  // TABARI stems: a one-word phrase without a trailing '_' matches longer words
  assert.equal(kb.lookup(['Argentina'])?.[0].code, 'ARG');
  assert.equal(kb.matchAll(['Bulgarian', 'troops'])[0]?.entries[0].code, 'BUL');
  assert.equal(kb.lookup(['Australians'])?.[0].code, 'AUS');
});

test('PETR.Validate agents dictionary loads with macros, plurals and prefix codes', () => {
  const agents = parsePetrarchAgents(fixture('PETR.Validate.agents.txt'));
  assert.ok(agents.length >= 50, `only ${agents.length} agents`);
  assert.equal(agents.find((a) => a.phrase === 'FOREIGN MINISTER')?.code, 'GOVFRM');
  const silly = agents.filter((a) => a.phrase.endsWith('OF SILLY WALKS')).map((a) => a.phrase);
  assert.ok(silly.includes('MINISTRY OF SILLY WALKS') && silly.includes('MINISTER OF SILLY WALKS'));
  assert.deepEqual(agents.find((a) => a.phrase === 'GOLDEN GOOSE')?.plurals, ['GOLDEN GEESE']);
  assert.equal(agents.find((a) => a.phrase === 'MSF')?.position, 'prefix');
  const kb = kbOf(parseDictionary(fixture('PETR.Validate.agents.txt'), 'validate-agents'));
  assert.equal(kb.noun('foreign minister')?.sector, 'GOV');
  assert.equal(kb.noun('golden geese')?.code, 'GGS');
  assert.equal(kb.noun('troops')?.sector, 'MIL');
});

test('Parley JSON dictionary adds an actor with aliases and dates', () => {
  const kb = kbOf(parleyDictionaryToKb({
    parley: 'actors@1',
    actors: [{ name: 'Jane Roe', country: 'FRA', sector: 'GOV', role: 'mayor', aliases: ['Mayor Roe'], start: '2020-01-01' }],
  }, 'test'));
  const e = kb.lookup(['Jane', 'Roe'])?.[0];
  assert.equal(e?.code, 'FRAGOV');
  assert.equal(e?.kind, 'person');
  assert.equal(validOn(e!, '2019-01-01'), false);
  assert.throws(() => parleyDictionaryToKb({ parley: 'nope' } as never, 'bad'), /not a Parley dictionary/);
});

test('the kind of a dictionary file is read from its syntax', () => {
  const rows: [string, DictionaryKind][] = [
    ['{"parley": "actors@1", "actors": []}', 'parley'],
    ['&SYN\n+WORD\n--- ARRIVE  [032:033]  ---\nARRIVE\n- * IN [032]\n', 'verbs'],
    ['SOLDIER [~MIL]\nMSF {} [NGO~]\n', 'agents'],
    ['GONDOR [GON]\n+MINAS_TIRITH\nDANISH [DNK]\n', 'actors'],
    ['# story-level with +\nMONTHS LATER\n+TYPHOON   # ELH 04 Aug 2009\n', 'discards'],
    ['<!-- a [BLOCK] in a comment -->\nBASEBALL\n', 'discards'],
  ];
  for (const [text, kind] of rows) assert.equal(dictionaryKind(text), kind, text);
  assert.throws(() => parseDictionary('BASEBALL\n', 'd.txt'), /discards file/);
});

test('discards: sentence-level phrases, and story-level ones marked with "+"', () => {
  const d = parsePetrarchDiscards('# comment\nMONTHS LATER\nBALLCLUB   # MleH\n+World Golf Championships   # pas\n+ESPN2 \n');
  assert.deepEqual(d.sentence, [['months', 'later'], ['ballclub']]);
  assert.deepEqual(d.story, [['world', 'golf', 'championships'], ['espn2']]);
});
