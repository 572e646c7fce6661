// The quote stage: direct quotations and indirect (reported) speech, each with its speaker, cue and medium.
// Rules over tokens work without a parser; when the dependency layer is present the cue's nsubj and ccomp
// are preferred for the speaker and the reported clause.
import type { Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext } from '../pipeline/context.js';
import type { Quote } from '../schema/extraction.js';
import { lineBreakBefore, lower, rangeOf, speechSentences } from './clauses.js';
import { findQuotePieces, type QuotePiece } from './direct.js';
import { describeSpeaker, NAME_PARTICLE, skipCueModifiersLeft, speakerLeftOf, speakerRightOf, type AntecedentHistory, type SpeakerInfo } from './speaker.js';
import { mediumIn, outletAt } from './medium.js';
import {
  ADDRESSEE_CUES, MEDIUM_NOUNS, OBJECT_CONTENT_CUES, PARTICIPLE_CUES, PRONOUNS, QUOTE_CLOSE, QUOTE_OPEN, SPEECH_CUES, TIME_WORDS,
} from './lexicon.js';
import { dependencyCue } from './deps.js';

/** A quotation or reported clause before its speaker is resolved. */
export interface Found {
  kind: 'direct' | 'indirect';
  start: number;
  end: number;
  /** Token range of the cue words, when there is one. */
  cue?: [number, number];
  /** Token range of the speaker phrase. */
  speaker?: [number, number];
  /** Tokens to search for a medium. */
  around?: [number, number];
  /** Direct pieces of one quotation share their speaker. */
  group?: number;
  /** Take the speaker of the previous attributed quote (a quote paragraph continuing an earlier one). */
  inherit?: boolean;
  /** A medium implied by the cue itself ("tweeted"). */
  cueMedium?: string;
}

const ROLE_WORD = /^(?:foreign|defen[cs]e|prime|deputy|vice|senior|chief|top|former|minister|secretary|president|spokes(?:man|woman|person)|ambassador|envoy|official|commander|general|leader|senator|representative|governor|mayor|chairman|director|head|adviser|advisor|negotiator|state|interior|finance|national|security|special|military|army|opposition|rebel)$/;

/** Cues that need an explicit "that" or colon before a reported clause (they have other, non-speech uses). */
const NEEDS_THAT = new Set([
  'reported', 'reports', 'posted', 'posts', 'charged', 'continued', 'concluded', 'indicated', 'signaled', 'signalled',
  'observed', 'estimated', 'agreed', 'revealed', 'disclosed', 'hinted', 'recalled', 'wondered', 'mused', 'admitted',
  'admits', 'conceded', 'maintained', 'responded', 'replied', 'countered', 'remarked', 'predicted', 'promised',
  'pledged', 'vowed', 'vows', 'threatened', 'asked', 'asks', 'demanded', 'demands', 'joked', 'quipped', 'boasted',
  'lamented', 'announced', 'announces', 'confirmed', 'confirms', 'denied', 'denies', 'stated', 'pointed', 'points',
]);
/** Verbs of plain saying, whose complement is taken as reported speech without checking that it is a clause. */
const CORE = new Set(['said', 'says', 'say', 'told', 'tells', 'tell', 'added', 'adds', 'wrote', 'writes', 'saying', 'adding', 'telling', 'writing']);
const CLAUSE_MARK = new Set([
  'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'are', 'was', 'were', 'has', 'have', 'had',
  'did', 'does', 'do', "n't", 'not', 'to', 'of', 'be', 'been', "'s", "'re", "'ll", "'d", 'he', 'she', 'they', 'it', 'we', 'i', 'you',
]);

/** True when tokens [a, b) look like a clause or an infinitive rather than a bare noun phrase ("declared war"). */
function clauseLike(doc: Doc, a: number, b: number, objectCue = false): boolean {
  for (let i = a; i < Math.min(b, a + 15); i++) {
    const w = lower(doc, i);
    if ((w === 'to' || w === 'of') && !objectCue) continue;
    if (CLAUSE_MARK.has(w) || /'(?:s|re|ll|d|ve)$/.test(w) || /n't$/.test(w)) return true;
  }
  return false;
}
/** Cues whose object may be the content without "that" ("denied any wrongdoing", "urged Iran to ..."). */
const OBJECT_OK = new Set([...OBJECT_CONTENT_CUES, 'denied', 'denies', 'confirmed', 'confirms', 'announced', 'announces', 'threatened', 'vowed', 'vows', 'pledged', 'promised', 'predicted', 'demanded', 'demands']);
const CUE_MEDIUM: Record<string, string> = { tweeted: 'Twitter', tweets: 'Twitter' };
const ADDRESSEES = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'reporters', 'journalists', 'lawmakers', 'supporters', 'senators', 'congress', 'parliament', 'legislators', 'voters', 'investigators', 'officials', 'students', 'donors', 'delegates', 'attendees', 'residents', 'members']);
const SKIPPABLE = new Set(['in', 'on', 'at', 'during', 'to', 'with', 'via', 'from', 'for', 'a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'news', 'press', 'joint', 'televised', 'written', 'phone', 'telephone', 'local', 'state', 'national', 'social', 'media', 'also', 'repeatedly', 'publicly', 'privately', 'flatly', 'and', 'of', 'reporters', 'journalists', 'aboard', 'after', 'before', 'while', 'when', 'late', 'early', 'ago', 'days', 'weeks', 'months', 'years', 'hours', 'minutes', 'recent', 'brief', 'separate', 'sunday', 'crowd', 'supporters', 'audience', 'rally', 'event', 'visit', 'trip', 'podcast', 'show', 'program', 'website', 'account', 'platform', 'network', 'newspaper', 'outlet', 'daily']);
const MEDIUM_PREPS = new Set(['in', 'on', 'at', 'during', 'via', 'through', 'to']);

function isCueWord(doc: Doc, i: number): boolean {
  const t = doc.textOf(i);
  return /^\p{Ll}/u.test(t) && SPEECH_CUES.has(lower(doc, i));
}

function isQuoteMark(doc: Doc, i: number): boolean {
  const t = doc.textOf(i);
  return QUOTE_OPEN.has(t) || QUOTE_CLOSE.has(t);
}

function wordCount(doc: Doc, startChar: number, endChar: number): number {
  let n = 0;
  for (let i = doc.tokenAtOrAfter(startChar); i < doc.length && doc.start[i] < endChar; i++) if (/[\p{L}\p{N}]/u.test(doc.textOf(i))) n++;
  return n;
}

/** Last token index of a sentence before its final punctuation and closing marks. */
function contentEnd(doc: Doc, lo: number, hi: number): number {
  let e = hi;
  while (e > lo && /^[.!?”"’)\]»:;,—–-]+$/.test(doc.textOf(e - 1))) e--;
  // keep a closing mark that closes a quotation opened inside the content
  let opens = 0;
  for (let i = lo; i < e; i++) {
    const t = doc.textOf(i);
    if (t === '“') opens++;
    else if (t === '”') opens--;
  }
  if (opens > 0) {
    for (let i = e; i < hi; i++) if (doc.textOf(i) === '”') return i + 1;
  }
  return e;
}

/** True when most words in [a, b) are capitalised, as in a title. */
function titleCase(doc: Doc, a: number, b: number): boolean {
  let words = 0, caps = 0;
  for (let i = doc.tokenAtOrAfter(a); i < doc.length && doc.start[i] < b; i++) {
    const t = doc.textOf(i);
    if (!/^\p{L}/u.test(t)) continue;
    words++;
    if (/^\p{Lu}/u.test(t)) caps++;
  }
  return words > 0 && caps / words >= 0.6;
}

/** A speech tag right after a quotation's closing mark: `,” he said` / `,” said Smith` / `,” according to X`. */
function tagAfter(doc: Doc, close: number, hi: number): { cue: [number, number]; speaker: [number, number] | null } | null {
  let i = close + 1;
  while (i < hi && (doc.textOf(i) === ',' || doc.textOf(i) === '—' || doc.textOf(i) === '–')) i++;
  for (let k = i; k < Math.min(hi, i + 14); k++) {
    const t = doc.textOf(k);
    if (isQuoteMark(doc, k) || t === ';' || (t === '.' && k > i && !(doc.end[k - 1] === doc.start[k] && /^[A-Z][a-z]?$|^[A-Z]\.[A-Z]$/.test(doc.textOf(k - 1))))) return null;
    const l = lower(doc, k);
    if (l === 'according' && k + 1 < hi && lower(doc, k + 1) === 'to') {
      return { cue: [k, k + 2], speaker: speakerRightOf(doc, k + 2, hi) };
    }
    if (!isCueWord(doc, k)) continue;
    if (k === i || skipCueModifiersLeft(doc, i, k) === i) {
      // inverted: `,” said Smith`
      const right = speakerRightOf(doc, k + 1, hi);
      return right ? { cue: [k, k + 1], speaker: right } : null;
    }
    const sp = speakerLeftOf(doc, i, k);
    if (!sp) return null;
    return { cue: [skipCueModifiersLeft(doc, sp[1], k), k + 1], speaker: sp };
  }
  return null;
}

/** A speech tag leading into a quotation: `X said: “` / `X told reporters, “` / `X said in a statement: “`. */
function tagBefore(doc: Doc, open: number, lo: number): { cue: [number, number]; speaker: [number, number] | null } | null {
  if (open - 1 < lo) return null;
  const prev = doc.textOf(open - 1);
  if (prev !== ':' && prev !== ',') return null;
  for (let k = open - 2; k >= lo && open - k < 14; k--) {
    if (isQuoteMark(doc, k)) return null;
    const l = lower(doc, k);
    if (l === 'to' && k > lo && lower(doc, k - 1) === 'according') {
      return { cue: [k - 1, k + 1], speaker: speakerRightOf(doc, k + 1, open - 1) };
    }
    if (!isCueWord(doc, k) && !PARTICIPLE_CUES.has(l)) continue;
    if (PARTICIPLE_CUES.has(l) && k > lo && doc.textOf(k - 1) === ',') return { cue: [k, k + 1], speaker: subjectAtStart(doc, lo, k) };
    const sp = speakerLeftOf(doc, lo, k);
    if (sp) return { cue: [skipCueModifiersLeft(doc, sp[1], k), k + 1], speaker: sp };
    const before = skipCueModifiersLeft(doc, lo, k) - 1;
    if (before > lo && /^(?:and|then|but)$/.test(lower(doc, before))) return { cue: [k, k + 1], speaker: subjectAtStart(doc, lo, before) };
    const right = ADDRESSEE_CUES.has(l) ? null : speakerRightOf(doc, k + 1, open - 1);
    return { cue: [k, k + 1], speaker: right };
  }
  return null;
}

/** Finds direct quotations and their speech tags. Returns them with the cue tokens they used. */
export function directQuotes(doc: Doc, sents: [number, number][], pieces: QuotePiece[]): { found: Found[]; usedCues: Map<number, [number, number] | null> } {
  const found: Found[] = [];
  // cue token -> the speaker phrase a quotation took from it, so a later "..., adding" can share the speaker
  const usedCues = new Map<number, [number, number] | null>();
  const groups = new Map<number, QuotePiece[]>();
  for (const p of pieces) {
    const g = groups.get(p.group);
    if (g) g.push(p);
    else groups.set(p.group, [p]);
  }
  // a quotation interrupted by its tag (“We will respond,” he said, “and soon.”) is one statement
  const list = [...groups.values()];
  const merged: QuotePiece[][] = [];
  for (const g of list) {
    const last = merged[merged.length - 1];
    if (last) {
      const a = last[last.length - 1], b = g[0];
      if (a.closeTok >= 0 && b.openTok > a.closeTok && b.openTok - a.closeTok <= 12 && !lineBreakBefore(doc, b.openTok)) {
        const between = doc.text.slice(doc.end[a.closeTok], doc.start[b.openTok]);
        const s = sents[rangeOf(sents, a.closeTok)];
        const tag = tagAfter(doc, a.closeTok, s[1]);
        if (tag && tag.cue[1] <= b.openTok && /,\s*$/.test(between) && /^\s*\p{Ll}/u.test(doc.text.slice(b.start, b.end))) {
          last.push(...g);
          continue;
        }
      }
    }
    merged.push([...g]);
  }
  let groupId = 0;
  for (const g of merged) {
    groupId++;
    let tag: { cue: [number, number]; speaker: [number, number] | null } | null = null;
    let around: [number, number] | undefined;
    for (const p of g) {
      if (tag) break;
      const sOpen = sents[rangeOf(sents, p.openTok)];
      const tb = tagBefore(doc, p.openTok, sOpen[0]);
      if (tb) {
        tag = tb;
        around = [tb.speaker ? Math.min(tb.speaker[0], tb.cue[0]) : tb.cue[0], p.openTok];
        break;
      }
      // a tag after a quotation inside a sentence belongs to the whole sentence (reported speech), not the quote
      const pieceStarts = p.openTok === sOpen[0] || lineBreakBefore(doc, p.openTok) || p !== g[0] || wordCount(doc, p.start, p.end) > 6;
      if (p.closeTok >= 0 && pieceStarts) {
        const sClose = sents[rangeOf(sents, p.closeTok)];
        const ta = tagAfter(doc, p.closeTok, sClose[1]);
        if (ta) {
          tag = ta;
          around = [p.closeTok + 1, sClose[1]];
        }
      }
    }
    const words = g.reduce((n, p) => n + wordCount(doc, p.start, p.end), 0);
    const first = g[0];
    const sFirst = sents[rangeOf(sents, first.openTok)];
    const startsSentence = first.openTok === sFirst[0] || lineBreakBefore(doc, first.openTok);
    if (!tag && words <= 3) continue; // scare quotes and titles are not speech
    if (!tag && titleCase(doc, first.start, g[g.length - 1].end)) continue; // “Orange Is the New Black”
    if (tag) {
      usedCues.set(tag.cue[0], tag.speaker);
      usedCues.set(tag.cue[1] - 1, tag.speaker);
    }
    for (const p of g) {
      found.push({
        kind: 'direct',
        start: p.start,
        end: p.end,
        group: groupId,
        ...(tag ? { cue: tag.cue, ...(tag.speaker ? { speaker: tag.speaker } : {}), around } : {}),
        inherit: !tag && startsSentence,
        cueMedium: tag ? CUE_MEDIUM[lower(doc, tag.cue[0])] : undefined,
      });
    }
  }
  return { found, usedCues };
}

/** Where the reported clause starts after a cue ending at token r; -1 when the cue does not introduce one. */
function clauseStart(doc: Doc, cue: number, r: number, hi: number): number {
  const l = lower(doc, cue);
  // "that" within a few words: "said on Monday that", "told reporters in Tehran that"
  for (let k = r; k < Math.min(hi, r + 12); k++) {
    const w = lower(doc, k);
    if (w === 'that' && k + 1 < hi) return k + 1;
    if (w === '.' || w === ';' || isCueWord(doc, k) || w === 'who' || w === 'which' || isQuoteMark(doc, k)) break;
    if (w === ',' && k > r && !MEDIUM_PREPS.has(lower(doc, r)) && !TIME_WORDS.has(lower(doc, r))) break;
    // only an addressee, a time or a medium may come between the cue and "that"; other words start the clause
    if (!SKIPPABLE.has(w) && !TIME_WORDS.has(w) && !ADDRESSEES.has(w) && !MEDIUM_NOUNS.has(w) && !/^[\p{Lu}\p{N}]/u.test(doc.textOf(k)) && w !== ',') break;
  }
  if (r < hi && (doc.textOf(r) === ':' || doc.textOf(r) === ',')) return r + 1 < hi && !isQuoteMark(doc, r + 1) ? r + 1 : -1;
  if (NEEDS_THAT.has(l) && !OBJECT_OK.has(l)) return -1;
  let k = r;
  // skip the addressee of "told" and time or medium phrases: "told Axios on Friday the talks ..."
  if (ADDRESSEE_CUES.has(l)) {
    if (k < hi && ADDRESSEES.has(lower(doc, k))) k++;
    else if (k < hi && /^\p{Lu}/u.test(doc.textOf(k))) {
      const o = outletAt(doc, k, hi);
      if (o) k = o.end;
      else while (k < hi && /^\p{Lu}/u.test(doc.textOf(k))) k++;
    } else if (k < hi && /^(?:the|a|his|her|their)$/.test(lower(doc, k))) {
      let j = k + 1;
      while (j < hi && j - k < 5 && !/^(?:to|that|in|on|at|,)$/.test(lower(doc, j))) j++;
      if (j < hi && lower(doc, j) !== 'that') k = j;
    }
    if (k < hi && lower(doc, k) === 'to' && (l === 'told' || l === 'tells')) return k;
  }
  for (let guard = 0; guard < 8 && k < hi; guard++) {
    const w = lower(doc, k);
    if (TIME_WORDS.has(w) || w === ',') {
      k++;
      continue;
    }
    if ((w === 'on' || w === 'in' || w === 'at' || w === 'during') && k + 1 < hi) {
      // a medium or time phrase before the clause: "said in a statement", "said on Friday", "wrote on X"
      const m = mediumIn(doc, k, Math.min(hi, k + 6));
      const next = lower(doc, k + 1);
      if (m || TIME_WORDS.has(next) || /^(?:a|an|the|his|her|its|their)$/.test(next)) {
        let j = k + 1;
        while (j < hi && j - k < 7 && !/^(?:,|that)$/.test(lower(doc, j))) j++;
        if (j < hi && (lower(doc, j) === ',' || lower(doc, j) === 'that')) {
          k = j + 1;
          continue;
        }
        if (m && /^\p{Lu}/u.test(doc.textOf(k + 1))) {
          // "wrote on Truth Social the talks were over": skip the platform's capitalised words
          let j2 = k + 1;
          while (j2 < hi && /^\p{Lu}/u.test(doc.textOf(j2))) j2++;
          k = j2;
          continue;
        }
      }
    }
    break;
  }
  if (k >= hi) return -1;
  const w = lower(doc, k);
  // a pronoun or noun after "said" starts a clause; a preposition or a full stop does not
  if (/^(?:to|of|for|with|by|about|from|into|in|on|at|and|or|but|as|he|she|they|it)$/.test(w) && !(w in PRONOUNS)) {
    if (!(OBJECT_OK.has(l) && w === 'to')) return -1;
  }
  if (/^[.!?;)]$/.test(w)) return -1;
  // a clause with no subject is a relative clause the cue sits in ("which officials said will ...")
  if (/^(?:will|would|could|should|can|may|might|must|is|are|was|were|has|have|had|did|does)$/.test(w)) return -1;
  return k;
}

/** True when nothing but a speaker phrase, time or medium words follow the cue to the end of the sentence. */
function tailIsTag(doc: Doc, from: number, hi: number): boolean {
  const end = contentEnd(doc, from, hi);
  if (end === from) return true;
  // what may follow a closing tag: ", a spokesman for ...", "on Monday", "in a statement", "told reporters"
  const first = lower(doc, from);
  if (!/^(?:,|on|in|at|during|after|before|via|to|from|last|this|late|early|earlier|later|told|while|when|as|citing|according|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|previously|also|again|repeatedly|afterward|afterwards|then)$/.test(first)) return false;
  // an apposition after the speaker ("said Sherman, a professor who studies ...") may run long
  const apposition = first === ',' && from + 1 < end && /^(?:a|an|the|who|whose|which|one|his|her|their|its)$|^\p{Lu}/u.test(doc.textOf(from + 1));
  for (let k = from; k < end; k++) {
    const w = lower(doc, k);
    // ", adding that ...": the participle starts a statement of its own
    if (w === ',' && k + 1 < end && PARTICIPLE_CUES.has(lower(doc, k + 1))) return true;
    if ((w === 'that' && !apposition) || isQuoteMark(doc, k) || w === ':') return false;
  }
  return end - from <= (apposition ? 40 : 16);
}

/** Reported speech in a sentence: "X said (that) ...", "..., X said", "according to X, ...". */
export function indirectQuotes(
  doc: Doc,
  sents: [number, number][],
  insideQuote: (tok: number) => boolean,
  blocked: (tok: number) => boolean,
  usedCues: Map<number, [number, number] | null>,
): Found[] {
  const out: Found[] = [];
  const hasDeps = doc.layers.has('deps');
  for (const [lo, hi] of sents) {
    let k = lo;
    let sentenceSubject: [number, number] | null = null;
    // "Graham: Trump's rhetoric is hateful" (headlines) and "WALLACE: Let's start" (transcripts)
    const colon = colonSpeaker(doc, lo, hi);
    if (colon && !insideQuote(colon + 1)) {
      const cs = colon + 1 < hi && isQuoteMark(doc, colon + 1) ? -1 : colon + 1;
      const ce = cs > 0 ? contentEnd(doc, cs, hi) : -1;
      if (cs > 0 && ce - cs >= 3 && !blockedRange(blocked, cs, ce)) {
        out.push(makeFound(doc, cs, ce, [colon, colon + 1], [lo, colon], [lo, colon]));
        continue;
      }
    }
    while (k < hi) {
      if (insideQuote(k) || usedCues.has(k)) {
        if (usedCues.get(k)) sentenceSubject = usedCues.get(k) ?? null;
        k++;
        continue;
      }
      const l = lower(doc, k);
      // "according to X, content" / "content, according to X"
      if (l === 'according' && k + 1 < hi && lower(doc, k + 1) === 'to') {
        const sp = speakerRightOf(doc, k + 2, hi);
        if (sp) {
          // "According to X, C." / "C, according to X." / "C1, according to X, C2." (both halves are X's)
          const before = contentEnd(doc, lo, k);
          const afterComma = sp[1] < hi && doc.textOf(sp[1]) === ',' ? sp[1] + 1 : -1;
          const afterEnd = afterComma > 0 ? contentEnd(doc, afterComma, hi) : -1;
          const lead = /^(?:but|and|so|yet|still|however|meanwhile)$/.test(lower(doc, lo)) ? lo + 1 : lo;
          const parts: [number, number][] = [];
          if (before - lead >= 2 && !blockedRange(blocked, lead, before)) parts.push([lead, before]);
          if (afterComma > 0 && afterEnd - afterComma >= 3 && !blockedRange(blocked, afterComma, afterEnd)) parts.push([afterComma, afterEnd]);
          for (const [cs, ce] of parts) out.push(makeFound(doc, cs, ce, [k, k + 2], sp, [k, Math.min(hi, sp[1] + 8)]));
          if (parts.length) {
            k = afterComma > 0 && afterEnd - afterComma >= 3 ? hi : Math.max(sp[1], k + 2);
            continue;
          }
        }
        k += 2;
        continue;
      }
      const participle = PARTICIPLE_CUES.has(l) && k > lo && doc.textOf(k - 1) === ',';
      const auxAt = k > lo + 1 && /^(?:not|n't)$/.test(lower(doc, k - 1)) ? k - 2 : k - 1;
      const progressive = PARTICIPLE_CUES.has(l) && auxAt >= lo && /^(?:is|are|was|were|been|'s|'re|isn't|aren't|wasn't|weren't)$|'s$/.test(lower(doc, auxAt));
      if (!isCueWord(doc, k) && !participle && !progressive) {
        k++;
        continue;
      }
      // "was asked", "were told": the subject is the addressee, not the speaker
      if (!progressive && /ed$|^told$/.test(l) && k > lo && /^(?:is|are|was|were|been|be|being)$/.test(lower(doc, k - 1))) {
        k++;
        continue;
      }
      // the parse, when there is one, names the subject and the clause directly
      if (hasDeps) {
        const dc = dependencyCue(doc, k, lo, hi);
        if (dc && dc.content[1] - dc.content[0] >= 3) {
          // the surface reading knows addressees and media between cue and clause ("told reporters", "said on X
          // that"), which the parser tends to pull into the clause: a later surface start wins
          const surfaceStart = clauseStart(doc, k, k + 1, hi);
          const cs = surfaceStart > dc.content[0] && surfaceStart < dc.content[1] ? surfaceStart : dc.content[0];
          const ce = dc.content[1];
          const endTok = contentEnd(doc, cs, ce);
          // a longer surface speaker phrase that holds the parse's subject keeps what the parse cut off
          // ("two sources familiar with internal discussions" when "with ..." was attached to the verb)
          const surfaceSpeaker = participle ? null : speakerLeftOf(doc, lo, k);
          const parseSubject = dc.subject && surfaceSpeaker && surfaceSpeaker[0] <= dc.subject[0] && surfaceSpeaker[1] >= dc.subject[1] ? surfaceSpeaker : dc.subject;
          // a parse without a subject (or a participle's shared one) falls back to the surface reading
          const subject = parseSubject && !participle ? parseSubject : (participle ? sentenceSubject ?? subjectAtStart(doc, lo, k) : surfaceSpeaker);
          if (subject && endTok - cs >= 2 && !blockedRange(blocked, cs, endTok)) {
            if (!participle) sentenceSubject = subject;
            out.push(makeFound(doc, cs, endTok, [k, k + 1], subject, [subject[0], cs]));
            k = endTok;
            continue;
          }
        }
      }
      let speaker: [number, number] | null = participle ? sentenceSubject ?? subjectAtStart(doc, lo, k) : speakerLeftOf(doc, lo, k);
      // a second verb of the same subject: "She greeted supporters and told them that ..."
      if (!speaker && !participle) {
        const before = skipCueModifiersLeft(doc, lo, k) - 1;
        if (before > lo && /^(?:and|then|but)$/.test(lower(doc, before))) speaker = sentenceSubject ?? subjectAtStart(doc, lo, before);
      }
      const left = speaker;
      const cueStart = speaker && !participle ? skipCueModifiersLeft(doc, speaker[1], k) : k;
      // pattern B: "content, X said." / "content, said X."
      const right = !left ? speakerRightOf(doc, k + 1, hi) : null;
      let commaBefore = left ? left[0] - 1 : cueStart - 1;
      if (commaBefore > lo && QUOTE_CLOSE.has(doc.textOf(commaBefore)) && doc.textOf(commaBefore - 1) === ',') commaBefore--;
      const tagOnly = tailIsTag(doc, right ? right[1] : k + 1, hi);
      if (!participle && commaBefore > lo && doc.textOf(commaBefore) === ',' && tagOnly && (left || right)) {
        const ce = contentEnd(doc, lo, commaBefore);
        if (ce - lo >= 3 && (clauseLike(doc, lo, ce) || ce - lo >= 8) && !blockedRange(blocked, lo, ce)) {
          out.push(makeFound(doc, lo, ce, [cueStart, k + 1], left ?? right, [k, hi]));
          // "C1, he said, because C2": the reported clause goes on after the tag
          const tail = right ? right[1] : k + 1;
          if (tail + 1 < hi && doc.textOf(tail) === ',' && /^(?:because|but|and|as|since|so|adding|although|though|while|if|when)$/.test(lower(doc, tail + 1))) {
            const ce2 = contentEnd(doc, tail + 1, hi);
            if (ce2 - tail >= 4 && !blockedRange(blocked, tail + 1, ce2) && !PARTICIPLE_CUES.has(lower(doc, tail + 1))) {
              out.push(makeFound(doc, tail + 1, ce2, [cueStart, k + 1], left ?? right, [k, hi]));
            }
          }
          k = hi;
          continue;
        }
        // an introductory phrase before the comma ("For his part, he said ..."): read it as "X said ..."
      }
      if (!left && right && !participle) speaker = null;
      if (!speaker) {
        k++;
        continue;
      }
      if (!participle) sentenceSubject = speaker;
      const cs = clauseStart(doc, k, k + 1, hi);
      if (cs < 0) {
        k++;
        continue;
      }
      let ce = contentEnd(doc, cs, hi);
      const introduced = cs > 0 && /^(?:that|:)$/.test(lower(doc, cs - 1));
      if (!CORE.has(l) && !introduced && !clauseLike(doc, cs, ce, OBJECT_CONTENT_CUES.has(l)) && !/^(?:denied|denies|confirmed|confirms)$/.test(l)) {
        k++;
        continue;
      }
      // the clause ends before a trailing "according to" or a direct quotation already taken
      for (let j = cs; j < ce; j++) {
        if (lower(doc, j) === ',' && j + 2 < ce && lower(doc, j + 1) === 'according' && lower(doc, j + 2) === 'to') {
          ce = j;
          break;
        }
        if (blocked(j)) {
          ce = j;
          while (ce > cs && /^[,:;—–-]$|^[“"]$/.test(doc.textOf(ce - 1))) ce--;
          break;
        }
      }
      if (ce - cs >= 2) out.push(makeFound(doc, cs, ce, [cueStart, k + 1], speaker, [speaker[0], cs]));
      k = ce;
    }
  }
  return out;
}

function blockedRange(blocked: (tok: number) => boolean, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (blocked(i)) return true;
  return false;
}

const COLON_STOP = /^(?:Note|Update|Updated|Editor|Correction|Watch|Read|Related|Photo|Photos|Video|Source|Sources|Warning|Breaking|Exclusive|Analysis|Opinion|Caption|Credit|Listen|See|Also|Here|Example|Question|Answer|Summary|Background|Context|Disclosure|Timeline|Live|Latest|Poll|Transcript|Full|Graphic|Map|The|A|An|This|That|It|In|On|At|By|Q|Contributing|Revealed|Reporting|Writing|Edited|Compiled|Follow|Sign|Subscribe|Share|Tags?|Filed|Posted|Published|Hat|Via|Wanted|Needed|Bottom|Verdict|Prediction|Outlook|Goal|Why|What|How|When|Where|Who)$/;

/** Token of the colon when a sentence opens with a name and a colon ("Graham:", "Sen. Ted Cruz:"), else -1. */
function colonSpeaker(doc: Doc, lo: number, hi: number): number {
  for (let c = lo + 1; c < Math.min(hi, lo + 6); c++) {
    const t = doc.textOf(c);
    if (t === ':') {
      if (COLON_STOP.test(doc.textOf(lo)) || !/^\p{L}/u.test(doc.textOf(lo))) return 0;
      // a shouted headline after the colon is not a statement
      const next = c + 1 < hi ? doc.textOf(c + 1) : '';
      return /^\p{Lu}{3,}$/u.test(next) || c + 1 >= hi ? 0 : c;
    }
    if (!/^\p{Lu}/u.test(t) && !NAME_PARTICLE.test(t) && !(t === '.' && doc.end[c - 1] === doc.start[c])) return 0;
  }
  return 0;
}

/** The noun phrase a sentence opens with: the subject a participle cue ("..., saying ...") shares. */
function subjectAtStart(doc: Doc, lo: number, hi: number): [number, number] | null {
  // "Hours later, Trump ..." / "But Trump ...": the subject follows the introduction
  const prepositional = /^(?:In|On|At|During|After|Before|With|For|Since|Despite|Following|Speaking|Asked|Earlier|Later|Last|This)$/.test(doc.textOf(lo));
  for (let i = lo; i < Math.min(hi, lo + (prepositional ? 20 : 7)); i++) {
    if (doc.textOf(i) === ',' && i + 1 < hi && (prepositional || /^\p{Lu}/u.test(doc.textOf(i + 1)))) {
      lo = i + 1;
      break;
    }
  }
  while (lo < hi && /^(?:But|And|So|Then|Still|Yet|Meanwhile|Later|However|Also)$/.test(doc.textOf(lo))) lo++;
  let e = lo;
  let lastCap = -1;
  while (e < hi && e - lo < 10) {
    const t = doc.textOf(e);
    const w = lower(doc, e);
    // lowercase role words belong to the subject: "British foreign minister David Lammy echoed ..."
    // lowercase words in a subject: determiners, numbers, role nouns and plural nouns ("two Democratic speechwriters")
    const nounish = /^(?:of|the|a|an|for|'s|two|three|four|five|several|some|many|senior|top)$/.test(w) || ROLE_WORD.test(w) || NAME_PARTICLE.test(t)
      || (/[^s]s$/.test(w) && !/(?:ed|ly)$/.test(w) && e > lo && !/^(?:is|was|has|says|does|as|this|his|its|us)$/.test(w));
    if (/^\p{Ll}/u.test(t) && !nounish) break;
    if (/^[^\p{L}\p{N}]+$/u.test(t) && t !== '.' && t !== "'s" && t !== '’s') break;
    if (/^[\p{Lu}\p{N}]/u.test(t) || NAME_PARTICLE.test(t)) lastCap = e;
    e++;
  }
  if (lastCap >= lo && /^(?:of|the|a|an|for)$/.test(lower(doc, e - 1))) e = lastCap + 1;
  return e > lo ? [lo, e] : null;
}

function makeFound(doc: Doc, cs: number, ce: number, cue: [number, number], speaker: [number, number] | null, around: [number, number]): Found {
  return {
    kind: 'indirect',
    start: doc.start[cs],
    end: doc.end[ce - 1],
    cue,
    ...(speaker ? { speaker } : {}),
    around,
    cueMedium: CUE_MEDIUM[lower(doc, cue[0])],
  };
}

/** Runs the detectors and resolves speakers in text order, so pronouns can look back at earlier speakers. */
export function findQuotes(doc: Doc, ctx: ExtractContext): Quote[] {
  const sents = speechSentences(doc);
  const pieces = findQuotePieces(doc);
  const { found: direct, usedCues } = directQuotes(doc, sents, pieces);
  // tokens inside quotation marks are the quoted person's words, not the reporter's
  const inside = new Uint8Array(doc.length);
  for (const p of pieces) {
    const a = p.openTok, b = p.closeTok >= 0 ? p.closeTok : doc.tokenAtOrAfter(p.end);
    for (let i = a; i <= Math.min(b, doc.length - 1); i++) inside[i] = 1;
  }
  const taggedDirect = new Uint8Array(doc.length);
  for (const f of direct) {
    if (!f.cue) continue;
    for (let i = doc.tokenAtOrAfter(f.start); i < doc.length && doc.start[i] < f.end; i++) taggedDirect[i] = 1;
  }
  for (const c of usedCues.keys()) taggedDirect[c] = 1;
  const indirect = indirectQuotes(doc, sents, (t) => inside[t] === 1, (t) => taggedDirect[t] === 1, usedCues);
  // a quotation opened inside a reported clause and running past it ("X said that “... . ...”") takes its cue
  for (const d of direct) {
    if (d.cue) continue;
    const q = indirect.find((x) => x.start <= d.start && x.end < d.end && x.end > d.start - 2 && x.cue);
    if (!q) continue;
    d.cue = q.cue;
    d.speaker = q.speaker;
    d.around = q.around;
    d.cueMedium = q.cueMedium;
    const open = doc.tokenAtOrAfter(d.start) - 1;
    let e = open;
    while (e > 0 && /^(?:that|,|:|—|–)$/.test(lower(doc, e - 1))) e--;
    const first = doc.tokenAtOrAfter(q.start);
    if (e - first >= 2) q.end = doc.end[e - 1];
    else q.end = -1;
  }
  for (let i = indirect.length - 1; i >= 0; i--) if (indirect[i].end < 0) indirect.splice(i, 1);
  // a partial quotation inside a reported clause is part of that statement, not a second one
  const kept = direct.filter((d) => d.cue || !indirect.some((q) => q.start <= d.start && q.end >= d.end));
  const all = [...kept, ...indirect].sort((a, b) => a.start - b.start || b.end - a.end);

  const history: AntecedentHistory = { speakers: [], inQuote: (t) => inside[t] === 1 };
  // people who open a sentence ("Biden met Netanyahu. He said ...") are antecedents too, though they said nothing
  const subjects: SpeakerInfo[] = [];
  for (const [lo, hi] of sents) {
    if (inside[lo] || !/^\p{Lu}/u.test(doc.textOf(lo)) || /^(?:The|A|An|In|On|At|But|And|It|He|She|They|We|I|This|That|There|When|While|After|Before|As|If)$/.test(doc.textOf(lo))) continue;
    const sp = subjectAtStart(doc, lo, hi);
    if (!sp || sp[1] >= hi || !/^\p{Ll}/u.test(doc.textOf(sp[1])) || !/^\p{Lu}/u.test(doc.textOf(sp[1] - 1))) continue;
    const info = describeSpeaker(doc, ctx, sp[0], sp[1], history);
    if (info.person) subjects.push(info);
  }
  history.subjects = subjects;
  const quotes: Quote[] = [];
  const byGroup = new Map<number, SpeakerInfo | null>();
  let lastAttributed: { info: SpeakerInfo | null; quote: Quote } | null = null;
  for (const f of all) {
    let info: SpeakerInfo | null = null;
    if (f.group !== undefined && byGroup.has(f.group)) info = byGroup.get(f.group) ?? null;
    else if (f.speaker) info = describeSpeaker(doc, ctx, f.speaker[0], f.speaker[1], history);
    let medium = info?.medium;
    if (f.around) medium = mediumIn(doc, f.around[0], f.around[1]) ?? medium;
    medium = medium ?? f.cueMedium;
    let inherited = false;
    if (!info && !f.cue && f.inherit && lastAttributed && lastAttributed.info && nearEnough(doc, lastAttributed.quote.end, f.start)) {
      info = lastAttributed.info;
      medium = medium ?? lastAttributed.quote.medium;
      inherited = true;
    }
    if (f.group !== undefined && !byGroup.has(f.group)) byGroup.set(f.group, info);
    if (f.kind === 'direct' && !info && !f.cue && wordCount(doc, f.start, f.end) < 5) continue;
    const q: Quote = {
      id: `q${quotes.length + 1}`,
      kind: f.kind,
      text: doc.text.slice(f.start, f.end),
      start: f.start,
      end: f.end,
      speaker: info?.ref ?? null,
      ...(info ? { speakerText: inherited ? info.text : info.text, speakerSpan: { start: info.start, end: info.end } } : {}),
      anonymous: info?.anonymous ?? false,
      ...(f.cue ? { cue: { text: doc.text.slice(doc.start[f.cue[0]], doc.end[f.cue[1] - 1]), start: doc.start[f.cue[0]], end: doc.end[f.cue[1] - 1] } } : {}),
      ...(medium ? { medium } : {}),
    };
    quotes.push(q);
    if (info && !inherited && !info.pronoun) history.speakers.push(info);
    else if (info && info.pronoun && info.ref) history.speakers.push({ ...info, pronoun: false, token: info.token });
    if (info) lastAttributed = { info, quote: q };
  }
  return quotes;
}

/** A continuing quotation paragraph is close to the last attributed one: at most one paragraph in between. */
function nearEnough(doc: Doc, prevEnd: number, start: number): boolean {
  const gap = doc.text.slice(prevEnd, start);
  return (gap.match(/\n\s*\S/g) ?? []).length <= 1;
}

export const quoteStage: Stage<ExtractContext> = {
  name: 'quotes',
  version: '2',
  needs: ['tokens', 'sentences', 'mentions'],
  sets: ['quotes'],
  run(doc: Doc, ctx: ExtractContext): void {
    ctx.quotes.push(...findQuotes(doc, ctx));
  },
};
