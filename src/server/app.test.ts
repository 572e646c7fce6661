// The HTTP API on an ephemeral loopback port over a real SQLite store: endpoints, validation, headers, static UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { PIPELINE } from '../pipeline/extract.js';
import { openStore } from '../store/open.js';
import type { SqlStorage } from '../store/store.js';
import { demoFixtures } from '../store/test-support.js';
import { startServer, type Running } from './serve.js';
import { CSP } from './app.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-api-'));
let store: SqlStorage;
let server: Running;
let noUi: Running;

before(async () => {
  store = await openStore(join(dir, 'api.db'));
  for (const f of demoFixtures(12)) await store.putArticle(f.article, f.extraction, PIPELINE);
  await store.fuse();
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Parley UI</title><script type="module" src="/assets/app-1.js"></script>');
  writeFileSync(join(web, 'assets', 'app-1.js'), 'console.log("ui")');
  writeFileSync(join(dir, 'secret.txt'), 'outside the web root');
  server = await startServer(store, { port: 0, webRoot: web });
  noUi = await startServer(store, { port: 0, webRoot: join(dir, 'missing') });
});

after(async () => {
  await server.close();
  await noUi.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, base = server.url): Promise<{ status: number; headers: Headers; body: string; json: () => unknown }> {
  const res = await fetch(base + path);
  const body = await res.text();
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body) };
}

test('the server listens on loopback only by default', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('health and stats', async () => {
  assert.deepEqual((await get('/api/health')).json(), { ok: true });
  assert.deepEqual((await get('/api/stats')).json(), await store.stats());
});

test('list endpoints answer {items, total} and page with limit and offset', async () => {
  for (const path of ['/api/events', '/api/actors', '/api/quotes']) {
    const all = (await get(`${path}?limit=1000`)).json() as { items: unknown[]; total: number };
    assert.equal(all.items.length, all.total, path);
    assert.ok(all.total > 3, `${path} has data`);
    const p2 = (await get(`${path}?limit=2&offset=2`)).json() as { items: unknown[]; total: number };
    assert.equal(p2.total, all.total);
    assert.deepEqual(p2.items, all.items.slice(2, 4), path);
  }
});

test('event filters reach the store', async () => {
  const all = (await get('/api/events?limit=1000')).json() as { items: { cameo: string; source: { country: string | null }[]; target: { country: string | null }[] }[] };
  const root = all.items[0].cameo.slice(0, 2);
  const byCameo = (await get(`/api/events?cameo=${root}&limit=1000`)).json() as { total: number };
  assert.equal(byCameo.total, all.items.filter((e) => e.cameo.startsWith(root)).length);
  const r = (await get('/api/events?country=ukr&since=2025-01-01&until=2025-12-31&q=talks')).json() as { items: unknown[] };
  assert.ok(Array.isArray(r.items));
});

const badParams: [string, RegExp][] = [
  ['/api/events?limit=abc', /limit/],
  ['/api/events?limit=0', /limit/],
  ['/api/events?limit=5000', /limit/],
  ['/api/events?offset=-1', /offset/],
  ['/api/events?since=2025-13-01', /since/],
  ['/api/events?until=yesterday', /until/],
  ['/api/events?since=2025-03-02&until=2025-03-01', /since is after until/],
  ['/api/events?country=US', /country/],
  ['/api/events?cameo=abc', /cameo/],
  ['/api/events?quadClass=5', /quadClass/],
  ['/api/events?modality=maybe', /modality/],
  ['/api/actors?q=', /q/],
  ['/api/quotes?limit=1.5', /limit/],
  ['/api/network?since=2025-02-30', /since/],
  ['/api/timeline?interval=year', /interval/],
  ['/api/timeline?dyad=ISR', /dyad/],
];

for (const [path, message] of badParams) {
  test(`400 with a message for ${path}`, async () => {
    const r = await get(path);
    assert.equal(r.status, 400);
    const body = r.json() as { error: string };
    assert.match(body.error, message);
  });
}

test('an article comes back with its extraction; a missing one is 404', async () => {
  const [f] = demoFixtures(1);
  const r = (await get(`/api/articles/${encodeURIComponent(f.article.id)}`)).json() as { article: { id: string; text: string }; extraction: unknown };
  assert.equal(r.article.id, f.article.id);
  assert.equal(r.article.text, f.article.text);
  assert.deepEqual(r.extraction, f.extraction);
  const missing = await get('/api/articles/nope');
  assert.equal(missing.status, 404);
  assert.match((missing.json() as { error: string }).error, /nope/);
});

test('actors search, quotes, network and timeline', async () => {
  const actors = (await get('/api/actors?limit=5')).json() as { items: { id: string; name: string; events: number }[] };
  const top = actors.items[0];
  const found = (await get(`/api/actors?q=${encodeURIComponent(top.name)}`)).json() as { items: { id: string }[] };
  assert.ok(found.items.some((a) => a.id === top.id));
  const net = (await get('/api/network')).json() as { nodes: { id: string }[]; edges: { source: string; target: string }[] };
  assert.ok(Array.isArray(net.nodes) && Array.isArray(net.edges));
  const tl = (await get('/api/timeline?interval=month')).json() as { items: { period: string; quadClass: number; count: number; goldstein: number }[] };
  assert.ok(tl.items.length > 0 && tl.items.every((b) => /^\d{4}-\d{2}$/.test(b.period) && b.count > 0));
  const dyad = (await get('/api/timeline?dyad=USA-UKR&interval=week')).json() as { items: unknown[] };
  assert.ok(Array.isArray(dyad.items));
});

test('every response carries a CSP that forbids inline script', async () => {
  for (const path of ['/api/health', '/api/events?limit=abc', '/api/nope', '/', '/events?country=UKR', '/assets/app-1.js']) {
    const r = await get(path);
    assert.equal(r.headers.get('content-security-policy'), CSP, path);
    assert.match(CSP, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CSP, /unsafe-inline/);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  }
});

test('the UI is served, with index.html for deep links and no way out of the web root', async () => {
  for (const path of ['/', '/events?country=UKR', '/articles/8011115', '/network']) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.match(r.body, /Parley UI/, path);
  }
  const js = await get('/assets/app-1.js');
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.match(js.headers.get('cache-control') ?? '', /immutable/);
  assert.equal((await get('/assets/missing-2.js')).status, 404);
  assert.doesNotMatch((await get('/../secret.txt')).body, /outside/);
  assert.doesNotMatch((await get('/%2e%2e/secret.txt')).body, /outside/);
  const api404 = await get('/api/nope');
  assert.equal(api404.status, 404);
  assert.match((api404.json() as { error: string }).error, /no such endpoint/);
});

test('without a built UI the server answers a short HTML note', async () => {
  const r = await get('/events', noUi.url);
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type') ?? '', /text\/html/);
  assert.match(r.body, /not built/);
});

test('responses are compressed when the client accepts it', async () => {
  const encoding = await new Promise<string | undefined>((resolve, reject) => {
    const req = request(server.url + '/api/events?limit=200', { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      res.resume();
      resolve(res.headers['content-encoding']);
    });
    req.on('error', reject);
    req.end();
  });
  assert.equal(encoding, 'gzip');
});

test('the OpenAPI document lists every endpoint and its parameters', async () => {
  const doc = (await get('/api/openapi.json')).json() as { openapi: string; paths: Record<string, { get: { parameters?: { name: string }[] } }> };
  assert.match(doc.openapi, /^3\./);
  for (const p of ['/api/health', '/api/stats', '/api/events', '/api/articles/{id}', '/api/actors', '/api/quotes', '/api/network', '/api/timeline']) assert.ok(doc.paths[p], p);
  const names = doc.paths['/api/events'].get.parameters!.map((p) => p.name);
  for (const n of ['actor', 'country', 'cameo', 'plover', 'since', 'until', 'q', 'limit', 'offset']) assert.ok(names.includes(n), n);
});
