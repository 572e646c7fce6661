// Named-entity tagger: a greedy left-to-right averaged perceptron over BIO tags for PERSON, ORG, GPE, LOC, NORP,
// FAC, EVENT, OTHER, with word, shape, affix, context and knowledge-base gazetteer features. Pure: the model and
// the knowledge base come in as arguments.
import { NER_TYPES, type Doc } from '../text/doc.js';
import { Perceptron } from '../learn/perceptron.js';
import type { KnowledgeBase } from '../actors/kb.js';

/** Class k ↔ Doc ner code k (0 = O, 2t+1 = B-type, 2t+2 = I-type), so predictions go straight into doc.ner. */
export const NER_CLASSES = 1 + 2 * NER_TYPES.length;

export function isB(c: number): boolean {
  return c > 0 && c % 2 === 1;
}
export function typeOf(c: number): number {
  return c === 0 ? -1 : (c - 1) >> 1;
}
/** BIO constraint: an I- tag must continue an entity of the same type. */
export function allowedAfter(prev: number, c: number): boolean {
  return c === 0 || isB(c) || (prev !== 0 && typeOf(prev) === typeOf(c));
}

export function shape(w: string): string {
  let out = '';
  for (const ch of w) {
    const s = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    out += s;
  }
  return out.length > 8 ? out.slice(0, 4) + out.slice(-4) : out;
}
export function shortShape(w: string): string {
  return shape(w).replace(/(.)\1+/g, '$1');
}

/** Gazetteer tags per word: the kind of KB entry a word is inside of, with B/I position ("country:B"), or "". */
export function gazetteerTags(words: readonly string[], kb: KnowledgeBase | undefined): string[] {
  const out = new Array<string>(words.length).fill('');
  if (!kb) return out;
  for (const m of kb.matchAll(words)) {
    const kinds = [...new Set(m.entries.map((e) => (e.kind === 'group' ? `group-${e.sector}` : e.kind)))].sort().join('+');
    for (let i = m.start; i < m.end; i++) out[i] = `${kinds}:${i === m.start ? 'B' : 'I'}`;
  }
  return out;
}

/** Features that do not depend on earlier predictions, for every word of a sentence. */
export function staticFeatures(words: readonly string[], gz: readonly string[]): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shortShape);
  const headline = n > 3 && words.filter((w) => /\p{L}/u.test(w)).every((w) => w === w.toUpperCase());
  const at = (arr: readonly string[], i: number): string => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i], lw = lower[i];
    const f = [
      'b',
      `w=${lw}`,
      `W=${w}`,
      `sh=${shape(w)}`,
      `ss=${shapes[i]}`,
      `p1=${lw.slice(0, 1)}`, `p2=${lw.slice(0, 2)}`, `p3=${lw.slice(0, 3)}`, `p4=${lw.slice(0, 4)}`,
      `s1=${lw.slice(-1)}`, `s2=${lw.slice(-2)}`, `s3=${lw.slice(-3)}`, `s4=${lw.slice(-4)}`,
      `w-1=${at(lower, i - 1)}`, `w+1=${at(lower, i + 1)}`, `w-2=${at(lower, i - 2)}`, `w+2=${at(lower, i + 2)}`,
      `ss-1=${at(shapes, i - 1)}`, `ss+1=${at(shapes, i + 1)}`,
      `w-1w=${at(lower, i - 1)}|${lw}`, `ww+1=${lw}|${at(lower, i + 1)}`,
      `ss-1ss=${at(shapes, i - 1)}|${shapes[i]}|${at(shapes, i + 1)}`,
      `gz=${gz[i]}`, `gz-1=${i > 0 ? gz[i - 1] : '<s>'}`, `gz+1=${i + 1 < n ? gz[i + 1] : '</s>'}`,
      `gzw=${gz[i]}|${shapes[i]}`,
    ];
    if (i === 0) f.push(`first=${shapes[i]}`, `firstw=${lw}`);
    if (headline) f.push(`hl=${shapes[i]}`, `hlw=${lw}`);
    if (/[-.]/.test(w)) f.push(`parts=${lw.split(/[-.]/).length}`);
    out.push(f);
  }
  return out;
}

export function historyFeatures(prev: number, prev2: number, word: string, ss: string): string[] {
  return [`t-1=${prev}`, `t-2t-1=${prev2}|${prev}`, `t-1w=${prev}|${word.toLowerCase()}`, `t-1ss=${prev}|${ss}`];
}

export class NerTagger {
  constructor(readonly model: Perceptron) {
    if (model.nClasses !== NER_CLASSES) throw new RangeError(`NER model has ${model.nClasses} classes, expected ${NER_CLASSES}`);
  }

  /** Tags one sentence's words; returns Doc ner codes. */
  tagWords(words: readonly string[], kb?: KnowledgeBase): number[] {
    const stat = staticFeatures(words, gazetteerTags(words, kb));
    const out: number[] = [];
    const rows: number[] = [];
    const scores = new Float64Array(NER_CLASSES);
    let prev = 0, prev2 = 0;
    for (let i = 0; i < words.length; i++) {
      this.model.rows([...stat[i], ...historyFeatures(prev, prev2, words[i], shortShape(words[i]))], rows);
      this.model.scores(rows, scores);
      let best = 0, bestScore = -Infinity;
      for (let c = 0; c < NER_CLASSES; c++) {
        if (!allowedAfter(prev, c)) continue;
        if (scores[c] > bestScore) { bestScore = scores[c]; best = c; }
      }
      out.push(best);
      prev2 = prev;
      prev = best;
    }
    return out;
  }

  /** Sets doc.ner for every sentence. */
  tagDoc(doc: Doc, kb?: KnowledgeBase): void {
    for (let s = 0; s < doc.sentenceCount; s++) {
      const sent = doc.sentence(s);
      const tags = this.tagWords(sent.words(), kb);
      for (let k = 0; k < tags.length; k++) doc.ner[sent.start + k] = tags[k];
    }
  }
}

/** Entity spans [start, end, typeIndex] from a sequence of BIO codes (an I- without a B- starts an entity). */
export function spansOf(codes: ArrayLike<number>, from = 0, to = codes.length): [number, number, number][] {
  const out: [number, number, number][] = [];
  let start = -1, type = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? codes[i] : 0;
    const t = typeOf(c);
    if (start >= 0 && (c === 0 || isB(c) || t !== type)) {
      out.push([start, i, type]);
      start = -1;
    }
    if (c !== 0 && start < 0) {
      start = i;
      type = t;
    }
  }
  return out;
}

/** The NER tags of a Doc as BIO strings (what `annotate` writes as NER=... in MISC). */
export function nerTagsFor(doc: Doc): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.length; i++) {
    const c = doc.ner[i];
    out.push(c === 0 ? 'O' : `${isB(c) ? 'B' : 'I'}-${NER_TYPES[typeOf(c)]}`);
  }
  return out;
}
