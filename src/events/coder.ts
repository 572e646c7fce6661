// The event coder: finds verbal and nominal event triggers in the dependency parse, codes them to CAMEO with the
// verb-pattern dictionary, takes source and target from syntax (subject, object, prepositional arguments, passive
// agents, xcomp controllers, conjuncts, coreferent mentions) and adds modality, date and location. Sentences
// without a parse go to the surface fallback in patterns.ts.
import type { Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { KbEntry } from '../actors/kb.js';
import type { ActorRef, Event, Location } from '../schema/extraction.js';
import type { DateAnnotation } from '../annotate/dates.js';
import { SentenceTree } from './tree.js';
import type { Compound, PatternMatch, VerbIndex, VerbSense } from './verb-dict.js';
import { CANCEL_VERBS, NEG_VERBS, PLAN_VERBS, modalityFromParse, predicateChain } from './modality.js';
import { resolveEventDate } from './event-date.js';
import { discardedSentences } from './discards.js';
import { actorRef, draftToEvent, pushEvents, withPair, type EventDraft } from './emit.js';
import { codeSentenceSurface } from './patterns.js';

/** Prepositions that introduce the target of an interaction ("met with", "strikes against", "sanctions on"). */
const TARGET_PREPS = ['with', 'against', 'on', 'upon', 'to', 'toward', 'towards', 'into', 'at', 'from'];
const LOC_PREPS = new Set(['in', 'at', 'near', 'around', 'outside', 'inside', 'across', 'off']);
const SAY_VERBS = new Set([
  'say', 'tell', 'announce', 'state', 'claim', 'add', 'report', 'insist', 'write', 'tweet', 'note', 'explain',
  'confirm', 'reiterate', 'declare', 'stress', 'believe', 'think', 'deny',
]);
/** Speech verbs that never code an event of their own ("insist", "deny" may: CAMEO codes them). */
const REPORT_VERBS = new Set(['say', 'tell', 'add', 'report', 'write', 'tweet', 'note', 'explain', 'state', 'think', 'believe']);
/** Dependents that are not part of a predicate's own argument structure (other clauses, punctuation). */
const OTHER_CLAUSE = new Set(['conj', 'parataxis', 'advcl', 'ccomp', 'csubj', 'punct', 'cc', 'acl', 'discourse', 'vocative', 'dislocated', 'list', 'reparandum']);
/** What stays inside a noun phrase when looking for the actor it names. */
const NP_KEEP = new Set(['compound', 'flat', 'amod', 'nmod:poss', 'det', 'appos', 'nummod', 'case', 'fixed', 'nmod']);
/** Verbs whose object carries the event ("held talks", "launched strikes", "paid a visit"). */
const LIGHT_VERBS = new Set([
  'hold', 'have', 'conduct', 'carry', 'launch', 'make', 'stage', 'begin', 'start', 'pay', 'give', 'mount', 'join',
  'attend', 'undertake', 'wage', 'take', 'continue', 'resume', 'open', 'announce', 'order', 'step',
]);
/** Nouns for a state's agents, whom "in <country>" places ("forces in Guinea", "authorities in Baghdad"). */
const PLACED_GROUPS = new Set(['force', 'forces', 'troop', 'troops', 'soldier', 'police', 'army', 'military', 'official', 'authority', 'authorities', 'government', 'militia', 'rebel', 'guard']);
/** CAMEO roots of speech acts aimed at someone (appeal, demand, disapprove, reject, threaten): their target may be
 *  the subject of the clause they introduce. */
const ADDRESSED_ROOTS = new Set(['02', '10', '11', '12', '13']);
const MODAL_GOVERNORS = new Set([...PLAN_VERBS, ...NEG_VERBS, ...CANCEL_VERBS]);
/** Subordinators of an adverbial clause that reports a happening of its own ("resigned as the opposition
 *  threatened", "after Iran attacked"); other adverbial clauses (purpose "to allow", participles) are the event's
 *  manner or aim. */
const OWN_CLAUSE_MARKS = new Set(['as', 'after', 'before', 'when', 'while', 'since', 'until', 'because', 'although', 'though', 'whereas', 'once', 'if', 'unless']);

/**
 * Where a trigger sits relative to the other coded predicates of its sentence. 'content': it is what a coded
 * governor is about ("demanded that the US cancel plans", "accused Washington of restoring", "agreed to cooperate",
 * "opened the bridge to allow deliveries"): the governor is the event. 'background': it sits in a relative clause
 * or a noun complement ("rebels who entered the country", "forces passing through"), which news uses to describe
 * participants rather than to report. 'main': anything else (root clauses, reported speech, conjuncts, temporal
 * and causal clauses).
 */
function clauseRole(t: SentenceTree, tok: number, coded: (a: number) => boolean): 'content' | 'background' | 'main' {
  let embedded = false, background = false;
  for (let p = tok, guard = 0; guard < 12; guard++) {
    const h = t.head(p);
    if (h < 0) break;
    const rel = t.base(p), full = t.rel(p);
    // another clause that reports its own happening: what governs it is not its content
    if (rel === 'parataxis' || rel === 'nsubj' || rel === 'csubj' || rel === 'list' || rel === 'appos') break;
    if (rel === 'advcl' && t.children(p, 'mark').some((m) => OWN_CLAUSE_MARKS.has(t.lemma(m)))) break;
    if (full === 'acl:relcl' || rel === 'acl') background = true;
    // a conjunct shares its governor with its first conjunct: the head reached through conj is a sibling
    if (rel !== 'conj') embedded = true;
    if (rel !== 'conj' && embedded && coded(h)) return 'content';
    p = h;
  }
  return background ? 'background' : 'main';
}

/** A verb that only qualifies the event under it: plan, refuse, cancel, "call off". */
function isModalGovernor(t: SentenceTree, a: number): boolean {
  if (MODAL_GOVERNORS.has(t.lemma(a))) return true;
  return t.lemma(a) === 'call' && t.children(a, 'compound:prt').some((k) => t.lemma(k) === 'off');
}

interface Found {
  ref: ActorRef;
  mention: MentionAnnotation;
}

interface Candidate {
  tok: number;
  noun: boolean;
  sense: VerbSense;
  match: PatternMatch;
}

/** Per-sentence state shared by the helpers below. */
class SentenceCoder {
  private readonly mentionAt = new Map<number, MentionAnnotation>();
  readonly dateToks = new Map<number, DateAnnotation>();
  readonly notes = new Set<string>();

  constructor(
    readonly doc: Doc,
    readonly ctx: ExtractContext,
    readonly t: SentenceTree,
    readonly s: number,
    readonly contextCountries: ReadonlySet<string>,
  ) {
    for (const m of ctx.mentions) {
      if (!m.entry || m.start < t.start || m.end > t.end) continue;
      for (let i = m.start; i < m.end; i++) this.mentionAt.set(i, m);
    }
    for (const m of firstPersonMentions(doc, ctx, t)) this.mentionAt.set(m.start, m);
    const from = doc.start[t.start], to = doc.end[t.end - 1];
    for (const d of ctx.dates) {
      if (d.end <= from || d.start >= to) continue;
      for (let i = t.start; i < t.end; i++) {
        if (doc.start[i] < d.end && doc.end[i] > d.start) this.dateToks.set(i, d);
      }
    }
  }

  /** Actors named by the noun phrase headed by i, and by the phrases conjoined with it ("Trump and Putin"). */
  actorsAt(i: number): Found[] {
    const out: Found[] = [];
    const heads = [i];
    for (let k = 0; k < heads.length; k++) for (const c of this.t.children(heads[k], 'conj')) heads.push(c);
    for (const h of heads) {
      if (this.dateToks.has(h)) continue;
      const m = this.mentionAt.get(h) ?? this.npMention(h);
      if (m && !out.some((f) => f.mention === m)) out.push({ ref: actorRef(this.doc, m), mention: m });
    }
    return out;
  }

  private npMention(h: number): MentionAnnotation | undefined {
    // the phrase's own words: modifiers, compounds, possessors, "President X" (nmod:desc), "of Iran"; not other
    // prepositional phrases ("talks with Iran" does not name Iran as the talks)
    const t = this.t;
    const toks = t.subtree(h, (k) => (!NP_KEEP.has(t.rel(k)) && !NP_KEEP.has(t.base(k))) || (t.base(k) === 'nmod' && t.caseOf(k) !== '' && t.caseOf(k) !== 'of' && t.rel(k) !== 'nmod:poss'));
    let best: MentionAnnotation | undefined, dist = Infinity;
    // "Iran's U.N. ambassador": the possessor says whose the phrase is, before nearer modifiers
    for (const k of t.children(h, 'nmod:poss')) {
      const m = this.mentionAt.get(k);
      if (m) return m;
    }
    for (const k of toks) {
      const m = this.mentionAt.get(k);
      if (m && Math.abs(k - h) < dist) {
        best = m;
        dist = Math.abs(k - h);
      }
    }
    if (best) return best;
    if (PLACED_GROUPS.has(t.lemma(h))) {
      // "security forces in Guinea", "officials in Baghdad": a state's own people are named by where they serve
      // (the actor stage leaves a place after "in" unresolved, as where rather than who: the name is looked up here)
      for (const k of t.children(h, 'nmod')) {
        if (t.caseOf(k) !== 'in') continue;
        const m = this.placeIn(k);
        if (m) return m;
      }
    }
    return this.nameInPhrase(toks);
  }

  /** A country or capital named by the phrase headed by k ("the Ivory Coast"), looked up in the KB. */
  private placeIn(k: number): MentionAnnotation | undefined {
    const t = this.t;
    const name = t.subtree(k, (c) => !['compound', 'flat', 'amod'].includes(t.base(c)));
    const words = name.map((w) => this.doc.textOf(w));
    for (const hit of this.ctx.resources.kb.matchAll(words)) {
      const entry = hit.entries.find((e) => (e.kind === 'country' || e.kind === 'capital') && e.country);
      if (entry) return { start: name[hit.start], end: name[hit.end - 1] + 1, type: 'GPE', entry };
    }
    return undefined;
  }

  /**
   * A state or organisation named inside a phrase the actor stage left unresolved: "Bosnian Serbs", "Serb forces",
   * "U.N. Secretary-General Kofi Annan", "An Argentine judge" (a demonym or acronym qualifying the group or person).
   */
  private nameInPhrase(toks: number[]): MentionAnnotation | undefined {
    const t = this.t;
    const words = toks.filter((k) => t.upos(k) !== 'DET' && t.upos(k) !== 'ADP' && t.upos(k) !== 'PUNCT' && !this.dateToks.has(k));
    const kb = this.ctx.resources.kb;
    for (const hit of kb.matchAll(words.map((k) => this.doc.textOf(k)))) {
      const entry = hit.entries.find((e) => ['country', 'demonym', 'igo'].includes(e.kind));
      if (entry) return { start: words[hit.start], end: words[hit.end - 1] + 1, type: entry.kind === 'igo' ? 'ORG' : 'NORP', entry };
    }
    return undefined;
  }

  /**
   * The state an otherwise unknown subject acts for ("Former prime minister Andreas Papandreou ... Greece's", "Ibo
   * elders ... the Nigerian Interior Ministry"): the one country the sentence names outside its attribution ("...,
   * a U.S. official said"), when the subject is a named person or group or a state's agent. Sentences naming two
   * countries give nothing.
   */
  domesticActor(s: number, v: number): Found | undefined {
    const t = this.t;
    const mention = this.ctx.mentions.find((m) => m.start <= s && m.end > s && !m.entry);
    const agentNoun = PLACED_GROUPS.has(t.lemma(s)) || !!this.ctx.resources.kb.noun(t.lower(s));
    if (!mention && !agentNoun) return undefined;
    if (mention && !['PERSON', 'ORG', 'NORP'].includes(mention.type)) return undefined;
    // mentions in the attribution of the sentence ("a spokeswoman for the U.S. embassy said") are the reporter's
    const attribution = new Set<number>();
    for (let i = t.start; i < t.end; i++) {
      if (REPORT_VERBS.has(t.lemma(i)) && t.upos(i) === 'VERB') for (const k of t.children(i, 'nsubj')) for (const x of t.subtree(k)) attribution.add(x);
    }
    const participants = new Set<number>();
    for (const k of t.children(v, 'obj', 'iobj', 'obl')) {
      if (t.base(k) === 'obl' && LOC_PREPS.has(t.caseOf(k))) continue;
      for (const x of t.subtree(k, (c) => t.base(c) === 'nmod' && LOC_PREPS.has(t.caseOf(c)))) participants.add(x);
    }
    const countries = new Set<string>();
    let entry: KbEntry | undefined;
    for (const m of this.ctx.mentions) {
      if (m.start < t.start || m.end > t.end || attribution.has(m.start)) continue;
      const words = [];
      for (let i = m.start; i < m.end; i++) words.push(this.doc.textOf(i));
      const e = m.entry ?? this.ctx.resources.kb.lookup(words)?.find((x) => ['country', 'capital', 'demonym'].includes(x.kind));
      if (e?.org && !e.country) return undefined;
      if (!e?.country) continue;
      // a participant ("killed three ethnic Albanians", "attacked Iran") is not where the sentence happens
      if (participants.has(m.start) || (e.kind === 'demonym' && /s$/.test(words[words.length - 1]))) continue;
      countries.add(e.country);
      entry = e;
    }
    if (countries.size !== 1 || !entry) return undefined;
    const start = mention?.start ?? s, end = mention?.end ?? s + 1;
    const m: MentionAnnotation = { start, end, type: mention?.type ?? 'NORP' };
    return { ref: { ...actorRef(this.doc, m), code: entry.country, country: entry.country }, mention: m };
  }

  /** The mention closest before `v` inside the clause headed by `top` (not inside another clause). */
  nearestBefore(v: number, top: number): Found | undefined {
    const t = this.t;
    const clause = t.subtree(top, (k) => k !== v && ['ccomp', 'advcl', 'parataxis', 'acl', 'conj'].includes(t.base(k)) && !t.subtree(k).includes(v));
    for (let k = v - 1; k >= t.start; k--) {
      if (!clause.includes(k) || this.dateToks.has(k)) continue;
      const m = this.mentionAt.get(k);
      if (m) return { ref: actorRef(this.doc, m), mention: m };
    }
    return undefined;
  }

  /** The first mention after `v` among its own dependents (not in another clause), with its conjuncts. */
  firstAfter(v: number): Found[] | undefined {
    const t = this.t;
    for (const k of t.subtree(v, (c) => OTHER_CLAUSE.has(t.base(c)) || t.base(c) === 'nsubj')) {
      if (k <= v || this.dateToks.has(k)) continue;
      const m = this.mentionAt.get(k);
      // a place after "in"/"at" is where, not whom; "with Iran and Russia" gives both
      if (m && !LOC_PREPS.has(t.caseOf(k))) {
        const all = this.actorsAt(k);
        return all.some((f) => f.mention === m) ? all : [{ ref: actorRef(this.doc, m), mention: m }];
      }
    }
    return undefined;
  }

  /**
   * The first actor named after the trigger before the sentence turns to its attribution (", officials said"):
   * where a parse slip hides the argument ("demanded that Hamas renounce", "threatened ... if the United States
   * goes ahead", "eased measures in Montenegro"), news names the party acted on after the trigger. A place counts:
   * an action in a country with no other party is aimed at that country.
   */
  laterInClause(v: number, sources: Found[], addressed: boolean): Found | undefined {
    const t = this.t;
    const said = new Set<number>();
    // a clause reporting its own happening ("resigned as the opposition threatened", "protested after Syrians were
    // arrested") names its own parties; a threat's or demand's condition ("threatened to ... if the United States
    // goes ahead") names whom it is aimed at
    for (let i = t.start; i < t.end; i++) {
      if (t.base(i) !== 'advcl') continue;
      const marks = t.children(i, 'mark').map((m) => t.lemma(m)).filter((m) => OWN_CLAUSE_MARKS.has(m));
      if (!marks.length || (addressed && marks.every((m) => m === 'if' || m === 'unless'))) continue;
      const sub = t.subtree(i);
      if (!sub.includes(v)) for (const x of sub) said.add(x);
    }
    for (let i = t.start; i < t.end; i++) {
      if (!REPORT_VERBS.has(t.lemma(i)) || t.upos(i) !== 'VERB' || i < v) continue;
      for (const k of t.children(i, 'nsubj')) for (const x of t.subtree(k)) said.add(x);
    }
    for (let k = v + 1; k < t.end; k++) {
      if (said.has(k)) continue;
      if (REPORT_VERBS.has(t.lemma(k)) && t.upos(k) === 'VERB') return undefined;
      if (this.dateToks.has(k)) continue;
      const m = this.mentionAt.get(k) ?? this.placeAt(k);
      if (!m || sources.some((f) => f.mention === m)) continue;
      return { ref: actorRef(this.doc, m), mention: m };
    }
    return undefined;
  }

  /** A place mention the actor stage left unresolved (where, not who) that names a country or its capital. */
  private placeAt(k: number): MentionAnnotation | undefined {
    const m = this.ctx.mentions.find((x) => x.start === k && !x.entry && (x.type === 'GPE' || x.type === 'LOC'));
    if (!m) return undefined;
    const words: string[] = [];
    for (let i = m.start; i < m.end; i++) words.push(this.doc.textOf(i));
    const entry = this.ctx.resources.kb.lookup(words)?.find((e) => (e.kind === 'country' || e.kind === 'capital') && e.country);
    return entry ? { ...m, entry } : undefined;
  }

  /** Subject actors of predicate v, inherited through xcomp (object or subject control) and conjunction. */
  subjectsOf(v: number, depth = 0): Found[] {
    if (depth > 6) return [];
    const t = this.t;
    const subj = t.children(v, 'nsubj').filter((k) => t.rel(k) !== 'nsubj:pass');
    if (subj.length) {
      const s = subj[0];
      const found = this.actorsAt(s);
      if (found.length) return found;
      const home = this.domesticActor(s, v);
      if (home) {
        this.notes.add('domestic');
        return [home];
      }
      if (t.upos(s) === 'PRON') {
        const w = t.lemma(s);
        // relative pronoun: "Israel, which launched strikes" — the antecedent is the modified noun
        if (['which', 'who', 'that'].includes(w) && t.base(v) === 'acl' && t.head(v) >= 0) return this.actorsAt(t.head(v));
        // "Hungary said it will support": an unresolved pronoun under a speech verb is taken to be the speaker
        const sp = this.speakerOf(v);
        if (sp.length) {
          this.notes.add('coref-speaker');
          return sp;
        }
      }
      return [];
    }
    const h = t.head(v);
    if (h < 0) return [];
    if (t.base(v) === 'xcomp') {
      const objs = t.children(h, 'obj').flatMap((o) => this.actorsAt(o));
      if (objs.length) return objs;
      this.notes.add('xcomp');
      return this.subjectsOf(h, depth + 1);
    }
    if (t.base(v) === 'conj') return this.subjectsOf(h, depth + 1);
    if (t.base(v) === 'acl' && t.rel(v) !== 'acl:relcl') return this.actorsAt(h);
    return [];
  }

  /** The speaker of the speech verb that v is reported under ("X said [that ...] v"), if any. */
  speakerOf(v: number): Found[] {
    const t = this.t;
    for (let p = v, guard = 0; p >= 0 && guard < 6; guard++) {
      const h = t.head(p);
      if (h < 0) return [];
      if ((t.base(p) === 'ccomp' || t.base(p) === 'parataxis') && SAY_VERBS.has(t.lemma(h))) return this.subjectsOf(h);
      if (!['xcomp', 'conj', 'ccomp'].includes(t.base(p))) return [];
      p = h;
    }
    return [];
  }

  /** Actors in prepositional dependents of p introduced by one of `preps`, in preference order. */
  private prepActors(p: number, preps: readonly string[]): Found[] {
    const t = this.t;
    const deps = t.children(p, 'obl', 'nmod').filter((k) => t.rel(k) !== 'nmod:poss' && t.rel(k) !== 'obl:agent' && !this.dateToks.has(k));
    for (const prep of preps) {
      for (const k of deps) {
        if (t.caseOf(k) !== prep) continue;
        const f = this.actorsAt(k).filter((x) => !(prep === 'at' && x.mention.entry?.kind === 'capital'));
        if (f.length) return f;
      }
    }
    return [];
  }

  agentsOf(v: number): Found[] {
    const t = this.t;
    const ag = t.children(v, 'obl:agent');
    for (const k of t.children(v, 'obl')) if (t.rel(k) === 'obl' && t.caseOf(k) === 'by') ag.push(k);
    return dedupe(ag.flatMap((k) => this.actorsAt(k)));
  }

  targetsOfVerb(v: number, addressed = false, sources: Found[] = []): Found[] {
    const t = this.t;
    for (const rel of ['obj', 'iobj']) {
      for (const o of t.children(v, rel)) {
        const f = this.actorsAt(o);
        if (f.length) return f;
      }
    }
    const viaPrep = this.prepActors(v, TARGET_PREPS);
    if (viaPrep.length) return viaPrep;
    for (const o of t.children(v, 'obj')) {
      const f = this.prepActors(o, TARGET_PREPS);
      if (f.length) return f;
    }
    // "welcomed the resumption of ties with X" / "ties between X and Y": one noun deeper, behind the object's "of"
    for (const o of t.children(v, 'obj')) {
      for (const n of t.children(o, 'nmod')) {
        if (t.caseOf(n) !== 'of') continue;
        const f = this.prepActors(n, [...TARGET_PREPS, 'between']);
        if (f.length) return f;
      }
    }
    // "threatened to close or suspend U.S. operations": an object shared by coordinated verbs hangs on one of them
    const sharing = (p: number): number[] => [p, ...t.children(p, 'conj').filter((c) => t.upos(c) === 'VERB' && !t.children(c, 'nsubj', 'nsubj:pass').length)];
    for (const x of t.children(v, 'xcomp').flatMap(sharing)) {
      const f = [...t.children(x, 'obj')].flatMap((o) => this.actorsAt(o));
      if (f.length) return f;
      const g = this.prepActors(x, TARGET_PREPS);
      if (g.length) return g;
      const h = t.children(x, 'obj').flatMap((o) => this.prepActors(o, TARGET_PREPS));
      if (h.length) return h;
    }
    for (const c of sharing(v).slice(1)) {
      const f = t.children(c, 'obj').flatMap((o) => this.actorsAt(o));
      if (f.length) return f;
    }
    // "demanded that the US cancel", "warned that Iran would pay": whom a demand, warning or charge is about is the
    // subject of what it says
    // ("warned that it will continue to exert pressure on Iran": the subject is the warner itself, so whom the
    // clause acts on is the target)
    if (addressed) {
      const other = (fs: Found[]): Found[] => fs.filter((f) => !sources.some((g) => sameActor(f, g)));
      for (const c of t.children(v, 'ccomp')) {
        const f = other(t.children(c, 'nsubj', 'nsubj:pass').flatMap((k) => this.actorsAt(k)));
        if (f.length) return f;
        const g = other(this.targetsOfVerb(c));
        if (g.length) return g;
      }
    }
    return [];
  }

  /** Subjects of an "if"/"unless" clause of v. */
  conditionActors(v: number): Found[] {
    const t = this.t;
    return t.children(v, 'advcl')
      .filter((a) => t.children(a, 'mark').some((m) => ['if', 'unless', 'should'].includes(t.lemma(m))))
      .flatMap((a) => t.children(a, 'nsubj', 'nsubj:pass').flatMap((k) => this.actorsAt(k)));
  }

  /** Both sides of "between X and Y" on the trigger, its governor or its xcomp ("offered to mediate between"). */
  between(ps: number[]): Found[] {
    const t = this.t;
    for (const p of [...ps, ...ps.flatMap((p) => t.children(p, 'xcomp'))]) {
      for (const k of t.children(p, 'obl', 'nmod')) if (t.caseOf(k) === 'between') return this.actorsAt(k);
    }
    return [];
  }

  /** The place an event happened: "in Muscat", "around Tehran", geocoded; a country mention gives its centroid. */
  locationOf(ps: number[]): Location | undefined {
    const t = this.t, geo = this.ctx.resources.geo;
    if (!geo) return undefined;
    for (const p of ps) {
      for (const k of t.children(p, 'obl', 'nmod')) {
        if (!LOC_PREPS.has(t.caseOf(k)) || this.dateToks.has(k)) continue;
        const m = this.mentionAt.get(k);
        if (m?.entry?.kind === 'country' && m.entry.country) {
          const c = geo.country(m.entry.country);
          if (c) return c;
        }
        const name = t.subtree(k, (c) => !['compound', 'flat', 'flat:name'].includes(t.rel(c)));
        const text = this.doc.text.slice(this.doc.start[name[0]], this.doc.end[name[name.length - 1]]);
        const loc = geo.geocode(text, this.contextCountries);
        if (loc) return loc;
      }
    }
    return undefined;
  }

  /** The date expression in the event's own clause, nearest to the trigger. */
  dateOf(ps: number[]): DateAnnotation | undefined {
    const t = this.t;
    let best: DateAnnotation | undefined, dist = Infinity;
    for (const p of ps) {
      for (const k of t.subtree(p, (c) => OTHER_CLAUSE.has(t.base(c)) || (c !== p && ps.includes(c)))) {
        const d = this.dateToks.get(k);
        if (d && Math.abs(k - ps[0]) < dist) {
          best = d;
          dist = Math.abs(k - ps[0]);
        }
      }
      if (best) return best;
    }
    return best;
  }
}

const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours']);

/**
 * "then we will retaliate" inside a minister's quote: a first-person plural in quoted words is the speaker's side,
 * the speaker's state for an official (a person's own "we" is the government he speaks for), else the speaker.
 */
function firstPersonMentions(doc: Doc, ctx: ExtractContext, t: SentenceTree): MentionAnnotation[] {
  const out: MentionAnnotation[] = [];
  for (let i = t.start; i < t.end; i++) {
    if (!FIRST_PLURAL.has(t.lower(i))) continue;
    const q = ctx.quotes.find((x) => x.kind === 'direct' && x.start <= doc.start[i] && doc.end[i] <= x.end && x.speakerSpan);
    const span = q?.speakerSpan;
    if (!span) continue;
    const sp = ctx.mentions.find((m) => m.entry && doc.start[m.start] >= span.start && doc.end[m.end - 1] <= span.end);
    const e = sp?.entry;
    if (!e) continue;
    const entry = e.kind === 'person' && e.country
      ? { id: `${e.country}GOV`, name: e.country, code: `${e.country}GOV`, country: e.country, org: null, sector: 'GOV', kind: 'country' as const }
      : e;
    out.push({ start: i, end: i + 1, type: sp.type, entry });
  }
  return out;
}

/**
 * "If they sanction us, we will retaliate" (the consequent, not the condition): force or coercion promised on a condition is a threat (CAMEO 13: threats
 * are conditional warnings of repercussions), to use force (138) or other coercion (130); modality stays conditional.
 */
function consequent(t: SentenceTree, chain: number[]): boolean {
  const cond = (p: number): boolean => t.children(p, 'mark').some((m) => ['if', 'unless'].includes(t.lemma(m)));
  return !chain.some(cond) && chain.some((p) => t.children(p, 'advcl').some(cond));
}

function conditionalThreat(code: string, modality: string): string {
  if (modality !== 'conditional') return code;
  const root = Number(code.slice(0, 2));
  if (root >= 18 && root <= 20) return '138';
  if (root >= 15 && root <= 17) return '130';
  return code;
}

/** A past participle with no auxiliary or subject of its own, modifying a noun or a clause: a passive. */
function bareParticiple(t: SentenceTree, v: number): boolean {
  return t.xpos(v) === 'VBN' && ['acl', 'advcl'].includes(t.base(v)) && t.rel(v) !== 'acl:relcl' && !t.children(v, 'aux', 'aux:pass', 'nsubj', 'nsubj:pass').length;
}

function bestSense(verbs: VerbIndex, senses: VerbSense[], before: string[], after: string[], compound: Compound = {}): { sense: VerbSense; match: PatternMatch } | null {
  let best: { sense: VerbSense; match: PatternMatch } | null = null;
  let score = -1;
  for (const sense of senses) {
    const m = verbs.match(sense, before, after, compound);
    if (!m) continue;
    const sc = m.specificity + 3 * sense.rest.length;
    if (sc > score) {
      score = sc;
      best = { sense, match: m };
    }
  }
  return best;
}

/** Two mentions of one actor ("the United States ... it"). */
function sameActor(a: Found, b: Found): boolean {
  return a.mention === b.mention || (!!a.ref.actor && a.ref.actor === b.ref.actor);
}

function dedupe(fs: Found[]): Found[] {
  return fs.filter((f, k) => fs.findIndex((g) => g.mention === f.mention) === k);
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Words before a verb that a PETRARCH pattern may name besides its own dependents: the verbs governing it from
 * before it, with their auxiliaries ("indicated it WOULD act": INDICATED WOULD *), two levels up at most.
 */
function governorsBefore(t: SentenceTree, i: number, own: number[]): number[] {
  const out = new Set(own);
  for (let p = t.head(i), n = 0; p >= 0 && n < 2; p = t.head(p), n++) {
    if (p > i || t.upos(p) !== 'VERB') break;
    out.add(p);
    for (const a of t.children(p, 'aux')) if (a < i) out.add(a);
  }
  return [...out].sort((a, b) => a - b);
}

/** Candidates: every verb or noun whose words match a dictionary entry with an event code. */
function candidates(sc: SentenceCoder, verbs: VerbIndex): Candidate[] {
  const t = sc.t;
  const out: Candidate[] = [];
  for (let i = t.start; i < t.end; i++) {
    const upos = t.upos(i);
    // a word read as a verb but carrying a preposition or determiner is a noun ("during talks Tuesday")
    const noun = upos === 'NOUN' || upos === 'PROPN' || (upos === 'VERB' && t.children(i, 'case', 'det').length > 0);
    if (upos !== 'VERB' && !noun) continue;
    if (sc.dateToks.has(i)) continue;
    const senses = noun
      ? uniq([...verbs.nounSenses(t.lower(i)), ...verbs.nounSenses(t.lemma(i))])
      : uniq([...verbs.verbSenses(t.lemma(i)), ...verbs.verbSenses(t.lower(i))]);
    if (!senses.length) continue;
    // speech verbs report events rather than being ones: what they report is coded from their clause
    if (!noun && REPORT_VERBS.has(t.lemma(i))) continue;
    // pattern words are looked for near the trigger (three arcs down), as PETRARCH looks inside its own phrase
    const depth = (k: number): number => {
      let d = 0;
      for (let p = k; p !== i && p >= 0 && d < 9; p = t.head(p)) d++;
      return d;
    };
    const own = t.subtree(i, (k) => OTHER_CLAUSE.has(t.base(k)) || t.base(k) === 'nsubj' || t.base(k) === 'csubj' || sc.dateToks.has(k) || depth(k) > 3);
    const before = noun
      ? t.children(i).filter((k) => k < i).map((k) => t.lower(k))
      : governorsBefore(t, i, t.subtree(i, (k) => OTHER_CLAUSE.has(t.base(k))).filter((k) => k < i)).map((k) => t.lower(k));
    const after = own.filter((k) => k > i).map((k) => t.lower(k));
    // PETRARCH's `%`: a conjoined subject ("X and Y agree") or object ("met with X and Y")
    const conj = (ks: number[]): boolean => ks.some((k) => t.children(k, 'conj').length > 0);
    const compound: Compound = noun ? {} : { before: conj(t.children(i, 'nsubj')), after: conj(t.children(i, 'obj', 'obl')) };
    const best = bestSense(verbs, senses, before, after, compound);
    if (best) out.push({ tok: i, noun, ...best });
  }
  return out;
}

/** Longest sentence (in tokens) coded from its parse; longer ones go to the surface coder. */
const MAX_PARSED_TOKENS = 1000;

/** Events of one parsed sentence, and the trigger tokens it set aside as background, content or no event. */
export function codeSentenceParsed(doc: Doc, ctx: ExtractContext, t: SentenceTree, s: number, contextCountries: ReadonlySet<string>): { events: Event[]; judged: Set<number> } {
  const verbs = ctx.resources.verbs;
  if (!verbs) return { events: [], judged: new Set() };
  const sc = new SentenceCoder(doc, ctx, t, s, contextCountries);
  const cands = candidates(sc, verbs);
  const byTok = new Map(cands.map((c) => [c.tok, c]));
  const chains = new Map(cands.map((c) => [c.tok, predicateChain(t, c.tok, c.noun)]));
  // a light verb on its default code ("held talks", "carried out strikes") gives way to its event noun
  const light = (a: number): boolean => {
    const c = byTok.get(a);
    return !!c && !c.noun && LIGHT_VERBS.has(t.lemma(a)) && c.match.specificity === 0 &&
      t.children(a, 'obj').some((o) => byTok.get(o)?.noun);
  };
  const info = ctx.resources.cameo;
  // a governor counts when it codes an event of its own (not a CAMEO 01 statement, a plan/cancel marker or a light verb)
  const coded = (a: number): boolean => {
    const c = byTok.get(a);
    return !!c && !!info?.info(c.match.code)?.plover && !isModalGovernor(t, a) && !light(a);
  };
  const roles = new Map(cands.map((c) => [c.tok, clauseRole(t, c.tok, coded)]));
  // background predicates only stand when the sentence reports nothing else
  const hasMain = cands.some((c) => roles.get(c.tok) === 'main' && coded(c.tok));
  // triggers the parse read and set aside on purpose (not for want of an actor): the word window leaves them alone
  const judged = new Set<number>();
  const keep = cands.filter((c) => {
    const chain = chains.get(c.tok)!;
    if (light(c.tok)) return false;
    const role = roles.get(c.tok);
    if (role === 'content' || (role === 'background' && hasMain)) {
      judged.add(c.tok);
      return false;
    }
    // a coded governor that is not a mere plan/negation/cancel marker covers the embedded event ("offered to mediate")
    if (chain.slice(1).some((a) => byTok.has(a) && !isModalGovernor(t, a) && !light(a))) return false;
    // a plan/cancel governor with a coded event under it is modality, not an event of its own
    if (isModalGovernor(t, c.tok) && cands.some((o) => o !== c && chains.get(o.tok)!.includes(c.tok))) return false;
    return true;
  });

  const events: Event[] = [];
  for (const c of keep) {
    sc.notes.clear();
    const chain = chains.get(c.tok)!;
    let sources: Found[], targets: Found[];
    let participle = false;
    if (c.noun) {
      const n = c.tok;
      const gov = chain.length > 1 ? chain[1] : -1;
      sources = [
        ...t.children(n, 'nmod:poss').flatMap((k) => sc.actorsAt(k)),
        ...t.children(n, 'amod', 'compound').flatMap((k) => sc.actorsAt(k)),
      ];
      if (!sources.length) sources = t.children(n, 'nmod').filter((k) => ['by', 'from'].includes(t.caseOf(k))).flatMap((k) => sc.actorsAt(k));
      // a noun the tagger read as a verb sits where a verb would: its subject is the clause's
      if (!sources.length && t.upos(n) === 'VERB') sources = sc.subjectsOf(n);
      if (!sources.length && gov >= 0) {
        if (t.rel(n) === 'nsubj:pass') sources = sc.agentsOf(gov);
        else if (['obj', 'obl', 'xcomp', 'nmod'].includes(t.base(n))) sources = sc.subjectsOf(gov);
        if (sources.length) sc.notes.add('governor');
      }
      targets = (() => {
        const own = t.children(n, 'nmod', 'obl').filter((k) => TARGET_PREPS.includes(t.caseOf(k)) && !sc.dateToks.has(k));
        for (const prep of TARGET_PREPS) {
          for (const k of own) if (t.caseOf(k) === prep) {
            const f = sc.actorsAt(k);
            if (f.length) return f;
          }
        }
        // "Ankara's purchase of Russia's S-400", "the killing of protesters": a nominal event's "of" names what it
        // is done to, once its own source is known
        if (sources.length) {
          for (const k of t.children(n, 'nmod')) if (t.caseOf(k) === 'of' && !sc.dateToks.has(k)) {
            const f = sc.actorsAt(k).filter((g) => !sources.some((x) => sameActor(g, x)));
            if (f.length) return f;
          }
        }
        if (gov >= 0 && t.base(n) === 'obj') {
          for (const k of t.children(gov, 'obl')) {
            if (!TARGET_PREPS.includes(t.caseOf(k)) || sc.dateToks.has(k)) continue;
            const f = sc.actorsAt(k);
            if (f.length) return f;
          }
        }
        return [];
      })();
    } else {
      const v = c.tok;
      const patients = t.children(v, 'nsubj:pass');
      if (patients.length) {
        sc.notes.add('passive');
        sources = sc.agentsOf(v);
        targets = patients.flatMap((k) => sc.actorsAt(k));
      } else if (bareParticiple(t, v)) {
        // "rebels backed by Iran", "a leader killed in a raid": the phrase the participle modifies is its patient
        sc.notes.add('passive');
        participle = true;
        sources = sc.agentsOf(v);
        const h = t.head(v);
        targets = t.base(v) === 'acl' ? sc.actorsAt(h) : sc.subjectsOf(h);
      } else {
        sources = sc.subjectsOf(v);
        targets = sc.targetsOfVerb(v, ADDRESSED_ROOTS.has(c.match.code.slice(0, 2)), sources);
      }
    }
    // "talks between Iran and the US": each side is source and target of the other
    const sides = sc.between(c.noun ? chain.slice(0, 2) : [c.tok]);
    if (sides.length >= 2 && !sources.length) {
      sources = sides;
      sc.notes.add('between');
    } else if (sides.length && !targets.length) targets = sides;
    // parser slips ("today agreed", a subject attached elsewhere) leave a side empty: the nearest mention before
    // the trigger in its clause, or after it in its own phrase, stands in, and the rule says so
    if (!sources.length && !c.match.reverse && !participle) {
      const near = sc.nearestBefore(c.tok, chain[chain.length - 1]);
      if (near) {
        sources = [near];
        sc.notes.add('nearest');
      }
    }
    if (!targets.length && !c.noun && sources.length <= 1) {
      const near = sc.firstAfter(c.tok)?.filter((g) => !sources.some((f) => f.mention === g.mention));
      if (near?.length) {
        targets = near;
        sc.notes.add('nearest');
      }
    }
    // "if Washington imposes sanctions, we will retaliate": a response with no object answers the condition's actor
    if (!targets.length && !c.noun && sources.length) {
      const cond = sc.conditionActors(c.tok).filter((g) => !sources.some((f) => sameActor(f, g)));
      if (cond.length) {
        targets = cond;
        sc.notes.add('condition');
      }
    }
    if (!targets.length && sources.length <= 1 && !c.match.reverse && !participle) {
      const later = sc.laterInClause(c.tok, sources, c.match.code.startsWith('10') || c.match.code.startsWith('13'));
      if (later) {
        targets = [later];
        sc.notes.add('after');
      }
    }
    if (c.match.reverse) [sources, targets] = [targets, sources];
    // "X said that Y must reach an agreement": what a speaker says someone must or should do is the speaker's demand
    // or appeal to them (CAMEO 100 / 020), not Y's act
    let code = c.match.code;
    const obliged = c.noun ? '' : chain.flatMap((p) => t.children(p, 'aux')).map((a) => t.lemma(a)).find((a) => a === 'must' || a === 'should');
    const demander = obliged ? sc.speakerOf(chain[chain.length - 1]) : [];
    if (obliged && demander.length && sources.length && !demander.some((d) => sources.some((f) => f.mention === d.mention))) {
      targets = sources;
      sources = demander;
      code = obliged === 'must' ? '100' : '020';
      sc.notes.add('obligation');
    }
    sources = dedupe(sources);
    targets = dedupe(targets);
    sources = sources.filter((f) => !targets.some((g) => g.mention === f.mention));
    if (!sources.length && !targets.length) continue;
    // a plan or wish on its default code with nobody it is aimed at ("everything he wanted", "wants to show") is no
    // event; a pattern that names what is wanted ("wants peace") is
    if (isModalGovernor(t, c.tok) && !targets.length && c.match.specificity === 0) {
      judged.add(c.tok);
      continue;
    }

    const modality = modalityFromParse(t, c.tok, c.noun);
    if (!sc.notes.has('obligation') && consequent(t, chain)) {
      const threat = conditionalThreat(code, modality);
      if (threat !== code) {
        code = threat;
        sc.notes.add('threat');
      }
    }
    const ann = sc.dateOf(chain);
    // a noun has no tense of its own: its date is read the way its sentence's tense reads it
    const date = resolveEventDate(ann, ctx.dateline, modality === 'planned', c.noun);
    const location = sc.locationOf(c.noun ? chain.slice(0, 2) : [c.tok, ...t.children(c.tok, 'obj')]);
    const speaker = sc.speakerOf(chain[chain.length - 1]);
    // the main predication: its clause is the root, or the root is the speech verb reporting it
    const topOf = chain[chain.length - 1];
    const main = t.head(topOf) < 0 || (t.head(t.head(topOf)) < 0 && speaker.length > 0);
    // an event needs someone doing it: outside the main predication, a target alone is mostly a description of
    // what happened to a participant ("refugees, whom authorities blame"), not a report
    if (!sources.length && !main) continue;
    const trigStart = c.noun ? Math.min(c.tok, ...t.children(c.tok, 'compound').filter((k) => k < c.tok && c.sense.rest.includes(t.lower(k)))) : c.tok;
    const rule = `dep:${c.noun ? 'noun' : 'verb'}:${c.match.rule}${[...sc.notes].map((n) => `+${n}`).join('')}`;

    // one event per source ("Trump and Putin held separate calls with Netanyahu" is two calls); with no target and
    // several sources the sources interact with each other
    const pairs: [Found[], Found[]][] = [];
    if (sources.length > 1 && !targets.length) {
      for (const a of sources) pairs.push([[a], sources.filter((b) => b !== a)]);
    } else if (sources.length) {
      for (const a of sources) pairs.push([[a], targets]);
    } else pairs.push([[], targets]);

    for (const [src, tgt] of pairs) {
      const draft: EventDraft = {
        sentence: s,
        trigger: [trigStart, c.tok + 1],
        sources: src.map((f) => f.ref),
        targets: tgt.map((f) => f.ref),
        code,
        modality,
        date,
        ...(location ? { location } : {}),
        ...(speaker.length ? { attribution: { speaker: speaker[0].ref, text: speaker[0].ref.text } } : {}),
        rule,
        features: { parsed: true, main, specific: c.match.specificity > 0, dyad: src.length > 0 && tgt.length > 0 && !sc.notes.has('after') },
      };
      for (const d of withPair(draft, c.match.pair)) {
        const e = draftToEvent(doc, ctx, d);
        if (e) events.push(e);
      }
    }
  }
  return { events, judged };
}

/** The tagger's word class agrees with the sense the word window read ("the German Marshall Fund" is no verb). */
function posAgrees(t: SentenceTree, e: Event): boolean {
  const upos = t.upos(t.doc.tokenAtOrAfter(e.trigger.start));
  return e.rule.startsWith('surface:noun') ? upos === 'NOUN' : upos === 'VERB';
}

export const eventStage: Stage<ExtractContext> = {
  name: 'events',
  // reads ctx.quotes when the quote stage ran before it (first-person plurals in quoted words)
  version: '4',
  needs: ['tokens', 'sentences', 'mentions', 'dates'],
  sets: ['events'],
  run(doc: Doc, ctx: ExtractContext): void {
    if (!ctx.resources.verbs || !ctx.resources.cameo) return;
    const contextCountries = new Set(ctx.mentions.map((m) => m.entry?.country).filter((c): c is string => !!c));
    const parsed = doc.layers.has('deps');
    const discarded = discardedSentences(doc, ctx.resources.discards);
    if (discarded === 'story') return;
    for (let s = 0; s < doc.sentenceCount; s++) {
      if (discarded.has(s)) continue;
      const sp = doc.sentence(s);
      // The parse coder walks clause subtrees per predicate, quadratic in sentence length; a "sentence" this long
      // is not prose (thousands of words without a full stop), so it gets the linear surface coder instead.
      const tree = parsed && sp.end - sp.start <= MAX_PARSED_TOKENS ? new SentenceTree(doc, sp.start, sp.end) : undefined;
      const dep = tree && tree.parsed ? codeSentenceParsed(doc, ctx, tree, s, contextCountries) : undefined;
      let events = dep?.events ?? [];
      // a sentence without a parse gets the surface coder's reading; so does a parsed one the parse coded nothing
      // in (a parse the patterns do not fit), but then only its first event, only with a source and only on a word
      // the tagger reads the same way: the word window cannot tell background from report, and most of its later
      // triggers in a sentence are modifiers; nor on a trigger the parse set aside as background
      if (!dep || !tree) events = codeSentenceSurface(doc, ctx, s, contextCountries, false);
      else if (!events.length) {
        events = codeSentenceSurface(doc, ctx, s, contextCountries, true)
          .filter((e) => e.source.length && posAgrees(tree, e) && !dep.judged.has(doc.tokenAtOrAfter(e.trigger.start)))
          .slice(0, 1);
      }
      pushEvents(ctx, events);
    }
  },
};
