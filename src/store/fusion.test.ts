// Fusion: same dyad, CAMEO root, dates within a day and compatible places make one cluster, whatever the order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockOf, fuseBlock, sideKey, type FusionMember } from './fusion.js';

function m(articleId: string, eventId: string, date: string | null, placeCountry: string | null = null, extra: Partial<FusionMember> = {}): FusionMember {
  return { articleId, eventId, date, placeCountry, cameo: '042', quadClass: 1, goldstein: 1.9, confidence: 0.5, source: articleId, published: date, ...extra };
}

function shape(clusters: ReturnType<typeof fuseBlock>): string[][] {
  return clusters.map((c) => c.members.map((x) => `${x.articleId}/${x.eventId}`));
}

test('side keys ignore order and duplicates and fall back to code, then text', () => {
  const r = (actor: string | null, code: string | null, text: string) => ({ actor, code, text, country: null, org: null });
  assert.equal(sideKey([r('USA', 'USA', 'U.S.'), r('FRA', 'FRA', 'France'), r('USA', 'USA', 'Washington')]), 'FRA+USA');
  assert.equal(sideKey([r(null, 'RUSMIL', 'Russian troops')]), 'RUSMIL');
  assert.equal(sideKey([r(null, null, 'The  Rebels')]), '~the rebels');
  assert.equal(sideKey([]), '');
});

test('the block is CAMEO root plus dyad', () => {
  const ref = { actor: 'USA', code: 'USA', text: 'US', country: 'USA', org: null };
  const tgt = { actor: 'CHN', code: 'CHN', text: 'China', country: 'CHN', org: null };
  assert.equal(blockOf({ cameo: '0421', source: [ref], target: [tgt] }), '04|USA|CHN');
  assert.equal(blockOf({ cameo: '190', source: [tgt], target: [ref] }), '19|CHN|USA');
});

const cases: { name: string; members: FusionMember[]; expect: string[][] }[] = [
  { name: 'same day in two articles fuse', members: [m('a', 'e1', '2025-03-14'), m('b', 'e3', '2025-03-14')], expect: [['a/e1', 'b/e3']] },
  { name: 'a day apart fuse', members: [m('a', 'e1', '2025-03-14'), m('b', 'e1', '2025-03-15')], expect: [['a/e1', 'b/e1']] },
  { name: 'two days apart stay apart', members: [m('a', 'e1', '2025-03-14'), m('b', 'e1', '2025-03-16')], expect: [['a/e1'], ['b/e1']] },
  { name: 'a chain of daily reports is one cluster', members: [m('a', 'e1', '2025-03-14'), m('b', 'e1', '2025-03-15'), m('c', 'e1', '2025-03-16')], expect: [['a/e1', 'b/e1', 'c/e1']] },
  { name: 'different countries stay apart', members: [m('a', 'e1', '2025-03-14', 'UKR'), m('b', 'e1', '2025-03-14', 'RUS')], expect: [['a/e1'], ['b/e1']] },
  { name: 'an unknown place is compatible', members: [m('a', 'e1', '2025-03-14', 'UKR'), m('b', 'e1', '2025-03-14', null)], expect: [['a/e1', 'b/e1']] },
  { name: 'undated events never fuse', members: [m('a', 'e1', null), m('b', 'e1', null)], expect: [['a/e1'], ['b/e1']] },
  { name: 'two sentences of one article fuse', members: [m('a', 'e1', '2025-03-14'), m('a', 'e2', '2025-03-14')], expect: [['a/e1', 'a/e2']] },
];

for (const c of cases) {
  test(`fusion: ${c.name}`, () => {
    const got = shape(fuseBlock('04|USA|CHN', c.members));
    assert.deepEqual(got.map((g) => g.join(',')).sort(), c.expect.map((g) => g.join(',')).sort());
  });
}

test('fusion is independent of input order (every permutation gives the same clusters and ids)', () => {
  const members = [m('a', 'e1', '2025-03-14', 'UKR'), m('b', 'e2', '2025-03-15'), m('c', 'e1', '2025-03-16', 'RUS'), m('d', 'e9', '2025-03-20'), m('e', 'e1', null)];
  const perms = (xs: FusionMember[]): FusionMember[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));
  const ref = JSON.stringify(fuseBlock('b', members));
  for (const p of perms(members)) assert.equal(JSON.stringify(fuseBlock('b', p)), ref);
});

test('counts follow GDELT: mentions, distinct sources, distinct articles', () => {
  const [c] = fuseBlock('b', [
    m('a', 'e1', '2025-03-14', null, { source: 'VOA' }),
    m('a', 'e2', '2025-03-14', null, { source: 'VOA' }),
    m('b', 'e1', '2025-03-14', null, { source: 'VOA' }),
    m('c', 'e1', '2025-03-15', null, { source: 'Reuters', confidence: 0.9, cameo: '043' }),
  ]);
  assert.equal(c.numMentions, 4);
  assert.equal(c.numArticles, 3);
  assert.equal(c.numSources, 2);
  assert.equal(c.cameo, '043', 'the most confident member represents the cluster');
  assert.equal(c.dateStart, '2025-03-14');
  assert.equal(c.dateEnd, '2025-03-15');
});
