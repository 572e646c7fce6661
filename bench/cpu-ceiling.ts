// What "two processes on this machine" can reach at best: one CPU-only spin loop (no memory traffic, no I/O)
// alone, then two at once, alternating; the ratio is the ceiling any 1 -> 2 process speedup here runs into.
//   npx tsx bench/cpu-ceiling.ts [--runs 3]
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 3) || 3;
const LOOP = 'function f(){let x=0;for(let i=0;i<3e9;i++){x+=i&7}return x}const a=Date.now();const x=f();process.stdout.write(String(Date.now()-a+(x<0?1:0)))';

const one = (): number => Number(execFileSync(process.execPath, ['-e', LOOP], { encoding: 'utf8' }));
const child = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-e', LOOP]);
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', () => resolve(Number(out)));
  });

const rows: { run: number; oneMs: number; twoMs: number[]; speedup: number; load: number }[] = [];
for (let r = 1; r <= runs; r++) {
  const load = loadavg()[0];
  const oneMs = one();
  const twoMs = await Promise.all([child(), child()]);
  // two loops did twice the work in the time of the slower one
  const speedup = (2 * oneMs) / Math.max(...twoMs);
  rows.push({ run: r, oneMs, twoMs, speedup: Math.round(speedup * 100) / 100, load: Math.round(load * 100) / 100 });
  console.log(`run ${r}: one ${oneMs} ms, two ${twoMs.join(' / ')} ms -> ${speedup.toFixed(2)}x (load ${load.toFixed(2)})`);
}
const sorted = rows.map((r) => r.speedup).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`two spin loops reach ${median}x one (median of ${runs}); cores: ${cpus().length}`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/cpu-ceiling.json',
  JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, cpu: cpus()[0]?.model, medianSpeedup: median, runs: rows }, null, 2) + '\n',
);
