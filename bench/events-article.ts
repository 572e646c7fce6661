// Core events of a hand-labelled multi-paragraph article on a diplomatic crisis (the DEV counterpart of the issue's
// held-out article): how many gold events the coder finds with the right dyad, CAMEO root and date, and whether the
// article's relative dates resolve. Gold: bench/gold/article-*.json; the text is the shipped demo corpus (public-domain
// VOA). results/events-article.before-a8a546f.json holds the same run on main a8a546f, before the article-3 changes.
// Usage: npx tsx bench/events-article.ts [--out bench/results/events-article.json] [--show]
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractArticle } from '../src/pipeline/extract.js';
import { loadResources } from '../src/resources/load.js';
import type { Event } from '../src/schema/extraction.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const out = opt('--out', 'bench/results/events-article.json');

interface GoldEvent { sentence: string; source: string; target: string; root: string; date?: string }
interface GoldDate { text: string; near: string; value: string }
interface Gold { article: string; corpus: string; events: GoldEvent[]; dates: GoldDate[] }
interface Article { id: string; text: string; title?: string; published: string }

const res = loadResources();
const side = (xs: Event['source']): Set<string> => new Set(xs.map((a) => a.country ?? (a.org ? 'IGO' : '')).filter(Boolean));
const results: unknown[] = [];
let found = 0, total = 0, datesOk = 0, datesN = 0, events = 0;

for (const f of readdirSync('bench/gold').filter((n) => /^article-.*\.json$/.test(n)).sort()) {
  const gold = JSON.parse(readFileSync(join('bench/gold', f), 'utf8')) as Gold;
  const a = readFileSync(gold.corpus, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Article).find((x) => x.id === gold.article);
  if (!a) throw new Error(`${f}: article ${gold.article} not in ${gold.corpus}`);
  const x = extractArticle({ id: a.id, text: a.text, title: a.title, published: a.published.slice(0, 10) }, res);
  events += x.events.length;
  const rows = gold.events.map((g) => {
    const inSentence = x.events.filter((e) => e.evidence.text.includes(g.sentence));
    // right dyad and root, and the gold date where the text gives one
    const dateOf = (e: Event): string => e.date.value ?? '';
    const hit = inSentence.find((e) => e.cameo.slice(0, 2) === g.root && side(e.source).has(g.source) && side(e.target).has(g.target) && dateOf(e).startsWith(g.date ?? ''));
    const close = inSentence.map((e) => `${e.cameo} ${[...side(e.source)].join('+')}→${[...side(e.target)].join('+')} ${dateOf(e)} [${e.trigger.text}] ${e.rule}`);
    return { ...g, ok: !!hit, coded: close };
  });
  const dates = gold.dates.map((g) => {
    const at = a.text.indexOf(g.near);
    const m = x.dates.find((d) => d.text === g.text && d.start >= at && d.end <= at + g.near.length);
    return { ...g, got: m?.value ?? null, ok: !!m?.value?.startsWith(g.value) };
  });
  found += rows.filter((r) => r.ok).length;
  total += rows.length;
  datesOk += dates.filter((d) => d.ok).length;
  datesN += dates.length;
  results.push({ article: gold.article, coreFound: rows.filter((r) => r.ok).length, coreTotal: rows.length, events: x.events.length, core: rows, dates });
  console.log(`${gold.article}: core events ${rows.filter((r) => r.ok).length}/${rows.length}, relative dates ${dates.filter((d) => d.ok).length}/${dates.length}, events coded ${x.events.length}`);
  if (args.includes('--show')) {
    for (const r of rows) console.log(`${r.ok ? 'ok  ' : 'MISS'} ${r.root} ${r.source}→${r.target} ${r.date ?? ''} "${r.sentence}"\n       ${r.coded.join('\n       ')}`);
    for (const d of dates) console.log(`${d.ok ? 'ok  ' : 'MISS'} date "${d.text}" near "${d.near}": ${d.got} (want ${d.value})`);
  }
}
const summary = { set: 'bench/gold/article-*.json (DEV, hand-labelled)', coreFound: found, core: total, datesResolved: datesOk, dates: datesN, eventsCoded: events, results };
console.log(`core events with the right dyad, CAMEO root and date: ${found}/${total}; relative dates resolved: ${datesOk}/${datesN}; events coded in all: ${events}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
