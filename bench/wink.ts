// wink-nlp tokenize + POS on the same texts as our pipeline, the outside reference that bench/nlp.ts and
// bench/perf-report.ts both put beside our figures.
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Timed {
  /** CPU time (user + system) of this process, ms. */
  ms: number;
  wallMs: number;
}

/** Wall and CPU time of f; rates use CPU time, since on a shared machine wall time mostly measures the neighbours. */
export function time<T>(f: () => T): Timed & { value: T } {
  const a = performance.now();
  const c = process.cpuUsage();
  const value = f();
  const d = process.cpuUsage(c);
  return { ms: (d.user + d.system) / 1000, wallMs: performance.now() - a, value };
}

/** wink-nlp (sentence boundaries + POS) over the texts, after one warm-up document; tokens are wink's own. */
export function timeWink(texts: readonly string[]): Timed & { tokens: number } {
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  nlp.readDoc(texts[0]).tokens().out(its.pos);
  let tokens = 0;
  const t = time(() => texts.forEach((x) => {
    tokens += nlp.readDoc(x).tokens().out(its.pos).length;
  }));
  return { ms: t.ms, wallMs: t.wallMs, tokens };
}

/** CPU seconds of this process's reaped children (/proc/self/stat cutime + cstime, in clock ticks of 1/100 s). */
export function childCpu(): number {
  const f = readFileSync('/proc/self/stat', 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[13]) + Number(rest[14])) / 100;
}
