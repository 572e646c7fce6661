// Per-word lexical hashes (form, lowercase, affixes, shape) shared by the tagger and parser, computed once per type.
//
// Feature extraction must not build strings per feature; instead every word type is turned once into a small
// row of 32-bit hashes that feature templates combine numerically. A bounded cache keeps repeated words free.
import { fnv1a } from '../learn/perceptron.js';

export const enum Lex {
  Form = 0,
  Lower = 1,
  Suf1 = 2,
  Suf2 = 3,
  Suf3 = 4,
  Suf4 = 5,
  Pre1 = 6,
  Pre2 = 7,
  Pre3 = 8,
  Shape = 9,
  /** Bits: 1 has digit, 2 has hyphen, 4 all upper, 8 title case, 16 has non-alphanumeric, 32 has lowercase. */
  Flags = 10,
  /** Normalized form: lowercase, digits folded to 0, long words kept; what the lexicons are keyed by. */
  Norm = 11,
  Size = 12,
}

/** Hash used for padding positions outside the sentence. */
export const PAD = 0x5bd1e995 | 0;
export const ROOT_WORD = 0x27d4eb2f | 0;

/** Word shape with runs compressed: "McDonald's" → "XxXx'x", "1,200" → "d,d". */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{N}/u.test(ch)) c = 'd';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

export function normForm(w: string): string {
  const lower = w.toLowerCase();
  return /\d/.test(lower) ? lower.replace(/\d/g, '0') : lower;
}

function flagsOf(w: string): number {
  let f = 0;
  if (/\d/.test(w)) f |= 1;
  if (w.includes('-')) f |= 2;
  if (/\p{L}/u.test(w) && w === w.toUpperCase()) f |= 4;
  if (/^\p{Lu}\p{Ll}/u.test(w)) f |= 8;
  if (/[^\p{L}\p{N}]/u.test(w)) f |= 16;
  if (/\p{Ll}/u.test(w)) f |= 32;
  return f;
}

export function lexRow(w: string): Int32Array {
  const r = new Int32Array(Lex.Size);
  const low = w.toLowerCase();
  const n = low.length;
  r[Lex.Form] = fnv1a(w, 1);
  r[Lex.Lower] = fnv1a(low, 2);
  r[Lex.Suf1] = fnv1a(low.slice(Math.max(0, n - 1)), 3);
  r[Lex.Suf2] = fnv1a(low.slice(Math.max(0, n - 2)), 4);
  r[Lex.Suf3] = fnv1a(low.slice(Math.max(0, n - 3)), 5);
  r[Lex.Suf4] = fnv1a(low.slice(Math.max(0, n - 4)), 6);
  r[Lex.Pre1] = fnv1a(low.slice(0, 1), 7);
  r[Lex.Pre2] = fnv1a(low.slice(0, 2), 8);
  r[Lex.Pre3] = fnv1a(low.slice(0, 3), 9);
  r[Lex.Shape] = fnv1a(shapeOf(w), 10);
  r[Lex.Flags] = flagsOf(w);
  r[Lex.Norm] = fnv1a(normForm(w), 11);
  return r;
}

/** Bounded memo of lexRow; cleared wholesale when full (cheap, and news vocabularies are Zipfian). */
export class LexCache {
  private readonly map = new Map<string, Int32Array>();
  constructor(private readonly limit = 200_000) {}
  get(w: string): Int32Array {
    let r = this.map.get(w);
    if (r === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      r = lexRow(w);
      this.map.set(w, r);
    }
    return r;
  }
}

/** Fills `out` (n × Lex.Size) with the lexical rows of the words. */
export function fillLex(cache: LexCache, words: readonly string[], out: Int32Array): void {
  for (let i = 0; i < words.length; i++) out.set(cache.get(words[i]), i * Lex.Size);
}
