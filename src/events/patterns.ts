// Surface fallback for sentences without a dependency parse: the same CAMEO verb/noun dictionary matched on word
// forms, with source and target taken from the nearest actor mentions before and after the trigger. It knows no
// syntax, so it cannot see passives, control or conjunctions; its confidence is calibrated separately.
import type { Doc } from '../text/doc.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { ActorRef, Event, Location } from '../schema/extraction.js';
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

/** Words that may stand between the members of a compound actor ("Fornost, Rohan and the Shire"). */
const JOINERS = new Set([',', 'and', 'or', 'nor', 'the', 'both', 'neither', 'either']);
const CONJ = new Set([',', 'and', 'or', 'nor']);

/** Words that end the trigger's own clause: a mention after them is another clause's ("delayed their meeting after a
 *  halfling was reported on the pass of X"). */
const CLAUSE_OPENERS = new Set(['after', 'before', 'when', 'while', 'because', 'since', 'although', 'though', 'whereas', 'unless', 'until', 'which', 'who', 'whom', 'whose']);

/** Mention k with the mentions joined to it by commas and conjunctions, in text order, among those `keep` allows;
 *  a member may carry a modifier or two that is no verb ("Fornost and the evil awful Gondor"). */
function conjuncts(words: readonly string[], base: number, ms: readonly MentionAnnotation[], k: number, keep: (m: MentionAnnotation) => boolean, isVerb: (w: string) => boolean = () => true): MentionAnnotation[] {
  const joined = (a: MentionAnnotation, b: MentionAnnotation): boolean => {
    const gap = words.slice(a.end - base, b.start - base);
    const mods = gap.filter((w) => !JOINERS.has(w));
    return gap.length > 0 && gap.length <= 3 + mods.length && mods.length <= 2 && gap.some((w) => CONJ.has(w)) &&
      mods.every((w) => /^[a-z]+$/.test(w) && !isVerb(w) && !SPEECH.has(w) && !CLAUSE_OPENERS.has(w));
  };
  let lo = k, hi = k;
  while (lo > 0 && keep(ms[lo - 1]) && joined(ms[lo - 1], ms[lo])) lo--;
  while (hi + 1 < ms.length && keep(ms[hi + 1]) && joined(ms[hi], ms[hi + 1])) hi++;
  return ms.slice(lo, hi + 1);
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

  // the next subordinator after each word, computed once: a sentence may be very long
  const nextOpener = new Int32Array(words.length + 1).fill(-1);
  for (let k = words.length - 1; k >= 0; k--) nextOpener[k] = CLAUSE_OPENERS.has(words[k]) ? k : nextOpener[k + 1];
  const out: Event[] = [];
  for (let i = 0; i < words.length; i++) {
    if (inMention.has(i) || inDate(i) || !/^[a-z]/.test(words[i]) || (SPEECH.has(words[i]) && !verbs.codesSpeech)) continue;
    // after a determiner the word is a noun ("the deal", "a strike"): only noun entries apply
    const nominal = DETERMINERS.has(words[i - 1] ?? '');
    const senses: VerbSense[] = [...(nominal ? [] : verbs.verbSenses(words[i])), ...verbs.nounSenses(words[i])];
    if (!senses.length) continue;
    const before = words.slice(Math.max(0, i - 4), i);
    let stop = i + 1;
    // patterns are phrase-internal: without a parse, a short window keeps them from firing on distant words
    while (stop < words.length && stop - i <= 7 && !STOP.has(words[stop])) stop++;
    const after = words.slice(i + 1, stop).filter((_, k) => !inDate(i + 1 + k));
    const trig = base + i;
    const srcAt = mentions.findLastIndex((m) => m.end <= trig);
    const tgtAt = mentions.findIndex((m) => m.start > trig);
    const isVerb = (w: string): boolean => verbs.verbSenses(w).length > 0 || verbs.nounSenses(w).length > 0;
    let srcs = srcAt >= 0 ? conjuncts(words, base, mentions, srcAt, (m) => m.end <= trig, isVerb) : [];
    // a mention past a subordinator belongs to another clause, not to this trigger
    const opener = nextOpener[i + 1];
    const ownTgt = tgtAt >= 0 && (opener < 0 || mentions[tgtAt].start < base + opener);
    let tgts = ownTgt ? conjuncts(words, base, mentions, tgtAt, (m) => m.start > trig && (opener < 0 || m.start < base + opener), isVerb) : [];
    let best: { sense: VerbSense; match: PatternMatch } | null = null;
    let score = -1;
    for (const sense of senses) {
      const m = verbs.match(sense, sense.noun ? words.slice(Math.max(0, i - 3), i) : before, after, { before: srcs.length > 1, after: tgts.length > 1 });
      if (!m) continue;
      const sc = m.specificity + 3 * sense.rest.length;
      if (sc > score) {
        score = sc;
        best = { sense, match: m };
      }
    }
    if (!best) continue;
    // "X was attacked by Y": the one syntactic cue a word window can see reliably
    const by = words.slice(i + 1, i + 5).indexOf('by') + i + 1;
    if (!best.sense.noun && PASSIVE_AUX.has(words[i - 1] ?? '') && /ed$/.test(words[i]) && by > i) {
      const agentAt = mentions.findIndex((m) => m.start > base + by);
      if (agentAt >= 0) [srcs, tgts] = [conjuncts(words, base, mentions, agentAt, (m) => m.start > base + by), srcs];
    }
    let sources = srcs.map((m) => actorRef(doc, m));
    let targets = tgts.map((m) => actorRef(doc, m));
    if (best.match.reverse) [sources, targets] = [targets, sources];
    const modality = modalityFromWords(words, i, i + 1);
    const date = resolveEventDate(dates.find((d) => d.value), ctx.dateline, modality === 'planned');
    const location = surfaceLocation(doc, ctx, words, i + 1, base, ctxCountries);
    // one event per source; several sources without a target act on each other ("X and Y renewed ties")
    const pairs: [ActorRef[], ActorRef[]][] = sources.length > 1 && !targets.length
      ? sources.map((a) => [[a], sources.filter((b) => b !== a)])
      : sources.length ? sources.map((a) => [[a], targets]) : [[[], targets]];
    const drafts = pairs.flatMap(([src, tgt]) => withPair({
      sentence: s,
      trigger: [trig, trig + 1],
      sources: src,
      targets: tgt,
      code: best.match.code,
      modality,
      date,
      ...(location ? { location } : {}),
      rule: `surface:${best.sense.noun ? 'noun' : 'verb'}:${best.match.rule}`,
      features: { parsed: false, afterParse, main: out.length === 0, specific: best.match.specificity > 0, dyad: src.length > 0 && tgt.length > 0 },
    }, best.match.pair));
    for (const d of drafts) {
      const e = draftToEvent(doc, ctx, d);
      if (e) out.push(e);
    }
  }
  return out;
}
