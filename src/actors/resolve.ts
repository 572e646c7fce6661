// Finds actor mentions (knowledge-base aliases, NER spans, pronouns, "the official"-style nominals and "the two
// sides"-style pairs) and resolves each to an actor using the article's date: titles and appositives, possessives,
// demonym + noun phrases, anonymous officials and in-article coreference. Token-level heuristics first; the
// dependency parse, when the Doc has one, adds appositions and subject salience.
import { NER_TYPES, UPOS_TAGS, type Doc } from '../text/doc.js';
import type { MentionType } from '../schema/extraction.js';
import { normWord, validOn, type KbEntry, type KbNoun, type KnowledgeBase } from './kb.js';

/** The actor a mention refers to: a KB entry's identity without its kind and dates, since the date picked the
 *  spell already. `id` is stable across articles for the same KB entity (and sector); `kbId` is the entry's id. */
export interface ResolvedActor extends Omit<KbEntry, 'kind' | 'start' | 'end'> {
  kbId?: string;
}

export interface ResolvedMention {
  /** Token range [start, end). */
  start: number;
  end: number;
  type: MentionType;
  actor?: ResolvedActor;
  /** How the actor was found (for explanations and tests): kb, title, appositive, noun, coref, surname, ... */
  how?: string;
}

const KIND_RANK: Record<string, number> = { person: 0, group: 1, igo: 2, metonym: 3, country: 4, demonym: 5, capital: 6 };
const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'across', 'throughout', 'within', 'around', 'outside', 'into', 'across']);
const PRONOUNS_PERSON = new Set(['he', 'she']);
const PRONOUNS_GROUP = new Set(['they']);
const IT_VERBS = /^(said|says|would|will|has|had|could|should|must|wants|plans|added|denied|rejected|warned|announced|accused|called|urged|launched|struck|agreed|insisted|vowed|threatened|demanded|refused|claimed|stopped|began)$/;
const FORMER = new Set(['former', 'ex-', 'then', 'late', 'ousted', 'exiled']);
// "-backed", "-led": the actor is the prefix ("Emirati-backed" → UAE)
const AFFIX = /^(.+?)-(backed|led|brokered|allied|aligned|supported|funded|sponsored|made|based|controlled|held|run|occupied|owned)$/i;

// Adjectives that may stand inside a title ("a Turkish presidential foreign policy adviser"); verbs ("welcomed")
// must not, or the subject of a sentence would become a title's country.
const TITLE_ADJ = /^[a-z][a-z-]*(al|ial|ary|ic|ive|ian|ish|ese|ern|ior|ate|ant|ent)$/;
function skippable(kb: KnowledgeBase, w: string, word: string): boolean {
  return kb.modifiers.has(w) || FORMER.has(w) || (TITLE_ADJ.test(w) && !kb.lookup([word]));
}

function slug(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function mentionTypeOf(e: KbEntry): MentionType {
  switch (e.kind) {
    case 'country':
    case 'capital':
      return 'GPE';
    case 'demonym':
      return 'NORP';
    case 'person':
      return 'PERSON';
    case 'metonym':
      return /\b(House|Palace|Street|Kremlin|Pentagon|Elys|Bottom|Hill|Whitehall|Zhongnanhai|Office|Bankova)/.test(e.name) ? 'FAC' : 'GPE';
    default:
      return 'ORG';
  }
}

/** Per-sentence word views: base form (possessive and "-backed" stripped) for KB lookups, lowercase for nouns. */
interface SentView {
  start: number;
  words: string[];
  base: string[];
  lower: string[];
  /** token is "'s" or ends with it */
  poss: boolean[];
}

function view(doc: Doc, s: number): SentView {
  const sp = doc.sentence(s);
  const words = sp.words().map(normWord);
  const poss: boolean[] = [];
  const base = words.map((w) => {
    const p = /^(.+?)'s?$/.exec(w);
    if (w === "'s" || w === "'") { poss.push(true); return w; }
    if (p && (w.endsWith("'s") || /s'$/.test(w))) { poss.push(true); return p[1]; }
    poss.push(false);
    const a = AFFIX.exec(w);
    return a ? a[1] : w;
  });
  return { start: sp.start, words, base, lower: base.map((w) => w.toLowerCase()), poss };
}

/** An anonymous role mention ("North Korea's envoy"): a person named later with the bare title may be it. */
interface RoleMention {
  family: string;
  actor: ResolvedActor;
  sentence: number;
}

interface Ctx {
  doc: Doc;
  /** the last two-party context: two actors coordinated or facing each other in one sentence */
  pair?: [ResolvedMention, ResolvedMention];
  /** the same for two people ("the two leaders") */
  pairPeople?: [ResolvedMention, ResolvedMention];
  roles: RoleMention[];
  /** doc.head/deprel are set (the parser ran) */
  hasDeps: boolean;
  kb: KnowledgeBase;
  date: string | undefined;
  out: ResolvedMention[];
  /** surname (lowercase) → actor of an earlier full-name mention in this article */
  surnames: Map<string, ResolvedActor>;
  hasNer: boolean;
  /** doc.upos is set (the POS tagger ran) */
  hasPos: boolean;
}

function chooseSpell(spells: readonly KbEntry[], date: string | undefined): { e: KbEntry; valid: boolean } {
  if (date) {
    const valid = spells.filter((e) => validOn(e, date));
    if (valid.length) return { e: valid[0], valid: true };
    // most recent spell that ended before the date (or the earliest one if all are later)
    const before = spells.filter((e) => (e.start ?? '') <= date).sort((a, b) => ((a.end ?? '9999') < (b.end ?? '9999') ? 1 : -1));
    return { e: before[0] ?? spells[0], valid: false };
  }
  const open = spells.filter((e) => !e.end);
  if (open.length) return { e: open[0], valid: true };
  return { e: [...spells].sort((a, b) => ((a.end ?? '') < (b.end ?? '') ? 1 : -1))[0], valid: true };
}

function entryActor(e: KbEntry, sector?: string, valid = true): ResolvedActor {
  // user dictionaries (PETRARCH or Parley JSON) give the code to use verbatim
  if (e.id.startsWith('D:') || e.id.startsWith('U:')) {
    return { id: e.code || e.id, name: e.name, code: e.code, country: e.country, org: e.org, sector: e.sector, ...(e.role ? { role: e.role } : {}), kbId: e.id };
  }
  if (e.kind === 'person') {
    const sec = valid ? e.sector : 'ELI';
    const code = valid ? e.code : `${e.country ?? (e.org ? 'IGO' : '')}ELI`;
    return { id: e.id, name: e.name, code, country: e.country, org: e.org, sector: sec, ...(valid && e.role ? { role: e.role } : {}), kbId: e.id };
  }
  if (e.kind === 'igo') return { id: e.id, name: e.name, code: e.code, country: null, org: e.org, sector: 'IGO', kbId: e.id };
  if (e.kind === 'group') return { id: e.id, name: e.name, code: e.code, country: e.country, org: e.org, sector: e.sector, kbId: e.id };
  return countryActor(e.country ?? e.id, e.name, sector ?? (e.sector || 'GOV'), e.kind === 'country' || e.kind === 'demonym' || e.kind === 'capital' ? e.country ?? e.id : e.id);
}

function countryActor(iso: string, name: string, sector: string, kbId: string): ResolvedActor {
  const code = `${iso}${sector}`;
  return { id: code, name: sector ? `${name} (${sector})` : name, code, country: iso, org: null, sector, kbId };
}

/** Candidate entries of a KB match, best first, with the spell valid on the date. */
function rankEntries(entries: readonly KbEntry[], date: string | undefined): { e: KbEntry; valid: boolean }[] {
  const byId = new Map<string, KbEntry[]>();
  for (const e of entries) {
    const k = `${e.kind}\u0000${e.id}`;
    const l = byId.get(k);
    if (l) l.push(e);
    else byId.set(k, [e]);
  }
  const picks = [...byId.values()].map((spells) => chooseSpell(spells, date));
  return picks.sort((a, b) => (a.valid === b.valid ? (KIND_RANK[a.e.kind] ?? 9) - (KIND_RANK[b.e.kind] ?? 9) : a.valid ? -1 : 1));
}

/** Longest role noun phrase ending just before token `end` (exclusive) in the sentence: [startIndex, noun]. */
function nounEndingAt(kb: KnowledgeBase, v: SentView, end: number): [number, KbNoun] | undefined {
  for (let n = Math.min(kb.maxNounTokens, end); n >= 1; n--) {
    const phrase = v.lower.slice(end - n, end).join(' ');
    const noun = kb.noun(phrase);
    if (noun) return [end - n, noun];
  }
  return undefined;
}

/** Longest role noun phrase starting at token `start`: [endIndex, noun]. */
function nounStartingAt(kb: KnowledgeBase, v: SentView, start: number): [number, KbNoun] | undefined {
  for (let n = Math.min(kb.maxNounTokens, v.lower.length - start); n >= 1; n--) {
    const phrase = v.lower.slice(start, start + n).join(' ');
    const noun = kb.noun(phrase);
    if (noun) return [start + n, noun];
  }
  return undefined;
}

interface Anchor {
  /** country/org actor the title names */
  where?: ResolvedActor;
  noun?: KbNoun;
  former: boolean;
  /** token range (sentence-relative) covered by the title words */
  from: number;
  to: number;
}

/** A KB country/org/group match that ends exactly at `end` (sentence-relative, exclusive). */
function whereEndingAt(ctx: Ctx, v: SentView, end: number): [number, ResolvedActor] | undefined {
  for (let n = Math.min(ctx.kb.maxTokens, end); n >= 1; n--) {
    const hit = ctx.kb.lookup(v.base.slice(end - n, end));
    if (!hit) continue;
    const best = rankEntries(hit.filter((e) => e.kind !== 'person'), ctx.date)[0];
    if (best) return [end - n, entryActor(best.e, best.e.sector || undefined, best.valid)];
  }
  return undefined;
}

/** Reads a title before a name: "[Country]['s] [modifiers] ROLE [,] NAME". `end` is the name's first token. */
function titleBefore(ctx: Ctx, v: SentView, end: number, nameEnd = end): Anchor | undefined {
  let j = end;
  if (j > 0 && v.words[j - 1] === ',') j--;
  let nounHit = nounEndingAt(ctx.kb, v, j);
  if (!nounHit || !nounHit[1].person) {
    // the title is part of the KB alias ("Crown Prince Mohammed bin Salman", "King Salman")
    const inside = nounStartingAt(ctx.kb, v, end);
    if (!inside || !inside[1].person || inside[0] >= nameEnd) return undefined;
    nounHit = [end, inside[1]];
  }
  let k = nounHit[0];
  let former = false;
  for (let skipped = 0; k > 0 && skipped < 4 && skippable(ctx.kb, v.lower[k - 1], v.base[k - 1]); skipped++) {
    if (FORMER.has(v.lower[k - 1])) former = true;
    k--;
  }
  // "foreign ministry spokesman", "White House press secretary": an institution noun before the role
  const inst = nounEndingAt(ctx.kb, v, k);
  if (inst && !inst[1].person) {
    k = inst[0];
    while (k > 0 && skippable(ctx.kb, v.lower[k - 1], v.base[k - 1])) k--;
  }
  if (k > 0 && v.words[k - 1] === "'s") k--;
  let w = whereEndingAt(ctx, v, k);
  if (w && w[1].org && !w[1].country) {
    // "British Deputy U.N. Ambassador": a country further left is the person's own; the IGO names the post
    let k2 = w[0];
    while (k2 > 0 && (ctx.kb.modifiers.has(v.lower[k2 - 1]) || FORMER.has(v.lower[k2 - 1]))) k2--;
    if (k2 > 0 && v.words[k2 - 1] === "'s") k2--;
    const w2 = whereEndingAt(ctx, v, k2);
    if (w2 && w2[1].country) w = w2;
  }
  if (w) {
    let from = w[0];
    // "former Turkish ambassador"
    if (FORMER.has(v.lower[from - 1] ?? '') || FORMER.has(v.lower[from - 2] ?? '')) former = true;
    if (from > 0 && (v.lower[from - 1] === 'the')) from--;
    return { where: w[1], noun: nounHit[1], former, from, to: end };
  }
  return { noun: nounHit[1], former, from: k, to: end };
}

/** Reads an appositive after a name: "NAME, [the] [Country]['s] [modifiers] ROLE". `start` is after the name. */
function titleAfter(ctx: Ctx, v: SentView, start: number): Anchor | undefined {
  if (v.words[start] !== ',') return undefined;
  let k = start + 1;
  if (v.lower[k] === 'the' || v.lower[k] === 'a' || v.lower[k] === 'an') k++;
  let where: ResolvedActor | undefined;
  let former = false;
  while (k < v.lower.length && FORMER.has(v.lower[k])) { former = true; k++; }
  // country words first ("Oman's foreign minister", "the Iranian foreign minister")
  for (let n = Math.min(ctx.kb.maxTokens, v.base.length - k); n >= 1; n--) {
    const hit = ctx.kb.lookup(v.base.slice(k, k + n));
    if (!hit) continue;
    const best = rankEntries(hit.filter((e) => e.kind !== 'person'), ctx.date)[0];
    if (best) {
      where = entryActor(best.e, best.e.sector || undefined, best.valid);
      k += n;
      if (v.words[k] === "'s") k++;
      break;
    }
  }
  for (let skipped = 0; k < v.lower.length && skipped < 4 && skippable(ctx.kb, v.lower[k], v.base[k]) && !ctx.kb.noun(v.lower[k])?.person; skipped++) {
    if (FORMER.has(v.lower[k])) former = true;
    k++;
  }
  let nounHit = nounStartingAt(ctx.kb, v, k);
  // inside an appositive a few more lowercase words may precede the role ("presidential foreign policy adviser")
  for (let j = k + 1; j <= k + 4 && (!nounHit || !nounHit[1].person) && /^[a-z-]+$/.test(v.words[j - 1] ?? ''); j++) {
    nounHit = nounStartingAt(ctx.kb, v, j);
  }
  if (!nounHit || !nounHit[1].person) return undefined;
  // the head of the title is its last noun: "U.S. deputy U.N. ambassador" is an ambassador, not a deputy
  for (let j = nounHit[0]; j < Math.min(v.lower.length, nounHit[0] + 4) && !/^[,.;:()"]$/.test(v.words[j]); j++) {
    const later = nounStartingAt(ctx.kb, v, j);
    if (later?.[1].person) { nounHit = later; j = later[0] - 1; }
  }
  let to = nounHit[0];
  // "foreign minister of Oman"
  if (!where && v.lower[to] === 'of') {
    const after = ctx.kb.matchAll(v.base.slice(to + 1, to + 1 + ctx.kb.maxTokens));
    if (after.length && after[0].start === 0) {
      const best = rankEntries(after[0].entries.filter((e) => e.kind !== 'person'), ctx.date)[0];
      if (best) {
        where = entryActor(best.e, best.e.sector || undefined, best.valid);
        to = to + 1 + after[0].end;
      }
    }
  }
  return { where, noun: nounHit[1], former, from: start, to };
}

function withSector(a: ResolvedActor, sector: string, role?: string, agentCode?: string): ResolvedActor {
  if (a.country && !a.org && (a.kbId === a.country || a.id === a.code || a.kbId?.startsWith('D:'))) {
    const base = countryActor(a.country, a.name.replace(/ \([A-Z]+\)$/, ''), sector, a.kbId ?? a.country);
    if (agentCode) {
      // PETRARCH agents compose with the actor's code: '~GOV' after it (DAGGOV), 'NGO~' before it (NGOARN)
      const own = a.code.length === 3 ? a.code : a.country;
      base.code = agentCode.endsWith('~') ? `${agentCode.slice(0, -1)}${own}` : `${own}${agentCode}`;
      base.id = base.code;
    }
    // a state-level actor (IRNGOV) is shared by every mention of it: a role noun of one mention is not its role
    return agentCode && !agentCode.endsWith('~') && role ? { ...base, role } : base;
  }
  return a;
}

/** Actor for a named person not in the KB (or out of office) from the title words around it. */
function personFromTitle(name: string, t: Anchor): ResolvedActor | undefined {
  if (!t.where) return undefined;
  const sector = t.former ? 'ELI' : t.where.org && !t.where.country ? 'IGO' : t.noun ? t.noun.sector : 'GOV';
  const code = t.where.country
    ? `${t.where.country}${t.noun?.code && !t.noun.code.endsWith('~') ? t.noun.code : sector}`
    : t.where.code;
  return {
    id: `X:${slug(name)}`, name, code, country: t.where.country, org: t.where.org, sector,
    ...(t.noun ? { role: t.noun.role } : {}),
  };
}

/** Character end of a mention: a possessive "'s" or an "-backed"-style suffix inside its last token is left out. */
export function mentionCharEnd(doc: Doc, start: number, end: number): number {
  const last = normWord(doc.textOf(end - 1));
  const e = doc.end[end - 1];
  if (end - start === 1 && AFFIX.test(last)) return doc.start[end - 1] + (AFFIX.exec(last)?.[1].length ?? last.length);
  return last.length > 2 && /'s$/.test(last) ? e - 2 : e;
}

export interface ResolveOptions {
  /** YYYY-MM-DD; validity dates of offices are checked against it. */
  date?: string;
}

/** Finds and resolves actor mentions in a tokenized, sentence-split Doc (uses doc.ner when the 'ner' layer is set). */
export function resolveMentions(doc: Doc, kb: KnowledgeBase, opts: ResolveOptions = {}): ResolvedMention[] {
  const ctx: Ctx = {
    doc, kb, date: opts.date, out: [], surnames: new Map(), roles: [],
    hasNer: doc.layers.has('ner'), hasPos: doc.layers.has('pos'), hasDeps: doc.layers.has('deps'),
  };
  for (let s = 0; s < doc.sentenceCount; s++) resolveSentence(ctx, s);
  return ctx.out;
}

function nerSpans(doc: Doc, from: number, to: number): [number, number, MentionType][] {
  const out: [number, number, MentionType][] = [];
  let start = -1, type = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? doc.ner[i] : 0;
    const t = c === 0 ? -1 : (c - 1) >> 1;
    const isB = c !== 0 && c % 2 === 1;
    if (start >= 0 && (c === 0 || isB || t !== type)) {
      out.push([start - from, i - from, NER_TYPES[type]]);
      start = -1;
    }
    if (c !== 0 && start < 0) { start = i; type = t; }
  }
  return out;
}

interface Cand {
  start: number;
  end: number;
  type: MentionType;
  entries?: KbEntry[];
  ner: boolean;
}

function resolveSentence(ctx: Ctx, s: number): void {
  const { doc, kb } = ctx;
  const v = view(doc, s);
  const n = v.words.length;
  // 1. candidates: KB matches and NER spans; overlapping ones are merged, the longer span winning
  const cands: Cand[] = [];
  for (const m of kb.matchAll(v.base)) {
    const best = rankEntries(m.entries, ctx.date)[0];
    if (!best) continue;
    // a lone capitalised person alias needs NER agreement or an earlier full mention (common surnames are words too)
    if (best.e.kind === 'person' && m.end - m.start === 1 && (ctx.hasNer || ctx.hasPos)) {
      const tok = v.start + m.start;
      const tagged = ctx.hasNer && doc.ner[tok] !== 0 && NER_TYPES[(doc.ner[tok] - 1) >> 1] === 'PERSON';
      // with the tagger's parts of speech, a proper noun is enough
      const propn = ctx.hasPos && UPOS_TAGS[doc.upos[tok]] === 'PROPN';
      if (!tagged && !propn && !ctx.surnames.has(v.lower[m.start])) continue;
    }
    if (!/^\p{Lu}|^\d/u.test(v.base[m.start]) && best.e.kind !== 'igo') continue;
    // "European Council on Foreign Relations": an organisation's name inside a longer name is not that organisation
    if ((best.e.kind === 'igo' || best.e.kind === 'group') && /^(on|for|of)$/.test(v.lower[m.end] ?? '') && /^\p{Lu}/u.test(v.words[m.end + 1] ?? '')) continue;
    cands.push({ start: m.start, end: m.end, type: mentionTypeOf(best.e), entries: m.entries, ner: false });
  }
  if (ctx.hasNer) {
    for (const [a, b0, type0] of nerSpans(doc, v.start, v.start + n)) {
      let type = type0;
      let a2 = a, b = b0;
      // a name does not end in a lower-case word ("Erdogan has" is a tagger slip)
      while (b > a2 + 1 && /^\p{Ll}+$/u.test(v.words[b - 1])) b--;
      // a determiner tagged into an entity ("The Ukrainians") is not part of the name
      while (a2 < b - 1 && /^(the|a|an)$/.test(v.lower[a2])) a2++;
      // "Iran's Revolutionary Guards": the possessor is its own mention
      for (let k = b - 2; k >= a2; k--) {
        if (v.poss[k]) { a2 = k + 1; break; }
      }
      // titles tagged inside a PERSON span ("President Putin") are moved out of it
      // and so are country words before them ("South Korean Ambassador Joonkook Hwang")
      const titleWord = (k: number): boolean => !!kb.noun(v.lower[k])?.person || kb.modifiers.has(v.lower[k])
        || cands.some((c) => !c.ner && c.start <= k && k < c.end && !!c.entries?.some((e) => e.kind === 'demonym' || e.kind === 'country'));
      let t = a2;
      while (t < b - 1 && titleWord(t)) t++;
      // only when a title noun was among them: "Korean" alone may be part of a name; a span of another type
      // ("Ambassador Song Kim" or "Korean Ambassador Joonkook Hwang" tagged as an organisation) is a person when
      // two or more capitalised words follow the title and the whole is no KB name
      const titled = t > a2 && v.lower.slice(a2, t).some((w) => kb.noun(w)?.person);
      if (titled && (type === 'PERSON' || (b - t >= 2 && v.words.slice(t, b).every((w) => /^\p{Lu}/u.test(w)) && !kb.lookup(v.base.slice(a2, b))))) {
        a2 = t;
        type = 'PERSON';
      } else if (type === 'PERSON') {
        while (a2 < b - 1 && (kb.noun(v.lower[a2])?.person || kb.modifiers.has(v.lower[a2]))) a2++;
      }
      const overl = cands.filter((c) => c.start < b && a2 < c.end);
      if (overl.some((c) => c.end - c.start >= b - a2)) continue;
      for (const c of overl) cands.splice(cands.indexOf(c), 1);
      const hit = kb.lookup(v.base.slice(a2, b));
      cands.push({ start: a2, end: b, type: hit ? mentionTypeOf(rankEntries(hit, ctx.date)[0].e) : type, entries: hit, ner: true });
    }
  }
  addNameCandidates(ctx, v, cands);
  cands.sort((x, y) => x.start - y.start);

  // 2. resolve each candidate
  const absorbed = new Set<Cand>();
  const resolved: ResolvedMention[] = [];
  let sharedAgent: { noun: KbNoun; end: number } | undefined;
  for (const c of cands) {
    if (absorbed.has(c)) continue;
    const name = v.base.slice(c.start, c.end).join(' ').replace(/ ([.,])/g, '$1');
    let actor: ResolvedActor | undefined;
    let how = 'kb';
    const ranked = c.entries ? rankEntries(c.entries, ctx.date) : [];
    const isPerson = c.type === 'PERSON' || ranked[0]?.e.kind === 'person';
    if (isPerson) {
      const tb = titleBefore(ctx, v, c.start, c.end);
      let ta = titleAfter(ctx, v, c.end);
      // the parse finds appositions the surface patterns miss ("X, who is now Y's envoy" aside, "X, U.S. envoy to Y")
      if (!tb?.where && !ta?.where && ctx.hasDeps) ta = titleFromParse(ctx, v, c.start, c.end) ?? ta;
      const title = tb?.where ? tb : ta?.where ? ta : tb ?? ta;
      let pick = ranked.find((r) => r.e.kind === 'person' && (!title?.where?.country || r.e.country === title.where.country || !r.valid));
      pick = pick ?? ranked.find((r) => r.e.kind === 'person');
      const surname = v.lower[c.end - 1];
      if (!pick || !pick.valid) {
        // a surname-only repeat of someone named earlier in the article
        const earlier = ctx.surnames.get(surname);
        if (earlier && (c.end - c.start === 1 || !pick)) { actor = earlier; how = 'surname'; }
      }
      if (!actor && !pick && c.end - c.start > 1) {
        // a variant spelling of a KB person's full name: same surname, and the title (if any) agrees
        const bySurname = kb.surnames.get(surname);
        const r = bySurname ? rankEntries(bySurname, ctx.date).filter((x) => x.valid && (!title?.where?.country || x.e.country === title.where.country)) : [];
        if (r.length === 1) { pick = r[0]; how = 'surname'; }
      }
      if (!actor && pick) {
        actor = entryActor(pick.e, undefined, pick.valid && !title?.former);
        if (!pick.valid && title?.where && !title.former) actor = { ...actor, ...(title.noun ? { role: title.noun.role } : {}) };
        if (how === 'kb' && title) how = title === tb ? 'kb+title' : 'kb+appositive';
      }
      if (!actor && title) {
        actor = personFromTitle(name, title);
        if (actor) how = title === tb ? 'title' : 'appositive';
      }
      if (!actor && title?.noun && !title.where) {
        // "North Korea's envoy defended ... ," Ambassador Song Kim said": the bare title names that envoy
        const fam = roleFamily(title.noun.role);
        const role = [...ctx.roles].reverse().find((r) => r.family === fam && r.sentence >= s - 2);
        if (role) {
          const where = countryActor(role.actor.country!, role.actor.country!, '', role.actor.country!);
          actor = personFromTitle(name, { ...title, where });
          if (actor) how = 'title-role';
        }
      }
      if (!actor && title?.noun && !title.where) {
        // a title without a country inside a list ("the Ukrainian delegation includes ...; and military commander
        // Pavlo Palisa"): the nearest actor earlier in the same sentence gives the country
        const near = [...resolved].reverse().find((r) => r.actor && r.actor.country && r.end <= c.start);
        if (near?.actor) {
          const where = countryActor(near.actor.country!, near.actor.country!, '', near.actor.country!);
          actor = personFromTitle(name, { ...title, where });
          if (actor) how = 'title-in-list';
        }
      }
      if (title?.where) {
        // the country or organisation inside the title is part of this mention's description, not its own actor
        for (const o of cands) if (o !== c && o.start >= title.from && o.end <= title.to && o.start < c.start) absorbed.add(o);
        for (const o of cands) if (o !== c && title === ta && o.start >= title.from && o.end <= title.to && o.start >= c.end) absorbed.add(o);
      }
      if (actor) {
        const toks = name.split(' ');
        if (toks.length > 1) ctx.surnames.set(normWord(toks[toks.length - 1]).toLowerCase(), actor);
      }
      // the mention is the name: a title inside the alias ("King Salman") stays out of the span
      const inside = nounStartingAt(kb, v, c.start);
      const ms = inside && inside[1].person && inside[0] < c.end ? inside[0] : c.start;
      resolved.push({ start: ms, end: c.end, type: 'PERSON', ...(actor ? { actor } : {}), how });
      continue;
    }
    const best = ranked[0];
    if (best) {
      const e = best.e;
      const countryLike = e.kind === 'country' || e.kind === 'demonym' || e.kind === 'capital' || e.kind === 'metonym';
      // "soldiers from Gondor", "the government of Gondor", "lawmakers in Fornost": the agent noun before the
      // preposition says which part of the state acts (PETRARCH's AGENT of COUNTRY); after "in" only when no other
      // actor owns the noun ("Russian soldiers in Ukraine" are Russia's)
      const prep = v.lower[c.start - 1];
      if (countryLike && (prep === 'of' || prep === 'from' || prep === 'in') && !(e.id.startsWith('D:') && e.sector)) {
        const nh = nounEndingAt(kb, v, c.start - 1);
        const lead = nh && v.lower[nh[0] - 1] === 'the' ? nh[0] - 1 : nh?.[0];
        const owned = lead !== undefined && cands.some((o) => o !== c && o.end === lead);
        if (nh && !(prep === 'in' && owned) && !(prep === 'of' && owned)) {
          const agent = withSector(entryActor(e, undefined, best.valid), nh[1].sector, nh[1].role, nh[1].code);
          resolved.push({ start: nh[0], end: c.end, type: c.type, actor: agent, how: 'agent-of' });
          sharedAgent = { noun: nh[1], end: c.end };
          continue;
        }
      }
      // "the ambassadors of Arnor, Osgiliath and Gondor": the agent covers every country joined to the first
      const gap = sharedAgent ? v.lower.slice(sharedAgent.end, c.start) : [];
      if (countryLike && sharedAgent && gap.length > 0 && gap.length <= 2 && gap.every((w) => w === ',' || w === 'and' || w === 'or')) {
        const agent = withSector(entryActor(e, undefined, best.valid), sharedAgent.noun.sector, sharedAgent.noun.role, sharedAgent.noun.code);
        resolved.push({ start: c.start, end: c.end, type: c.type, actor: agent, how: 'agent-of' });
        sharedAgent = { ...sharedAgent, end: c.end };
        continue;
      }
      sharedAgent = undefined;
      // "in Kabul", "across Iran": a place, not an actor
      const prev = v.lower[c.start - 1];
      const locative = (w: string): boolean => LOCATIVE.has(w) && (e.kind !== 'country' || (w !== 'at' && w !== 'into'));
      if (countryLike && prev && (locative(prev) || (prev === 'the' && locative(v.lower[c.start - 2] ?? '')))) {
        resolved.push({ start: c.start, end: c.end, type: c.type, how: 'place' });
        continue;
      }
      actor = entryActor(e, undefined, best.valid);
      if (countryLike || (e.kind === 'igo')) {
        // what follows says which part of the state acts: "Iran's foreign ministry", "Israeli strikes"
        let k = c.end;
        if (v.words[k] === "'s" || v.poss[c.end - 1]) k += v.words[k] === "'s" ? 1 : 0;
        const afterPoss = k;
        let skipped = 0;
        // "South Korea's national defense ministry": modifiers and adjectives may stand before the noun
        let nh = nounStartingAt(kb, v, k);
        while (!nh && k < n && skipped < 3 && skippable(kb, v.lower[k], v.base[k])) { k++; skipped++; nh = nounStartingAt(kb, v, k); }
        // the head of a title is its last noun ("deputy foreign minister")
        for (let j = nh?.[0] ?? n; nh?.[1].person && j < Math.min(n, nh[0] + 3) && /^[a-z][a-z-]*$/.test(v.words[j]); j++) {
          const later = nounStartingAt(kb, v, j);
          if (later?.[1].person) { nh = later; j = later[0] - 1; }
        }
        if (nh) {
          // a title followed by a name: the country belongs to that person's title (handled with the person)
          const end = nh[0];
          const nextIsName = cands.some((o) => o.start === end || (v.words[end] === ',' && o.start === end + 1));
          if (nh[1].person && nextIsName) continue;
          if (countryLike && (e.kind !== 'metonym' || !e.sector) && !(e.id.startsWith('D:') && e.sector)) {
            const former = v.lower.slice(afterPoss, k).some((w) => FORMER.has(w));
            actor = withSector(actor, former ? 'ELI' : nh[1].sector, nh[1].role, former ? undefined : nh[1].code);
          }
          how = 'noun';
          if (nh[1].person && actor.country) ctx.roles.push({ family: roleFamily(nh[1].role), actor, sentence: s });
        } else if (e.kind === 'demonym' && /s$/.test(v.base[c.end - 1]) && !/ese$|ss$/.test(v.lower[c.end - 1])) {
          // "Iranians", "Palestinians": people, not the state
          actor = withSector(actor, 'CVL');
          how = 'people';
        }
      }
      // a prefix agent of a PETRARCH dictionary right before the actor ("MSF Arnor" → NGOARN)
      const pre = countryLike ? nounEndingAt(kb, v, c.start) : undefined;
      if (pre?.[1].code?.endsWith('~') && actor?.country) {
        const code = `${pre[1].code.slice(0, -1)}${actor.code}`;
        resolved.push({ start: pre[0], end: c.end, type: c.type, actor: { ...actor, code, id: code }, how: 'agent-prefix' });
        continue;
      }
      // a PETRARCH dictionary codes some people with their country ("ROMENDACIL [BRE]"): a title before the name
      // composes with it ("Bree Prime Minister Romendacil" → BREGOV), as a role noun after a country does
      if (pre?.[1].person && pre[1].code && how !== 'noun' && countryLike && e.id.startsWith('D:') && !e.sector && actor) {
        actor = withSector(actor, pre[1].sector, pre[1].role, pre[1].code);
        how = 'title';
      }
      resolved.push({ start: c.start, end: c.end, type: c.type, actor, how });
      continue;
    }
    // an NER span that the KB does not know: a country word inside or before it may still say who it is
    const inner = kb.matchAll(v.base.slice(c.start, c.end));
    let where: ResolvedActor | undefined;
    if (inner.length) {
      const r = rankEntries(inner[0].entries.filter((e) => e.kind === 'country' || e.kind === 'demonym'), ctx.date)[0];
      if (r) where = entryActor(r.e, r.e.sector || undefined, r.valid);
    } else if (c.start > 0) {
      const st = v.words[c.start - 1] === "'s" ? c.start - 1 : c.start;
      const w = whereEndingAt(ctx, v, st);
      if (w && (st < c.start || v.poss[c.start - 1])) where = w[1];
    }
    if (where && c.type === 'ORG') {
      const nh = nounEndingAt(kb, v, c.end);
      actor = nh ? withSector(where, nh[1].sector, nh[1].role) : where;
      how = 'org-in-country';
    }
    resolved.push({ start: c.start, end: c.end, type: c.type, ...(actor ? { actor } : {}), how });
  }

  // 3. pronouns and "the official"-style nominals refer back to the last compatible actor
  const final = resolved.filter((r) => !absorbed.has(cands.find((c) => c.end === r.end && c.start <= r.start) as Cand));
  const taken = new Set<number>();
  for (const r of final) for (let i = r.start; i < r.end; i++) taken.add(i);
  const extra: ResolvedMention[] = [];
  for (let i = 0; i < n; i++) {
    if (taken.has(i)) continue;
    const lw = v.lower[i];
    if (ctx.hasPos && (PRONOUNS_PERSON.has(lw) || PRONOUNS_GROUP.has(lw) || lw === 'it') && UPOS_TAGS[doc.upos[v.start + i]] !== 'PRON') continue;
    if (PRONOUNS_PERSON.has(lw)) {
      const ante = lastActor(ctx, final, v.start + i, (m) => m.type === 'PERSON');
      if (ante) extra.push({ start: i, end: i + 1, type: 'PERSON', actor: ante, how: 'coref' });
    } else if (lw === 'it' && (IT_VERBS.test(v.lower[i + 1] ?? '') || itProgressive(v, i))) {
      // "it" as the subject of a reporting or action verb: the last state or organisation acting, a subject first
      const ante = lastActor(ctx, final, v.start + i, (m) => m.type !== 'PERSON' && !!m.actor && m.actor.sector !== 'CVL', 2, true);
      if (ante) extra.push({ start: i, end: i + 1, type: 'ORG', actor: ante, how: 'coref' });
    } else if ((lw === 'both' || (lw === 'the' && v.lower[i + 1] === 'two')) && PAIR_NOUNS.has(v.base[lw === 'both' ? i + 1 : i + 2]?.toLowerCase() ?? '')) {
      // "the two sides", "both countries": the two parties of the latest two-party context
      const k = lw === 'both' ? i + 1 : i + 2;
      const noun = v.base[k].toLowerCase();
      const people = PAIR_PEOPLE.has(noun);
      const pair = findPair(ctx, final.filter((m) => m.end <= i), v.start, people) ?? (people ? ctx.pairPeople : ctx.pair);
      if (pair) {
        for (const m of pair) {
          const a = m.actor!;
          const state = STATE_NOUNS.has(noun) && a.country ? countryActor(a.country, a.country, 'GOV', a.country) : a;
          extra.push({ start: i, end: k + 1, type: people ? 'PERSON' : state.org && !state.country ? 'ORG' : 'GPE', actor: state, how: 'pair' });
        }
      }
      i = k;
    } else if (PRONOUNS_GROUP.has(lw)) {
      const ante = lastActor(ctx, final, v.start + i, (m) => m.type !== 'PERSON' && !!m.actor && m.actor.sector !== 'CVL');
      if (ante) extra.push({ start: i, end: i + 1, type: 'ORG', actor: ante, how: 'coref' });
    } else if (lw === 'the' && i + 1 < n) {
      const nh = nounStartingAt(kb, v, i + 1);
      if (!nh || !nh[1].person || /s$/.test(v.lower[nh[0] - 1])) continue;
      const next = v.words[nh[0]];
      // "the foreign minister, Badr al-Busaidi" or "the minister of ..." are titles, not back-references
      if (next === ',' || next === 'of' || (next && /^\p{Lu}/u.test(next)) || taken.has(nh[0])) continue;
      const role = nh[1].role;
      // "the spokesman" is the last spokesman named, however far back; "the official" the last person nearby
      const ante = lastActor(ctx, final, v.start + i, (m) => m.type === 'PERSON' && m.actor?.role === role, Infinity)
        ?? lastActor(ctx, final, v.start + i, (m) => m.type === 'PERSON' && !!m.actor && (role === 'official' || role === 'minister' || role === 'diplomat' || !m.actor.role));
      if (ante) extra.push({ start: i, end: nh[0], type: 'PERSON', actor: ante, how: 'coref' });
      i = nh[0] - 1;
    }
  }
  for (const r of [...final, ...extra].sort((a, b) => a.start - b.start)) {
    ctx.out.push({ ...r, start: r.start + v.start, end: r.end + v.start });
  }
  ctx.pair = findPair(ctx, final, v.start, false) ?? ctx.pair;
  ctx.pairPeople = findPair(ctx, final, v.start, true) ?? ctx.pairPeople;
}

const PAIR_PEOPLE = new Set(['leaders', 'presidents', 'men', 'women', 'ministers', 'heads']);
const STATE_NOUNS = new Set(['countries', 'nations', 'states', 'governments', 'neighbors', 'neighbours', 'capitals']);
const PAIR_NOUNS = new Set([...PAIR_PEOPLE, ...STATE_NOUNS, 'sides', 'parties', 'allies', 'rivals', 'foes', 'delegations', 'camps']);

/**
 * The two parties of a sentence's mentions (sentence-relative): two actors joined by "and" ("Egypt and Turkey",
 * "Pyongyang and Moscow's treaty"), else the last two distinct countries or organisations named.
 */
function findPair(ctx: Ctx, mentions: readonly ResolvedMention[], base: number, people: boolean): [ResolvedMention, ResolvedMention] | undefined {
  const key = (m: ResolvedMention): string => (people ? m.actor!.id : m.actor!.country ?? m.actor!.org ?? m.actor!.id);
  const ms = mentions.filter((m) => m.actor && m.how !== 'pair' && m.how !== 'place' && (people ? m.type === 'PERSON' : m.actor.sector !== 'CVL'));
  for (let k = ms.length - 1; k > 0; k--) {
    const a = ms[k - 1], b = ms[k];
    const between = [];
    for (let t = a.end; t < b.start; t++) between.push(ctx.doc.textOf(base + t).toLowerCase());
    if (between.join(' ') === 'and' && key(a) !== key(b)) return [a, b];
  }
  const last = new Map<string, ResolvedMention>();
  for (const m of ms) { last.delete(key(m)); last.set(key(m), m); }
  const distinct = [...last.values()];
  return distinct.length >= 2 ? [distinct[distinct.length - 2], distinct[distinct.length - 1]] : undefined;
}

// "it is also benefiting", "it has launched": a progressive or perfect verb after "it" (not "it is expected that")
function itProgressive(v: SentView, i: number): boolean {
  if (!/^(is|was|has|had)$/.test(v.lower[i + 1] ?? '')) return false;
  let k = i + 2;
  while (/^(also|still|now|not|already|reportedly|again)$/.test(v.lower[k] ?? '')) k++;
  return /[a-z](ing|ed)$/.test(v.lower[k] ?? '') && !/^(that|to|by)$/.test(v.lower[k + 1] ?? '');
}

/** True when the mention's head token (absolute range) is a clause subject in the parse. */
function isSubject(doc: Doc, start: number, end: number): boolean {
  for (let t = start; t < end; t++) {
    const h = doc.head[t];
    if (h >= start && h < end) continue;
    return doc.strings.get(doc.deprel[t]).startsWith('nsubj');
  }
  return false;
}

/**
 * The most recent resolved mention (this sentence first, then the previous `back` ones) that passes `ok`; with
 * `subjects` and a parse, a clause subject is preferred over a later non-subject (subjects stay in focus).
 */
function lastActor(ctx: Ctx, current: readonly ResolvedMention[], before: number, ok: (m: ResolvedMention) => boolean, back = 2, subjects = false): ResolvedActor | undefined {
  const sent = ctx.doc.sentenceOf(before);
  const base = ctx.doc.sentence(sent).start;
  const here = current.filter((m) => m.actor && ok(m) && m.end <= before - base);
  const subj = subjects && ctx.hasDeps;
  if (subj) {
    const s = here.filter((m) => isSubject(ctx.doc, m.start + base, m.end + base));
    if (s.length) return s[s.length - 1].actor;
  }
  if (here.length) return here[here.length - 1].actor;
  const firstTok = ctx.doc.sentStarts[Math.max(0, sent - back)] ?? 0;
  let fallback: ResolvedActor | undefined;
  for (let k = ctx.out.length - 1; k >= 0; k--) {
    const m = ctx.out[k];
    if (m.start < firstTok) break;
    if (!m.actor || !ok(m)) continue;
    if (!subj || isSubject(ctx.doc, m.start, m.end)) return m.actor;
    fallback ??= m.actor;
  }
  return fallback;
}

const ROLE_FAMILIES: Record<string, string> = { ambassador: 'envoy', envoy: 'envoy', diplomat: 'envoy', representative: 'envoy', 'permanent representative': 'envoy', 'special envoy': 'envoy' };
function roleFamily(role: string): string {
  return ROLE_FAMILIES[role] ?? role;
}

/**
 * Person names the tagger may miss: a capitalised title followed by capitalised proper nouns ("Presidential
 * Advisor Mesut Casin"), and the surname of someone named in full earlier in the article ("Wood spoke ...").
 */
function addNameCandidates(ctx: Ctx, v: SentView, cands: Cand[]): void {
  const n = v.words.length;
  const covered = (i: number): boolean => cands.some((c) => c.start <= i && i < c.end);
  const nameWord = (i: number): boolean => i < n && /^\p{Lu}\p{Ll}/u.test(v.base[i]) && !ctx.kb.noun(v.lower[i])
    && (!ctx.hasPos || UPOS_TAGS[ctx.doc.upos[v.start + i]] === 'PROPN');
  for (let i = 1; i < n; i++) {
    if (covered(i) || !nameWord(i) || !/^\p{Lu}/u.test(v.words[i - 1])) continue;
    const title = nounEndingAt(ctx.kb, v, i);
    if (!title?.[1].person) continue;
    let j = i;
    while (j < n && j - i < 4 && nameWord(j) && !covered(j)) j++;
    // a name has two words at least; a lone capitalised word after a title is more often a place or an office
    if (j - i >= 2) cands.push({ start: i, end: j, type: 'PERSON', ner: false });
    i = j - 1;
  }
  for (let i = 0; i < n; i++) {
    if (covered(i) || !ctx.surnames.has(v.lower[i]) || !/^\p{Lu}/u.test(v.words[i])) continue;
    if (ctx.hasPos && UPOS_TAGS[ctx.doc.upos[v.start + i]] !== 'PROPN' && i > 0) continue;
    cands.push({ start: i, end: i + 1, type: 'PERSON', ner: false });
  }
}

/**
 * An apposition read off the dependency parse: the name's `appos` dependent (or the noun the name is an `appos`
 * of), when its head noun is a person title; the country or organisation is the first KB match inside that
 * phrase ("Khalifa Haftar, the de facto leader of eastern Libya"; "Oman's foreign minister, Badr al-Busaidi").
 */
function titleFromParse(ctx: Ctx, v: SentView, start: number, end: number): Anchor | undefined {
  const { doc } = ctx;
  const n = v.words.length, base = v.start;
  const rel = (t: number): string => doc.strings.get(doc.deprel[base + t]);
  const headOf = (t: number): number => doc.head[base + t] - base;
  let h = -1;
  for (let t = start; t < end; t++) if (headOf(t) < start || headOf(t) >= end) { h = t; break; }
  if (h < 0) return undefined;
  let noun = -1;
  for (let t = 0; t < n && noun < 0; t++) if (rel(t) === 'appos' && headOf(t) === h) noun = t;
  if (noun < 0 && rel(h) === 'appos' && headOf(h) >= 0 && headOf(h) < n) noun = headOf(h);
  if (noun < 0 || (noun >= start && noun < end)) return undefined;
  const role = ctx.kb.noun(v.lower[noun]);
  if (!role?.person) return undefined;
  // the phrase: every token whose chain of heads reaches the title noun without passing through the name
  const inPhrase = (t: number): boolean => {
    for (let k = t, steps = 0; k >= 0 && k < n && steps < n; k = headOf(k), steps++) {
      if (k === noun) return true;
      if (k >= start && k < end) return false;
    }
    return false;
  };
  const toks: number[] = [];
  for (let t = 0; t < n; t++) if ((t < start || t >= end) && inPhrase(t)) toks.push(t);
  const lo = toks[0], hi = toks[toks.length - 1] + 1;
  let where: ResolvedActor | undefined;
  for (const m of ctx.kb.matchAll(v.base.slice(lo, hi))) {
    if (!toks.includes(lo + m.start)) continue;
    const best = rankEntries(m.entries.filter((e) => e.kind !== 'person'), ctx.date)[0];
    if (best) { where = entryActor(best.e, best.e.sector || undefined, best.valid); break; }
  }
  if (!where) return undefined;
  const former = toks.some((t) => FORMER.has(v.lower[t]));
  return { where, noun: role, former, from: lo, to: hi };
}
