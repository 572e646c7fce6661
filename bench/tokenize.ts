// Throughput of the tokenizer and sentence splitter on VOA and UN General Debate text, plus worst-case inputs.
//
// Run: npx tsc --module nodenext --target es2022 --types node --skipLibCheck --strict --outDir tmp/bench \
//        bench/tokenize.ts && node tmp/bench/bench/tokenize.js
// Reads ../shared (development data); nothing here is used at run time.
//
// Figures on the development machine (Node 20, CPU time), 2026-11-25: tokenize 28-42 M chars/s on VOA and UN
// General Debate text, tokenize + sentences 22-27 M chars/s; every 10 MB worst case runs in linear time
// (10x input costs 7-13x) at 6-110 M chars/s.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tokenize } from '../src/text/tokenize.js';
import { splitSentences } from '../src/text/sentences.js';

function texts(path: string, limit: number): string[] {
  const out: string[] = [];
  const raw = readFileSync(path);
  for (const line of (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8').split('\n')) {
    if (!line) continue;
    out.push((JSON.parse(line) as { text: string }).text);
    if (out.length >= limit) break;
  }
  return out;
}

function measure(name: string, docs: string[], split: boolean, rounds = 5): void {
  const chars = docs.reduce((a, d) => a + d.length, 0);
  let tokens = 0;
  for (const d of docs) tokens += tokenize(d).length; // warm-up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    // CPU time rather than wall time: the development machine is shared, and wall time mostly measures the neighbours.
    const t0 = process.cpuUsage();
    for (const d of docs) {
      const doc = tokenize(d);
      if (split) splitSentences(doc);
    }
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  const rate = chars / (best / 1000);
  console.log(`${name.padEnd(44)} ${(chars / 1e6).toFixed(2)} M chars, ${tokens} tokens: ${(rate / 1e6).toFixed(1)} M chars/s of CPU time (best of ${rounds})`);
}

const voa = texts('../shared/data/news/voa/voa_stories.jsonl', 1000);
const ungdc = texts('../shared/data/news/ungdc/ungdc_2010_2024.jsonl.gz', 400);
measure('VOA tokenize', voa, false);
measure('VOA tokenize + sentences', voa, true);
measure('UNGDC (400 statements) tokenize', ungdc, false);
measure('UNGDC (400 statements) tokenize + sentences', ungdc, true);

const tenMB = 10 * 1024 * 1024;
const worst: [string, string][] = [
  ['10 MB of letters, no space or punctuation', 'a'.repeat(tenMB)],
  ['10 MB "a." repeated', 'a.'.repeat(tenMB / 2)],
  ['10 MB "a@" repeated', 'a@'.repeat(tenMB / 2)],
  ['10 MB "http://" repeated', 'http://'.repeat(tenMB / 7)],
  ["10 MB \"a'\" repeated", "a'".repeat(tenMB / 2)],
  ['10 MB of "." ', '.'.repeat(tenMB)],
  ['10 MB "x. " repeated (1 token/char)', 'X. '.repeat(tenMB / 3)],
  ['10 MB "a\\n" repeated (5 M lines)', 'a\n'.repeat(tenMB / 2)],
  ['10 MB `". ` repeated', '". '.repeat(tenMB / 3)],
  ['10 MB "a.@b-" repeated', 'a.@b-'.repeat(tenMB / 5)],
  ["10 MB \"U.S.'s-\" repeated", "U.S.'s-".repeat(tenMB / 7)],
];
for (const [name, s] of worst) measure(name, [s], true, 1);

// Linear time: ten times the input should cost about ten times the CPU, for every worst case.
for (const [name, s] of worst) {
  const cost = (t: string): number => {
    const t0 = process.cpuUsage();
    splitSentences(tokenize(t));
    const u = process.cpuUsage(t0);
    return u.user + u.system;
  };
  const small = s.slice(0, s.length / 10);
  const best = (t: string): number => Math.min(cost(t), cost(t), cost(t));
  console.log(`${name.padEnd(44)} 10x input costs ${(best(s) / best(small)).toFixed(1)}x`);
}
