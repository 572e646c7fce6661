// The shared PostgreSQL queue with real `parley ingest --queue` processes: two at once, one killed with SIGKILL and
// rerun, poison articles and lost leases; the store must end exactly as one SQLite run of the same corpus leaves
// it. Needs PARLEY_TEST_PG (scripts/pg-test-server.sh); skipped, saying so, without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../resources/load.js';
import { openStore } from '../store/open.js';
import { JobQueue } from '../store/queue.js';
import { DEMO_CORPUS, dumpRows } from '../store/test-support.js';
import { createTestDatabase } from '../store/pg-test-db.js';
import { ingestShared } from './shared.js';

const CLI = join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const url = process.env.PARLEY_TEST_PG;
const skip = url ? undefined : 'PARLEY_TEST_PG is unset: run `eval "$(scripts/pg-test-server.sh start)"` to test the shared queue';
if (skip) process.stderr.write(`shared.test: skipped: ${skip}\n`);

const tmp = mkdtempSync(join(tmpdir(), 'parley-shared-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const lines = readFileSync(DEMO_CORPUS, 'utf8').split('\n').filter((l) => l.trim());

/** A fresh database for one test; dropped when the test ends. */
async function freshDb(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const db = await createTestDatabase(url!, 'parley_shared_');
  t.after(db.drop);
  return db.url;
}

async function dump(db: string) {
  const s = await openStore(db);
  try {
    const rows = await dumpRows(s);
    // the search tables are SQLite's own (PostgreSQL keeps generated tsvector columns instead)
    for (const k of ['article_fts', 'event_fts', 'quote_fts']) delete rows[k];
    return rows;
  } finally {
    await s.close();
  }
}

async function jobs(db: string): Promise<{ id: number; article_id: string; state: string; attempts: number; worker: string | null; error: string | null }[]> {
  const s = await openStore(db);
  try {
    return await s.db.all('SELECT id, article_id, state, attempts, worker, error FROM ingest_jobs ORDER BY id');
  } finally {
    await s.close();
  }
}

function start(args: string[]): { child: ChildProcess; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, 'ingest', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return { child, exit: new Promise((r) => child.on('exit', (code) => r({ code, stderr }))) };
}

let reference: Record<string, unknown[]> | undefined;
const corpus = join(tmp, 'corpus.jsonl');
writeFileSync(corpus, lines.slice(0, 24).join('\n') + '\n');

/** One SQLite run of the corpus: what every PostgreSQL run must end with. */
async function sqliteReference(): Promise<Record<string, unknown[]>> {
  if (!reference) {
    const db = join(tmp, 'ref.db');
    const r = spawnSync(process.execPath, [CLI, 'ingest', corpus, '--db', db], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    reference = await dump(db);
    assert.equal(reference.articles.length, 24);
  }
  return reference;
}

test('--queue on a SQLite store is a usage error', () => {
  const r = spawnSync(process.execPath, [CLI, 'ingest', corpus, '--db', join(tmp, 'x.db'), '--queue', 'q'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^parley: --queue needs a PostgreSQL store/);
});

test('two ingest processes on one queue extract each article once and store what one SQLite run stores', { skip }, async (t) => {
  const db = await freshDb(t);
  const args = [corpus, '--db', db, '--queue', 'day1', '--workers', '1', '--lease', '60'];
  const [a, b] = [start(args), start(args)];
  const [ra, rb] = await Promise.all([a.exit, b.exit]);
  assert.equal(ra.code, 0, ra.stderr);
  assert.equal(rb.code, 0, rb.stderr);
  const enqueued = [ra, rb].map((r) => Number(/(\d+) enqueued by this process/.exec(r.stderr)?.[1]));
  assert.equal(enqueued[0] + enqueued[1], 24, 'each article is enqueued once, whoever came first');
  const stored = [ra, rb].map((r) => Number(/it stored (\d+)/.exec(r.stderr)?.[1]));
  assert.equal(stored[0] + stored[1], 24, 'no article is stored twice, none is missed');
  const js = await jobs(db);
  assert.equal(js.length, 24);
  assert.ok(js.every((j) => j.state === 'done' && j.attempts === 1), 'no job was claimed twice');
  assert.deepEqual(await dump(db), await sqliteReference());
});

test('a worker killed with SIGKILL mid-run loses its claimed articles to the other once the lease expires; a rerun adds nothing', { skip }, async (t) => {
  const db = await freshDb(t);
  const args = [corpus, '--db', db, '--queue', 'day1', '--workers', '1', '--lease', '3'];
  const a = start(args);
  const b = start(args);
  // the signal to kill: A has stored an article and holds claimed ones (its worker name carries its pid)
  const mine = (w: string | null) => !!w && w.split('/')[1] === String(a.child.pid);
  let aExited = false;
  void a.exit.then(() => (aExited = true));
  for (;;) {
    const js = await jobs(db).catch(() => []);
    if (aExited || (js.some((j) => j.state === 'done' && mine(j.worker)) && js.some((j) => j.state === 'running' && mine(j.worker)))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(aExited, false, 'A was still running');
  a.child.kill('SIGKILL');
  await a.exit;
  const orphans = (await jobs(db)).filter((j) => j.state === 'running' && mine(j.worker));
  assert.ok(orphans.length >= 1, 'A died holding claimed articles');
  const rb = await b.exit;
  assert.equal(rb.code, 0, rb.stderr);
  const after = await jobs(db);
  assert.ok(after.every((j) => j.state === 'done'), 'B drained the queue');
  for (const o of orphans) {
    const j = after.find((x) => x.id === o.id)!;
    assert.equal(j.attempts, 2, `${j.article_id} was claimed again after A's lease expired`);
    assert.ok(!mine(j.worker), `${j.article_id} was finished by B`);
  }
  const expected = await sqliteReference();
  assert.deepEqual(await dump(db), expected);
  const rerun = start(args);
  const rr = await rerun.exit;
  assert.equal(rr.code, 0, rr.stderr);
  assert.match(rr.stderr, /0 enqueued by this process; it stored 0/);
  assert.deepEqual(await dump(db), expected);
});

test('an article that fails every attempt is marked failed with its error and reported once, naming its input', { skip }, async (t) => {
  const db = await freshDb(t);
  const store = await openStore(db);
  try {
    const q = new JobQueue(store.db, 'poison', 'test', { leaseSeconds: 30, maxAttempts: 2 });
    const good = JSON.parse(lines[0]) as { id: string; text: string; published: string };
    await q.enqueue([
      // text that is not a string: what a hand-edited or foreign queue row could hold
      { where: 'bad.jsonl:7', article: { id: 'bad', text: 42 as unknown as string }, contentHash: 'h-bad' },
      { where: 'good.jsonl:1', article: { id: good.id, text: good.text, published: good.published.slice(0, 10) }, contentHash: 'h-good' },
    ]);
    const errors: string[] = [];
    const r = await ingestShared(store, [], { queue: 'poison', maxAttempts: 2, leaseSeconds: 30, onError: (w, m) => errors.push(`${w}: ${m}`) });
    assert.deepEqual(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^bad\.jsonl:7: .*string "text".*failed 2 times; not retried\)$/);
    assert.ok(!errors[0].includes('\n') && !/\bat .*\.js:\d+/.test(errors[0]), 'one line, no stack trace');
    assert.deepEqual({ stored: r.stored, failed: r.failed }, { stored: 1, failed: 1 });
    assert.deepEqual(r.queue, { queued: 0, running: 0, done: 1, failed: 1 });
    const [f] = await q.failed();
    assert.deepEqual({ where: f.where, attempts: f.attempts }, { where: 'bad.jsonl:7', attempts: 2 });
    assert.match(f.error, /string "text"/);
    assert.ok(await store.article(good.id));
  } finally {
    await store.close();
  }
});

test('a lease that runs out sends the job back to the queue until its attempts are spent, then marks it failed', { skip }, async (t) => {
  const db = await freshDb(t);
  const store = await openStore(db);
  try {
    const opts = { leaseSeconds: 0.3, maxAttempts: 2 };
    const [w1, w2, w3] = ['w1', 'w2', 'w3'].map((w) => new JobQueue(store.db, 'lease', w, opts));
    await w1.enqueue([{ where: 'x.txt', article: { id: 'x', text: 'Some text.' }, contentHash: 'hx' }]);
    const untilExpired = async (q: JobQueue) => {
      // the server says how long until the lease runs out; waiting for time to pass is what a lease is
      for (let wait = await q.idle(1); wait !== 0 && wait !== 'finished'; wait = await q.idle(1)) await new Promise((r) => setTimeout(r, wait * 1000 + 5));
    };
    assert.deepEqual((await w1.claim(5)).map((j) => [j.article.id, j.attempts]), [['x', 1]]);
    assert.deepEqual(await w2.claim(5), [], 'a held lease is not claimed by another');
    await untilExpired(w2);
    assert.deepEqual(await w2.expire(), [], 'one attempt left: not failed yet');
    assert.deepEqual((await w2.claim(5)).map((j) => [j.article.id, j.attempts]), [['x', 2]]);
    assert.equal(await w1.heartbeat(), 0, 'w1 no longer holds it');
    await untilExpired(w3);
    assert.deepEqual(await w3.claim(5), [], 'no attempts left: never claimed a third time');
    const lost = await w3.expire();
    assert.deepEqual(lost.map((l) => [l.where, l.attempts]), [['x.txt', 2]]);
    assert.match(lost[0].error, /lease expired/);
    assert.deepEqual(await w3.counts(), { queued: 0, running: 0, done: 0, failed: 1 });
    assert.equal(await w3.idle(1), 'finished');
  } finally {
    await store.close();
  }
});

test('stores opened at once on a fresh database all migrate it (ingesters starting together)', { skip }, async (t) => {
  const db = await freshDb(t);
  const stores = await Promise.all(Array.from({ length: 4 }, () => openStore(db)));
  try {
    for (const s of stores) assert.deepEqual(await s.stats(), { articles: 0, events: 0, quotes: 0, actors: 0, mentions: 0 });
    const rows = await stores[0].db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => Number(r.version)), [1, 2]);
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
});
