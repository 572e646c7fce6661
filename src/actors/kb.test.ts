import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadResources } from '../resources/load.js';
import { validOn } from './kb.js';

const { kb } = loadResources();

test('the shipped KB covers every country and the main organisations, groups and people', () => {
  const c = kb.counts();
  assert.ok(c.country >= 240, `countries ${c.country}`);
  assert.ok(c.igo >= 300, `igos ${c.igo}`);
  assert.ok(c.group >= 100, `groups ${c.group}`);
  assert.ok(c.person >= 2000, `people ${c.person}`);
});

test('every person spell has a role, a start date and a country or organisation', () => {
  for (const e of kb.entries) {
    if (e.kind !== 'person') continue;
    assert.ok(e.role, `${e.id} has no role`);
    assert.ok(e.start && /^\d{4}-\d{2}-\d{2}$/.test(e.start), `${e.id} start ${e.start}`);
    assert.ok(!e.end || e.start <= e.end, `${e.id} ends before it starts`);
    assert.ok(e.country || e.org, `${e.id} has neither country nor org`);
  }
});

test('2025 office-holders are in office on 2025-06-01', () => {
  const names = [
    'Donald Trump', 'JD Vance', 'Marco Rubio', 'Pete Hegseth', 'Steve Witkoff', 'Karoline Leavitt', 'Vladimir Putin',
    'Sergei Lavrov', 'Dmitry Peskov', 'Yuri Ushakov', 'Volodymyr Zelenskyy', 'Andrii Sybiha', 'Benjamin Netanyahu',
    "Gideon Sa'ar", 'Israel Katz', 'Masoud Pezeshkian', 'Ali Khamenei', 'Abbas Araghchi', 'Esmaeil Baghaei',
    'Badr al-Busaidi', 'Kaja Kallas', 'Ursula von der Leyen', 'Antonio Guterres', 'Rafael Grossi', 'Mark Rutte',
    'Keir Starmer', 'David Lammy', 'Emmanuel Macron', 'Jean-Noel Barrot', 'Friedrich Merz', 'Johann Wadephul',
    'Xi Jinping', 'Wang Yi', 'Narendra Modi', 'Subrahmanyam Jaishankar', 'Recep Tayyip Erdogan', 'Hakan Fidan',
    'Mohammed bin Salman', 'Faisal bin Farhan', 'Abdel Fattah el-Sisi', 'Ahmed al-Sharaa',
  ];
  for (const n of names) {
    const hit = kb.lookup(n.split(' '));
    assert.ok(hit?.some((e) => e.kind === 'person' && validOn(e, '2025-06-01')), `${n} not in office on 2025-06-01`);
  }
});

test('aliases of seats of power, groups and IGOs resolve to the expected codes', () => {
  const rows: [string[], string, string | null, string | null][] = [
    [['Kremlin'], 'RUSGOV', 'RUS', null],
    [['Pentagon'], 'USAMIL', 'USA', null],
    [['IRGC'], 'IRNMIL', 'IRN', null],
    [['Ansar', 'Allah'], 'YEMREB', 'YEM', 'Houthis'],
    [['NATO'], 'IGOWSTNAT', null, 'NATO'],
    [['Arab', 'League'], 'IGOMEAARL', null, 'ARL'],
  ];
  for (const [words, code, country, org] of rows) {
    const e = kb.lookup(words)?.[0];
    assert.ok(e, words.join(' '));
    assert.equal(e.code, code);
    assert.equal(e.country, country);
    assert.equal(e.org, org);
  }
});

test('role nouns map to sectors', () => {
  assert.equal(kb.noun('foreign minister')?.sector, 'GOV');
  assert.equal(kb.noun('defense minister')?.sector, 'MIL');
  assert.equal(kb.noun('lawmakers')?.sector, 'LEG');
  assert.equal(kb.noun('spokesperson')?.person, true);
  assert.equal(kb.noun('strikes')?.sector, 'MIL');
});

// REST Countries gives two-part countries one demonym string ("Bosnian, Herzegovinian"); each part is a demonym
const demonymCases: [string, string][] = [
  ['Bosnian', 'BIH'],
  ['Bosnians', 'BIH'],
  ['Herzegovinian', 'BIH'],
  ['Antiguan', 'ATG'],
  ['Serbian', 'SRB'],
];
for (const [word, iso3] of demonymCases) {
  test(`the demonym "${word}" names ${iso3}`, () => {
    const hit = kb.lookup([word]);
    assert.ok(hit?.some((e) => e.kind === 'demonym' && e.country === iso3), `${word}: ${JSON.stringify(hit?.map((e) => [e.kind, e.country]))}`);
  });
}
