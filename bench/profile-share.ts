// Reads a V8 .cpuprofile (node --cpu-prof) and reports the share of sampled time by source file and the inclusive
// share of the actor stage, the knowledge-base lookups and the NER tagger. Writes bench/results/profile-extract.json.
// Usage: node --cpu-prof --cpu-prof-dir=/tmp/prof dist/cli/main.js extract data/demo/voa-2025.jsonl --format jsonl
//        > /dev/null && npx tsx bench/profile-share.ts /tmp/prof/CPU.*.cpuprofile
import { readFileSync, writeFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const prof = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
prof.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[k] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = [...self].filter(([id]) => /^\((idle|program|garbage collector)\)$/.test(byId.get(id)!.callFrame.functionName)).reduce((a, [, t]) => a + t, 0);

const file = (n: Node): string => n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/');
const byFile = new Map<string, number>();
for (const [id, t] of self) {
  const f = file(byId.get(id)!) || byId.get(id)!.callFrame.functionName;
  byFile.set(f, (byFile.get(f) ?? 0) + t);
}

// inclusive: a sample counts for a category when any frame on its stack matches (counted once per sample)
function inclusive(match: (n: Node) => boolean): number {
  let t = 0;
  for (const [id, dt] of self) {
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) {
      if (match(byId.get(k)!)) { t += dt; break; }
    }
  }
  return t;
}
const cats: Record<string, (n: Node) => boolean> = {
  'actors stage (dist/actors/*)': (n) => /\/dist\/actors\//.test(n.callFrame.url),
  'KB lookups (KnowledgeBase.lookup/matchAll/noun, surnames)': (n) => /\/dist\/actors\/kb\.js$/.test(n.callFrame.url) && /^(lookup|matchAll|noun|spells)$/.test(n.callFrame.functionName),
  'NER tagger (dist/annotate/ner.js)': (n) => /\/dist\/annotate\/ner\.js$/.test(n.callFrame.url),
  'parser': (n) => /\/dist\/annotate\/parser\.js$/.test(n.callFrame.url),
  'tagger': (n) => /\/dist\/annotate\/tagger\.js$/.test(n.callFrame.url),
  'events': (n) => /\/dist\/events\//.test(n.callFrame.url),
  'quotes': (n) => /\/dist\/quotes\//.test(n.callFrame.url),
  'resource loading (dist/resources/*)': (n) => /\/dist\/resources\//.test(n.callFrame.url),
};
const pct = (t: number): number => Math.round((1000 * t) / total) / 10;
console.log(`sampled ${(total / 1e6).toFixed(2)} s (idle/program/GC ${pct(idle)}%)`);
const inc: Record<string, number> = {};
for (const [k, f] of Object.entries(cats)) {
  inc[k] = pct(inclusive(f));
  console.log(`${String(inc[k]).padStart(5)}%  ${k}`);
}
const top = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 12);
console.log('self time by file:');
for (const [f, t] of top) console.log(`${String(pct(t)).padStart(5)}%  ${f}`);
writeFileSync('bench/results/profile-extract.json', JSON.stringify({
  bench: 'profile-extract', corpus: 'data/demo/voa-2025.jsonl', sampledSeconds: Math.round(total / 1e4) / 100,
  inclusivePercent: inc, selfPercentByFile: Object.fromEntries(top.map(([f, t]) => [f, pct(t)])),
}, null, 2) + '\n');
