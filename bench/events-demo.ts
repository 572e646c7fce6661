// Event volume on the shipped demo corpus (data/demo/voa-2025.jsonl): events per article and per sentence, the rules
// that produced them, and a fixed-seed sample of events to check by eye. The corpus has no gold labels: this bench
// watches for over-generation (spurious events from background clauses), not accuracy.
// Usage: npx tsx bench/events-demo.ts [--out bench/results/events-demo.json] [--sample 25]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { extractArticle } from '../src/pipeline/extract.js';
import { loadResources } from '../src/resources/load.js';
import { mulberry32 } from '../src/learn/perceptron.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const out = opt('--out', 'bench/results/events-demo.json');
const sampleSize = Number(opt('--sample', '25'));

interface Article { id: string; text: string; title?: string; published: string }
const articles = readFileSync('data/demo/voa-2025.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Article);
const res = loadResources();

let events = 0, sentences = 0;
const byRule = new Map<string, number>();
const byRoot = new Map<string, number>();
const all: { article: string; sentence: string; trigger: string; cameo: string; source: string; target: string; rule: string; conf: number }[] = [];
for (const a of articles) {
  const x = extractArticle({ id: a.id, text: a.text, title: a.title, published: a.published.slice(0, 10) }, res);
  events += x.events.length;
  sentences += x.sentences.length;
  for (const e of x.events) {
    // the rule family without pattern numbers: "dep:verb+passive", "surface:…"
    const fam = e.rule.replace(/:[A-Z][^+]*/, '');
    byRule.set(fam, (byRule.get(fam) ?? 0) + 1);
    byRoot.set(e.cameo.slice(0, 2), (byRoot.get(e.cameo.slice(0, 2)) ?? 0) + 1);
    all.push({
      article: a.id,
      sentence: e.evidence.text.slice(0, 240),
      trigger: e.trigger.text,
      cameo: e.cameo,
      source: e.source.map((r) => r.code ?? r.text).join('+'),
      target: e.target.map((r) => r.code ?? r.text).join('+'),
      rule: e.rule,
      conf: e.confidence,
    });
  }
}
const rand = mulberry32(7);
const sample = [...all].map((e) => ({ e, k: rand() })).sort((a, b) => a.k - b.k).slice(0, sampleSize).map((x) => x.e);
const r2 = (x: number): number => Math.round(x * 100) / 100;
const summary = {
  corpus: 'data/demo/voa-2025.jsonl',
  articles: articles.length,
  sentences,
  events,
  eventsPerArticle: r2(events / articles.length),
  eventsPerSentence: r2(events / Math.max(1, sentences)),
  byRule: Object.fromEntries([...byRule].sort((a, b) => b[1] - a[1])),
  byRoot: Object.fromEntries([...byRoot].sort((a, b) => b[1] - a[1])),
  sample,
};
console.log(`demo corpus: ${articles.length} articles, ${sentences} sentences, ${events} events (${summary.eventsPerArticle}/article, ${summary.eventsPerSentence}/sentence)`);
console.log('by rule', JSON.stringify(summary.byRule));
console.log('by CAMEO root', JSON.stringify(summary.byRoot));
if (args.includes('--show')) for (const e of sample) console.log(`${e.cameo} ${e.source} → ${e.target} [${e.trigger}] ${e.rule} ${e.conf}\n    ${e.sentence}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
