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

/** A non-root arc (by its dependent) that another arc crosses, the shortest first; -1 when there is none. */
function shortestCrossed(heads: ArrayLike<number>): number {
  const n = heads.length;
  let best = -1, bestLen = Infinity;
  for (let i = 0; i < n; i++) {
    // The root arc is never lifted: its crossing partner is (and the single root stays single).
    if (heads[i] < 0) continue;
    const hi = heads[i];
    const a = Math.min(i, hi), b = Math.max(i, hi);
    if (b - a >= bestLen) continue;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const hj = heads[j] < 0 ? n : heads[j];
      const c = Math.min(j, hj), d = Math.max(j, hj);
      if ((a < c && c < b && b < d) || (c < a && a < d && d < b)) { best = i; bestLen = b - a; break; }
    }
  }
  return best;
}

/**
 * A projective tree close to the given one: the shortest crossed arc is lifted to its head's head until no arcs
 * cross (Nivre & Nilsson 2005, without encoding the lift in the label). Each lift moves a word one step up
 * toward the root, so this ends. Null when a lift would reach the root (a second root), which arc-hybrid with a
 * single root cannot build.
 */
export function projectivize(heads: ArrayLike<number>): Int32Array | null {
  const out = Int32Array.from(heads);
  for (let d = shortestCrossed(out); d >= 0; d = shortestCrossed(out)) {
    if (out[out[d]] < 0) return null;
    out[d] = out[out[d]];
  }
  return out;
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
