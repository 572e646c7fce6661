// Lemmatizer: exception list by form and tag, then the suffix rule of the longest matching (XPOS, suffix) key.
//
// Rules are learned from the treebank as "strip k letters, append s" on lowercased forms, keyed by XPOS and
// the form's last 1..6 letters; the longest key seen wins, so "-ies"→"-y" for NNS does not turn "series" into
// "sery" when a longer key has learned better. Forms whose majority lemma the rules get wrong go into the
// exception list. Proper nouns keep their case; other words are lowercased unless an exception says otherwise.
import { UPOS_TAGS, type Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { encodeModel, decodeModel, ModelFormatError } from '../learn/model-file.js';
import type { TreebankSentence } from './treebank.js';

export interface LemmatizerMeta {
  kind: 'lemmatizer';
  /** key "xpos\tsuffix" → "strip\tappend" */
  rules: Record<string, string>;
  /** key "form\txpos" (exact form) → lemma */
  exceptions: Record<string, string>;
  maxSuffix: number;
  scores?: Record<string, number>;
}

const KEEP_CASE = new Set(['NNP', 'NNPS']);

function ruleFor(form: string, lemma: string): string {
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  return `${form.length - p}\t${lemma.slice(p)}`;
}

function caseOut(form: string, xpos: string): string {
  return KEEP_CASE.has(xpos) ? form : form.toLowerCase();
}

export class Lemmatizer {
  private readonly rules: Map<string, string>;
  private readonly exceptions: Map<string, string>;
  constructor(readonly meta: LemmatizerMeta) {
    this.rules = new Map(Object.entries(meta.rules));
    this.exceptions = new Map(Object.entries(meta.exceptions));
  }

  /** The lemma from rules alone (what exceptions are measured against). */
  ruleLemma(form: string, xpos: string): string {
    const base = caseOut(form, xpos);
    const low = base.toLowerCase();
    for (let k = Math.min(this.meta.maxSuffix, low.length); k >= 0; k--) {
      const r = this.rules.get(`${xpos}\t${low.slice(low.length - k)}`);
      if (r === undefined) continue;
      const tab = r.indexOf('\t');
      const strip = Number(r.slice(0, tab));
      if (strip > base.length) continue;
      const out = base.slice(0, base.length - strip) + r.slice(tab + 1);
      return out || base;
    }
    return base;
  }

  lemma(form: string, xpos: string): string {
    return this.exceptions.get(`${form}\t${xpos}`) ?? this.exceptions.get(`${form.toLowerCase()}\t${xpos}`) ?? this.ruleLemma(form, xpos);
  }

  lemmatizeDoc(doc: Doc): void {
    for (let i = 0; i < doc.length; i++) {
      const xpos = doc.xpos[i] ? doc.strings.get(doc.xpos[i]) : UPOS_TAGS[doc.upos[i]];
      doc.lemma[i] = doc.strings.intern(this.lemma(doc.textOf(i), xpos));
    }
  }

  encode(): Uint8Array {
    return encodeModel(this.meta, []);
  }

  static decode(bytes: Uint8Array, what = 'lemmatizer model'): Lemmatizer {
    const m = decodeModel<LemmatizerMeta>(bytes, what);
    if (m.meta?.kind !== 'lemmatizer') throw new ModelFormatError(`${what}: not a lemmatizer model`);
    return new Lemmatizer(m.meta);
  }
}

/** Learns rules and exceptions from gold (form, XPOS, lemma) triples. */
export function trainLemmatizer(train: readonly TreebankSentence[], maxSuffix = 6, minRuleCount = 2): Lemmatizer {
  const ruleCounts = new Map<string, Map<string, number>>();
  const formCounts = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string): void => {
    let c = m.get(k);
    if (!c) m.set(k, (c = new Map()));
    c.set(v, (c.get(v) ?? 0) + 1);
  };
  for (const s of train) {
    s.forms.forEach((form, i) => {
      const xpos = s.xpos[i], lemma = s.lemmas[i];
      if (lemma === '_' || lemma === '') return;
      bump(formCounts, `${form}\t${xpos}`, lemma);
      const base = caseOut(form, xpos);
      const low = base.toLowerCase();
      const rule = ruleFor(base, KEEP_CASE.has(xpos) ? lemma : lemma.toLowerCase());
      const strip = Number(rule.split('\t')[0]);
      for (let k = Math.max(strip, 0); k <= Math.min(maxSuffix, low.length); k++) bump(ruleCounts, `${xpos}\t${low.slice(low.length - k)}`, rule);
    });
  }
  const top = (c: Map<string, number>): [string, number] => [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const rules: Record<string, string> = {};
  for (const [k, c] of [...ruleCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [r, n] = top(c);
    let total = 0;
    for (const v of c.values()) total += v;
    if (total >= minRuleCount && n > 0) rules[k] = r;
  }
  const lem = new Lemmatizer({ kind: 'lemmatizer', rules, exceptions: {}, maxSuffix });
  const exceptions: Record<string, string> = {};
  for (const [k, c] of [...formCounts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [lemma] = top(c);
    const [form, xpos] = k.split('\t');
    if (lem.ruleLemma(form, xpos) !== lemma) exceptions[k] = lemma;
  }
  return new Lemmatizer({ kind: 'lemmatizer', rules, exceptions, maxSuffix });
}

export function evaluateLemmatizer(lem: Lemmatizer, data: readonly TreebankSentence[], xposOf?: (s: number, i: number) => string): number {
  let n = 0, ok = 0;
  data.forEach((s, k) => {
    s.forms.forEach((f, i) => {
      n++;
      if (lem.lemma(f, xposOf ? xposOf(k, i) : s.xpos[i]) === s.lemmas[i]) ok++;
    });
  });
  return (100 * ok) / Math.max(1, n);
}

export class LemmatizerStage implements Stage {
  readonly name = 'lemmatizer';
  readonly version = '1.0';
  readonly needs = ['tokens', 'pos'] as const;
  readonly sets = ['lemma'] as const;
  constructor(readonly lemmatizer: Lemmatizer) {}
  run(doc: Doc): void {
    this.lemmatizer.lemmatizeDoc(doc);
  }
}
