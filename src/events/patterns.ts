// Surface fallback for sentences without a dependency parse: the same CAMEO verb/noun dictionary matched on word
// forms, with source and target taken from the nearest actor mentions before and after the trigger. It knows no
// syntax, so it cannot see passives, control or conjunctions; its confidence is calibrated separately.
import type { Doc } from '../text/doc.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { Event, Location } from '../schema/extraction.js';
import type { PatternMatch, VerbSense } from './verb-dict.js';
import { modalityFromWords } from './modality.js';
import { resolveEventDate } from './event-date.js';
import { actorRef, draftToEvent, withPair } from './emit.js';

export { actorRef };

const STOP = new Set([',', ';', ':', '.', '"', '“', '”', '(', ')', '—', '–']);
/** Speech verbs report events rather than being ones; their CAMEO 01 patterns would code the reported words. */
const SPEECH = new Set(['said', 'says', 'say', 'saying', 'told', 'tells', 'added', 'stated', 'noted', 'according']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'your', 'my']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
const LOC_WORDS = new Set(['in', 'at', 'near', 'around', 'outside']);

function surfaceLocation(doc: Doc, ctx: ExtractContext, words: string[], from: number, base: number, ctxCountries: ReadonlySet<string>): Location | undefined {
  const geo = ctx.resources.geo;
  if (!geo) return undefined;
  for (let k = from; k < Math.min(words.length - 1, from + 8); k++) {
    if (!LOC_WORDS.has(words[k])) continue;
    // the longest run of capitalised words after the preposition that the gazetteer knows
    let end = k + 1;
    while (end < words.length && /^[A-Z]/.test(doc.textOf(base + end)) && end - k <= 4) end++;
    for (let e = end; e > k + 1; e--) {
      const text = doc.text.slice(doc.start[base + k + 1], doc.end[base + e - 1]);
      const loc = geo.geocode(text, ctxCountries);
      if (loc) return loc;
    }
  }
  return undefined;
}

export function codeSentenceSurface(doc: Doc, ctx: ExtractContext, s: number, ctxCountries: ReadonlySet<string>, afterParse = false): Event[] {
  const verbs = ctx.resources.verbs;
  if (!verbs) return [];
  const sent = doc.sentence(s);
  const base = sent.start;
  const words = sent.words().map((w) => w.toLowerCase().replace(/’/g, "'"));
  const inMention = new Set<number>();
  const mentions: MentionAnnotation[] = ctx.mentions.filter((m) => m.start >= sent.start && m.end <= sent.end && m.entry);
  for (const m of mentions) for (let i = m.start; i < m.end; i++) inMention.add(i - base);
  const dates = ctx.dates.filter((d) => d.start >= sent.startChar && d.end <= sent.endChar);
  const inDate = (i: number): boolean => dates.some((d) => doc.start[base + i] < d.end && doc.end[base + i] > d.start);

  const out: Event[] = [];
  for (let i = 0; i < words.length; i++) {
    if (inMention.has(i) || inDate(i) || !/^[a-z]/.test(words[i]) || SPEECH.has(words[i])) continue;
    // after a determiner the word is a noun ("the deal", "a strike"): only noun entries apply
    const nominal = DETERMINERS.has(words[i - 1] ?? '');
    const senses: VerbSense[] = [...(nominal ? [] : verbs.verbSenses(words[i])), ...verbs.nounSenses(words[i])];
    if (!senses.length) continue;
    const before = words.slice(Math.max(0, i - 4), i);
    let stop = i + 1;
    // patterns are phrase-internal: without a parse, a short window keeps them from firing on distant words
    while (stop < words.length && stop - i <= 7 && !STOP.has(words[stop])) stop++;
    const after = words.slice(i + 1, stop).filter((_, k) => !inDate(i + 1 + k));
    let best: { sense: VerbSense; match: PatternMatch } | null = null;
    let score = -1;
    for (const sense of senses) {
      const m = verbs.match(sense, sense.noun ? words.slice(Math.max(0, i - 3), i) : before, after);
      if (!m) continue;
      const sc = m.specificity + 3 * sense.rest.length;
      if (sc > score) {
        score = sc;
        best = { sense, match: m };
      }
    }
    if (!best) continue;
    const trig = base + i;
    let src = mentions.filter((m) => m.end <= trig).pop();
    let tgt = mentions.find((m) => m.start > trig);
    // "X was attacked by Y": the one syntactic cue a word window can see reliably
    const by = words.slice(i + 1, i + 5).indexOf('by') + i + 1;
    if (!best.sense.noun && PASSIVE_AUX.has(words[i - 1] ?? '') && /ed$/.test(words[i]) && by > i) {
      const agent = mentions.find((m) => m.start > base + by);
      if (agent) [src, tgt] = [agent, src];
    }
    let sources = src ? [actorRef(doc, src)] : [];
    let targets = tgt ? [actorRef(doc, tgt)] : [];
    if (best.match.reverse) [sources, targets] = [targets, sources];
    const modality = modalityFromWords(words, i, i + 1);
    const date = resolveEventDate(dates.find((d) => d.value), ctx.dateline, modality === 'planned');
    const location = surfaceLocation(doc, ctx, words, i + 1, base, ctxCountries);
    const drafts = withPair({
      sentence: s,
      trigger: [trig, trig + 1],
      sources,
      targets,
      code: best.match.code,
      modality,
      date,
      ...(location ? { location } : {}),
      rule: `surface:${best.sense.noun ? 'noun' : 'verb'}:${best.match.rule}`,
      features: { parsed: false, afterParse, main: out.length === 0, specific: best.match.specificity > 0, dyad: sources.length > 0 && targets.length > 0 },
    }, best.match.pair);
    for (const d of drafts) {
      const e = draftToEvent(doc, ctx, d);
      if (e) out.push(e);
    }
  }
  return out;
}
