// Exports from a real SQLite store through `parley export`: GDELT has 61 tab-separated fields on every line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PIPELINE } from '../pipeline/extract.js';
import { PACKAGE_ROOT } from '../resources/load.js';
import { GDELT_COLUMNS, CSV_COLUMNS, gdeltId } from './export.js';
import { openStore } from './open.js';
import { demoFixtures, fixture } from './test-support.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
const db = join(dir, 'x.db');
const CLI = join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
let clusters = 0;
let events = 0;

before(async () => {
  const s = await openStore(db);
  // a hostile title and evidence with tabs and newlines must not break the row layout
  const hostile = fixture({ id: 'tabs', text: 'Russia\tattacked\nUkraine on Monday.\tThe G7 condemned\tRussia.', title: 'a\ttitle\nwith breaks', published: '2025-03-14', url: 'https://example.org/a\tb' });
  for (const f of [...demoFixtures(20), hostile]) await s.putArticle(f.article, f.extraction, PIPELINE);
  await s.fuse();
  clusters = await s.clusterCount();
  events = (await s.stats()).events;
  await s.close();
});
after(() => rmSync(dir, { recursive: true, force: true }));

function exportOut(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, 'export', '--db', db, ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('the GDELT column list is the 61 columns of the GDELT 2.0 event table', () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.equal(GDELT_COLUMNS[0], 'GlobalEventID');
  assert.equal(GDELT_COLUMNS[26], 'EventCode');
  assert.equal(GDELT_COLUMNS[31], 'NumMentions');
  assert.equal(GDELT_COLUMNS[60], 'SOURCEURL');
});

test('GDELT export: one row per fused event, exactly 61 tab-separated fields on every line, no header', () => {
  const lines = exportOut('--format', 'gdelt').split('\n');
  assert.equal(lines.pop(), '');
  assert.equal(lines.length, clusters);
  for (const l of lines) {
    const f = l.split('\t');
    assert.equal(f.length, 61, l);
    assert.match(f[0], /^\d+$/);
    assert.match(f[1], /^(\d{8})?$/);
    assert.match(f[26], /^\d{2,4}$/);
    assert.ok(Number(f[31]) >= 1 && Number(f[32]) >= 1 && Number(f[33]) >= 1);
  }
  assert.ok(!lines[0].startsWith('GlobalEventID'));
  assert.equal(gdeltId('c1'), gdeltId('c1'));
  assert.ok(Number.isSafeInteger(gdeltId('cffffffffffffffffffff')));
});

test('date filters narrow the export', () => {
  const all = exportOut('--format', 'plover').split('\n').filter(Boolean);
  const some = exportOut('--format', 'plover', '--since', '2025-03-13', '--until', '2025-03-14').split('\n').filter(Boolean);
  assert.ok(some.length < all.length && some.length > 0);
  for (const l of some) {
    const d = (JSON.parse(l) as { date: string }).date;
    assert.ok(d >= '2025-03-13' && d <= '2025-03-14', d);
  }
});

test('PLOVER export: one JSON record per event with id, date, actor, event and a link to its cluster', () => {
  const recs = exportOut('--format', 'plover').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(recs.length, events);
  for (const r of recs) {
    assert.equal(typeof r.id, 'string');
    assert.ok(Array.isArray(r.actor) && Array.isArray(r.event) && (r.event as string[]).length === 1);
    assert.ok([1, 2, 3, 4].includes(r.quad_code as number));
    assert.match(r.link as string, /^c[0-9a-f]+$/);
  }
  assert.equal(new Set(recs.map((r) => r.id)).size, recs.length);
});

test('CSV export: a header and one quoted row per event', () => {
  const out = exportOut('--format', 'csv');
  const [header] = out.split('\n');
  assert.equal(header, CSV_COLUMNS.join(','));
  assert.ok(out.includes('"a\ttitle\nwith breaks"') || out.includes('a\ttitle') === false);
});

test('JSONL export: one Extraction per stored article', () => {
  const docs = exportOut('--format', 'jsonl').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { schema: string });
  assert.equal(docs.length, 21);
  assert.ok(docs.every((d) => d.schema === 'parley/extraction@1'));
});
