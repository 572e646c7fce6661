// Modality of an event: asserted, planned, canceled, negated, conditional, hypothetical or denied — from the parse
// (aux, advmod "not", mark, the governing verb) or, without one, from words around the trigger.
import type { Modality } from '../schema/extraction.js';
import type { SentenceTree } from './tree.js';

export const CANCEL_VERBS = new Set(['cancel', 'canceled', 'cancelled', 'postpone', 'scrap', 'suspend', 'abandon', 'shelve', 'scuttle']);
/** Governing verbs and adjectives that make the embedded event a plan rather than a fact ("attempted to assassinate"
 *  reports an attempt that happened: CAMEO codes attempts as the act). */
export const PLAN_VERBS = new Set([
  'plan', 'schedule', 'expect', 'prepare', 'intend', 'set', 'due', 'aim', 'ready', 'prepared', 'scheduled', 'poised',
  'go', 'want', 'hope', 'seek', 'arrange', 'upcoming', 'planned', 'proposed', 'expected',
]);
/** Governing verbs that say the embedded event did not happen ("refused to" is a REJECT event of its own). */
export const NEG_VERBS = new Set(['fail']);
const DENY_VERBS = new Set(['deny', 'dismiss', 'refute']);
const NEG_WORDS = new Set(['not', "n't", 'never', 'no']);
const COND_MARKS = new Set(['if', 'unless', 'once', 'provided', 'providing']);
const HYPO_AUX = new Set(['may', 'might', 'could', 'can']);
const PLAN_AUX = new Set(['will', 'shall', "'ll", 'would', 'wo']);

/**
 * The predicates that govern an event: the trigger itself, then (for a noun) the verb it is an argument of, then up
 * through xcomp ("offered to mediate", "is prepared to resume talks"). The last one is the clause head.
 */
export function predicateChain(t: SentenceTree, trigger: number, noun: boolean): number[] {
  const chain = [trigger];
  let p = trigger;
  if (noun) {
    const h = t.head(trigger);
    if (h >= 0 && ['obj', 'obl', 'nsubj', 'xcomp', 'nmod'].includes(t.base(trigger))) {
      chain.push(h);
      p = h;
    }
  }
  for (let guard = 0; guard < 6; guard++) {
    const h = t.head(p);
    if (h < 0 || t.base(p) !== 'xcomp') break;
    chain.push(h);
    p = h;
  }
  return chain;
}

function hasMark(t: SentenceTree, p: number): boolean {
  for (const m of t.children(p, 'mark')) {
    const w = t.lemma(m);
    if (COND_MARKS.has(w)) return true;
    // "as long as": mark "as" with fixed "long as"
    if (w === 'as' && t.children(m, 'fixed').some((f) => t.lemma(f) === 'long')) return true;
  }
  return false;
}

export function modalityFromParse(t: SentenceTree, trigger: number, noun: boolean): Modality {
  const chain = predicateChain(t, trigger, noun);
  const top = chain[chain.length - 1];
  const lemmas = chain.map((p) => t.lemma(p));
  const kidsOf = (rel: string): number[] => chain.flatMap((p) => t.children(p, rel));
  const auxes = [...kidsOf('aux'), ...kidsOf('aux:pass')].map((a) => t.lemma(a));

  if (lemmas.slice(1).some((l) => CANCEL_VERBS.has(l))) return 'canceled';
  if (chain.some((p) => t.lemma(p) === 'call' && t.children(p, 'compound:prt').some((k) => t.lemma(k) === 'off'))) return 'canceled';
  if (noun && t.children(trigger, 'amod', 'acl').some((k) => CANCEL_VERBS.has(t.lemma(k)))) return 'canceled';

  // denial is said of the clause: "denied that it attacked", "denied attacking"
  const gov = t.head(top);
  if (gov >= 0 && ['ccomp', 'xcomp', 'advcl'].includes(t.base(top)) && DENY_VERBS.has(t.lemma(gov))) return 'denied';

  if (chain.some((p) => t.children(p, 'advmod', 'neg', 'det').some((k) => NEG_WORDS.has(t.lemma(k))))) return 'negated';
  if (lemmas.slice(1).some((l) => NEG_VERBS.has(l))) return 'negated';

  // conditional either way: the event is the condition ("if Iran attacks") or depends on one ("as long as ...")
  if (chain.some((p) => hasMark(t, p) || t.children(p, 'advcl').some((c) => hasMark(t, c)))) return 'conditional';

  if (auxes.some((a) => HYPO_AUX.has(a))) return 'hypothetical';
  if (auxes.some((a) => PLAN_AUX.has(a))) return 'planned';
  if (lemmas.slice(1).some((l) => PLAN_VERBS.has(l))) return 'planned';
  if (noun && t.children(trigger, 'amod', 'acl').some((k) => PLAN_VERBS.has(t.lemma(k)))) return 'planned';
  return 'asserted';
}

const CANCEL_WORDS = new Set(['canceled', 'cancelled', 'postponed', 'scrapped', 'suspended', 'shelved', 'called-off']);
const PLAN_WORDS = new Set(['will', "'ll", 'would', 'scheduled', 'planned', 'plans', 'plan', 'expected', 'set', 'upcoming', 'ready', 'prepared', 'due']);
const LEX_NEG = new Set(['not', "n't", 'never', 'no', 'failed']);
const LEX_COND = new Set(['if', 'unless', 'once']);
const LEX_HYPO = new Set(['may', 'might', 'could']);

/** Lexical fallback over lowercased sentence words, the trigger at [trigger, end). */
export function modalityFromWords(words: readonly string[], trigger: number, end: number): Modality {
  const before = words.slice(Math.max(0, trigger - 4), trigger);
  const window = words.slice(Math.max(0, trigger - 4), Math.min(words.length, end + 4));
  if (window.some((w) => CANCEL_WORDS.has(w))) return 'canceled';
  for (let k = Math.max(0, trigger - 4); k < Math.min(words.length - 1, end + 4); k++) {
    if ((words[k] === 'called' || words[k] === 'call') && words[k + 1] === 'off') return 'canceled';
  }
  // the clause-level cues look back a bounded stretch: a run-on "sentence" must not make this quadratic
  const from = Math.max(0, trigger - 15);
  const head = words.slice(from, trigger);
  if (head.some((w) => w === 'denied' || w === 'denies')) return 'denied';
  if (before.some((w) => LEX_NEG.has(w))) return 'negated';
  if (head.some((w) => LEX_COND.has(w))) return 'conditional';
  for (let k = from; k + 2 < trigger; k++) if (words[k] === 'as' && words[k + 1] === 'long' && words[k + 2] === 'as') return 'conditional';
  if (before.some((w) => LEX_HYPO.has(w))) return 'hypothetical';
  if (before.some((w) => PLAN_WORDS.has(w)) || window.slice(before.length).some((w) => w === 'scheduled' || w === 'planned')) return 'planned';
  return 'asserted';
}
