// `parley ingest` end to end, as a child process on real SQLite files: dedup, bad files, feeds, and kill -9 safety.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PACKAGE_ROOT } from '../resources/load.js';
import { openStore } from '../store/open.js';
import { DEMO_CORPUS, dumpRows } from '../store/test-support.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const tmp = mkdtempSync(join(tmpdir(), 'parley-ingest-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

function parley(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

async function dump(db: string) {
  const s = await openStore(db);
  try {
    return await dumpRows(s);
  } finally {
    await s.close();
  }
}

const lines = readFileSync(DEMO_CORPUS, 'utf8').split('\n').filter((l) => l.trim());

/** A directory with a JSONL file, two text files and an HTML page. */
function corpusDir(name: string, jsonlLines = 8): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'a.jsonl'), lines.slice(0, jsonlLines).join('\n') + '\n');
  const b = JSON.parse(lines[jsonlLines]) as { text: string };
  const c = JSON.parse(lines[jsonlLines + 1]) as { text: string; title: string };
  writeFileSync(join(dir, 'b.txt'), b.text);
  writeFileSync(join(dir, 'sub', 'c.html'), `<html><head><title>${c.title}</title></head><body><article>${c.text.split('\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
  return dir;
}

test('ingesting the same directory twice stores it once', async () => {
  const dir = corpusDir('twice');
  const db = join(tmp, 'twice.db');
  const first = parley('ingest', dir, '--db', db);
  assert.equal(first.status, 0, first.stderr);
  const once = await dump(db);
  assert.equal(once.articles.length, 10);
  const second = parley('ingest', dir, '--db', db, '--workers', '2');
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /0 stored, 10 already stored/);
  assert.deepEqual(await dump(db), once);
  const stats = JSON.parse(parley('stats', '--db', db, '--json').stdout) as Record<string, number>;
  assert.deepEqual(Object.keys(stats), ['articles', 'events', 'quotes', 'actors', 'mentions']);
  assert.equal(stats.articles, 10);
});

test('a binary file and an empty file are each reported, exit 1, and the stored rows are unchanged', async () => {
  const clean = corpusDir('clean');
  const dirty = corpusDir('dirty');
  writeFileSync(join(dirty, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]));
  writeFileSync(join(dirty, 'sub', 'empty.txt'), '');
  const r1 = parley('ingest', clean, '--db', join(tmp, 'clean.db'));
  assert.equal(r1.status, 0, r1.stderr);
  const r2 = parley('ingest', dirty, '--db', join(tmp, 'dirty.db'));
  assert.equal(r2.status, 1);
  const errors = r2.stderr.split('\n').filter((l) => /^parley: .*(photo\.jpg|empty\.txt): /.test(l));
  assert.equal(errors.length, 2, r2.stderr);
  assert.match(r2.stderr, /photo\.jpg: .*binary/);
  assert.match(r2.stderr, /empty\.txt: empty/);
  assert.deepEqual(await dump(join(tmp, 'dirty.db')), await dump(join(tmp, 'clean.db')));
});

test('RSS and Atom feeds become articles from their items', async () => {
  const dir = join(tmp, 'feeds');
  mkdirSync(dir);
  const a = JSON.parse(lines[20]) as { text: string; title: string; url: string };
  const b = JSON.parse(lines[21]) as { text: string; title: string; url: string };
  const html = (t: string) => t.split('\n').filter(Boolean).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
  writeFileSync(join(dir, 'news.rss'), `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>VOA</title>
    <item><title>${a.title}</title><link>${a.url}</link><guid>voa-a</guid><pubDate>Fri, 14 Mar 2025 20:30:26 GMT</pubDate>
    <content:encoded><![CDATA[${html(a.text)}]]></content:encoded></item>
    <item><title>No text</title><link>https://example.org/x</link></item></channel></rss>`);
  writeFileSync(join(dir, 'feed.xml'), `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>VOA Atom</title>
    <entry><title>${b.title}</title><id>urn:voa:b</id><link rel="alternate" href="${b.url}"/><updated>2025-03-13T10:00:00Z</updated>
    <content type="html">${html(b.text).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry></feed>`);
  const db = join(tmp, 'feeds.db');
  const r = parley('ingest', dir, '--db', db);
  assert.equal(r.status, 1, 'the item without text is reported');
  assert.match(r.stderr, /news\.rss#2: feed item has no text/);
  const s = await openStore(db);
  try {
    const got = await s.article('voa-a');
    assert.equal(got?.article.title, a.title);
    assert.equal(got?.article.url, a.url);
    assert.equal(got?.article.published, '2025-03-14');
    assert.equal(got?.article.source, 'VOA');
    assert.ok(got!.article.text.includes(a.text.split('\n')[0].slice(0, 80)));
    const atom = await s.article('urn:voa:b');
    assert.equal(atom?.article.url, b.url);
    assert.equal(atom?.article.published, '2025-03-13');
  } finally {
    await s.close();
  }
});

function articleCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not migrated yet
  }
}

/** Starts an ingest, SIGKILLs it once `atLeast` articles are stored, and resolves when it is gone. */
async function killAt(input: string, db: string, atLeast: number, extra: string[] = []): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', db, ...extra], { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', r));
  let done = false;
  void exited.then(() => (done = true));
  while (!done && articleCount(db) < atLeast) await new Promise((r) => setTimeout(r, 15));
  child.kill('SIGKILL');
  await exited;
}

test('an ingest killed with SIGKILL at any point and rerun ends with exactly the rows of one uninterrupted run', async () => {
  const input = join(tmp, 'kill.jsonl');
  writeFileSync(input, lines.slice(0, 30).join('\n') + '\n');
  const ref = join(tmp, 'ref.db');
  assert.equal(parley('ingest', input, '--db', ref).status, 0);
  const expected = await dump(ref);
  assert.equal(expected.articles.length, 30);
  for (const [n, at, extra] of [[0, 0, []], [1, 1, []], [2, 12, ['--workers', '2']], [3, 29, []], [4, 30, []]] as const) {
    const db = join(tmp, `kill-${n}.db`);
    await killAt(input, db, at, [...extra]);
    const killedAt = articleCount(db);
    const r = parley('ingest', input, '--db', db);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(await dump(db), expected, `killed after ${killedAt} articles`);
  }
});
