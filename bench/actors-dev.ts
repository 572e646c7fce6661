// Actor-resolution dev figure: hand-labelled mentions in VOA stories (test/fixtures/voa/actors-dev.json); a mention
// counts as right when the system has a mention starting there whose actor has the expected country, org and sector.
// Usage: npm run build && node --import tsx bench/actors-dev.ts [--verbose]
import { readFileSync } from 'node:fs';
import { extract } from '../src/api.js';

interface Expected { text: string; start: number; country: string | null; org: string | null; sector: string }
interface Article { id: string; published: string; title: string; text: string; expected: Expected[] }

const verbose = process.argv.includes('--verbose');
const data = JSON.parse(readFileSync('test/fixtures/voa/actors-dev.json', 'utf8')) as { articles: Article[] };
let right = 0, total = 0;
for (const a of data.articles) {
  const x = extract({ id: a.id, text: a.text, published: a.published });
  const actors = new Map(x.actors.map((y) => [y.id, y]));
  let r = 0;
  for (const e of a.expected) {
    const m = x.mentions.find((mm) => mm.start === e.start);
    const act = m?.actor ? actors.get(m.actor) : undefined;
    const ok = !!act && act.country === e.country && act.org === e.org && act.sector === e.sector;
    if (ok) r++;
    if (verbose && !ok) {
      console.log(`  ${a.id} "${e.text}"@${e.start}: want ${e.country ?? e.org}/${e.sector}, got ${m ? `${m.text} → ${act ? `${act.country ?? act.org}/${act.sector} (${act.id})` : 'no actor'}` : 'no mention'}`);
    }
  }
  console.log(`${a.id} ${a.title.slice(0, 60)}: ${r}/${a.expected.length}`);
  right += r;
  total += a.expected.length;
}
console.log(`actor resolution (dev): ${right}/${total} = ${(right / total).toFixed(3)}`);
