// Actor-resolution dev figures: hand-labelled mentions in VOA stories (test/fixtures/voa/actors-dev.json, the
// first set, and actors-dev2.json, two stories on diplomatic rifts with a category per mention); a mention counts
// as right when the system has a mention starting there whose actor has the expected country, org and sector (a
// pair such as "the two countries" has one expected row per side, each of which must be among the mentions there).
// Writes bench/results/actors-dev.json. Usage: npx tsx bench/actors-dev.ts [--verbose]
import { readFileSync, writeFileSync } from 'node:fs';
import { extract } from '../src/api.js';

interface Expected { text: string; start: number; country: string | null; org: string | null; sector: string; category?: string }
interface Article { id: string; published: string; title: string; text: string; expected: Expected[] }

const verbose = process.argv.includes('--verbose');
const sets = ['actors-dev', 'actors-dev2'];
const results: Record<string, unknown> = {};
for (const set of sets) {
  const data = JSON.parse(readFileSync(`test/fixtures/voa/${set}.json`, 'utf8')) as { articles: Article[] };
  let right = 0, total = 0;
  const byCat = new Map<string, [number, number]>();
  const articles: Record<string, string> = {};
  for (const a of data.articles) {
    const x = extract({ id: a.id, text: a.text, published: a.published });
    const actors = new Map(x.actors.map((y) => [y.id, y]));
    let r = 0;
    for (const e of a.expected) {
      const here = x.mentions.filter((mm) => mm.start === e.start);
      const acts = here.map((m) => (m.actor ? actors.get(m.actor) : undefined));
      const ok = acts.some((act) => !!act && act.country === e.country && act.org === e.org && act.sector === e.sector);
      if (ok) r++;
      const cat = e.category ?? 'all';
      const c = byCat.get(cat) ?? [0, 0];
      byCat.set(cat, [c[0] + (ok ? 1 : 0), c[1] + 1]);
      if (verbose && !ok) {
        const got = here.length
          ? here.map((m, k) => `${m.text} → ${acts[k] ? `${acts[k].country ?? acts[k].org}/${acts[k].sector} (${acts[k].id})` : 'no actor'}`).join('; ')
          : 'no mention';
        console.log(`  ${a.id} [${cat}] "${e.text}"@${e.start}: want ${e.country ?? e.org}/${e.sector}, got ${got}`);
      }
    }
    console.log(`${set} ${a.id} ${a.title.slice(0, 60)}: ${r}/${a.expected.length}`);
    articles[a.id] = `${r}/${a.expected.length}`;
    right += r;
    total += a.expected.length;
  }
  const cats = Object.fromEntries([...byCat].sort().map(([k, [ok, n]]) => [k, `${ok}/${n}`]));
  if (byCat.size > 1) console.log(`${set} by category: ${Object.entries(cats).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`${set} actor resolution (dev): ${right}/${total} = ${(right / total).toFixed(3)}`);
  results[set] = { right, total, articles, ...(byCat.size > 1 ? { byCategory: cats } : {}) };
}
writeFileSync('bench/results/actors-dev.json', JSON.stringify({ bench: 'actors-dev', ...results }, null, 2) + '\n');
