// Browser tests of the explorer: a real ingest into a fresh SQLite database, `parley serve` on a loopback port,
/* global document, window */
// and headless Debian Chromium driven by playwright-core through every view. Run with `npm run test:browser`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/main.js');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const FIXTURES = [join(ROOT, 'samples/voa-sample.jsonl'), join(ROOT, 'test/browser/fixtures/hostile.jsonl')];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps dialling Google, which this sandbox refuses.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let tmp;
let server;
let serverLog = '';
let base;
let context;
let page;
const dialogs = [];
const pageErrors = [];
const cspViolations = [];
const loadTimes = [];

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitForHealth(url, ms) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    if (server && server.exitCode !== null) throw new Error(`parley serve exited (${server.exitCode}):\n${serverLog}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`parley serve did not answer /api/health within ${ms} ms (${last}):\n${serverLog}`);
}

/** Opens a path and waits for the view's data to show; records how long that took (reported, not asserted). */
async function load(view, path, selector) {
  const t0 = performance.now();
  await page.goto(base + path);
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15_000 });
  const ms = Math.round(performance.now() - t0);
  loadTimes.push({ view, path, ms });
  return ms;
}

async function shot(name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

async function noHorizontalOverflow() {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  assert.ok(existsSync(join(ROOT, 'web/dist/index.html')), 'web/dist is missing: run `npm run build` first');
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  tmp = mkdtempSync(join(tmpdir(), 'parley-browser-'));
  if (process.env.PARLEY_EXPLORER_URL) {
    // Point at an already running server (handy while developing the UI); the suite then skips ingest.
    base = process.env.PARLEY_EXPLORER_URL.replace(/\/$/, '');
  } else {
    const db = join(tmp, 'test.db');
    const ing = spawnSync(process.execPath, [CLI, 'ingest', ...FIXTURES, '--db', db], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(ing.status, 0, `parley ingest failed (${ing.status}):\n${ing.stderr}`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout.on('data', (d) => (serverLog += d));
    server.stderr.on('data', (d) => (serverLog += d));
    await waitForHealth(base, 20_000);
  }
  context = await chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: DESKTOP });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
});

after(async () => {
  await context?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const t = setTimeout(r, 3000);
      server.once('exit', () => {
        clearTimeout(t);
        r();
      });
    });
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  if (loadTimes.length) {
    console.log('\nExplorer load times (navigation start to data visible, headless Chromium):');
    for (const t of loadTimes) console.log(`  ${t.view.padEnd(10)} ${String(t.ms).padStart(5)} ms  ${t.path}`);
  }
});

test('the API answers and the home page shows the counts', async () => {
  const stats = await (await fetch(`${base}/api/stats`)).json();
  assert.ok(stats.articles >= 4, `expected the fixtures to be stored, got ${JSON.stringify(stats)}`);
  assert.ok(stats.events > 0);
  await load('home', '/', '[data-testid=stats]');
  assert.match(await page.locator('[data-testid=stats]').innerText(), /articles/i);
  await shot('desktop-home');
});

test('events: the table loads, filtering by country changes the rows and the URL, back/forward restore them', async () => {
  await load('events', '/events', '[data-testid=events-table] tbody tr');
  const allRows = await page.locator('[data-testid=events-table] tbody tr').count();
  const allCount = await page.locator('#events-count').innerText();
  assert.ok(allRows > 0);
  await shot('desktop-events');

  await page.locator('input[name=country]').fill('RUS');
  await page.locator('input[name=country]').press('Enter');
  await page.waitForURL(/[?&]country=RUS/);
  await page.waitForFunction((before) => document.querySelector('#events-count')?.textContent !== before, allCount);
  const rusRows = page.locator('[data-testid=events-table] tbody tr');
  const n = await rusRows.count();
  assert.ok(n > 0 && n < allRows, `country filter should narrow ${allRows} rows, got ${n}`);
  for (const text of await rusRows.allInnerTexts()) assert.match(text, /RUS/, 'every filtered row involves Russia');
  assert.match(await page.locator('.filter-bar').innerText(), /country = RUS/);
  await shot('desktop-events-filtered');

  await page.goBack();
  await page.waitForURL((u) => !u.search.includes('country='));
  await page.waitForFunction((c) => document.querySelector('#events-count')?.textContent === c, allCount);
  assert.equal(await page.locator('[data-testid=events-table] tbody tr').count(), allRows);
  assert.equal(await page.locator('input[name=country]').inputValue(), '');

  await page.goForward();
  await page.waitForURL(/[?&]country=RUS/);
  await page.waitForFunction((c) => document.querySelector('#events-count')?.textContent !== c, allCount);
  assert.equal(await page.locator('[data-testid=events-table] tbody tr').count(), n);
  assert.equal(await page.locator('input[name=country]').inputValue(), 'RUS');
});

test('events: quad class and text filters narrow the table', async () => {
  await load('events', '/events?quadClass=1', '#events-count');
  await page.waitForFunction(() => /\d/.test(document.querySelector('#events-count')?.textContent ?? ''));
  for (const t of await page.locator('[data-testid=events-table] tbody tr').allInnerTexts()) assert.match(t, /Verbal cooperation/);
  await page.goto(`${base}/events?q=zzzznotthere`);
  await page.locator('text=Nothing matches these filters.').waitFor();
});

test('article: opens from an event row with actors, triggers, dates and quotes highlighted; choosing an event marks its evidence', async () => {
  await page.goto(`${base}/events?country=RUS`);
  const link = page.locator('[data-testid=events-table] tbody tr .source-line a').first();
  await link.waitFor();
  const t0 = performance.now();
  await link.click();
  await page.waitForURL(/\/articles\/[^?]+\?event=/);
  await page.locator('[data-testid=article-text] .hl-trigger').first().waitFor();
  loadTimes.push({ view: 'article', path: new URL(page.url()).pathname + ' (in-app)', ms: Math.round(performance.now() - t0) });
  const text = page.locator('[data-testid=article-text]');
  for (const cls of ['hl-mention', 'hl-trigger', 'hl-date', 'hl-quote']) {
    assert.ok((await text.locator(`.${cls}`).count()) > 0, `article has ${cls} highlights`);
  }
  assert.ok((await text.locator('.hl-evidence').count()) > 0, 'the event chosen in the URL has its evidence marked');
  assert.equal(await page.locator('.event-pick[aria-pressed=true]').count(), 1);

  const other = page.locator('.event-pick[aria-pressed=false]').first();
  if ((await other.count()) > 0) {
    const before = page.url();
    await other.click();
    await page.waitForURL((u) => u.href !== before && u.search.includes('event='));
    assert.equal(await page.locator('.event-pick[aria-pressed=true]').count(), 1);
    assert.ok((await text.locator('.hl-evidence').count()) > 0);
    await page.goBack();
    await page.waitForURL(before);
  }
  await shot('desktop-article');
  const ms = await load('article', new URL(page.url()).pathname, '[data-testid=article-text] .hl-mention');
  assert.ok(ms >= 0);
});

test('hostile article: markup in title, text and quotes renders as plain text, runs nothing, creates no <img>', async () => {
  await load('article', '/articles/hostile-1', '[data-testid=article-text] .hl-mention');
  await page.waitForTimeout(300);
  const h1 = await page.locator('h1').innerText();
  assert.ok(h1.includes('<script>alert(1)</script>'), `title shown as text: ${h1}`);
  assert.ok(h1.includes('<img src=x onerror=alert(1)>'));
  const body = await page.locator('[data-testid=article-text]').innerText();
  assert.ok(body.includes('<script>alert(1)</script>'));
  assert.ok(body.includes('<img src=x onerror=alert(1)>'));
  assert.ok(body.includes('<b>again</b>'));
  const dom = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    bold: document.querySelectorAll('main b').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  assert.deepEqual(dom, { imgs: 0, inlineScripts: 0, bold: 0, jsLinks: 0 });
  await shot('desktop-article-hostile');

  await load('events', '/events?q=militias', '[data-testid=events-table] tbody tr');
  assert.ok((await page.locator('[data-testid=events-table]').innerText()).includes('<script>alert(1)</script>'));
  await load('quotes', '/quotes?q=threats', '[data-testid=quote-list] li');
  assert.ok((await page.locator('[data-testid=quote-list]').innerText()).includes('<img src=x onerror=alert(1)>'));
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.deepEqual(dialogs, [], 'no alert dialog opened');
});

test('timeline: bars per period by quad class; brushing a range sets since/until for the other views', async () => {
  await load('timeline', '/timeline', '[data-testid=timeline-chart] .bars rect');
  assert.ok((await page.locator('[data-testid=timeline-chart] .bars rect').count()) > 0);
  await shot('desktop-timeline');

  const overlay = page.locator('[data-testid=timeline-chart] .brush .overlay');
  const box = await overlay.boundingBox();
  assert.ok(box, 'the brush overlay is on the chart');
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await page.waitForURL(/since=\d{4}-\d{2}-\d{2}.*until=\d{4}-\d{2}-\d{2}/);
  const brushed = new URL(page.url()).searchParams;
  await shot('desktop-timeline-brushed');

  await page.locator('nav[aria-label=Views] a', { hasText: 'Events' }).click();
  await page.waitForURL(/\/events\?.*since=/);
  const url = new URL(page.url()).searchParams;
  assert.equal(url.get('since'), brushed.get('since'));
  assert.equal(url.get('until'), brushed.get('until'));
  await page.waitForFunction(() => /\d+ event/.test(document.querySelector('#events-count')?.textContent ?? ''));
  for (const d of await page.locator('[data-testid=events-table] tbody tr td:first-child').allInnerTexts()) {
    assert.ok(d >= brushed.get('since') && d <= brushed.get('until'), `event date ${d} inside the brushed range`);
  }

  await load('timeline', '/timeline?country=IRN&interval=week', '[data-testid=timeline-chart] .bars rect');
  await load('timeline', '/timeline?dyad=ISR-IRN', '[data-testid=timeline-chart] .bars rect');
  assert.match(await page.locator('h1').innerText(), /ISR-IRN/);
  await shot('desktop-timeline-dyad');
});

test('network: actors as nodes and interactions as edges', async () => {
  await load('network', '/network', '[data-testid=network-graph] .nodes a');
  assert.ok((await page.locator('[data-testid=network-graph] .nodes a').count()) >= 2);
  assert.ok((await page.locator('[data-testid=network-graph] .edges line').count()) >= 1);
  await shot('desktop-network');
  await page.locator('[data-testid=network-graph] .nodes a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/actors\//);
  await page.locator('h1').waitFor();
});

test('map: an offline world map with countries shaded by events', async () => {
  await load('map', '/map', '[data-testid=world-map] path.country');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=world-map] path[data-events]').length > 0);
  assert.ok((await page.locator('[data-testid=world-map] path.country').count()) > 100);
  await shot('desktop-map');
});

test('quotes: searchable by speaker and text', async () => {
  await load('quotes', '/quotes', '[data-testid=quote-list] li');
  const all = await page.locator('[data-testid=quote-list] li').count();
  assert.ok(all > 0);
  await shot('desktop-quotes');
  await page.locator('input[name=q]').fill('ceasefire');
  await page.locator('input[name=q]').press('Enter');
  await page.waitForURL(/[?&]q=ceasefire/);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=quote-list] li').length !== n, all);
  for (const t of await page.locator('[data-testid=quote-list] blockquote').allInnerTexts()) assert.match(t, /ceasefire/i);
});

test('actor page lists the actor’s events', async () => {
  await load('actor', '/actors/RUS', '[data-testid=events-table] tbody tr');
  assert.match(await page.locator('h1').innerText(), /RUS/);
});

test('keyboard: the skip link is the first stop and moves focus to the content', async () => {
  await page.goto(`${base}/events`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
});

test('phone viewport: every view renders without horizontal overflow', async () => {
  await page.setViewportSize(PHONE);
  try {
    const views = [
      ['events', '/events', '[data-testid=events-table] tbody tr'],
      ['article', '/articles/hostile-1', '[data-testid=article-text]'],
      ['timeline', '/timeline', '[data-testid=timeline-chart] .bars rect'],
      ['network', '/network', '[data-testid=network-graph] .nodes a'],
      ['map', '/map', '[data-testid=world-map] path.country'],
      ['quotes', '/quotes', '[data-testid=quote-list] li'],
    ];
    for (const [view, path, sel] of views) {
      await page.goto(base + path);
      await page.locator(sel).first().waitFor();
      await page.waitForTimeout(150);
      assert.ok(await noHorizontalOverflow(), `${view} overflows horizontally at 390px`);
      await shot(`phone-${view}`);
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
});

test('no page errors and no CSP violations were seen', () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(dialogs, []);
});
