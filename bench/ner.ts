// NER bench: PER/LOC/ORG exact-span precision, recall and F1 of the shipped model (models/ner.bin) on CoNLL-2003
// eng.testa (the tuning set; GPE and LOC both count as LOC, MISC is not scored), tagging article by article as the
// product does. Reads ../shared (dev only); writes bench/results/ner.json.
// Usage: npx tsx bench/ner.ts [--shared ../shared] [--model models/ner.bin]
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase, type KbFile } from '../src/actors/kb.js';
import { tokenize } from '../src/text/tokenize.js';
import { decodeNerModel } from '../src/annotate/ner.js';
import { LabelMapper, byDoc, loadSentences, readConll, scoreConll } from '../scripts/ner-data.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const shared = opt('--shared', '../shared');
const modelPath = opt('--model', 'models/ner.bin');
const kb = new KnowledgeBase(JSON.parse(readFileSync('data/kb/actors.json', 'utf8')) as KbFile, (a) => {
  const d = tokenize(a);
  return d.span(0, d.length).words();
});
const tagger = decodeNerModel(new Uint8Array(readFileSync(modelPath)));
const testa = loadSentences(readConll(join(shared, 'data/conll2003/eng.testa')), new LabelMapper(kb, shared), false);
const t0 = process.hrtime.bigint();
const pred = byDoc(testa).flatMap((d) => tagger.tagSentences(d.map((s) => s.words), kb));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const tokens = testa.reduce((n, s) => n + s.words.length, 0);
const scores = scoreConll(testa, pred);
for (const [t, v] of Object.entries(scores)) {
  console.log(`CoNLL-2003 testa ${t.padEnd(3)}  P ${v.p.toFixed(4)}  R ${v.r.toFixed(4)}  F1 ${v.f.toFixed(4)}  (gold+missed n=${v.n})`);
}
const rate = Math.round(tokens / (ms / 1000));
console.log(`${tokens} tokens in ${ms.toFixed(0)} ms (${rate} tokens/s); model ${(statSync(modelPath).size / 1e6).toFixed(2)} MB`);
if (!args.includes('--model')) {
  const round = (x: number): number => Math.round(x * 10000) / 10000;
  writeFileSync('bench/results/ner.json', JSON.stringify({
    bench: 'ner', set: 'CoNLL-2003 eng.testa (dev)', scoring: 'exact-span PER/LOC/ORG (GPE+LOC = LOC)',
    modelBytes: statSync(modelPath).size, tokensPerSecond: rate,
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { p: round(v.p), r: round(v.r), f1: round(v.f), n: v.n }])),
  }, null, 2) + '\n');
}
