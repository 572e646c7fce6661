// The store's behaviour, written once and run against every driver (store.test.ts: SQLite; postgres.test.ts: PostgreSQL).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PIPELINE } from '../pipeline/extract.js';
import type { SqlStorage } from './store.js';
import { demoFixtures, dumpRows, fixture, type Fixture } from './test-support.js';

export type OpenFresh = () => Promise<{ store: SqlStorage; cleanup: () => Promise<void> }>;

async function withStore(open: OpenFresh, fn: (s: SqlStorage) => Promise<void>): Promise<void> {
  const { store, cleanup } = await open();
  try {
    await fn(store);
  } finally {
    await store.close();
    await cleanup();
  }
}

async function putAll(store: SqlStorage, fx: readonly Fixture[]): Promise<void> {
  for (const f of fx) await store.putArticle(f.article, f.extraction, PIPELINE);
  await store.fuse();
}

export function storeSuite(driver: string, open: OpenFresh, opts: { skip?: string } = {}): void {
  const t = (name: string, fn: () => Promise<void>) => test(`${driver}: ${name}`, { skip: opts.skip }, fn);

  t('migrating twice is harmless', () => withStore(open, async (s) => {
    await s.migrate();
    assert.deepEqual(await s.stats(), { articles: 0, events: 0, quotes: 0, actors: 0, mentions: 0 });
  }));

  t('an article is stored once: by id, and by text when the id differs', () => withStore(open, async (s) => {
    const [f] = demoFixtures(1);
    assert.equal(await s.putArticle(f.article, f.extraction, PIPELINE), true);
    assert.equal(await s.putArticle(f.article, f.extraction, PIPELINE), false);
    assert.equal(await s.putArticle({ ...f.article, id: 'other-id' }, f.extraction, PIPELINE), false);
    assert.equal(await s.hasArticle('nope', f.article.contentHash), true);
    assert.equal(await s.hasArticle(f.article.id, 'nope'), true);
    assert.equal(await s.hasArticle('nope', 'nope'), false);
    const st = await s.stats();
    assert.equal(st.articles, 1);
    assert.equal(st.events, f.extraction.events.length);
    assert.equal(st.quotes, f.extraction.quotes.length);
    assert.equal(st.mentions, f.extraction.mentions.length);
    assert.equal(st.actors, f.extraction.actors.length);
  }));

  t('the stored article comes back with its extraction and pipeline', () => withStore(open, async (s) => {
    const [f] = demoFixtures(1);
    await putAll(s, [f]);
    const got = await s.article(f.article.id);
    assert.ok(got);
    assert.deepEqual(got.extraction, f.extraction);
    assert.equal(got.article.text, f.article.text);
    assert.deepEqual(got.article.pipeline, [...PIPELINE]);
    assert.equal(await s.article('missing'), undefined);
  }));

  t('event filters and pagination', () => withStore(open, async (s) => {
    const fx = demoFixtures(12);
    await putAll(s, fx);
    const all = fx.flatMap((f) => f.extraction.events.map((e) => ({ ...e, published: f.article.published })));
    const everything = await s.events({ limit: 1000 });
    assert.equal(everything.total, all.length);
    const p1 = await s.events({ limit: 3, offset: 0 });
    const p2 = await s.events({ limit: 3, offset: 3 });
    assert.equal(p1.items.length, Math.min(3, all.length));
    assert.deepEqual([...p1.items, ...p2.items].map((e) => e.articleId + e.id), everything.items.slice(0, p1.items.length + p2.items.length).map((e) => e.articleId + e.id));
    const e0 = all.find((e) => e.source.length && e.source[0].actor) ?? all[0];
    const actor = e0.source[0]?.actor ?? e0.target[0]?.actor;
    if (actor) {
      const byActor = await s.events({ actor, limit: 1000 });
      const expected = all.filter((e) => [...e.source, ...e.target].some((r) => r.actor === actor || r.code === actor));
      assert.equal(byActor.total, expected.length);
    }
    const root = e0.cameo.slice(0, 2);
    assert.equal((await s.events({ cameo: root, limit: 1000 })).total, all.filter((e) => e.cameo.startsWith(root)).length);
    assert.equal((await s.events({ plover: e0.plover.type.toLowerCase(), limit: 1000 })).total, all.filter((e) => e.plover.type === e0.plover.type).length);
    const day = e0.date.value ?? e0.published!;
    const onDay = all.filter((e) => (e.date.value ?? e.published) === day).length;
    assert.equal((await s.events({ since: day, until: day, limit: 1000 })).total, onDay);
    const word = e0.trigger.text.split(/\s+/)[0];
    const hits = await s.events({ q: word, limit: 1000 });
    assert.ok(hits.items.some((e) => e.articleId && e.id === e0.id), `full-text search finds "${word}"`);
    assert.equal((await s.events({ q: 'zzqxnotaword', limit: 10 })).total, 0);
    assert.equal((await s.events({ q: '"unbalanced AND (', limit: 10 })).total >= 0, true, 'odd search text is not an error');
    const e = everything.items[0];
    assert.ok(e.pipeline?.length, 'events carry their pipeline versions');
    assert.ok(e.clusterId && e.cluster && e.cluster.mentions >= 1);
  }));

  t('actors with event counts, quotes by speaker and text', () => withStore(open, async (s) => {
    const fx = demoFixtures(12);
    await putAll(s, fx);
    const actors = await s.actors({ limit: 1000 });
    assert.equal(actors.total, (await s.stats()).actors);
    for (let i = 1; i < actors.items.length; i++) assert.ok(actors.items[i - 1].events >= actors.items[i].events, 'most active first');
    const top = actors.items[0];
    assert.ok((await s.actors({ q: top.name.slice(0, 4).toLowerCase() })).items.some((a) => a.id === top.id));
    const quotes = fx.flatMap((f) => f.extraction.quotes);
    assert.equal((await s.quotes({ limit: 1000 })).total, quotes.length);
    const withSpeaker = quotes.find((q) => q.speaker?.actor);
    if (withSpeaker) {
      const got = await s.quotes({ speaker: withSpeaker.speaker!.actor!, limit: 1000 });
      assert.ok(got.items.length >= 1 && got.items.every((q) => q.speaker?.actor === withSpeaker.speaker!.actor || (q.speakerText ?? '').toLowerCase().includes(withSpeaker.speaker!.actor!.toLowerCase())));
    }
    const word = (quotes.find((q) => /[a-z]{6,}/i.test(q.text))?.text.match(/[a-z]{6,}/i) ?? ['x'])[0];
    assert.ok((await s.quotes({ q: word })).total >= 1);
  }));

  t('network and timeline summarise events', () => withStore(open, async (s) => {
    await putAll(s, demoFixtures(20));
    const g = await s.network({});
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) assert.ok(ids.has(e.source) && ids.has(e.target) && e.count >= 1);
    const tl = await s.timeline({ interval: 'month' });
    const total = (await s.events({ limit: 1 })).total;
    const dated = (await s.events({ since: '0000-01-01', limit: 1 })).total;
    assert.ok(dated <= total);
    assert.equal(tl.reduce((n, b) => n + b.count, 0), dated);
    for (const b of tl) assert.match(b.period, /^\d{4}-\d{2}$/);
    for (const b of await s.timeline({ interval: 'week' })) assert.equal(new Date(b.period + 'T00:00:00Z').getUTCDay(), 1, 'weeks start on Monday');
  }));

  t('the timeline dyad filter counts the pair\'s dated events in either direction, by actor id or country code', () => withStore(open, async (s) => {
    const fx = demoFixtures(20);
    await putAll(s, fx);
    type Ref = { actor?: string | null; code?: string | null; country?: string | null };
    const is = (r: Ref, who: string) => r.actor === who || r.code === who || r.country === who;
    const dated = fx.flatMap((f) => f.extraction.events.filter((e) => e.date.value ?? f.article.published));
    const pairs = dated.filter((e) => e.source.length && e.target.length).map((e) => [e.source[0], e.target[0]] as [Ref, Ref]);
    assert.ok(pairs.length >= 2, 'the fixtures have dyadic events');
    const cases: [string, string][] = [];
    for (const [a, b] of pairs.slice(0, 3)) {
      if (a.actor && b.actor) cases.push([a.actor, b.actor], [b.actor, a.actor]);
      if (a.country && b.country) cases.push([a.country, b.country]);
    }
    assert.ok(cases.length >= 2);
    for (const [a, b] of cases) {
      const expected = dated.filter((e) =>
        (e.source.some((r) => is(r, a)) && e.target.some((r) => is(r, b))) || (e.source.some((r) => is(r, b)) && e.target.some((r) => is(r, a)))).length;
      const got = (await s.timeline({ dyad: [a, b], interval: 'month' })).reduce((n, x) => n + x.count, 0);
      assert.equal(got, expected, `${a}-${b}`);
      assert.ok(got >= 1, `${a}-${b} matches the event it was taken from`);
    }
  }));

  t('the same event in two articles fuses into one cluster with two sources', () => withStore(open, async (s) => {
    const base = demoFixtures(40).find((f) => f.extraction.events.some((e) => e.source.length && e.target.length))!;
    const again = fixture({ id: base.article.id + '-copy', text: base.article.text + '\n', published: base.article.published, source: 'Other Outlet' });
    await putAll(s, [base, again]);
    const e = (await s.events({ article: base.article.id, limit: 1 })).items[0];
    const c = (await s.events({ article: again.article.id, limit: 1000 })).items.find((x) => x.id === e.id)!;
    assert.equal(c.clusterId, e.clusterId);
    assert.ok(e.cluster!.mentions >= 2 && e.cluster!.articles === 2 && e.cluster!.sources === 2);
  }));

  t('clusters do not depend on ingest order', () => {
    const fx = demoFixtures(12);
    const dumps: string[] = [];
    return (async () => {
      for (const order of [fx, [...fx].reverse()]) {
        await withStore(open, async (s) => {
          await putAll(s, order);
          const d = await dumpRows(s);
          dumps.push(JSON.stringify({ clusters: d.event_clusters, events: d.events, actors: d.actors }));
        });
      }
      assert.equal(dumps[0], dumps[1]);
    })();
  });

  t('recode replaces an extraction atomically and re-fuses', () => withStore(open, async (s) => {
    const fx = demoFixtures(3);
    await putAll(s, fx);
    const before = await dumpRows(s);
    const f = fx[0];
    const trimmed = { ...f.extraction, events: f.extraction.events.slice(1), quotes: [] };
    assert.equal(await s.replaceExtraction(f.article.id, trimmed, ['test@1']), true);
    await s.fuse();
    assert.equal((await s.events({ article: f.article.id, limit: 1000 })).total, Math.max(0, f.extraction.events.length - 1));
    assert.equal((await s.quotes({ limit: 1000 })).total, fx.slice(1).reduce((n, x) => n + x.extraction.quotes.length, 0));
    assert.deepEqual((await s.article(f.article.id))!.article.pipeline, ['test@1']);
    assert.equal(await s.replaceExtraction('missing', trimmed, PIPELINE), false);
    await s.replaceExtraction(f.article.id, f.extraction, PIPELINE);
    await s.fuse();
    await s.pruneActors();
    const after = await dumpRows(s);
    delete before.pipeline_versions;
    delete after.pipeline_versions;
    assert.deepEqual(after, before);
  }));

  t('exports read clusters and events', () => withStore(open, async (s) => {
    await putAll(s, demoFixtures(12));
    const clusters = await s.clusters({ limit: 10_000 });
    assert.equal(clusters.total, await s.clusterCount());
    const sum = clusters.items.reduce((n, c) => n + c.mentions, 0);
    assert.equal(sum, (await s.stats()).events, 'every event is in exactly one cluster');
  }));
}
