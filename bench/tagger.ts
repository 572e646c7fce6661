// Tagger experiments: trains a tagger variant and scores it on EWT dev (`train`), or times tagging against a
// baseline in the same process, back to back (`speed`), in tokens per CPU-second on UN General Debate text.
//
// npx tsx bench/tagger.ts train [--extra N] [--epochs N] [--xbits N] [--ubits N] [--out FILE]
// npx tsx bench/tagger.ts speed [--model FILE] [--base FILE] [--rounds N] [--mb N] [--restrict N]
// `speed` compares bench/tagger-baseline.ts (the tagger code before this round, if present) with the current code.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseTreebank } from '../src/annotate/treebank.js';
import { trainTagger, evaluateTagger } from '../src/annotate/tagger-train.js';
import { Tagger } from '../src/annotate/tagger.js';
import { tokenize } from '../src/text/tokenize.js';
import { splitSentences } from '../src/text/sentences.js';
import { compressModel } from '../src/learn/model-file.js';
import { time } from './wink.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = process.env.PARLEY_SHARED ?? `${ROOT}../shared/`;
const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const ewt = (split: string) => parseTreebank(readFileSync(`${SHARED}data/ud-ewt/en_ewt-ud-${split}.conllu`, 'utf8'));

interface Tags { tagWords(w: readonly string[], x: Int32Array, u: Uint8Array): void }

if (args[0] === 'train') {
  const t0 = time(() => 0);
  const train = ewt('train'), dev = ewt('dev');
  const log = (m: string): void => { process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${m}\n`); };
  const tr = time(() => trainTagger(train, dev, {
    seed: Number(opt('seed', '1')), epochs: Number(opt('epochs', '8')), extra: Number(opt('extra', '3')),
    xposBits: Number(opt('xbits', '18')), uposBits: Number(opt('ubits', '17')), log,
  }));
  void t0;
  const bytes = tr.value.encode(8);
  const stored = Tagger.decode(bytes);
  const sc = evaluateTagger(stored, dev);
  const gz = compressModel(bytes);
  console.log(`stored (8-bit): dev UPOS ${sc.upos.toFixed(2)} XPOS ${sc.xpos.toFixed(2)}; ${(gz.length / 1e6).toFixed(2)} MB gzipped; trained in ${(tr.ms / 1000).toFixed(0)} CPU-s`);
  const out = opt('out', '');
  if (out) writeFileSync(out, gz);
} else if (args[0] === 'speed') {
  const mb = Number(opt('mb', '1')), rounds = Number(opt('rounds', '4'));
  const lines = gunzipSync(readFileSync(`${SHARED}data/news/ungdc/ungdc_2010_2024.jsonl.gz`)).toString('utf8').split('\n');
  const sents: string[][] = [];
  let chars = 0, tokens = 0;
  for (const l of lines) {
    if (!l.trim()) continue;
    const t = (JSON.parse(l) as { text: string }).text;
    const d = tokenize(t);
    splitSentences(d);
    for (let s = 0; s < d.sentenceCount; s++) {
      const w: string[] = [];
      for (let i = d.sentStarts[s]; i < d.sentStarts[s + 1]; i++) w.push(d.textOf(i));
      sents.push(w);
      tokens += w.length;
    }
    chars += t.length;
    if (chars >= mb * 1e6) break;
  }
  const modelBytes = readFileSync(opt('model', `${ROOT}models/tagger.bin`));
  const baseBytes = readFileSync(opt('base', '/tmp/tagger-old.bin'));
  const basePath = `${ROOT}bench/tagger-baseline.ts`;
  const Base = existsSync(basePath) ? ((await import(basePath)) as { Tagger: { decode(b: Uint8Array): Tags } }).Tagger : Tagger;
  const run = (t: Tags): { ms: number; out: Int32Array[] } => {
    const out: Int32Array[] = [];
    const r = time(() => {
      for (const w of sents) {
        const x = new Int32Array(w.length), u = new Uint8Array(w.length);
        t.tagWords(w, x, u);
        out.push(x);
      }
    });
    return { ms: r.ms, out };
  };
  console.log(`${sents.length} sentences, ${tokens} tokens`);
  const rate = (ms: number): number => Math.round((tokens / ms) * 1000);
  const sums = { base: 0, cur: 0 };
  for (let r = 0; r < rounds; r++) {
    // A fresh tagger each round: the per-word caches start empty, as in a new process.
    const cur = Tagger.decode(modelBytes);
    const restrict = opt('restrict', '');
    const curTagger = restrict ? new Tagger({ ...cur.meta, restrictMin: Number(restrict) }, cur.xp.weights, cur.up.weights) : cur;
    // Alternate which runs first, so that warm-up and neighbours do not favour one side.
    const base = Base.decode(baseBytes);
    let b, c;
    if (r % 2 === 0) { b = run(base); c = run(curTagger); } else { c = run(curTagger); b = run(base); }
    let same = 0;
    b.out.forEach((x, i) => x.forEach((v, j) => { if (c.out[i][j] === v) same++; }));
    sums.base += b.ms; sums.cur += c.ms;
    console.log(`round ${r + 1}: base ${rate(b.ms)} tok/s, current ${rate(c.ms)} tok/s (${(b.ms / c.ms).toFixed(2)}x); XPOS agreement ${(100 * same / tokens).toFixed(2)}%`);
  }
  console.log(`mean: base ${rate(sums.base / rounds)} tok/s, current ${rate(sums.cur / rounds)} tok/s: ${(sums.base / sums.cur).toFixed(2)}x`);
  mkdirSync(`${ROOT}bench/results`, { recursive: true });
  writeFileSync(`${ROOT}bench/results/tagger-speed.json`, JSON.stringify({
    date: new Date().toISOString(), node: process.version, basis: 'tokens per CPU-second, same process, alternating order',
    sentences: sents.length, tokens, rounds, baseTokensPerSec: rate(sums.base / rounds), currentTokensPerSec: rate(sums.cur / rounds),
    speedup: Math.round((100 * sums.base) / sums.cur) / 100,
  }, null, 2) + '\n');
}
