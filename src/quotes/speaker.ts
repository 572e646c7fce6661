// Speaker phrases: finds the words that name who is speaking around a cue, and describes them as an actor
// (KB mention when there is one; else country and sector read off the phrase; anonymity; pronoun antecedents).
import type { Doc } from '../text/doc.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { ActorRef } from '../schema/extraction.js';
import type { KbEntry } from '../actors/kb.js';
import { actorRef } from '../events/patterns.js';
import { lower } from './clauses.js';
import {
  ANON_HEADS, CUE_MODIFIERS, MEDIUM_NOUNS, NP_POSTMOD, NP_STOP, OUTLET_SUFFIX, OUTLETS, PARTICIPLE_CUES, PRONOUNS,
  SECTOR_WORDS, SPEECH_CUES,
} from './lexicon.js';

export interface SpeakerInfo {
  ref: ActorRef | null;
  anonymous: boolean;
  /** Character span and text of the words naming the speaker. */
  start: number;
  end: number;
  text: string;
  /** A channel read off the phrase itself ("state media", "statement"). */
  medium?: string;
  /** For pronoun agreement with later speakers. */
  person: boolean;
  plural: boolean;
  pronoun: boolean;
  /** Token where the phrase starts, to order antecedents. */
  token: number;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'some', 'several', 'two', 'three', 'four', 'five', 'many', 'other', 'one', 'both', 'all', 'multiple', 'few', 'another', 'senior', 'top']);
const ORG_WORDS = /^(?:Ministry|Department|Party|Council|Agency|Office|Corps|Forces|Army|Committee|Commission|Group|Bank|Union|Organi[sz]ation|Association|Court|Company|Inc|Corp|Administration|Government|Embassy|Institute|Foundation|Center|Centre|Movement|Front|Authority|Service|Bureau|Navy|Police|Cabinet|Parliament|Senate|Congress|House|Assembly|Guard|Network|University|Campaign|Post|Times|News)\.?$/;
const TITLE_WORDS = /^(?:President|Prime|Minister|Foreign|Defen[cs]e|Secretary|Sen|Rep|Gov|Gen|Adm|Col|Lt|Mr|Mrs|Ms|Dr|Vice|Chief|Deputy|Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|Senator|Representative|Governor|Mayor|Chancellor|King|Queen|Prince|Sheikh|Supreme|Leader|Chairman|Chair|Director|Commander|General|Judge|Justice|Speaker|Pope|Premier|Special|Senior|Former|State|Interior|Finance|Trade|Energy|National|Security|Adviser|Advisor|Press|White|U\.S\.?|US|UN|U\.N\.?)\.?$/;

/** Lowercase particles inside personal names: "Mohammed Shia al-Sudani", "Ursula von der Leyen". */
export const NAME_PARTICLE = /^(?:al|el|bin|ibn|de|da|van|von|der|du|la|le|ben|abu)(?:-\p{L}+)?$/u;

function isPunct(s: string): boolean {
  return /^[^\p{L}\p{N}]+$/u.test(s);
}
function isCap(s: string): boolean {
  return /^\p{Lu}/u.test(s);
}

/** Tokens of a name that a punctuation token may sit inside ("U.S.", "Israel 's", "Al-Monitor"). */
function npInnerPunct(doc: Doc, i: number): boolean {
  const t = doc.textOf(i);
  if (t === "'s" || t === '’s' || t === "'" || t === '’' || t === '-' || t === '&') return true;
  // a full stop glued to the word before it ("U.S" + ".") belongs to an abbreviation, not a sentence end
  if (t === '.' && i > 0 && doc.end[i - 1] === doc.start[i] && /^(?:[A-Z]|[A-Za-z](?:\.[A-Za-z])+|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Jr|Sr|St)$/.test(doc.textOf(i - 1))) return true;
  return false;
}

/** Skips back over auxiliaries and adverbs that belong to the cue ("has also said"); returns the new end. */
export function skipCueModifiersLeft(doc: Doc, lo: number, cue: number): number {
  let j = cue;
  while (j - 1 >= lo && (CUE_MODIFIERS.has(lower(doc, j - 1)) || /^\p{Ll}+ly$/u.test(doc.textOf(j - 1))) && !isCap(doc.textOf(j - 1)) && cue - j < 4) j--;
  return j;
}

/** The noun phrase ending just before token `end` (exclusive), not reaching before `lo`. */
function npEndingAt(doc: Doc, lo: number, end: number): [number, number] | null {
  let i = end - 1;
  while (i >= lo && end - i <= 14) {
    const t = doc.textOf(i);
    const l = lower(doc, i);
    if (t === ')') {
      // a parenthesis inside a name: "Gov. John Kasich (R-OH)"
      let j = i - 1;
      while (j >= lo && i - j < 8 && doc.textOf(j) !== '(') j--;
      if (j < lo || doc.textOf(j) !== '(') break;
      i = j - 1;
      continue;
    }
    if (isPunct(t) && !npInnerPunct(doc, i)) break;
    if (!isCap(t) && (NP_STOP.has(l) || SPEECH_CUES.has(l) || PARTICIPLE_CUES.has(l)) && !NAME_PARTICLE.test(t)) break;
    i--;
  }
  let s = i + 1;
  // a sentence-initial preposition opens an adverbial, not the subject ("In a statement the ministry said")
  while (s < end && /^(?:In|On|At|During|After|Before|Speaking|Asked|Later|Meanwhile|Separately|Also|But|And|Still|Yet|However|So)$/.test(doc.textOf(s))) s++;
  if (s >= end) return null;
  if ([...Array(end - s).keys()].every((k) => DETERMINERS.has(lower(doc, s + k)))) return null;
  return [s, end];
}

/** Speaker phrase to the left of a cue starting at token `cue` ("Officials said", "X, the minister, said"). */
export function speakerLeftOf(doc: Doc, lo: number, cue: number): [number, number] | null {
  let end = skipCueModifiersLeft(doc, lo, cue);
  // a short adverbial between auxiliary and verb: "Trump has at various times said"
  for (let p = end - 1; p > lo && end - p <= 4; p--) {
    if (/^(?:at|in|on|for|over|during)$/.test(lower(doc, p)) && p - 1 > lo && /^(?:has|have|had|also)$/.test(lower(doc, p - 1))) {
      end = skipCueModifiersLeft(doc, lo, p);
      break;
    }
    if (isPunct(doc.textOf(p))) break;
  }
  if (end - 1 < lo) return null;
  const prev = doc.textOf(end - 1);
  if (prev === ',') {
    // parenthetical between subject and verb: "X, who ..., said" / "X, the foreign minister, said"
    for (let k = end - 2; k >= lo && end - k < 30; k--) {
      const t = doc.textOf(k);
      if ((t === '.' && !npInnerPunct(doc, k)) || t === ';' || t === '“' || t === '”' || t === '"') return null;
      if (t === ',') {
        let np = npEndingAt(doc, lo, k);
        // "Sanders, meanwhile, who ..., said": another parenthetical before this one
        if (!np) continue;
        // "Clinton, 35, the daughter of ..., said": a short segment after another comma is one more apposition
        if (np[0] - 1 > lo && doc.textOf(np[0] - 1) === ',' && np[1] - np[0] <= 2) {
          const outer = npEndingAt(doc, lo, np[0] - 1);
          if (outer) np = [outer[0], np[1]];
        }
        const firstInner = lower(doc, k + 1);
        // a relative clause is dropped from the phrase; an apposition stays (it tells the role)
        const clause = /^(?:who|which|speaking|in|on|at|during|after|before|citing|according|while|when|writing|asked|responding|echoing|referring)$/.test(firstInner);
        return clause ? np : [np[0], end - 1];
      }
    }
    // no opening comma before the sentence start: "Gov. John Kasich (R-OH), said"
    return npEndingAt(doc, lo, end - 1);
  }
  return npEndingAt(doc, lo, end);
}

/** Speaker phrase right after an inverted cue ("said Mr. Smith, the spokesman" / "according to the IAEA"). */
export function speakerRightOf(doc: Doc, from: number, hi: number): [number, number] | null {
  let i = from;
  while (i < hi && i - from < 14) {
    const t = doc.textOf(i);
    const l = lower(doc, i);
    if (isPunct(t) && !npInnerPunct(doc, i)) break;
    if (!isCap(t) && i > from && (NP_STOP.has(l) || SPEECH_CUES.has(l) || /^(?:in|on|at|during|after|before|to|via|about|told|last|this|while|when|who|which|speaking|citing)$/.test(l))) break;
    i++;
  }
  if (i === from) return null;
  const first = lower(doc, from);
  if (!isCap(doc.textOf(from)) && !DETERMINERS.has(first) && !(first in PRONOUNS) && !/^(?:officials?|sources?|diplomats?|people|analysts?|experts?|witnesses|residents)$/.test(first)) return null;
  if (NP_STOP.has(first) && !isCap(doc.textOf(from))) return null;
  return [from, i];
}

function lookupWord(ctx: ExtractContext, w: string): KbEntry | undefined {
  const hit = ctx.resources.kb.lookup([w]);
  if (!hit || hit.length === 0) return undefined;
  const plain = hit.filter((x) => !(x.kind === 'demonym' && x.name.includes(w)));
  return [...(plain.length ? plain : hit)].sort((a, b) => rank(a) - rank(b))[0];
}
const KIND_RANK: Record<string, number> = { person: 0, metonym: 1, igo: 2, group: 3, country: 4, demonym: 5, capital: 6 };
function rank(e: KbEntry): number {
  return KIND_RANK[e.kind] ?? 9;
}

/**
 * The mention's entry, except that a demonym shared with a territory named after it ("French" for the French
 * Southern Territories) goes to the country.
 */
function bestEntry(ctx: ExtractContext, doc: Doc, m: MentionAnnotation): KbEntry | undefined {
  const e = m.entry;
  if (!e || e.kind !== 'demonym') return e;
  const words: string[] = [];
  for (let i = m.start; i < m.end; i++) words.push(doc.textOf(i));
  const all = ctx.resources.kb.lookup(words) ?? [e];
  const alias = words.join(' ');
  const plain = all.filter((x) => x.kind === 'demonym' && !x.name.includes(alias));
  return plain[0] ?? e;
}

function sectorOf(words: string[]): string | undefined {
  for (const [re, sector] of SECTOR_WORDS) if (words.some((w) => re.test(w))) return sector;
  return undefined;
}

export interface AntecedentHistory {
  speakers: SpeakerInfo[];
  /** Tokens inside quotation marks: names there are the quoted person's words, not antecedents for the tag. */
  inQuote?: (tok: number) => boolean;
  /** Named people opening earlier sentences, who may be "he" or "she" without having spoken. */
  subjects?: SpeakerInfo[];
}

/**
 * Describes the speaker phrase [s, e): the actor it names, whether it is anonymous, and a channel it names.
 * Pronouns take the nearest compatible earlier speaker or person mention.
 */
export function describeSpeaker(doc: Doc, ctx: ExtractContext, s: number, e: number, history: AntecedentHistory): SpeakerInfo {
  const start = doc.start[s], end = doc.end[e - 1];
  const text = doc.text.slice(start, end);
  const words: string[] = [];
  for (let i = s; i < e; i++) words.push(lower(doc, i));
  const base = { start, end, text, token: s };

  if (e - s === 1 && words[0] in PRONOUNS) {
    const p = PRONOUNS[words[0]];
    const ante = antecedent(doc, ctx, s, p, history);
    return { ...base, ref: ante?.ref ? { ...ante.ref } : null, anonymous: ante?.anonymous ?? false, person: p === 'he' || p === 'she', plural: p === 'they' || p === 'we', pronoun: true };
  }

  // the head is the last word before any postmodifier ("sources familiar with ...", "a spokesman for ...")
  let h = s;
  for (let i = s + 1; i < e; i++) {
    const t = doc.textOf(i);
    if (NP_POSTMOD.has(words[i - s]) && !isCap(t)) break;
    if (t === ',' || t === '(') break;
    h = i;
  }
  const headWord = words[h - s];
  const prefix = words.slice(0, h - s + 1);

  // a document or occasion as subject ("a statement from the ministry said"): the speaker is whoever issued it
  if (MEDIUM_NOUNS.has(headWord) && headWord !== 'report') {
    const medium = headWord;
    let sub: [number, number] | null = null;
    const fromAt = words.findIndex((w, k) => k > h - s && (w === 'from' || w === 'by' || w === 'of'));
    if (fromAt >= 0 && s + fromAt + 1 < e) sub = [s + fromAt + 1, e];
    else if (h > s) sub = [s, h];
    const onlyDeterminers = sub !== null && words.slice(sub[0] - s, sub[1] - s).every((w) => DETERMINERS.has(w) || w === 'joint' || w === 'written');
    if (sub && !onlyDeterminers) {
      const inner = describeSpeaker(doc, ctx, sub[0], sub[1], history);
      return { ...inner, medium: inner.medium ?? medium };
    }
    return { ...base, ref: null, anonymous: false, person: false, plural: false, pronoun: false, medium };
  }

  // a place inside a longer capitalised name ("the Jamestown Foundation") says nothing of the speaker's country
  const mentions = ctx.mentions.filter((m) => m.start >= s && m.end <= e && m.entry
    && !(m.end < e && isCap(doc.textOf(m.end)) && !TITLE_WORDS.test(doc.textOf(m.end)) && m.entry.kind === 'capital'));
  // the person named at the head or in an apposition speaks ("The Lithuanian president, Gitanas Nauseda");
  // one named in a postmodifier does not ("a spokesman for Netanyahu")
  const comma = words.indexOf(',');
  const personMention = mentions.find((m) => (m.type === 'PERSON' || m.entry?.kind === 'person')
    && ((m.start <= h && m.end > h) || (comma >= 0 && m.start > s + comma)));
  const plural = /(?:s|people|police|media)$/.test(headWord) && !/(?:ss|us|is|news|'s)$/.test(headWord) && !isCap(doc.textOf(h));
  if (personMention) {
    return { ...base, ref: actorRef(doc, personMention), anonymous: false, person: true, plural: false, pronoun: false };
  }

  let medium: string | undefined;
  const stateAt = prefix.indexOf('state');
  if (stateAt >= 0 && stateAt + 1 < prefix.length && /^(?:media|tv|television|news|radio|broadcaster|agency|newspaper)$/.test(prefix[stateAt + 1])) {
    medium = `state ${doc.textOf(s + stateAt + 1)}`.replace(/state (?:Media|MEDIA)/, 'state media');
    if (/^(?:news|agency)$/.test(prefix[stateAt + 1])) medium = 'state news agency';
  }
  const outletHead = isCap(doc.textOf(h)) && (OUTLETS.has(headWord) || OUTLET_SUFFIX.test(doc.textOf(h))) && !mentions.some((m) => m.start <= h && m.end > h);
  if (outletHead && !medium) medium = doc.text.slice(doc.start[prefix[0] === 'the' ? s + 1 : s], doc.end[h]);

  const anonymous = ANON_HEADS.has(headWord) && (!isCap(doc.textOf(h)) || h === s);
  // country and organisation come from KB mentions in the phrase, or a KB word the gazetteer's tokens hid ("Israel's")
  let entry: KbEntry | undefined;
  let entryMention: MentionAnnotation | undefined;
  for (const m of mentions) {
    if (m.entry && (m.entry.country || m.entry.org)) {
      entry = bestEntry(ctx, doc, m);
      entryMention = m;
      break;
    }
  }
  if (!entry) {
    for (let i = s; i < e; i++) {
      const raw = doc.textOf(i).replace(/['’]s$/, '');
      if (!isCap(raw)) continue;
      const hit = lookupWord(ctx, raw);
      if (hit && (hit.country || hit.org) && hit.kind !== 'capital') {
        entry = hit;
        break;
      }
    }
  }
  const sector = sectorOf(prefix) ?? (entry?.sector || undefined) ?? (medium ? 'MED' : undefined);
  const nameLike = words.some((_, k) => {
    const i = s + k;
    const t = doc.textOf(i);
    if (!isCap(t) || isPunct(t)) return false;
    if (entryMention && i >= entryMention.start && i < entryMention.end) return false;
    if (mentions.some((m) => i >= m.start && i < m.end)) return false;
    if (TITLE_WORDS.test(t) || ORG_WORDS.test(t)) return false;
    if (k === 0 && (DETERMINERS.has(words[0]) || ANON_HEADS.has(words[0]) || sectorOf([words[0]]))) return false;
    return !lookupWord(ctx, t.replace(/['’]s$/, ''));
  });
  const orgLike = prefix.some((_, k) => ORG_WORDS.test(doc.textOf(s + k)));
  const person = nameLike && !orgLike && !plural && !outletHead;
  // "the top U.S. diplomat" names one known person by role; "a senior official" hides one
  const definiteRole = words[0] === 'the' && !plural && prefix.includes('top');
  const anonymousNow = anonymous && !nameLike && !definiteRole;

  // the phrase is just the mention ("Iran", "the Kremlin"): its KB actor speaks
  const onlyMention = entryMention && words.slice(0, entryMention.start - s).every((w) => w === 'the') && entryMention.end === e;
  if (onlyMention && entryMention) {
    const r = actorRef(doc, entryMention);
    const ref: ActorRef = entry && entry !== entryMention.entry
      ? { actor: entry.id, text: r.text, code: entry.code, country: entry.country, org: entry.org, ...(entry.sector ? { sector: entry.sector } : {}) }
      : r;
    return { ...base, ref, anonymous: false, person: false, plural: false, pronoun: false, medium };
  }
  // a person named again by surname ("Rubio" after "U.S. Secretary of State Marco Rubio") keeps what was known
  if (person && !entry) {
    let li = e - 1;
    while (li > s && !isCap(doc.textOf(li))) li--;
    const last = doc.textOf(li);
    const earlier = [...history.speakers].reverse().find((sp) => sp.person && sp.ref && (sp.ref.country || sp.ref.sector) && sp.token < s && sp.text.split(/\s+/).pop() === last);
    if (earlier?.ref) {
      return { ...base, ref: { ...earlier.ref, text }, anonymous: false, person: true, plural: false, pronoun: false, medium };
    }
  }
  // "the officials" after "Iraqi officials": the same unnamed sources, so the same country
  if (anonymousNow && !entry && (words[0] === 'the' || words[0] === 'these' || words[0] === 'those')) {
    const earlier = [...history.speakers].reverse().find((sp) => sp.anonymous && sp.ref?.country && sp.token < s && sp.text.toLowerCase().endsWith(headWord));
    if (earlier?.ref) return { ...base, ref: { ...earlier.ref, text }, anonymous: true, person: false, plural, pronoun: false, medium };
  }
  const country = entry?.country ?? null;
  const org = entry?.org ?? null;
  const code = country ? `${country}${sector ?? ''}` : entry && org ? entry.code : null;
  const ref: ActorRef = {
    actor: null,
    text,
    code: code || null,
    country,
    org,
    ...(sector ? { sector } : {}),
  };
  return { ...base, ref, anonymous: anonymousNow, person, plural, pronoun: false, medium };
}

function antecedent(doc: Doc, ctx: ExtractContext, at: number, p: string, history: AntecedentHistory): SpeakerInfo | undefined {
  const ok = (sp: SpeakerInfo): boolean => {
    if (sp.pronoun && !sp.ref) return false;
    if (p === 'he' || p === 'she') return sp.person && !sp.plural;
    if (p === 'they' || p === 'we') return sp.plural || !sp.person;
    if (p === 'it') return !sp.person && !sp.plural;
    return sp.person;
  };
  let best: SpeakerInfo | undefined;
  for (const sp of history.speakers) if (sp.token < at && ok(sp) && (!best || sp.token > best.token)) best = sp;
  // a sentence subject nearer than the last speaker, in an earlier sentence, is the likelier "he"
  for (const sp of history.subjects ?? []) {
    if (sp.token < at && ok(sp) && (!best || sp.token > best.token) && doc.sentenceOf(sp.token) < doc.sentenceOf(at)) best = sp;
  }
  // a person mention from the actor stage in a later sentence than that wins; within a sentence the first
  // (the subject, usually) rather than the nearest
  const bestSentence = best ? doc.sentenceOf(best.token) : -1;
  let mentionSentence = -1;
  if (p === 'he' || p === 'she' || p === 'they' || p === 'it') {
    for (const m of ctx.mentions) {
      if (m.end > at || !m.entry) continue;
      if (history.inQuote?.(m.start)) continue;
      // a name inside an earlier speaker's description ("who held Palmer's post") is not who is speaking now
      if (history.speakers.some((sp) => !sp.pronoun && doc.start[m.start] >= sp.start && doc.end[m.end - 1] <= sp.end)) continue;
      if (m.end < doc.length && /^['’]s$/.test(doc.textOf(m.end))) continue;
      const isPerson = m.type === 'PERSON' || m.entry.kind === 'person';
      const fits = p === 'he' || p === 'she' ? isPerson : p === 'it' ? !isPerson && m.type !== 'NORP' : !isPerson;
      if (!fits || p === 'they' || p === 'it') continue; // countries named in passing are weak antecedents for "they"/"it"
      const ms = doc.sentenceOf(m.start);
      if (ms <= bestSentence || ms < mentionSentence || (ms === mentionSentence && best && best.token < m.start)) continue;
      mentionSentence = ms;
      best = {
        ref: actorRef(doc, m), anonymous: false, start: doc.start[m.start], end: doc.end[m.end - 1],
        text: doc.text.slice(doc.start[m.start], doc.end[m.end - 1]), person: isPerson, plural: false, pronoun: false, token: m.start,
      };
    }
  }
  return best;
}
