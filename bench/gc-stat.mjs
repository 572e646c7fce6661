// Preloaded into a measured process (node --import): at exit, appends its GC pause time and its CPU split between
// the main thread and the other threads (V8's GC and compiler helpers, libuv) to $PARLEY_GC_STAT, as one JSON line.
import { PerformanceObserver } from 'node:perf_hooks';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';

const out = process.env.PARLEY_GC_STAT;
let gcMs = 0, gcCount = 0, majorMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcCount++;
    // kind 4 = major (mark-compact)
    if (e.detail?.kind === 4) majorMs += e.duration;
  }
}).observe({ entryTypes: ['gc'] });

// utime + stime of one thread from /proc (clock ticks, 100 per second on Linux)
function threadCpuS(tid) {
  const s = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
process.on('exit', () => {
  if (!out) return;
  // threads that already ended are gone from /proc/self/task but counted in the process total
  const ru = process.resourceUsage();
  const cpuS = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  const mainCpuS = threadCpuS(process.pid);
  const byName = {};
  for (const tid of readdirSync('/proc/self/task')) {
    const name = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
    byName[name] = Math.round(((byName[name] ?? 0) + threadCpuS(tid)) * 100) / 100;
  }
  appendFileSync(out, JSON.stringify({ gcMs, gcCount, majorMs, mainCpuS, otherCpuS: cpuS - mainCpuS, cpuS, maxRssMB: ru.maxRSS / 1024, byName }) + '\n');
});
