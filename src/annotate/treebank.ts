// Gold-annotated sentences for training and evaluation, converted from CoNLL-U word rows (0-based heads).
import { parseConllu, type ConlluSentence } from '../formats/conllu.js';
import { uposId } from '../text/doc.js';

export interface TreebankSentence {
  forms: string[];
  lemmas: string[];
  /** Index into UPOS_TAGS. */
  upos: Uint8Array;
  xpos: string[];
  /** 0-based head index, -1 for the root. */
  heads: Int32Array;
  deprels: string[];
}

export function fromConllu(sents: readonly ConlluSentence[]): TreebankSentence[] {
  const out: TreebankSentence[] = [];
  for (const s of sents) {
    if (s.words.length === 0) continue;
    out.push({
      forms: s.words.map((w) => w.form),
      lemmas: s.words.map((w) => w.lemma),
      upos: Uint8Array.from(s.words.map((w) => (w.upos === '_' ? 0 : uposId(w.upos)))),
      xpos: s.words.map((w) => w.xpos),
      heads: Int32Array.from(s.words.map((w) => w.head - 1)),
      deprels: s.words.map((w) => w.deprel),
    });
  }
  return out;
}

export function parseTreebank(text: string): TreebankSentence[] {
  return fromConllu(parseConllu(text));
}

/** True when no two arcs cross (the tree can be built by a projective transition system). */
export function isProjective(heads: ArrayLike<number>): boolean {
  const n = heads.length;
  for (let i = 0; i < n; i++) {
    const hi = heads[i] < 0 ? n : heads[i];
    const [a, b] = i < hi ? [i, hi] : [hi, i];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const hj = heads[j] < 0 ? n : heads[j];
      const [c, d] = j < hj ? [j, hj] : [hj, j];
      if ((a < c && c < b && b < d) || (c < a && a < d && d < b)) return false;
    }
  }
  return true;
}
