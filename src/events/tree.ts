// A dependency view of one sentence over the Doc's columns: children lists, relations, lemmas, subtrees.
import { UPOS_TAGS, type Doc } from '../text/doc.js';

export class SentenceTree {
  private readonly kids: number[][];

  constructor(readonly doc: Doc, readonly start: number, readonly end: number) {
    this.kids = Array.from({ length: end - start }, () => []);
    for (let i = start; i < end; i++) {
      const h = doc.head[i];
      if (h >= start && h < end && h !== i) this.kids[h - start].push(i);
    }
  }

  /** True when the sentence carries a parse (every token has a head). */
  get parsed(): boolean {
    for (let i = this.start; i < this.end; i++) if (this.doc.head[i] === -2) return false;
    return this.end > this.start;
  }

  head(i: number): number {
    const h = this.doc.head[i];
    return h >= this.start && h < this.end ? h : -1;
  }

  /** Full relation, e.g. "nsubj:pass". */
  rel(i: number): string {
    return this.doc.strings.get(this.doc.deprel[i]);
  }

  /** Relation without its subtype, e.g. "nsubj". */
  base(i: number): string {
    const r = this.rel(i);
    const c = r.indexOf(':');
    return c < 0 ? r : r.slice(0, c);
  }

  upos(i: number): string {
    return UPOS_TAGS[this.doc.upos[i]];
  }

  /** The PTB tag when the tagger set one (VBN, VBD, ...), else "". */
  xpos(i: number): string {
    const id = this.doc.xpos[i];
    return id ? this.doc.strings.get(id) : '';
  }

  lower(i: number): string {
    return this.doc.textOf(i).toLowerCase().replace(/’/g, "'");
  }

  /** The lemma when the tagger set one, else the lowercased form. */
  lemma(i: number): string {
    const id = this.doc.lemma[i];
    return id ? this.doc.strings.get(id).toLowerCase() : this.lower(i);
  }

  children(i: number, ...rels: string[]): number[] {
    const ks = this.kids[i - this.start];
    if (!rels.length) return ks;
    return ks.filter((k) => rels.includes(this.rel(k)) || rels.includes(this.base(k)));
  }

  /** The lemma of the preposition/case marker of a nominal dependent ("with" in "with Putin"), or "". */
  caseOf(i: number): string {
    const c = this.children(i, 'case');
    return c.length ? c.map((k) => this.lemma(k)).join(' ') : '';
  }

  /** Token indices of i's subtree in order, not descending into children for which `skip` is true. */
  subtree(i: number, skip: (child: number) => boolean = () => false): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    // A malformed parse may hold a cycle, so each token is visited once; an explicit stack rather than recursion,
    // because a long unpunctuated sentence can be a chain thousands of words deep.
    const stack = [i];
    while (stack.length) {
      const t = stack.pop()!;
      if (seen.has(t)) continue;
      seen.add(t);
      out.push(t);
      for (const k of this.kids[t - this.start]) if (!skip(k)) stack.push(k);
    }
    return out.sort((a, b) => a - b);
  }
}
