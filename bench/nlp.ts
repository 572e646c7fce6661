// NLP benchmark: EWT dev accuracy with gold tokens, and tokens/s per stage beside wink-nlp on the same news text.
//
// Run with `npm run bench:nlp`. Reads ../shared (development data, never read by the product); override with
// PARLEY_SHARED=/path. Options: --mb N (MB of UN General Debate text for throughput, default 3).
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseTreebank } from '../src/annotate/treebank.js';
import { Doc } from '../src/text/doc.js';
import { tokenize } from '../src/text/tokenize.js';
import { splitSentences } from '../src/text/sentences.js';
import { loadTagger, loadParser, loadLemmatizer } from '../src/resources/models.js';
import { TaggerStage } from '../src/annotate/tagger.js';
import { ParserStage } from '../src/annotate/parser.js';
import { LemmatizerStage } from '../src/annotate/lemmatizer.js';
import { time, timeWink, childCpu } from './wink.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SHARED = process.env.PARLEY_SHARED ?? `${ROOT}../shared/`;
const mbArg = process.argv.indexOf('--mb');
const MB = mbArg > 0 ? Number(process.argv[mbArg + 1]) : 3;

function pct(a: number, n: number): number {
  return Math.round((10000 * a) / Math.max(1, n)) / 100;
}

const t0 = performance.now();
const tagger = loadTagger(), parser = loadParser(), lemmatizer = loadLemmatizer();
const loadMs = performance.now() - t0;
const tagStage = new TaggerStage(tagger), parseStage = new ParserStage(parser), lemStage = new LemmatizerStage(lemmatizer);

// --- accuracy on EWT dev, gold tokens and sentences
const dev = parseTreebank(readFileSync(`${SHARED}data/ud-ewt/en_ewt-ud-dev.conllu`, 'utf8'));
let n = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasU = 0;
for (const s of dev) {
  const doc = Doc.fromWords(s.forms);
  tagStage.run(doc);
  lemStage.run(doc);
  parseStage.run(doc);
  for (let i = 0; i < s.forms.length; i++) {
    const t = doc.token(i);
    n++;
    if (doc.upos[i] === s.upos[i]) upos++;
    if (t.xpos === s.xpos[i]) xpos++;
    if (t.lemma === s.lemmas[i]) lemma++;
    if (t.head === s.heads[i]) {
      uas++;
      if (t.deprel === s.deprels[i]) las++;
      if (t.deprel.split(':')[0] === s.deprels[i].split(':')[0]) lasU++;
    }
  }
}
const accuracy = {
  tokens: n, upos: pct(upos, n), xpos: pct(xpos, n), lemma: pct(lemma, n), uas: pct(uas, n), las: pct(las, n), lasUniversal: pct(lasU, n),
};

// --- throughput on UN General Debate statements (CC0)
const lines = gunzipSync(readFileSync(`${SHARED}data/news/ungdc/ungdc_2010_2024.jsonl.gz`)).toString('utf8').split('\n');
const texts: string[] = [];
let chars = 0;
for (const l of lines) {
  if (!l.trim()) continue;
  const t = (JSON.parse(l) as { text: string }).text;
  texts.push(t);
  chars += t.length;
  if (chars >= MB * 1e6) break;
}

// Warm up the JIT and the per-word caches a little so the figures are steady-state, as in a long ingest.
for (const t of texts.slice(0, 5)) {
  const d = tokenize(t); splitSentences(d); tagStage.run(d); lemStage.run(d); parseStage.run(d);
}
const tok = time(() => texts.map((t) => { const d = tokenize(t); splitSentences(d); return d; }));
const docs = tok.value;
const tokens = docs.reduce((a, d) => a + d.length, 0);
const tag = time(() => docs.forEach((d) => tagStage.run(d)));
const lem = time(() => docs.forEach((d) => lemStage.run(d)));
const parse = time(() => docs.forEach((d) => parseStage.run(d)));
const ttp = time(() => texts.forEach((t) => {
  const d = tokenize(t); splitSentences(d); tagStage.run(d); parseStage.run(d);
}));
const all = time(() => texts.forEach((t) => {
  const d = tokenize(t); splitSentences(d); tagStage.run(d); lemStage.run(d); parseStage.run(d);
}));

const wink = timeWink(texts);
const winkTokens = wink.tokens;

// `parley annotate --from text` as a user runs it: a fresh process with everything it does (model loading,
// tokenizer, splitter, tagger, lemmatizer, parser, dates, NER, CoNLL-U writing), on the same texts.
const tmp = mkdtempSync(join(tmpdir(), 'parley-nlp-'));
const inFile = join(tmp, 'ungdc.txt');
writeFileSync(inFile, texts.join('\n\n'));
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const c0 = childCpu();
const w0 = performance.now();
const ann = spawnSync(process.execPath, [cli, 'annotate', '--from', 'text', '--to', 'conllu', inFile], { maxBuffer: 1 << 30, encoding: 'utf8' });
const annotateRun = { ms: (childCpu() - c0) * 1000, wallMs: performance.now() - w0 };
rmSync(tmp, { recursive: true, force: true });
if (ann.status !== 0) throw new Error(`annotate failed (run npm run build first): ${ann.stderr}`);
const annotateTokens = ann.stdout.split('\n').filter((l) => /^\d+\t/.test(l)).length;

const rate = (ms: number, k = tokens): number => Math.round((k / ms) * 1000);
const winkRate = rate(wink.ms, winkTokens);
const rows = [
  { stage: 'tokenize+split (ours)', ms: tok.ms, wallMs: tok.wallMs, tokensPerSec: rate(tok.ms) },
  { stage: 'tag (ours)', ms: tag.ms, wallMs: tag.wallMs, tokensPerSec: rate(tag.ms) },
  { stage: 'lemmatize (ours)', ms: lem.ms, wallMs: lem.wallMs, tokensPerSec: rate(lem.ms) },
  { stage: 'parse (ours)', ms: parse.ms, wallMs: parse.wallMs, tokensPerSec: rate(parse.ms) },
  { stage: 'tokenize+tag+parse (ours)', ms: ttp.ms, wallMs: ttp.wallMs, tokensPerSec: rate(ttp.ms) },
  { stage: 'tokenize+tag+lemma+parse (ours)', ms: all.ms, wallMs: all.wallMs, tokensPerSec: rate(all.ms) },
  { stage: 'annotate --from text (CLI, all)', ms: annotateRun.ms, wallMs: annotateRun.wallMs, tokensPerSec: rate(annotateRun.ms, annotateTokens) },
  { stage: 'tokenize+pos (wink-nlp)', ms: wink.ms, wallMs: wink.wallMs, tokensPerSec: winkRate },
];

console.log(`models loaded in ${loadMs.toFixed(0)} ms`);
console.log(`\nEWT dev (gold tokens, ${n} words)`);
console.log('  UPOS    XPOS    lemma   UAS     LAS     LAS(universal)');
console.log(`  ${[accuracy.upos, accuracy.xpos, accuracy.lemma, accuracy.uas, accuracy.las, accuracy.lasUniversal].map((x) => x.toFixed(2).padEnd(8)).join('')}`);
console.log(`\nthroughput on ${(chars / 1e6).toFixed(1)} MB of UNGDC text (${texts.length} statements, ${tokens} of our tokens, ${winkTokens} wink tokens)`);
console.log(`  ${'stage'.padEnd(34)}${'cpu ms'.padStart(9)}${'wall ms'.padStart(9)}${'tokens/s'.padStart(12)}${'× wink'.padStart(9)}`);
for (const r of rows) {
  console.log(`  ${r.stage.padEnd(34)}${r.ms.toFixed(0).padStart(9)}${r.wallMs.toFixed(0).padStart(9)}${String(r.tokensPerSec).padStart(12)}${(r.tokensPerSec / winkRate).toFixed(2).padStart(9)}`);
}
console.log('  (tokens per CPU-second of this single-threaded process)');
const result = {
  date: new Date().toISOString(),
  node: process.version,
  modelLoadMs: Math.round(loadMs),
  accuracy,
  throughputBasis: 'tokens per CPU-second (user+system) of one single-threaded process',
  throughput: { megabytes: Math.round(chars / 1e4) / 100, statements: texts.length, tokens, winkTokens, rows: rows.map((r) => ({ ...r, ms: Math.round(r.ms), wallMs: Math.round(r.wallMs), vsWink: Math.round((100 * r.tokensPerSec) / winkRate) / 100 })) },
  peakRssMB: Math.round(process.memoryUsage().rss / 1e6),
};
mkdirSync(`${ROOT}bench/results`, { recursive: true });
writeFileSync(`${ROOT}bench/results/nlp.json`, JSON.stringify(result, null, 2) + '\n');
console.log(`\nwrote bench/results/nlp.json`);
