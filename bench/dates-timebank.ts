// Benchmark: date resolution on TimeBank 1.2 (TIMEX3 DATE values, DCT as dateline), ours vs chrono-node alone.
//
// Run: npm run bench:dates [-- --errors] [-- --dir PATH]. Reads ../shared/data/timebank/TimeBank (research use:
// nothing from it is written out except counts and, with --errors, lines printed to the terminal).
//
// Scoring, decided here once so the numbers stay comparable between runs:
// - Gold: every TIMEX3 of type DATE inside <TEXT> (the DCT is the dateline, not a gold item). Its value is bucketed
//   by form: YYYY-MM-DD = day, YYYY-MM = month, YYYY = year; other forms (quarters, weeks, seasons, PRESENT_REF,
//   decades) are not scored for resolution.
// - Matching: a gold date is paired with the predicted span that overlaps it by the most characters (ties: the
//   earliest). It counts as resolved when that prediction has the same value (month and year values normalised to
//   their first day, YYYY-MM-01 / YYYY-01-01) and the same precision. No overlapping prediction is a miss.
// - Adjudicated figures also drop the few gold values that are plainly wrong (GOLD_ERRORS below, each with its
//   evidence) from both systems' counts. The raw figures are the headline; adjudication only shows how much of the
//   gap is the gold's.
// - Span detection: precision = predicted spans that overlap some gold TIMEX3 of type DATE or TIME / all predicted
//   spans; recall = gold DATE or TIME TIMEX3s overlapped by some prediction / all of them.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { Doc } from '../src/text/doc.js';
import { findDates, type DateAnnotation } from '../src/annotate/dates.js';
import type { Precision } from '../src/schema/extraction.js';

/** Gold values contradicted by their own document: [doc, gold text, gold value, evidence]. */
const GOLD_ERRORS: [string, string, string, string][] = [
  ...([['Friday', '1990-08-10'], ['Tuesday', '1990-08-07'], ['Monday', '1990-08-06'], ['Thursday', '1990-08-09']] as const).map(
    ([t, v]): [string, string, string, string] => ['AP900815-0044', t, v,
      'weekdays anchored to the week before the DCT (Wed 1990-08-15), while the same gold has "today" = 1990-08-15 and the king met Saddam on Mon 13 Aug and Bush on Thu 16 Aug 1990'],
  ),
  ['APW19980322.0749', 'Sunday', '1998-02-22', 'the DCT is Sunday 1998-03-22; the gold month is a typo'],
  ['wsj_0124', 'Sept. 27, 1989', '1989-11-27', 'the text says September'],
  ['APW19980219.0476', 'July last year', '1997-06', 'the text says July'],
];
const isGoldError = (doc: string, t: Timex) => GOLD_ERRORS.some(([d, text, value]) => d === doc && text === t.text && value === t.value);

interface Timex { start: number; end: number; type: string; value: string; text: string }
interface TmlDoc { id: string; dateline: string; text: string; timexes: Timex[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips the TimeML markup from <TEXT>, keeping TIMEX3 spans as offsets into the plain text. */
export function parseTml(id: string, xml: string): TmlDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="(\d{4}-\d{2}-\d{2})/.exec(xml);
  if (!dct) throw new Error(`${id}: no DCT`);
  const open = xml.indexOf('<TEXT>'), close = xml.indexOf('</TEXT>');
  if (open < 0 || close < 0) throw new Error(`${id}: no TEXT`);
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const timexes: Timex[] = [];
  let cur: Omit<Timex, 'end' | 'text'> | null = null;
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(amp|lt|gt|quot|apos);/g;
  let last = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    text += body.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[4]) { text += ENTITIES[m[4]]; continue; }
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) {
      const attr = (k: string) => new RegExp(`\\b${k}="([^"]*)"`).exec(m[3])?.[1] ?? '';
      cur = { start: text.length, type: attr('type'), value: attr('value') };
    } else if (cur) {
      timexes.push({ ...cur, end: text.length, text: text.slice(cur.start, text.length) });
      cur = null;
    }
  }
  text += body.slice(last);
  return { id, dateline: dct[1], text, timexes };
}

/** A Doc with a plain regex tokenization and sentence breaks after . ! ? — the bench must not depend on the
 *  tokenizer being rewritten elsewhere, and findDates only needs sentence spans. */
export function plainDoc(text: string): Doc {
  const starts: number[] = [], ends: number[] = [], firsts: number[] = [0];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*|\S/gu)) {
    const t = m[0];
    const tok = (k: number) => (k >= 0 ? text.slice(starts[k], ends[k]) : '');
    const n = starts.length;
    const stop = /^[.!?]$/.test(tok(n - 1)) || (/^["'”’]+$/.test(tok(n - 1)) && /^[.!?]$/.test(tok(n - 2)));
    if (n && stop && /^[\p{Lu}"`'(“]/u.test(t)) firsts.push(n);
    starts.push(m.index);
    ends.push(m.index + t.length);
  }
  const doc = new Doc(text, starts, ends);
  doc.setSentences(starts.length ? firsts : []);
  return doc;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** chrono-node with its defaults, the way the placeholder used it: the baseline the issue quotes. */
export function chronoAlone(text: string, dateline: string): DateAnnotation[] {
  const ref = new Date(`${dateline}T12:00:00Z`);
  return chrono.parse(text, { instant: ref, timezone: 0 }).map((r) => {
    const c = r.start;
    const precision: Precision = c.isCertain('day') || c.isCertain('weekday') ? 'day' : c.isCertain('month') ? 'month' : 'year';
    const y = c.get('year') ?? 0, m = c.get('month') ?? 1, d = c.get('day') ?? 1;
    const value = iso(y, precision === 'year' ? 1 : m, precision === 'day' ? d : 1);
    return { text: r.text, start: r.index, end: r.index + r.text.length, value, precision };
  });
}

type Bucket = 'day' | 'month' | 'year';
function goldBucket(value: string): { bucket: Bucket; value: string } | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { bucket: 'day', value };
  if (/^\d{4}-\d{2}$/.test(value)) return { bucket: 'month', value: `${value}-01` };
  if (/^\d{4}$/.test(value)) return { bucket: 'year', value: `${value}-01-01` };
  return null;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

interface Score {
  resolved: Record<Bucket, { gold: number; correct: number; accuracy: number }>;
  adjudicated: Record<Bucket, { gold: number; correct: number; accuracy: number }>;
  spans: { predicted: number; gold: number; truePredicted: number; foundGold: number; precision: number; recall: number; f1: number };
}

interface Miss { doc: string; bucket: Bucket; text: string; gold: string; got: string; context: string }

function score(docs: TmlDoc[], docsAsDoc: Doc[], system: (d: Doc, dateline: string) => DateAnnotation[], misses?: Miss[]): Score {
  const counts = () => ({ day: { gold: 0, correct: 0, accuracy: 0 }, month: { gold: 0, correct: 0, accuracy: 0 }, year: { gold: 0, correct: 0, accuracy: 0 } });
  const resolved = counts(), adjudicated = counts();
  let predicted = 0, truePredicted = 0, goldSpans = 0, foundGold = 0;
  docs.forEach((td, k) => {
    const preds = system(docsAsDoc[k], td.dateline);
    const spanGold = td.timexes.filter((t) => t.type === 'DATE' || t.type === 'TIME');
    predicted += preds.length;
    truePredicted += preds.filter((p) => spanGold.some((g) => overlap(p, g) > 0)).length;
    goldSpans += spanGold.length;
    foundGold += spanGold.filter((g) => preds.some((p) => overlap(p, g) > 0)).length;
    for (const g of td.timexes) {
      if (g.type !== 'DATE') continue;
      const gb = goldBucket(g.value);
      if (!gb) continue;
      let best: DateAnnotation | undefined, bestOv = 0;
      for (const p of preds) {
        const ov = overlap(p, g);
        if (ov > bestOv) { best = p; bestOv = ov; }
      }
      const ok = !!best && best.value === gb.value && best.precision === gb.bucket;
      for (const r of isGoldError(td.id, g) ? [resolved[gb.bucket]] : [resolved[gb.bucket], adjudicated[gb.bucket]]) {
        r.gold++;
        if (ok) r.correct++;
      }
      if (!ok && misses) {
        const ctx = td.text.slice(Math.max(0, g.start - 60), g.end + 40).replace(/\s+/g, ' ');
        misses.push({ doc: `${td.id} (${td.dateline})`, bucket: gb.bucket, text: g.text, gold: gb.value,
          got: best ? `${best.value}/${best.precision} "${best.text}"` : 'none', context: ctx });
      }
    }
  });
  for (const r of [...Object.values(resolved), ...Object.values(adjudicated)]) r.accuracy = r.gold ? r.correct / r.gold : 0;
  const precision = predicted ? truePredicted / predicted : 0, recall = goldSpans ? foundGold / goldSpans : 0;
  return {
    resolved,
    adjudicated,
    spans: { predicted, gold: goldSpans, truePredicted, foundGold, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
  };
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url));
  const args = process.argv.slice(2);
  const dirArg = args.indexOf('--dir');
  const dir = dirArg >= 0 ? resolve(args[dirArg + 1]) : resolve(here, '../../shared/data/timebank/TimeBank');
  const files = readdirSync(dir).filter((f) => f.endsWith('.tml')).sort();
  const docs = files.map((f) => parseTml(f.replace(/\.tml$/, ''), readFileSync(join(dir, f), 'utf8')));
  const asDoc = docs.map((d) => plainDoc(d.text));
  const misses: Miss[] = [];
  const t0 = performance.now();
  const ours = score(docs, asDoc, (d, dl) => findDates(d, dl), misses);
  const ms = performance.now() - t0;
  const base = score(docs, asDoc, (d, dl) => chronoAlone(d.text, dl));

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const rows: [string, string, string][] = [];
  for (const b of ['day', 'month', 'year'] as const) {
    rows.push([`${b} precision resolved (n=${ours.resolved[b].gold})`, pct(ours.resolved[b].accuracy), pct(base.resolved[b].accuracy)]);
  }
  for (const b of ['day', 'month'] as const) {
    rows.push([`${b}, adjudicated gold (n=${ours.adjudicated[b].gold})`, pct(ours.adjudicated[b].accuracy), pct(base.adjudicated[b].accuracy)]);
  }
  rows.push([`span precision`, pct(ours.spans.precision), pct(base.spans.precision)]);
  rows.push([`span recall (n=${ours.spans.gold})`, pct(ours.spans.recall), pct(base.spans.recall)]);
  rows.push([`span F1`, pct(ours.spans.f1), pct(base.spans.f1)]);
  const w0 = Math.max(...rows.map((r) => r[0].length));
  console.log(`TimeBank 1.2 dates: ${docs.length} documents (dev data; ours took ${ms.toFixed(0)} ms)`);
  console.log(`${'metric'.padEnd(w0)}  ${'parley'.padStart(8)}  ${'chrono'.padStart(8)}`);
  for (const [k, a, b] of rows) console.log(`${k.padEnd(w0)}  ${a.padStart(8)}  ${b.padStart(8)}`);

  if (args.includes('--errors')) {
    for (const m of misses) console.log(`[${m.bucket}] ${m.doc} "${m.text}" gold=${m.gold} got=${m.got}\n    …${m.context}…`);
  }
  const out = resolve(here, 'results/dates-timebank.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({
    corpus: 'TimeBank 1.2 (TBAQ-cleaned), all documents, DCT as dateline',
    documents: docs.length,
    matching: 'gold TIMEX3 DATE paired with the most-overlapping predicted span; correct when value (first day of the period) and precision both match; no overlap = miss. Spans: overlap with gold DATE or TIME TIMEX3.',
    goldErrors: GOLD_ERRORS.map(([doc, text, value, evidence]) => ({ doc, text, value, evidence })),
    parley: ours,
    chronoAlone: base,
  }, null, 2) + '\n');
}

// Runs only as the entry point, so that other scripts may import parseTml and plainDoc.
if (/dates-timebank\.[jt]s$/.test(process.argv[1] ?? '')) main();
