// Back-to-back A/B of `parley ingest` configurations on a loaded machine: CPU-seconds per article (the whole child,
// helper threads included), its split between the main thread and the others, and GC pause time per article.
// Wall time is not reported: with neighbours it measures them. Configurations alternate run by run so a change in
// the load falls on all alike; medians are reported. Writes bench/results/ingest-ab.json.
// With --pg URL (an admin connection) each run ingests into a fresh, migrated database through one shared queue
// (`--queue`, `--procs N` processes), and the PostgreSQL server's CPU (backends, read off the postmaster's reaped
// children; --pg-pid gives its postmaster.pid) is reported beside the ingest processes'.
// Usage: npx tsx bench/ingest-ab.ts [--copies K] [--runs R] [--procs N] [--pg URL --pg-pid FILE] NAME='node flags' [NAME2='...']
//        (an empty flag string is the plain build; build dist/ first: the children run dist/cli/main.js; a flag
//        string starting with @DIR runs DIR/cli/main.js instead, e.g. a copy of dist/ from before a change)
import { spawn } from 'node:child_process';
import { openStore } from '../src/store/open.js';
import { createTestDatabase } from '../src/store/pg-test-db.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';

const args = process.argv.slice(2);
const opt = (name: string, d: string): string => {
  const i = args.indexOf(name);
  if (i < 0) return d;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const COPIES = Number(opt('--copies', '2'));
const RUNS = Number(opt('--runs', '3'));
const PROCS = Number(opt('--procs', '1'));
const PG = opt('--pg', '');
const PG_PID = opt('--pg-pid', '');
const configs = args.map((a) => {
  const k = a.indexOf('=');
  const flags = k < 0 ? [] : a.slice(k + 1).split(/\s+/).filter(Boolean);
  const dist = flags[0]?.startsWith('@') ? flags.shift()!.slice(1) : undefined;
  return { name: k < 0 ? a : a.slice(0, k), flags, dist };
});
if (!configs.length) configs.push({ name: 'base', flags: [], dist: undefined });

const root = new URL('..', import.meta.url).pathname;
const CLI = join(root, 'dist/cli/main.js');
const GC = join(root, 'bench/gc-stat.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'parley-ab-'));
const demo = readFileSync(join(root, 'data/demo/voa-2025.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; text: string });
const copies: { id: string; text: string }[] = [];
for (let k = 0; k < COPIES; k++) for (const a of demo) copies.push({ ...a, id: `${a.id}#${k}`, text: a.text + ' '.repeat(k) });
const parts = Array.from({ length: PG ? 1 : PROCS }, (_, i) => {
  const f = join(tmp, `in-${i}.jsonl`);
  writeFileSync(f, copies.filter((_, j) => j % PROCS === i).map((a) => JSON.stringify(a)).join('\n') + '\n');
  return f;
});

interface Stat { pgCpuS: number; gcMs: number; gcCount: number; majorMs: number; mainCpuS: number; otherCpuS: number; cpuS: number; maxRssMB: number }
function run(flags: string[], dist: string | undefined, input: string, db: string, stat: string): Promise<void> {
  const queue = PG ? ['--queue', 'ab', '--workers', '0', '--lease', '300'] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...flags, '--import', GC, dist ? join(dist, 'cli/main.js') : CLI, 'ingest', input, '--db', db, ...queue], {
      stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, PARLEY_GC_STAT: stat },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ingest ${flags.join(' ')}: exit ${code}\n${err}`))));
  });
}

/** A fresh database, migrated before the clock starts (as a long-lived one would be). */
async function freshDb(): Promise<{ url: string; drop: () => Promise<void> }> {
  const db = await createTestDatabase(PG, 'parley_ab_');
  await (await openStore(db.url)).close();
  return db;
}
/** CPU-seconds of the PostgreSQL server's ended backends so far (the postmaster's reaped children). */
function pgServerCpu(): number {
  if (!PG_PID) return 0;
  const pid = readFileSync(PG_PID, 'utf8').split('\n')[0].trim();
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14])) / 100;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results: Record<string, Stat[]> = Object.fromEntries(configs.map((c) => [c.name, []]));
for (let r = 0; r < RUNS; r++) {
  const order = r % 2 ? [...configs].reverse() : configs;
  for (const c of order) {
    const stat = join(tmp, `stat-${c.name}-${r}.jsonl`);
    const db = PG ? await freshDb() : undefined;
    const pg0 = pgServerCpu();
    if (db) await Promise.all(Array.from({ length: PROCS }, () => run(c.flags, c.dist, parts[0], db.url, stat)));
    else await Promise.all(parts.map((f, i) => run(c.flags, c.dist, f, join(tmp, `${c.name}-${r}-${i}.db`), stat)));
    // the backends end with their connections; give the postmaster a moment to reap them
    if (db) await new Promise((res) => setTimeout(res, 500));
    const pgCpuS = pgServerCpu() - pg0;
    await db?.drop();
    const lines = readFileSync(stat, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Stat);
    const sum = (k: keyof Stat) => lines.reduce((a, s) => a + s[k], 0);
    const s: Stat = { pgCpuS, gcMs: sum('gcMs'), gcCount: sum('gcCount'), majorMs: sum('majorMs'), mainCpuS: sum('mainCpuS'), otherCpuS: sum('otherCpuS'), cpuS: sum('cpuS'), maxRssMB: Math.max(...lines.map((l) => l.maxRssMB)) };
    results[c.name].push(s);
    console.error(`${c.name} run ${r + 1}: ${s.cpuS.toFixed(2)} s CPU (main ${s.mainCpuS.toFixed(2)}, other threads ${s.otherCpuS.toFixed(2)}), GC ${s.gcMs.toFixed(0)} ms in ${s.gcCount}${PG ? `, PostgreSQL server ${pgCpuS.toFixed(2)} s` : ''}, load ${loadavg()[0].toFixed(1)}`);
  }
}
const n = copies.length;
const table = configs.map((c) => {
  const xs = results[c.name];
  const m = (k: keyof Stat) => median(xs.map((s) => s[k]));
  return {
    config: c.name, flags: c.flags.join(' '), dist: c.dist ?? 'dist', articles: n, processes: PROCS, runs: RUNS,
    cpuMsPerArticle: Math.round((1000 * m('cpuS')) / n * 10) / 10,
    mainCpuMsPerArticle: Math.round((1000 * m('mainCpuS')) / n * 10) / 10,
    otherThreadsCpuMsPerArticle: Math.round((1000 * m('otherCpuS')) / n * 10) / 10,
    gcMsPerArticle: Math.round((m('gcMs') / n) * 10) / 10,
    majorGcMsPerArticle: Math.round((m('majorMs') / n) * 10) / 10,
    peakRssMB: Math.round(m('maxRssMB')),
    ...(PG ? { pgServerCpuMsPerArticle: Math.round((1000 * median(xs.map((s) => s.pgCpuS))) / n * 10) / 10 } : {}),
    cpuS: xs.map((s) => Math.round(s.cpuS * 100) / 100),
  };
});
console.table(table.map(({ cpuS: _, flags: __, dist: ___, ...r }) => r));
const outFile = join(root, 'bench/results/ingest-ab.json');
const prev = existsSync(outFile) ? (JSON.parse(readFileSync(outFile, 'utf8')) as unknown[]) : [];
writeFileSync(outFile, JSON.stringify([...prev, { date: new Date().toISOString(), load: loadavg()[0], table }], null, 2) + '\n');
rmSync(tmp, { recursive: true, force: true });
