// Throughput of `extract` (articles/s, chars/s) on the bundled VOA sample and on a 10 MB unpunctuated text.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { extract } from '../src/api.js';

const articles = readFileSync('samples/voa-sample.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { text: string; published: string });
extract(articles[0]); // warm-up: loads resources

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const rounds = 20;
let chars = 0;
const t = time(() => {
  for (let r = 0; r < rounds; r++) for (const a of articles) { extract(a); chars += a.text.length; }
});
const rows: Record<string, number>[] = [{ articlesPerSec: (rounds * articles.length) / t, charsPerSec: chars / t }];
const sizes = [1, 2, 4, 8].map((mb) => {
  const text = 'ceasefire '.repeat((mb * 1024 * 1024) / 10);
  return { mb, seconds: time(() => extract({ text })) };
});
console.table(rows);
console.table(sizes);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/extract-speed.json', JSON.stringify({ date: new Date().toISOString(), sample: rows[0], linear: sizes }, null, 2) + '\n');
