// PETRARCH unit-test compatibility check: codes the PETR.UnitTest records with only their own PETR.Validate verb,
// actor, agent and discard dictionaries, loaded the way `parley extract --no-builtin-kb --dictionary ...` loads them,
// and reports the share of expected codings (code + full source + full target codes) recovered, per category, with
// the misses grouped by cause. It runs twice: on the dependency parse of our own tagger and parser (the product's
// pipeline), and with the surface coder alone (no parse), so each can be compared.
// Usage: npx tsx bench/events-petrarch.ts [--shared ../shared] [--out bench/results/events-petrarch.json]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { knowledgeBaseOf, loadDictionaries, loadNerModel, loadNlpModels, verbIndexOf } from '../src/resources/load.js';
import { CameoTable, type CameoData } from '../src/events/cameo.js';
import { extractArticle } from '../src/pipeline/extract.js';
import type { Resources } from '../src/pipeline/context.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const dir = join(opt('--shared', '../shared'), 'data/eventdata/petrarch');
const out = opt('--out', 'bench/results/events-petrarch.json');

interface Coding { source: string; target: string; code: string }
interface Rec { id: string; category: string; date: string; text: string; codings: Coding[]; noEvents: boolean; error: string }

const xml = readFileSync(join(dir, 'PETR.UnitTest.records.xml'), 'utf8');
const records: Rec[] = [];
for (const m of xml.matchAll(/<Sentence\s([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
  const attr = (k: string): string => new RegExp(`${k}\\s*=\\s*"([^"]*)"`).exec(m[1])?.[1] ?? '';
  const body = m[2].replace(/<!--[\s\S]*?-->/g, '');
  const text = /<Text>([\s\S]*?)<\/Text>/.exec(body)?.[1].replace(/\s+/g, ' ').trim() ?? '';
  const codings: Coding[] = [];
  for (const c of body.matchAll(/<EventCoding\s([^>]*)>/g)) {
    const a = (k: string): string => (new RegExp(`${k}\\s*=\\s*["']([^"']*)["']`).exec(c[1])?.[1] ?? '').replace(/"/g, '');
    // PETRARCH writes '---' for a side without an actor; Parley leaves that side empty
    const side = (k: string): string => (a(k) === '---' ? '' : a(k));
    if (a('eventcode')) codings.push({ source: side('sourcecode'), target: side('targetcode'), code: a('eventcode') });
  }
  const error = /EventCoding\s+error\s*=\s*"([^"]*)"/.exec(body)?.[1] ?? '';
  records.push({ id: attr('id'), category: attr('category').replace(/x$/, ''), date: attr('date'), text, codings, noEvents: /noevents/.test(body), error });
}

// ---- the dictionaries named in the file's <Environment>, through the product's loader (kinds read from syntax)
const env = (tag: string): string => /<Environment>[\s\S]*?<\/Environment>/.exec(xml)?.[0].match(new RegExp(`<${tag}>([^<]+)</${tag}>`))?.[1].trim() ?? '';
const dictFiles = ['Verbfile', 'Actorfile', 'Agentfile', 'Discardfile'].map(env).filter(Boolean).map((f) => join(dir, f));
const set = loadDictionaries(dictFiles);
const kb = knowledgeBaseOf(set.kb);
const verbs = verbIndexOf(set.verbs, false);
// the test codes are WEIS/CAMEO-like numbers without CAMEO semantics: each gets a placeholder PLOVER type so that
// none is dropped for lacking one (the product drops CAMEO 01 statements, which PLOVER does not count as events)
const codes: CameoData = { version: 1, sources: ['bench placeholder'], codes: {} };
const addCode = (c: string | undefined): void => {
  if (c) codes.codes[c] = [0, '', 'X', '', ''];
};
for (const b of verbs.data.blocks) [b.code, b.p, ...b.pats.flatMap((p) => [p.c, p.p])].forEach(addCode);
for (const e of verbs.data.verbs) [e.c, e.p].forEach(addCode);
const ner = loadNerModel();
const base: Resources = { kb, verbs, cameo: new CameoTable(codes), ...(ner ? { ner } : {}), ...(set.discards ? { discards: set.discards } : {}) };

interface Got { code: string; source: string; target: string }
type Cause = 'no event' | 'wrong code' | 'source' | 'target' | 'source and target' | 'agent composition';

/** Why an expected coding was missed, read from the events with its code (or any event). */
function causeOf(c: Coding, got: Got[]): Cause {
  const same = got.filter((g) => g.code === c.code);
  if (!got.length) return 'no event';
  if (!same.length) return 'wrong code';
  if (same.some((g) => g.source.slice(0, 3) === c.source.slice(0, 3) && g.target.slice(0, 3) === c.target.slice(0, 3))) return 'agent composition';
  if (same.some((g) => g.source === c.source)) return 'target';
  if (same.some((g) => g.target === c.target)) return 'source';
  return 'source and target';
}

function run(label: string, res: Resources): Record<string, unknown> {
  let expected = 0, codeHit = 0, fullHit = 0, short = 0, spurious = 0, gotN = 0;
  const perCat = new Map<string, { expected: number; found: number; records: number; recordsAllRight: number }>();
  const causes = new Map<string, string[]>();
  const errorRecs: { id: string; error: string; right: boolean }[] = [];
  const perRecord: unknown[] = [];
  let noEvRight = 0, noEvN = 0;
  for (const r of records) {
    const date = /^\d{8}$/.test(r.date) ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}` : undefined;
    const x = extractArticle({ id: r.id, text: r.text, ...(date ? { published: date } : {}) }, res);
    // an event with several sources or targets is PETRARCH's compound coding: one coding per source × target pair
    // (and a dictionary code 'FRO/BIL/SAM', kept verbatim in the actor's code, names three actors)
    const codesOf = (refs: { code: string | null }[]): string[] => (refs.length ? refs.flatMap((a) => (a.code ?? '').split('/')) : ['']);
    const got: Got[] = x.events.flatMap((e) => {
      const ss = codesOf(e.source);
      const ts = codesOf(e.target);
      return ss.flatMap((source) => ts.map((target) => ({ code: e.cameo, source, target })));
    });
    if (/discard/.test(r.error)) {
      errorRecs.push({ id: r.id, error: r.error, right: got.length === 0 });
      continue;
    }
    if (r.error) continue;
    if (r.noEvents) {
      noEvN++;
      if (!got.length) noEvRight++;
    }
    const hits = r.codings.map((c) => {
      const sameCode = got.filter((g) => g.code === c.code);
      const full = sameCode.some((g) => g.source === c.source && g.target === c.target);
      const three = sameCode.some((g) => g.source.slice(0, 3) === c.source.slice(0, 3) && g.target.slice(0, 3) === c.target.slice(0, 3));
      return { ...c, codeRight: sameCode.length > 0, three, full, ...(full ? {} : { cause: causeOf(c, got) }) };
    });
    const matched = new Set<number>();
    for (const h of hits) {
      const k = got.findIndex((g, i) => !matched.has(i) && g.code === h.code && g.source === h.source && g.target === h.target);
      if (k >= 0) matched.add(k);
    }
    gotN += got.length;
    spurious += new Set(got.filter((_, i) => !matched.has(i)).map((g) => `${g.code}|${g.source}|${g.target}`)).size;
    expected += hits.length;
    codeHit += hits.filter((h) => h.codeRight).length;
    fullHit += hits.filter((h) => h.full).length;
    short += hits.filter((h) => h.three).length;
    const cat = perCat.get(r.category) ?? { expected: 0, found: 0, records: 0, recordsAllRight: 0 };
    cat.expected += hits.length;
    cat.found += hits.filter((h) => h.full).length;
    cat.records++;
    if (hits.every((h) => h.full)) cat.recordsAllRight++;
    perCat.set(r.category, cat);
    for (const h of hits) if (h.cause) causes.set(h.cause, [...(causes.get(h.cause) ?? []), `${r.id} ${h.code} ${h.source}>${h.target}`]);
    perRecord.push({ id: r.id, category: r.category, text: r.text, expected: hits, got });
  }
  const pct = (a: number, b: number): number => Math.round((1000 * a) / Math.max(1, b)) / 10;
  const categories = Object.fromEntries([...perCat].sort().map(([k, v]) => [k, { ...v, foundPct: pct(v.found, v.expected) }]));
  const failures = Object.fromEntries([...causes].sort((a, b) => b[1].length - a[1].length).map(([k, v]) => [k, { count: v.length, codings: v }]));
  console.log(`${label}: ${expected} expected codings; code found ${pct(codeHit, expected)}%, code + full dyad ${pct(fullHit, expected)}%, code + 3-letter dyad ${pct(short, expected)}%; discard records right ${errorRecs.filter((e) => e.right).length}/${errorRecs.length}; no-event records right ${noEvRight}/${noEvN}`);
  for (const [k, v] of Object.entries(categories)) console.log(`  ${k.padEnd(9)} ${v.found}/${v.expected} (${v.foundPct}%)`);
  console.log(`  misses: ${Object.entries(failures).map(([k, v]) => `${k} ${v.count}`).join(', ')}`);
  return {
    expectedCodings: expected,
    eventCodeFound: pct(codeHit, expected),
    codeAndDyadFound: pct(fullHit, expected),
    codeAndDyad3Found: pct(short, expected),
    spuriousCodingsPerRecord: Math.round((100 * spurious) / Math.max(1, perRecord.length)) / 100,
    codingsEmitted: gotN,
    noEventRecordsRight: `${noEvRight}/${noEvN}`,
    discardRecords: errorRecs,
    categories,
    failures,
    perRecord,
  };
}

const parsed = run('parsed (tagger + parser + dependency coder)', { ...base, nlp: loadNlpModels() });
const surface = run('surface (no parse)', base);
const summary = {
  records: records.length,
  dictionaries: dictFiles.map((f) => f.replace(/^.*\//, '')),
  notes: 'expected coding = event code + full source code + full target code (agents composed, e.g. DAGGOV; PETRARCH\'s ' +
    '"---" for a side without an actor matches an empty side); an event ' +
    'with several sources or targets counts as one coding per pair; records with error="bad_input_parse"/"dateline" ' +
    'are skipped, discard records are right when nothing is coded. CAMEO codes get placeholder PLOVER types.',
  parsed,
  surface,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
