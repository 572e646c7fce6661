// Benchmarks quote extraction against PolNeAR speech attributions (brat standoff: source / cue / content).
// Run: npm run bench:quotes [-- --split dev|train] [--examples N]. Writes figures only (never PolNeAR text) to
// bench/results/quotes-polnear.json; example misses go to the terminal.
//
// Definitions.
//  * Speech attribution: a gold attribution whose cue contains a verb of saying or reporting (SPEECH_CUE below:
//    say, tell, according to, add, write, state, announce, tweet, warn, urge, accuse, deny, confirm, ...) or is a
//    colon. Attributions of belief, perception or evidence ("thinks", "shows", "wants") are not speech.
//  * Content found: the union of predicted quote spans covers at least half of the gold content's characters
//    (brat fragments joined; quotation marks and spaces not counted).
//  * Speaker right (for found contents whose gold attribution has a source): the predicted quote overlapping the
//    content most has a speakerSpan that overlaps a gold source fragment by at least one character.
//  * Precision: a predicted quote is right when at least half of its characters lie inside gold content spans of
//    any attribution (speech or not: an annotated attribution is not a false quote).
//  When an article was annotated more than once, the first annotation (by file name) is used.
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/pipeline/extract.js';
import { loadResources } from '../src/resources/load.js';
import type { Quote } from '../src/schema/extraction.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const POLNEAR = process.env.POLNEAR_DIR ?? join(ROOT, '..', 'shared', 'data', 'polnear');

const SPEECH_CUE = /^(?::|say|says|said|saying|tell|tells|told|telling|according|add|adds|added|adding|write|writes|wrote|writing|written|state|states|stated|stating|declare[sd]?|declaring|announce[sd]?|announcing|tweet(?:s|ed|ing)?|post(?:s|ed|ing)?|note[sd]?|noting|explain(?:s|ed|ing)?|argue[sd]?|arguing|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|warn(?:s|ed|ing)?|urge[sd]?|urging|accuse[sd]?|accusing|den(?:y|ies|ied|ying)|confirm(?:s|ed|ing)?|stress(?:es|ed|ing)?|emphasi[sz](?:e|es|ed|ing)|reiterat(?:e|es|ed|ing)|acknowledg(?:e|es|ed|ing)|assert(?:s|ed|ing)?|repl(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|ask(?:s|ed|ing)?|suggest(?:s|ed|ing)?|predict(?:s|ed|ing)?|vow(?:s|ed|ing)?|promise[sd]?|promising|pledge[sd]?|pledging|allege[sd]?|alleging|admit(?:s|ted|ting)?|concede[sd]?|conceding|complain(?:s|ed|ing)?|remark(?:s|ed|ing)?|report(?:s|ed|ing)?)$/;

interface Frag {
  start: number;
  end: number;
}
interface Gold {
  content: Frag[];
  source: Frag[];
  cue: string;
  speech: boolean;
}

function parseAnn(ann: string): Gold[] {
  const spans = new Map<string, { type: string; frags: Frag[]; text: string }>();
  const events: string[] = [];
  for (const line of ann.split('\n')) {
    if (line.startsWith('T')) {
      const [id, mid, text] = line.split('\t');
      if (!mid) continue;
      const sp = mid.indexOf(' ');
      const type = mid.slice(0, sp);
      const frags = mid.slice(sp + 1).split(';').map((f) => {
        const [a, b] = f.split(' ').map(Number);
        return { start: a, end: b };
      });
      spans.set(id, { type, frags, text: text ?? '' });
    } else if (line.startsWith('E')) events.push(line.split('\t')[1]);
  }
  const out: Gold[] = [];
  for (const e of events) {
    const args = new Map(e.split(' ').map((kv) => kv.split(':') as [string, string]));
    const content = args.get('Content');
    if (!content || !spans.has(content)) continue;
    const cueId = args.get('Cue');
    const cue = cueId ? spans.get(cueId)?.text ?? '' : '';
    const srcId = args.get('Source');
    const words = cue.toLowerCase().replace(/’/g, "'").split(/[^a-z:]+/).filter(Boolean);
    out.push({
      content: spans.get(content)?.frags ?? [],
      source: srcId ? spans.get(srcId)?.frags ?? [] : [],
      cue,
      speech: words.some((w) => SPEECH_CUE.test(w)) || cue.trim() === ':',
    });
  }
  return out;
}

function countable(text: string, a: number, b: number, mask: Uint8Array): number {
  let n = 0;
  for (let i = a; i < b; i++) if (mask[i] && !/[\s"“”'‘’]/.test(text[i])) n++;
  return n;
}
function size(text: string, frags: Frag[]): number {
  let n = 0;
  for (const f of frags) for (let i = f.start; i < f.end; i++) if (!/[\s"“”'‘’]/.test(text[i])) n++;
  return n;
}
function overlaps(a: Frag, b: Frag): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function main(): void {
  const argv = process.argv.slice(2);
  const split = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : 'dev';
  const verbose = argv.includes('--verbose');
  const nExamples = argv.includes('--examples') ? Number(argv[argv.indexOf('--examples') + 1]) : 8;
  const dir = join(POLNEAR, split);
  if (!existsSync(dir)) {
    console.error(`bench: no PolNeAR split at ${dir}`);
    process.exit(2);
  }
  const resources = loadResources();
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const byText = new Map<string, string>();
  for (const f of annFiles) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byText.has(base)) byText.set(base, f);
  }
  let gold = 0, found = 0, withSource = 0, speakerRight = 0, pred = 0, predRight = 0, predRightSpeech = 0;
  let direct = 0, directRight = 0, indirect = 0, indirectRight = 0, anonymous = 0, withMedium = 0;
  const misses: string[] = [];
  const falses: string[] = [];
  let articles = 0;
  for (const [base, annFile] of byText) {
    const textPath = join(dir, 'text', `${base}.txt`);
    if (!existsSync(textPath)) continue;
    articles++;
    const text = readFileSync(textPath, 'utf8');
    const golds = parseAnn(readFileSync(join(dir, 'attributions', annFile), 'utf8'));
    const { ctx } = analyze(text, resources);
    const quotes: Quote[] = ctx.quotes;
    const predMask = new Uint8Array(text.length + 1);
    for (const q of quotes) for (let i = q.start; i < q.end; i++) predMask[i] = 1;
    const goldMask = new Uint8Array(text.length + 1);
    const speechMask = new Uint8Array(text.length + 1);
    for (const g of golds) for (const f of g.content) for (let i = f.start; i < f.end; i++) {
      goldMask[i] = 1;
      if (g.speech) speechMask[i] = 1;
    }
    for (const g of golds) {
      if (!g.speech) continue;
      gold++;
      const total = size(text, g.content);
      const covered = g.content.reduce((n, f) => n + countable(text, f.start, f.end, predMask), 0);
      if (total === 0 || covered / total < 0.5) {
        if (misses.length < nExamples * 4) {
          const ctxText = verbose ? ` || ${text.slice(Math.max(0, g.content[0].start - 120), g.content[0].end + 20).replace(/\s+/g, ' ')}` : '';
          misses.push(`MISS [${g.cue}] ${g.content.map((f) => text.slice(f.start, f.end)).join(' … ').slice(0, 160)}${ctxText}`);
        }
        continue;
      }
      found++;
      if (g.source.length === 0) continue;
      withSource++;
      let best: Quote | undefined, bestOv = 0;
      for (const q of quotes) {
        const ov = g.content.reduce((n, f) => n + overlaps(f, q), 0);
        if (ov > bestOv) {
          bestOv = ov;
          best = q;
        }
      }
      const span = best?.speakerSpan;
      if (span && g.source.some((s) => overlaps(s, span) > 0)) speakerRight++;
      else if (misses.length < nExamples * 4) {
        const ctxText = verbose && best ? ` || ${text.slice(Math.max(0, Math.min(best.start, g.source[0].start) - 60), Math.max(best.end, g.source[0].end) + 40).replace(/\s+/g, ' ')}` : '';
        misses.push(`SPEAKER gold=${g.source.map((s) => text.slice(s.start, s.end)).join('…')} pred=${best?.speakerText ?? '-'} [${g.cue}]${ctxText}`);
      }
    }
    for (const q of quotes) {
      pred++;
      const n = countable(text, q.start, q.end, new Uint8Array(text.length + 1).fill(1));
      const inGold = countable(text, q.start, q.end, goldMask);
      const inSpeech = countable(text, q.start, q.end, speechMask);
      const ok = n > 0 && inGold / n >= 0.5;
      if (ok) predRight++;
      else if (falses.length < nExamples * 4) {
        const ctxText = verbose ? ` || ${text.slice(Math.max(0, q.start - 100), q.end + 30).replace(/\s+/g, ' ')}` : '';
        falses.push(`FALSE ${q.kind} [${q.cue?.text ?? '-'}] ${q.text.slice(0, 140)}${ctxText}`);
      }
      if (n > 0 && inSpeech / n >= 0.5) predRightSpeech++;
      if (q.kind === 'direct') {
        direct++;
        if (ok) directRight++;
      } else {
        indirect++;
        if (ok) indirectRight++;
      }
      if (q.anonymous) anonymous++;
      if (q.medium) withMedium++;
    }
  }
  const pct = (a: number, b: number): number => (b ? Math.round((1000 * a) / b) / 10 : 0);
  const result = {
    corpus: 'PolNeAR',
    split,
    articles,
    definitions: {
      speech: 'gold attribution whose cue has a verb of saying/reporting or is a colon (SPEECH_CUE in bench/quotes-polnear.ts)',
      contentFound: 'union of predicted quote spans covers >= 50% of the gold content characters',
      speakerRight: 'best-overlapping predicted quote has a speakerSpan overlapping a gold source fragment (found contents with a gold source)',
      precision: '>= 50% of a predicted quote\'s characters lie inside gold content spans of any attribution',
    },
    goldSpeech: gold,
    contentFound: found,
    contentFoundPct: pct(found, gold),
    foundWithSource: withSource,
    speakerRight,
    speakerRightPct: pct(speakerRight, withSource),
    predicted: pred,
    predictedRight: predRight,
    precisionPct: pct(predRight, pred),
    precisionSpeechOnlyPct: pct(predRightSpeech, pred),
    direct: { predicted: direct, precisionPct: pct(directRight, direct) },
    indirect: { predicted: indirect, precisionPct: pct(indirectRight, indirect) },
    anonymousPredicted: anonymous,
    withMedium,
  };
  console.log(JSON.stringify(result, null, 2));
  const show = (list: string[]): void => {
    for (let i = 0; i < Math.min(nExamples, list.length); i++) console.log('  ' + list[Math.floor((i * list.length) / Math.min(nExamples, list.length))]);
  };
  console.log('\nexample misses:');
  show(misses.filter((m) => m.startsWith('MISS')));
  console.log('\nexample speaker errors:');
  show(misses.filter((m) => m.startsWith('SPEAKER')));
  console.log('\nexample false quotes:');
  show(falses);
  const out = join(ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  if (!argv.includes('--no-write')) writeFileSync(join(out, 'quotes-polnear.json'), JSON.stringify(result, null, 2) + '\n');
}

main();
