// PLOVER dev-set benchmark for the event coder: event-type accuracy, source/target country accuracy, precision and
// recall, and the reliability table of `confidence` (plus per-bucket accuracy that src/events/confidence.ts reads).
// Usage: npx tsx bench/events-plover.ts [--shared ../shared] [--out bench/results/events-plover.json]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { extractArticle } from '../src/pipeline/extract.js';
import { loadResources } from '../src/resources/load.js';
import { confidenceKeys, modesOf } from '../src/events/confidence.js';
import { eventFeatures } from '../src/events/emit.js';
import { CALIBRATION } from '../src/events/calibration.js';
import type { Event } from '../src/schema/extraction.js';

const args = process.argv.slice(2);
const opt = (k: string, d: string): string => (args.includes(k) ? args[args.indexOf(k) + 1] : d);
const shared = opt('--shared', '../shared');
const out = opt('--out', 'bench/results/events-plover.json');
// --write-calibration: store each bucket's smoothed accuracy (buckets with at least MIN_N events) in
// src/events/calibration.ts, which confidenceOf reads; run the bench again afterwards for the reliability table
const MIN_N = 25;

interface GoldActor { actorText: string; code: string; sector?: string }
interface Gold { id: string; event: string; mode?: string; text: string; date?: string; source?: GoldActor[]; target?: GoldActor[] | string }

// PLOVER 0.5 labels in the dev set → the 2021 types Parley emits
const OLD: Record<string, string> = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

const gold = (JSON.parse(readFileSync(join(shared, 'data/eventdata/plover/PLOVER_GSR_dev.json'), 'utf8')) as Gold[]).filter((g) => g.event !== 'DOCUMENT');
const res = loadResources();

const codesOf = (xs: GoldActor[] | string | undefined): Set<string> =>
  new Set(Array.isArray(xs) ? xs.map((a) => (a.code.startsWith('IGO') ? 'IGO' : a.code.slice(0, 3))) : []);
const countriesOf = (xs: Event['source']): Set<string> => new Set(xs.map((a) => a.country ?? (a.org ? 'IGO' : '')).filter(Boolean));
const overlap = (a: Set<string>, b: Set<string>): boolean => [...a].some((x) => b.has(x));

let typeTop = 0, srcTop = 0, srcN = 0, tgtTop = 0, tgtN = 0, recallType = 0, recallFull = 0, nPred = 0, nPredRight = 0, noEvent = 0;
const scored: { conf: number; right: boolean; keys: string[]; fold: number }[] = [];
const confusion = new Map<string, number>();
// per PLOVER type: gold sentences, sentences where the type was found, events predicted, predicted events that were right
const perType = new Map<string, { gold: number; found: number; predicted: number; right: number }>();
const typeRow = (k: string): { gold: number; found: number; predicted: number; right: number } => {
  let r = perType.get(k);
  if (!r) perType.set(k, (r = { gold: 0, found: 0, predicted: 0, right: 0 }));
  return r;
};
let spurious = 0;
const perSentence: unknown[] = [];

for (const [gi, g] of gold.entries()) {
  const want = OLD[g.event] ?? g.event;
  const gs = codesOf(g.source), gt = codesOf(g.target);
  const x = extractArticle({ id: g.id, text: g.text, published: g.date?.slice(0, 10) }, res);
  const evs = x.events;
  const judge = (e: Event): boolean => {
    const typeOk = e.plover.type === want;
    const ps = countriesOf(e.source);
    return typeOk && (!ps.size || !gs.size || overlap(ps, gs));
  };
  typeRow(want).gold++;
  if (evs.some((e) => e.plover.type === want)) typeRow(want).found++;
  // each sentence has one gold event: every event beyond the one that matches it counts as spurious (an upper bound,
  // since a sentence can hold a second real event the gold does not list)
  spurious += evs.length - (evs.some(judge) ? 1 : 0);
  for (const e of evs) {
    const right = judge(e);
    nPred++;
    if (right) nPredRight++;
    typeRow(e.plover.type).predicted++;
    if (right) typeRow(e.plover.type).right++;
    const f = eventFeatures.get(e);
    scored.push({ conf: e.confidence, right, keys: f ? confidenceKeys(f) : [], fold: gi % 5 });
  }
  if (evs.some((e) => e.plover.type === want)) recallType++;
  if (evs.some((e) => e.plover.type === want && (!gs.size || overlap(countriesOf(e.source), gs)) && (!gt.size || overlap(countriesOf(e.target), gt)))) recallFull++;
  const top = [...evs].sort((a, b) => b.confidence - a.confidence || a.trigger.start - b.trigger.start)[0];
  if (!top) noEvent++;
  if (top && top.plover.type === want) typeTop++;
  confusion.set(`${want}→${top?.plover.type ?? 'none'}`, (confusion.get(`${want}→${top?.plover.type ?? 'none'}`) ?? 0) + 1);
  if (gs.size) {
    srcN++;
    if (top && overlap(countriesOf(top.source), gs)) srcTop++;
  }
  if (gt.size) {
    tgtN++;
    if (top && overlap(countriesOf(top.target), gt)) tgtTop++;
  }
  perSentence.push({ id: g.id, gold: want, text: g.text, goldSource: [...gs], goldTarget: [...gt], all: evs.map((e) => `${e.plover.type}/${e.cameo} ${[...countriesOf(e.source)].join('+')}→${[...countriesOf(e.target)].join('+')} [${e.trigger.text}] ${e.rule} ${e.confidence}`), top: top ? { type: top.plover.type, cameo: top.cameo, rule: top.rule, trigger: top.trigger.text, conf: top.confidence } : null, events: evs.length });
}

const n = gold.length;
const pct = (a: number, b: number): number => Math.round((1000 * a) / Math.max(1, b)) / 10;

function reliability(items: { conf: number; right: boolean }[]): { rows: { bin: string; n: number; meanConfidence: number; accuracy: number }[]; ece: number } {
  const bins = Array.from({ length: 10 }, (_, k) => ({ lo: k / 10, hi: (k + 1) / 10, n: 0, right: 0, confSum: 0 }));
  for (const s of items) {
    const b = bins[Math.min(9, Math.floor(s.conf * 10))];
    b.n++;
    b.confSum += s.conf;
    if (s.right) b.right++;
  }
  const ece = bins.reduce((acc, b) => acc + (b.n ? (b.n / Math.max(1, items.length)) * Math.abs(b.right / b.n - b.confSum / b.n) : 0), 0);
  return {
    rows: bins.filter((b) => b.n).map((b) => ({ bin: `${b.lo.toFixed(1)}-${b.hi.toFixed(1)}`, n: b.n, meanConfidence: Math.round((100 * b.confSum) / b.n) / 100, accuracy: Math.round((100 * b.right) / b.n) / 100 })),
    ece: Math.round(ece * 1000) / 1000,
  };
}

/** Smoothed accuracy per confidence key over some events (keys with fewer than MIN_N events left out). */
function calibrate(items: typeof scored): Map<string, number> {
  const acc = new Map<string, { n: number; right: number }>();
  for (const s of items) {
    for (const k of s.keys) {
      const b = acc.get(k) ?? { n: 0, right: 0 };
      b.n++;
      if (s.right) b.right++;
      acc.set(k, b);
    }
  }
  return new Map([...acc].filter(([, b]) => b.n >= MIN_N).map(([k, b]) => [k, Math.round((100 * (b.right + 1)) / (b.n + 2)) / 100]));
}

// five-fold cross-validation: each event's confidence re-read from a table fitted on the other half of the sentences,
// so the reliability figures are not the fit's own training error
const cvItems = scored.map((s) => {
  const table = calibrate(scored.filter((o) => o.fold !== s.fold));
  const k = s.keys.find((x) => table.has(x));
  return { conf: k ? table.get(k)! : s.conf, right: s.right };
});
const cv = reliability(cvItems);
const rel = reliability(scored);
const buckets = new Map<string, { n: number; right: number }>();
for (const s of scored) {
  for (const k of s.keys) {
    const b = buckets.get(k) ?? { n: 0, right: 0 };
    b.n++;
    if (s.right) b.right++;
    buckets.set(k, b);
  }
}

const summary = {
  set: 'PLOVER_GSR_dev.json (dev set; old 0.5 labels mapped: DEMAND=REQUEST, DISAPPROVE/INVESTIGATE=ACCUSE, FIGHT=ASSAULT)',
  sentences: n,
  parsed: false,
  top1: { eventType: pct(typeTop, n), sourceCountry: pct(srcTop, srcN), targetCountry: pct(tgtTop, tgtN), noEvent: pct(noEvent, n) },
  events: nPred,
  spuriousPerSentence: Math.round((100 * spurious) / n) / 100,
  precision: pct(nPredRight, nPred),
  recall: { eventType: pct(recallType, n), typeAndDyad: pct(recallFull, n) },
  reliability: rel.rows,
  ece: rel.ece,
  crossValidated: { note: '5-fold by sentence: confidence refitted on the other four fifths', reliability: cv.rows, ece: cv.ece },
  buckets: Object.fromEntries([...buckets].sort().map(([k, b]) => [k, { ...b, smoothed: Math.round((100 * (b.right + 1)) / (b.n + 2)) / 100 }])),
  perType: Object.fromEntries([...perType].sort((a, b) => b[1].gold - a[1].gold).map(([k, r]) => [k, { ...r, precision: pct(r.right, r.predicted), recall: pct(r.found, r.gold) }])),
  confusion: Object.fromEntries([...confusion].sort((a, b) => b[1] - a[1])),
  perSentence,
};
// whether the run had a parser is read off the rules: surface-only runs are calibrated for the fallback alone
summary.parsed = scored.some((s) => /^(dep|fallback)\//.test(s.keys[0] ?? ''));

console.log(`PLOVER dev (${n} sentences, ${nPred} events, parse: ${summary.parsed ? 'yes' : 'no — surface fallback'})`);
console.log(`top-1 event type ${summary.top1.eventType}%  source country ${summary.top1.sourceCountry}% (of ${srcN})  target country ${summary.top1.targetCountry}% (of ${tgtN})  no event ${summary.top1.noEvent}%`);
console.log(`precision ${summary.precision}% of events right (lower bound: one gold event a sentence)  recall type ${summary.recall.eventType}%  type+dyad ${summary.recall.typeAndDyad}%`);
console.log(`spurious events per sentence ${summary.spuriousPerSentence} (events beyond the one matching the gold event)`);
console.log('type          gold found  pred right   P%    R%');
for (const [k, r] of Object.entries(summary.perType)) console.log(`  ${k.padEnd(11)} ${String(r.gold).padStart(4)} ${String(r.found).padStart(5)} ${String(r.predicted).padStart(5)} ${String(r.right).padStart(5)} ${String(r.precision).padStart(5)} ${String(r.recall).padStart(5)}`);
// confusion of the top event: gold type (rows) → coded type, off-diagonal cells only, most frequent first
console.log('confusion (gold → top event), errors:', [...confusion].filter(([k]) => k.split('→')[0] !== k.split('→')[1]).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
console.log('reliability   n     conf   acc');
for (const r of summary.reliability) console.log(`  ${r.bin}  ${String(r.n).padStart(4)}  ${r.meanConfidence.toFixed(2)}  ${r.accuracy.toFixed(2)}`);
console.log(`ECE ${summary.ece} (in-sample)`);
console.log('5-fold cross-validated reliability');
for (const r of cv.rows) console.log(`  ${r.bin}  ${String(r.n).padStart(4)}  ${r.meanConfidence.toFixed(2)}  ${r.accuracy.toFixed(2)}`);
console.log(`ECE ${cv.ece} (cross-validated)`);
console.log('buckets', JSON.stringify(summary.buckets));
if (args.includes('--write-calibration')) {
  // a run measures its own modes (dep + fallback with a parser, surface without); the other modes' keys are kept
  const mine = modesOf(summary.parsed);
  const kept = Object.entries(CALIBRATION).filter(([k]) => !mine.includes(k.split('/')[0]));
  const table = Object.fromEntries([...kept, ...calibrate(scored)].sort(([a], [b]) => a.localeCompare(b)));
  const lines = Object.entries(table).map(([k, v]) => `  '${k}': ${v},`).join('\n');
  writeFileSync('src/events/calibration.ts', `// Generated by bench/events-plover.ts --write-calibration from the PLOVER dev set (${n} sentences): add-one\n// smoothed share of right events per kind; kinds with fewer than ${MIN_N} dev events are left to coarser keys.\n// 'dep/...' keys come from a run with the parser, 'surface/...' keys from a run without one (each run updates its own).\nexport const CALIBRATION: Record<string, number> = {\n${lines}\n};\n`);
  console.log('wrote src/events/calibration.ts');
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(summary, null, 2) + '\n');
