// NER bench: PER/LOC/ORG exact-span precision, recall and F1 of the shipped model (models/ner.bin) on CoNLL-2003
// eng.testa (the tuning set; GPE and LOC both count as LOC, MISC is not scored). Reads ../shared (dev only).
// Usage: npx tsx bench/ner.ts [--shared ../shared] [--model models/ner.bin]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeBase, type KbFile } from '../src/actors/kb.js';
import { tokenize } from '../src/text/tokenize.js';
import { decodeCompact } from '../src/learn/ner-model.js';
import { NerTagger } from '../src/annotate/ner.js';
import { LabelMapper, loadSentences, readConll, scoreConll } from '../scripts/ner-data.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const shared = opt('--shared', '../shared');
const kb = new KnowledgeBase(JSON.parse(readFileSync('data/kb/actors.json', 'utf8')) as KbFile, (a) => {
  const d = tokenize(a);
  return d.span(0, d.length).words();
});
const tagger = new NerTagger(decodeCompact(new Uint8Array(readFileSync(opt('--model', 'models/ner.bin')))).model);
const testa = loadSentences(readConll(join(shared, 'data/conll2003/eng.testa')), new LabelMapper(kb, shared), false);
const t0 = process.hrtime.bigint();
const pred = testa.map((s) => tagger.tagWords(s.words, kb));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const tokens = testa.reduce((n, s) => n + s.words.length, 0);
for (const [t, v] of Object.entries(scoreConll(testa, pred))) {
  console.log(`CoNLL-2003 testa ${t.padEnd(3)}  P ${v.p.toFixed(4)}  R ${v.r.toFixed(4)}  F1 ${v.f.toFixed(4)}  (gold+missed n=${v.n})`);
}
console.log(`${tokens} tokens in ${ms.toFixed(0)} ms (${Math.round(tokens / (ms / 1000))} tokens/s)`);
