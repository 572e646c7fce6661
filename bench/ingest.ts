// Ingest throughput against bare extract() on the demo corpus: how much storing, dedup and fusion cost on top of
// extraction (target: ingest at >= 80% of extract's articles/s). Prints and writes JSON to bench/results/.
//   npm run build && npx tsx bench/ingest.ts [--runs 5] [--workers 0] [--corpus data/demo/voa-2025.jsonl]
// (--workers 0 extracts on the main thread; N >= 1 on N worker threads, which run the built dist/ code)
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/api.js';
import { ingest } from '../src/ingest/ingest.js';
import { openStore } from '../src/store/open.js';
import { PIPELINE } from '../src/pipeline/extract.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const corpus = arg('corpus', 'data/demo/voa-2025.jsonl');
const runs = Number(arg('runs', '5'));
const workers = Number(arg('workers', '0'));

const articles = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { id?: string; text: string; title?: string; url?: string; published?: string });
const chars = articles.reduce((n, a) => n + a.text.length, 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// warm-up: resources load once per process, and neither side should pay for it
extract({ text: articles[0].text });

// wall time, and CPU time of this process (all threads): on a shared machine the CPU figure is the steadier one
const extractTimes: number[] = [];
const ingestTimes: number[] = [];
const extractCpu: number[] = [];
const ingestCpu: number[] = [];
const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
let last: Awaited<ReturnType<typeof ingest>> | undefined;
let stats: Record<string, number> = {};
let clusters = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  let cpu = process.cpuUsage();
  for (const a of articles) extract({ id: a.id, text: a.text, title: a.title, url: a.url, published: a.published });
  extractTimes.push((performance.now() - t) / 1000);
  extractCpu.push(cpuSeconds(process.cpuUsage(cpu)));

  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const store = await openStore(join(dir, 'bench.db'));
  t = performance.now();
  cpu = process.cpuUsage();
  last = await ingest(store, [corpus], { workers });
  ingestTimes.push((performance.now() - t) / 1000);
  ingestCpu.push(cpuSeconds(process.cpuUsage(cpu)));
  stats = { ...(await store.stats()) };
  clusters = await store.clusterCount();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const extractRate = articles.length / median(extractTimes);
const ingestRate = articles.length / median(ingestTimes);
const extractCpuRate = articles.length / median(extractCpu);
const ingestCpuRate = articles.length / median(ingestCpu);
const result = {
  bench: 'ingest',
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  corpus,
  articles: articles.length,
  chars,
  runs,
  workers,
  pipeline: PIPELINE,
  extract: {
    seconds: extractTimes.map((x) => +x.toFixed(3)), articlesPerSecond: +extractRate.toFixed(1),
    cpuSeconds: extractCpu.map((x) => +x.toFixed(3)), articlesPerCpuSecond: +extractCpuRate.toFixed(1),
  },
  ingest: {
    seconds: ingestTimes.map((x) => +x.toFixed(3)), articlesPerSecond: +ingestRate.toFixed(1),
    cpuSeconds: ingestCpu.map((x) => +x.toFixed(3)), articlesPerCpuSecond: +ingestCpuRate.toFixed(1),
    stored: last?.stored, failed: last?.failed,
  },
  /** ingest/extract throughput on wall time (medians). */
  ratio: +(ingestRate / extractRate).toFixed(3),
  /** the same on CPU time: what the store costs, independent of other load on the machine. */
  cpuRatio: +(ingestCpuRate / extractCpuRate).toFixed(3),
  target: 0.8,
  store: { ...stats, clusters },
  fusion: { events: stats.events, clusters, fusedAway: (stats.events ?? 0) - clusters },
};
if (!last || last.failed > 0 || last.stored !== articles.length) {
  console.error(`bench: ingest stored ${last?.stored} of ${articles.length} articles (${last?.failed} failed); with --workers, run \`npm run build\` first`);
  process.exit(1);
}
mkdirSync('bench/results', { recursive: true });
const out = join('bench/results', `ingest-${result.date.slice(0, 10)}-workers${workers}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
console.log(`ingest ${ingestRate.toFixed(1)} articles/s vs extract ${extractRate.toFixed(1)} articles/s: ${(100 * result.ratio).toFixed(0)}% wall, ` +
  `${(100 * result.cpuRatio).toFixed(0)}% CPU (${ingestCpuRate.toFixed(1)} vs ${extractCpuRate.toFixed(1)} articles per CPU-second; target ${100 * result.target}%); written to ${out}`);
if (Math.max(result.ratio, result.cpuRatio) < result.target) process.exitCode = 1;
