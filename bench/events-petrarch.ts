// PETRARCH unit-test compatibility check: codes the 284 PETR.UnitTest records with only the PETR.Validate verb and
// actor dictionaries loaded (as `--no-builtin-kb --dictionary ...` would) and reports the share of expected codings
// found. The records come with constituency trees, not UD parses, so this runs the surface coder: it measures
// dictionary loading and pattern matching, not the dependency coder.
// Usage: npx tsx bench/events-petrarch.ts [--shared ../shared] [--out bench/results/events-petrarch.json]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { KnowledgeBase } from '../src/actors/kb.js';
import { parseDictionary } from '../src/actors/petrarch.js';
import { tokenize } from '../src/text/tokenize.js';
import { parseVerbDictionary, VerbIndex } from '../src/events/verb-dict.js';
import { CameoTable, type CameoData } from '../src/events/cameo.js';
import { extractArticle } from '../src/pipeline/extract.js';
import type { Resources } from '../src/pipeline/context.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const dir = join(opt('--shared', '../shared'), 'data/eventdata/petrarch');
const out = opt('--out', 'bench/results/events-petrarch.json');

interface Coding { source: string; target: string; code: string }
interface Rec { id: string; category: string; date: string; text: string; codings: Coding[]; noEvents: boolean; error: boolean }

const xml = readFileSync(join(dir, 'PETR.UnitTest.records.xml'), 'utf8');
const records: Rec[] = [];
for (const m of xml.matchAll(/<Sentence\s([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
  const attr = (k: string): string => new RegExp(`${k}\\s*=\\s*"([^"]*)"`).exec(m[1])?.[1] ?? '';
  const body = m[2].replace(/<!--[\s\S]*?-->/g, '');
  const text = /<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1].replace(/\s+/g, ' ').trim() ?? '';
  const codings: Coding[] = [];
  for (const c of body.matchAll(/<EventCoding\s([^>]*)>/g)) {
    const a = (k: string): string => (new RegExp(`${k}\\s*=\\s*["']([^"']*)["']`).exec(c[1])?.[1] ?? '').replace(/"/g, '');
    if (a('eventcode')) codings.push({ source: a('sourcecode'), target: a('targetcode'), code: a('eventcode') });
  }
  records.push({ id: attr('id'), category: attr('category'), date: attr('date'), text, codings, noEvents: /noevents/.test(body), error: /EventCoding error/.test(body) });
}

// ---- actors: the product's PETRARCH/TABARI dictionary loader, as `--no-builtin-kb --dictionary` uses it
const splitAlias = (a: string): string[] => {
  const d = tokenize(a);
  return d.span(0, d.length).words();
};
const actorFile = join(dir, 'PETR.Validate.actors.txt');
const kb = new KnowledgeBase(parseDictionary(readFileSync(actorFile, 'utf8'), actorFile), splitAlias);

// ---- verbs: the validation dictionary alone; every code it uses is given a placeholder PLOVER type so nothing is
// filtered out for lacking one (the test codes are not CAMEO semantics)
const verbs = new VerbIndex(parseVerbDictionary(readFileSync(join(dir, 'PETR.Validate.verbs.txt'), 'utf8'), undefined, 'PETR.Validate.verbs.txt'));
const codes: CameoData = { version: 1, sources: ['bench placeholder'], codes: {} };
for (const b of verbs.data.blocks) for (const c of [b.code, ...b.pats.map((p) => p.c)]) if (c) codes.codes[c] = [0, '', 'X', '', ''];
for (const e of verbs.data.verbs) if (e.c) codes.codes[e.c] = [0, '', 'X', '', ''];
const res: Resources = { kb, verbs, cameo: new CameoTable(codes) };

let expected = 0, codeHit = 0, fullHit = 0, noEvRight = 0, noEvN = 0;
const perRecord: unknown[] = [];
for (const r of records) {
  if (r.error) continue;
  const date = `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}`;
  const x = extractArticle({ id: r.id, text: r.text, published: /^\d{8}$/.test(r.date) ? date : undefined }, res);
  const got = x.events.map((e) => ({ code: e.cameo, source: e.source[0]?.code ?? '', target: e.target[0]?.code ?? '' }));
  if (r.noEvents) {
    noEvN++;
    if (!got.length) noEvRight++;
  }
  const hits = r.codings.map((c) => {
    const sameCode = got.filter((g) => g.code === c.code);
    const full = sameCode.some((g) => g.source.slice(0, 3) === c.source.slice(0, 3) && g.target.slice(0, 3) === c.target.slice(0, 3));
    return { ...c, codeRight: sameCode.length > 0, full };
  });
  expected += hits.length;
  codeHit += hits.filter((h) => h.codeRight).length;
  fullHit += hits.filter((h) => h.full).length;
  perRecord.push({ id: r.id, category: r.category, expected: hits, got });
}

const pct = (a: number, b: number): number => Math.round((1000 * a) / Math.max(1, b)) / 10;
const summary = {
  records: records.length,
  expectedCodings: expected,
  eventCodeFound: pct(codeHit, expected),
  codeAndDyadFound: pct(fullHit, expected),
  noEventRecordsRight: `${noEvRight}/${noEvN}`,
  notes: 'surface coder (no UD parse for these records); paired [a:b] reverse codings are not emitted; agents are not composed into codes (dyads compared on the first three letters)',
  perRecord,
};
console.log(`PETRARCH unit tests: ${records.length} records, ${expected} expected codings`);
console.log(`event code found ${summary.eventCodeFound}%  code + source/target (3-letter) ${summary.codeAndDyadFound}%  no-event records right ${summary.noEventRecordsRight}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
