// Trains the NER tagger on CoNLL-2003 eng.train + UNER EWT (dev and test) and writes models/ner.bin; reports
// CoNLL eng.testa PER/LOC/ORG F1 (the tuning set). Usage: npx tsx scripts/train-ner.ts [--shared ../shared]
// [--epochs 8] [--bits 20] [--quantize 8|16] [--clip 0.9999] [--out models/ner.bin].
// Single-threaded and deterministic (seeded shuffle of whole articles, so document-level features see the
// article's earlier sentences in order, as at run time).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase, type KbFile } from '../src/actors/kb.js';
import { tokenize } from '../src/text/tokenize.js';
import { Perceptron, mulberry32, shuffleInPlace } from '../src/learn/perceptron.js';
import { encodeCompact } from '../src/learn/ner-model.js';
import { DocMemory, NER_CLASSES, NER_FEATURES, allowedAfter, decodeNerModel, gazetteerTags, historyFeatures, shortShape, staticFeatures, typeOf } from '../src/annotate/ner.js';
import { LabelMapper, byDoc, loadSentences, readConll, readUner, scoreConll, type NerSentence } from './ner-data.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const shared = opt('--shared', '../shared');
const epochs = +opt('--epochs', '8');
const bits = +opt('--bits', '20');
const out = opt('--out', 'models/ner.bin');
const quantize = +opt('--quantize', '16') as 8 | 16;
const clip = +opt('--clip', '1');

const kbFile = JSON.parse(readFileSync('data/kb/actors.json', 'utf8')) as KbFile;
const kb = new KnowledgeBase(kbFile, (a) => { const d = tokenize(a); return d.span(0, d.length).words(); });
const mapper = new LabelMapper(kb, shared);
const train: NerSentence[] = [
  ...loadSentences(readConll(join(shared, 'data/conll2003/eng.train')), mapper, false),
  ...(args.includes('--no-uner') ? [] : [
    ...loadSentences(readUner(join(shared, 'data/uner-ewt/en_ewt-ud-dev.iob2'), 100000), mapper, true),
    ...loadSentences(readUner(join(shared, 'data/uner-ewt/en_ewt-ud-test.iob2'), 200000), mapper, true),
  ]),
];
const testa = loadSentences(readConll(join(shared, 'data/conll2003/eng.testa')), mapper, false);
const docs = byDoc(train);
console.error(`train ${train.length} sentences in ${docs.length} articles, testa ${testa.length} sentences in ${byDoc(testa).length} articles`);

const p = new Perceptron(NER_CLASSES, bits);
// static features (including the article's casing statistics) do not depend on predictions: hash them once
const staticRows = docs.map((d) => {
  const mem = DocMemory.of(d.map((s) => s.words));
  return d.map((s) => staticFeatures(s.words, gazetteerTags(s.words, kb), mem).map((ff) => Int32Array.from(p.rows(ff))));
});
const unlabelledOk = (c: number): boolean => c === 0 || typeOf(c) === 4 || typeOf(c) === 7;

p.beginTraining();
const rand = mulberry32(20261125);
const order = docs.map((_, i) => i);
const rows: number[] = [];
const hist: number[] = [];
const scores = new Float64Array(NER_CLASSES);
let errors = 0, total = 0;
function tagTrain(d: number, si: number, s: NerSentence, mem: DocMemory, first?: number[]): number[] {
  const out: number[] = [];
  let prev = 0, prev2 = 0;
  for (let i = 0; i < s.words.length; i++) {
    p.rows(historyFeatures(prev, prev2, s.words[i], shortShape(s.words[i]), mem, first?.[i]), hist);
    rows.length = 0;
    for (const r of staticRows[d][si][i]) rows.push(r);
    for (const r of hist) rows.push(r);
    p.scores(rows, scores);
    let guess = 0, best = -Infinity;
    for (let c = 0; c < NER_CLASSES; c++) {
      if (!allowedAfter(prev, c)) continue;
      if (scores[c] > best) { best = scores[c]; guess = c; }
    }
    let truth = s.gold[i];
    // UNER has no MISC class: an O there may be an unlabelled NORP/OTHER, so such a guess is not an error
    if (s.partialO && truth === 0 && unlabelledOk(guess)) truth = guess;
    p.tick();
    if (guess !== truth) { errors++; p.update(rows, truth, guess); }
    total++;
    mem.record(s.words[i], guess);
    out.push(guess);
    prev2 = prev;
    prev = guess;
  }
  return out;
}
for (let ep = 1; ep <= epochs; ep++) {
  shuffleInPlace(order, rand);
  errors = 0;
  total = 0;
  for (const d of order) {
    // the memory's history is filled with the model's own guesses, as at run time; the second pass also reads
    // the first pass's guesses for every other occurrence in the article
    const mem = DocMemory.of([]);
    const first = docs[d].map((s, si) => tagTrain(d, si, s, mem));
    const mem2 = mem.secondPass();
    docs[d].forEach((s, si) => tagTrain(d, si, s, mem2, first[si]));
  }
  console.error(`epoch ${ep}: ${(100 * errors / total).toFixed(2)}% token errors`);
}
p.average();
const meta = { kind: 'ner', features: NER_FEATURES, trained: 'CoNLL-2003 eng.train + UNER EWT dev/test', epochs, seed: 20261125, types: 'PERSON ORG GPE LOC NORP FAC EVENT OTHER' };
const bytes = encodeCompact(p, meta, { quantize, clipQuantile: clip });
mkdirSync('models', { recursive: true });
writeFileSync(out, bytes);
console.error(`wrote ${out}: ${(bytes.length / 1e6).toFixed(2)} MB (int${quantize}, clip ${clip})`);
const tagger = decodeNerModel(bytes);
const pred = byDoc(testa).flatMap((d) => tagger.tagSentences(d.map((s) => s.words), kb));
const sc = scoreConll(testa, pred);
for (const [t, v] of Object.entries(sc)) console.log(`testa ${t}: P ${v.p.toFixed(4)} R ${v.r.toFixed(4)} F1 ${v.f.toFixed(4)} (n=${v.n})`);
