// The performance report (`npm run bench`): tokens/s and articles/s for each pipeline stage and end to end, peak
// memory, store write rates, and 1 → 2 ingest processes and worker threads, beside wink-nlp on the same text.
// Writes bench/results/perf-report.json and perf-report.md. Build first (child processes run dist/).
//   npm run bench [-- --runs 3 --copies 2]   (PARLEY_TEST_PG=postgres://... adds the shared PostgreSQL queue)
// The machine may be shared: every figure comes with the load average, medians of runs, CPU time beside wall
// time, and the 1- and 2-process runs alternate so that a change of load hits both alike.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { extract } from '../src/api.js';
import { ingest, contentHash } from '../src/ingest/ingest.js';
import { STAGES, PIPELINE } from '../src/pipeline/extract.js';
import { newContext } from '../src/pipeline/context.js';
import { loadResources, PACKAGE_ROOT } from '../src/resources/load.js';
import { openStore } from '../src/store/open.js';
import { createTestDatabase } from '../src/store/pg-test-db.js';
import { tokenize } from '../src/text/tokenize.js';
import type { Extraction } from '../src/schema/extraction.js';
import { time, timeWink, childCpu } from './wink.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const RUNS = Number(arg('runs', '3'));
/** The scaling corpus is the demo corpus this many times over (each copy a distinct article), so startup is amortised. */
const COPIES = Number(arg('copies', '2'));
const CLI = join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const pgUrl = process.env.PARLEY_TEST_PG;

type Article = { id: string; text: string; title?: string; url?: string; published?: string };
const demo = readFileSync(join(PACKAGE_ROOT, 'data/demo/voa-2025.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Article);
const chars = demo.reduce((n, a) => n + a.text.length, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => +loadavg()[0].toFixed(2);
const round = (x: number, d = 1) => +x.toFixed(d);
const tmp = mkdtempSync(join(tmpdir(), 'parley-perf-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const loadAtStart = load();
console.error(`perf-report: ${demo.length} demo articles, ${cpus().length} cores, load ${loadAtStart}`);

// ---- stages, in process: each stage's CPU time summed over the corpus, median of RUNS passes
const resources = loadResources();
for (const a of demo.slice(0, 5)) extract(a); // warm-up: JIT and per-word caches
const stageNames = ['tokenize', ...STAGES.map((s) => s.name)];
const stageMs: Record<string, number[]> = Object.fromEntries(stageNames.map((n) => [n, []]));
let tokens = 0;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const loadStages: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const acc: Record<string, number> = Object.fromEntries(stageNames.map((n) => [n, 0]));
  tokens = 0;
  for (const a of demo) {
    let t = cpuMs();
    const doc = tokenize(a.text);
    let t2 = cpuMs();
    acc.tokenize += t2 - t;
    tokens += doc.length;
    const ctx = newContext(resources, a.published?.slice(0, 10));
    for (const s of STAGES) {
      t = t2;
      const ran = s.run(doc, ctx);
      t2 = cpuMs();
      acc[s.name] += t2 - t;
      if (ran !== false) for (const set of s.sets) doc.layers.set(set, `${s.name}@${s.version}`);
    }
  }
  for (const n of stageNames) stageMs[n].push(acc[n]);
  loadStages.push(load());
}

// ---- end to end in process: extract() and ingest() into SQLite, median of RUNS
const e2e = { extract: [] as { ms: number; wallMs: number }[], ingest: [] as { ms: number; wallMs: number }[] };
let extractions: Extraction[] = [];
for (let r = 0; r < RUNS; r++) {
  const t = time(() => demo.map((a) => extract(a)));
  extractions = t.value;
  e2e.extract.push(t);
  const store = await openStore(join(tmp, `e2e-${r}.db`));
  const a = performance.now();
  const c = cpuMs();
  const res = await ingest(store, [join(PACKAGE_ROOT, 'data/demo/voa-2025.jsonl')], { workers: 0 });
  e2e.ingest.push({ ms: cpuMs() - c, wallMs: performance.now() - a });
  await store.close();
  if (res.stored !== demo.length) throw new Error(`ingest stored ${res.stored} of ${demo.length}`);
}
const events = extractions.reduce((n, x) => n + x.events.length, 0);

// ---- store writes alone (pre-extracted), SQLite and PostgreSQL: the write rate a database must sustain
async function writeRate(spec: string): Promise<{ articlesPerSecond: number; eventsPerSecond: number; wallMs: number }> {
  const store = await openStore(spec);
  try {
    const batch = demo.map((a, i) => ({
      article: { id: a.id, text: a.text, contentHash: contentHash(a.text), title: a.title, url: a.url, published: a.published?.slice(0, 10) },
      extraction: extractions[i], pipeline: PIPELINE,
    }));
    const t0 = performance.now();
    for (let i = 0; i < batch.length; i += 16) await store.putArticles!(batch.slice(i, i + 16));
    await store.fuse();
    const ms = performance.now() - t0;
    return { articlesPerSecond: round((demo.length / ms) * 1000), eventsPerSecond: round((events / ms) * 1000), wallMs: Math.round(ms) };
  } finally {
    await store.close();
  }
}

const pgDrops: (() => Promise<void>)[] = [];
async function pgDb(): Promise<string> {
  const db = await createTestDatabase(pgUrl!, 'parley_perf_');
  pgDrops.push(db.drop);
  return db.url;
}

const writes: Record<string, unknown> = { sqlite: await writeRate(join(tmp, 'writes.db')) };
let pgBytes: Record<string, unknown> | undefined;
if (pgUrl) {
  const db = await pgDb();
  writes.postgres = await writeRate(db);
  // bytes on disk per article and per event: tables with their indexes and TOAST, after VACUUM ANALYZE
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  try {
    await c.query('VACUUM ANALYZE');
    const rows = (await c.query(`SELECT relname AS t, pg_total_relation_size(c.oid) AS b FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`)).rows as { t: string; b: string }[];
    const tables = Object.fromEntries(rows.map((r) => [r.t, Number(r.b)]));
    const total = Object.values(tables).reduce((a, b) => a + b, 0);
    pgBytes = { tables, total, perArticle: Math.round(total / demo.length), perEvent: Math.round(total / Math.max(1, events)), articleTextBytes: Math.round(chars / demo.length) };
  } finally {
    await c.end();
  }
}

// ---- 1 → 2: ingest processes (SQLite: one file each, half the corpus each; PostgreSQL: one shared queue), threads
const copies: Article[] = [];
for (let k = 0; k < COPIES; k++) for (const a of demo) copies.push({ ...a, id: `${a.id}#${k}`, text: a.text + ' '.repeat(k) });
const part = (n: number, i: number) => copies.filter((_, j) => j % n === i);
const files = (n: number) => Array.from({ length: n }, (_, i) => {
  const f = join(tmp, `part-${n}-${i}.jsonl`);
  writeFileSync(f, part(n, i).map((a) => JSON.stringify(a)).join('\n') + '\n');
  return f;
});
const whole = files(1)[0];

function run(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'ingest', ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`parley ingest ${argv.join(' ')}: exit ${code}\n${err}`))));
  });
}
interface Scale { wallS: number[]; cpuS: number[]; load: number[] }
async function measure(label: string, start: () => Promise<void>[]): Promise<{ wallS: number; cpuS: number }> {
  const a = performance.now();
  const c = childCpu();
  await Promise.all(start());
  const out = { wallS: (performance.now() - a) / 1000, cpuS: childCpu() - c };
  console.error(`perf-report: ${label}: ${out.wallS.toFixed(1)} s wall, ${out.cpuS.toFixed(1)} s CPU, load ${load()}`);
  return out;
}
// what a process costs before its first article (resources, models, knowledge base, migration): one-article runs
const one = join(tmp, 'one.jsonl');
writeFileSync(one, JSON.stringify(demo[0]) + '\n');
const startupCpu: number[] = [];
for (let r = 0; r < RUNS; r++) startupCpu.push((await measure(`startup (one article) run ${r + 1}`, () => [run([one, '--db', join(tmp, `s${r}.db`)])])).cpuS);
const startupS = median(startupCpu);
const scaling: Record<string, { one: Scale; two: Scale }> = {};
// each configuration prepares (a fresh database), then hands back what starts its processes
const configs: Record<string, (n: number, r: number) => Promise<() => Promise<void>[]>> = {
  'processes, SQLite (one file each)': async (n, r) => {
    const parts = files(n);
    return () => parts.map((f, i) => run([f, '--db', join(tmp, `p${n}-${r}-${i}.db`)]));
  },
  'worker threads, one process, SQLite': async (n, r) => () => [run([whole, '--db', join(tmp, `t${n}-${r}.db`), '--workers', String(n)])],
};
if (pgUrl) {
  configs['processes, one PostgreSQL queue'] = async (n) => {
    const db = await pgDb();
    // migrate before the clock starts, as a long-lived database would be
    await (await openStore(db)).close();
    return () => Array.from({ length: n }, () => run([whole, '--db', db, '--queue', 'bench', '--workers', '0', '--lease', '120']));
  };
}
for (const [name, cfg] of Object.entries(configs)) {
  const s = { one: { wallS: [], cpuS: [], load: [] } as Scale, two: { wallS: [], cpuS: [], load: [] } as Scale };
  for (let r = 0; r < RUNS; r++) {
    // alternate which goes first, so a change in the neighbours' load falls on both alike
    for (const n of r % 2 ? [2, 1] : [1, 2]) {
      const starts = await cfg(n, r);
      const m = await measure(`${name} ×${n} run ${r + 1}`, starts);
      const into = n === 1 ? s.one : s.two;
      into.wallS.push(m.wallS);
      into.cpuS.push(m.cpuS);
      into.load.push(load());
    }
  }
  scaling[name] = s;
}
for (const drop of pgDrops) await drop().catch(() => undefined);

// ---- wink-nlp on the same articles, in the same process
const wink = timeWink(demo.map((a) => a.text));

// ---- report
const stageRows = stageNames.map((n) => {
  const ms = median(stageMs[n]);
  return { stage: n, cpuMs: round(ms), tokensPerSecond: Math.round((tokens / ms) * 1000), articlesPerSecond: round((demo.length / ms) * 1000) };
});
const e2eRow = (xs: { ms: number; wallMs: number }[]) => {
  const ms = median(xs.map((x) => x.ms));
  const wall = median(xs.map((x) => x.wallMs));
  return { cpuMs: round(ms), wallMs: round(wall), tokensPerSecond: Math.round((tokens / ms) * 1000), articlesPerSecond: round((demo.length / ms) * 1000), articlesPerWallSecond: round((demo.length / wall) * 1000) };
};
const scaleRows = Object.entries(scaling).map(([name, s]) => {
  const w1 = median(s.one.wallS), w2 = median(s.two.wallS);
  return {
    config: name,
    articles: copies.length,
    oneWallS: round(w1, 2), twoWallS: round(w2, 2),
    oneArticlesPerSecond: round(copies.length / w1), twoArticlesPerSecond: round(copies.length / w2),
    speedup: round(w1 / w2, 2),
    oneCpuS: round(median(s.one.cpuS), 2), twoCpuS: round(median(s.two.cpuS), 2),
    /** CPU seconds per article with 1 and 2: what adding a process costs beyond the work itself. */
    cpuPerArticleMs: [round((1000 * median(s.one.cpuS)) / copies.length), round((1000 * median(s.two.cpuS)) / copies.length)],
    /**
     * The speedup two would reach with two idle cores: each process then runs at its measured CPU cost per
     * article, so 2 × (CPU per article with 1) / (CPU per article with 2). Loaded neighbours do not move it much.
     */
    cpuBoundSpeedup: round((2 * median(s.one.cpuS)) / median(s.two.cpuS), 2),
    /** The same once startup is paid (a long run): each process's startup CPU taken out of both sides. */
    steadyCpuBoundSpeedup: round((2 * (median(s.one.cpuS) - startupS)) / (median(s.two.cpuS) - (name.startsWith('worker') ? startupS : 2 * startupS)), 2),
    runs: s,
  };
});
const result = {
  bench: 'perf-report',
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  loadAverage: { start: loadAtStart, stages: loadStages, end: load() },
  corpus: { name: 'data/demo/voa-2025.jsonl', articles: demo.length, chars, tokens, events },
  runs: RUNS,
  basis: 'stage and end-to-end rates are per CPU-second of one thread (median of runs); scaling is wall time of whole processes, startup included',
  stages: stageRows,
  endToEnd: { extract: e2eRow(e2e.extract), ingestSqlite: e2eRow(e2e.ingest) },
  wink: { tokens: wink.tokens, cpuMs: round(wink.ms), tokensPerSecond: Math.round((wink.tokens / wink.ms) * 1000), articlesPerSecond: round((demo.length / wink.ms) * 1000) },
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  startupCpuSeconds: { runs: startupCpu.map((x) => round(x, 2)), median: round(startupS, 2) },
  writes,
  postgresBytes: pgBytes,
  scaling: scaleRows,
  target: { twoProcessesOverOne: 1.6 },
};

const md: string[] = [
  `# Performance report`,
  '',
  `${result.date.slice(0, 16)}Z, Node ${result.node}, ${result.cpus} cores (${result.cpuModel}); load average ${loadAtStart} at start, ${result.loadAverage.end} at end ` +
  `(the machine is shared: wall-time figures are depressed by the neighbours; CPU-time rates are the steadier ones).`,
  `Corpus: the ${demo.length} demo articles (${chars} chars, ${tokens} tokens, ${events} events); medians of ${RUNS} runs.`,
  '',
  '## Stages (one thread, per CPU-second)',
  '',
  '| stage | CPU ms | tokens/s | articles/s |',
  '|---|---:|---:|---:|',
  ...stageRows.map((r) => `| ${r.stage} | ${r.cpuMs} | ${r.tokensPerSecond} | ${r.articlesPerSecond} |`),
  `| **extract() end to end** | ${result.endToEnd.extract.cpuMs} | ${result.endToEnd.extract.tokensPerSecond} | ${result.endToEnd.extract.articlesPerSecond} |`,
  `| **ingest into SQLite** | ${result.endToEnd.ingestSqlite.cpuMs} | ${result.endToEnd.ingestSqlite.tokensPerSecond} | ${result.endToEnd.ingestSqlite.articlesPerSecond} |`,
  `| wink-nlp tokenize+POS (its tokens) | ${result.wink.cpuMs} | ${result.wink.tokensPerSecond} | ${result.wink.articlesPerSecond} |`,
  '',
  `Peak RSS of the measuring process (all resources loaded, pipeline run in process): ${result.peakRssMB} MB.`,
  '',
  '## Store writes (pre-extracted articles, batches of 16, then fusion; wall time)',
  '',
  '| store | articles/s | events/s |',
  '|---|---:|---:|',
  ...Object.entries(writes).map(([k, v]) => `| ${k} | ${(v as { articlesPerSecond: number }).articlesPerSecond} | ${(v as { eventsPerSecond: number }).eventsPerSecond} |`),
  ...(pgBytes ? ['', `PostgreSQL on disk (tables + indexes + TOAST, after VACUUM): ${pgBytes.perArticle} bytes per article, ${pgBytes.perEvent} bytes per event ` +
    `(article text averages ${pgBytes.articleTextBytes} bytes).`] : []),
  '',
  `## 1 → 2 (${copies.length} articles; wall time of the whole run, startup included)`,
  '',
  '| configuration | 1: articles/s | 2: articles/s | wall speedup | CPU ms/article (1 / 2) | CPU-bound speedup | after startup | load during runs |',
  '|---|---:|---:|---:|---:|---:|---:|---|',
  ...scaleRows.map((r) => `| ${r.config} | ${r.oneArticlesPerSecond} | ${r.twoArticlesPerSecond} | ${r.speedup}× | ${r.cpuPerArticleMs.join(' / ')} | ${r.cpuBoundSpeedup}× | ${r.steadyCpuBoundSpeedup}× | ` +
    `${[...r.runs.one.load, ...r.runs.two.load].map((x) => x.toFixed(1)).join(', ')} |`),
  '',
  'Wall speedup is what this machine gave with its neighbours at the load shown (with L runnable threads on 2 cores a process ' +
  'gets about 2/L of a core, whatever it asks for). CPU-bound speedup = 2 × CPU per article with one ÷ CPU per article with two: ' +
  'what two processes reach on two idle cores, startup and contention included. After startup: the same with the ' +
  `CPU a process spends before its first article (${round(startupS, 2)} s, measured on one-article runs) taken out, as in a long run.`,
  '',
  `Target: two ingest processes reach ≥ ${result.target.twoProcessesOverOne}× one.`,
  '',
];
mkdirSync(join(PACKAGE_ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(PACKAGE_ROOT, 'bench/results/perf-report.json'), JSON.stringify(result, null, 2) + '\n');
writeFileSync(join(PACKAGE_ROOT, 'bench/results/perf-report.md'), md.join('\n'));
console.log(md.join('\n'));
