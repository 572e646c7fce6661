// Part-of-speech tagger: greedy left-to-right averaged perceptron for XPOS, then UPOS conditioned on the XPOS.
//
// XPOS (PTB tags) carries the finer distinctions, so it is predicted first from word, affix, shape, context words,
// the two previous predicted tags and a lexicon "ambiguity class" (the tags a word was seen with in training,
// which gives lookahead on the next words). UPOS is then a small second classifier over the predicted XPOS and
// the words around it (it mostly settles AUX/VERB, DET/PRON, ADP/SCONJ, PART/ADV). Frequent words that were
// unambiguous in training get their tags straight from the lexicon.
import { Perceptron, fmix, mix, fnv1a, type PerceptronWeights } from '../learn/perceptron.js';
import { decodeModel, encodeModel, requireArray, ModelFormatError, type ModelArrayInput } from '../learn/model-file.js';
import { Lex, LexCache, PAD, normForm } from './lexical.js';
import { UPOS_TAGS, type Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';

export interface TaggerMeta {
  kind: 'tagger';
  /** Bumped with feature changes: a model only works with the feature code it was trained with. */
  features: number;
  xposTags: string[];
  xposBits: number;
  uposBits: number;
  /** Lexicon: normalized form, its ambiguity class (tag set) and fixed tags (-1 when ambiguous). */
  lexWords: string[];
  lexClasses: string[];
  lexFixedX: number[];
  lexFixedU: number[];
  /** Training counts of the lexicon words: frequent words are only given tags from their ambiguity class. */
  lexCounts?: number[];
  /** Per XPOS class: the UPOS (index - 1) it always maps to in training, or -1 when it varies. */
  xposUpos?: number[];
  /** Optional template groups (TagExtra bits) the model was trained with. */
  extra?: number;
  /** Lexicon words seen this often are only scored against their ambiguity class (default 20). */
  restrictMin?: number;
  /** XPOS tags words outside the lexicon may take (tags of rare training words); absent: any. */
  openTags?: string[];
  trainedOn?: string;
  scores?: Record<string, number>;
}

export const TAGGER_FEATURES = 2;
const NO_TAG = -7;
const UNKNOWN_CLASS = 0x3c6ef372 | 0;
/** Most templates of either kind; the buffers are sized for them. */
const MAX_STATIC = 24, MAX_DYNAMIC = 32;

// Template hashes (module functions rather than closures, so the per-token loop allocates nothing).
function hx(t: number, a: number, b = 0): number { return fmix(mix(mix(t * 0x9e3779b1, a), b)); }
function hu(t: number, a: number, b = 0): number { return fmix(mix(mix(t * 0x85ebca6b, a), b)); }

/** Optional template groups, recorded in the model (meta.extra) so a model runs with the features it was trained on. */
export const enum TagExtra {
  /** Longer affixes and the part after the last hyphen: unknown words are mostly tagged from these. */
  Affixes = 1,
  /**
   * Words outside the lexicon (seen once in training) share one identity: otherwise training memorizes the
   * hapaxes by their form and the affix and shape features, all an unknown word has at run time, learn little.
   */
  UnkIds = 2,
}

const UNK_WORD = 0x6b43a9b5 | 0;

/** Per-word entry: lexical hashes plus the lexicon's view of the word. */
interface WordInfo {
  lex: Int32Array;
  /** Lowercase-form hash used by the templates (UNK_WORD for unknown words under TagExtra.UnkIds). */
  low: number;
  amb: number;
  fixedX: number;
  fixedU: number;
  /** XPOS classes this word may take (frequent words only), or null for any. */
  allowed: Int32Array | null;
  /** At run time: the XPOS when the lexicon already decides it (fixed, or a one-tag class), else -1. */
  decodeX: number;
  /** At run time: the XPOS when both tags are decided without features, so the word costs nothing; else -1. */
  skipX: number;
  /** Hashes of the templates that depend on the word alone (not on its neighbours or position). */
  statics: Int32Array;
  /**
   * At run time: the summed XPOS and UPOS weight rows of `statics`, computed on first use. A word type's own
   * features always give the same partial score, so memoizing it per type skips most of the scattered row
   * reads (the classifiers are memory-bound) without changing any decision.
   */
  xSum: Int32Array | Float64Array | null;
  uSum: Int32Array | Float64Array | null;
}

/** Words seen this often have a reliable tag set, so decoding only scores the tags in it. */
const RESTRICT_MIN_COUNT = 20;

export interface TrainTarget {
  xpos: Int32Array;
  upos: Uint8Array;
}

/** Hashes of the word-only templates (the same for every occurrence of a type). */
function staticHashes(w: string, L: Int32Array, amb: number, extra: number, known: boolean): Int32Array {
  const out = new Int32Array(MAX_STATIC);
  const anon = !known && (extra & TagExtra.UnkIds) !== 0;
  let k = 0;
  out[k++] = hx(1, 0, 0);
  out[k++] = hx(2, anon ? UNK_WORD : L[Lex.Form]);
  out[k++] = hx(3, anon ? UNK_WORD : L[Lex.Lower]);
  out[k++] = hx(4, L[Lex.Suf1]);
  out[k++] = hx(5, L[Lex.Suf2]);
  out[k++] = hx(6, L[Lex.Suf3]);
  out[k++] = hx(7, L[Lex.Suf4]);
  out[k++] = hx(8, L[Lex.Pre1]);
  out[k++] = hx(9, L[Lex.Pre2]);
  out[k++] = hx(10, L[Lex.Pre3]);
  out[k++] = hx(11, L[Lex.Shape]);
  out[k++] = hx(12, L[Lex.Flags]);
  out[k++] = hx(13, amb);
  if (extra & TagExtra.Affixes) {
    const low = w.toLowerCase(), n = low.length;
    out[k++] = hx(40, fnv1a(low.slice(Math.max(0, n - 5)), 41));
    out[k++] = hx(41, fnv1a(low.slice(0, 4), 42));
    const h = low.lastIndexOf('-');
    out[k++] = hx(42, h > 0 && h < n - 1 ? fnv1a(low.slice(h + 1), 43) : 0);
    out[k++] = hx(43, L[Lex.Suf3], L[Lex.Flags]);
    out[k++] = hx(44, amb, L[Lex.Suf3]);
  }
  return out.subarray(0, k);
}

export class Tagger {
  readonly xp: Perceptron;
  readonly up: Perceptron;
  readonly meta: TaggerMeta;
  private readonly lexIndex = new Map<string, number>();
  private readonly xIndex: Map<string, number>;
  private readonly xposUpos: Int32Array;
  private readonly ambHash: Int32Array;
  private readonly extra: number;
  private readonly openAllowed: Int32Array | null;
  private cache = new Map<string, WordInfo>();
  private readonly lexCache = new LexCache();
  // Reused buffers: the hot loop allocates nothing per token.
  private rows = new Int32Array(MAX_STATIC + MAX_DYNAMIC + 16);
  private hashes = new Int32Array(0);
  private xs = new Float64Array(0);
  private us = new Float64Array(0);
  private infos: WordInfo[] = [];

  constructor(meta: TaggerMeta, xw?: PerceptronWeights, uw?: PerceptronWeights) {
    this.meta = meta;
    this.extra = meta.extra ?? 0;
    this.xp = new Perceptron(meta.xposTags.length, meta.xposBits, xw);
    this.up = new Perceptron(UPOS_TAGS.length - 1, meta.uposBits, uw);
    this.xs = new Float64Array(this.xp.nClasses);
    this.us = new Float64Array(this.up.nClasses);
    meta.lexWords.forEach((w, i) => this.lexIndex.set(w, i));
    this.xIndex = new Map(meta.xposTags.map((t, i) => [t, i]));
    this.xposUpos = meta.xposUpos ? Int32Array.from(meta.xposUpos) : new Int32Array(meta.xposTags.length).fill(-1);
    this.ambHash = Int32Array.from(meta.lexClasses, (c) => fnv1a(c, 99) | 0);
    const open = meta.openTags?.map((t) => this.xIndex.get(t) ?? -1);
    this.openAllowed = open && !open.includes(-1) ? Int32Array.from(open) : null;
  }

  /** Forgets memoized per-word scores; training calls it whenever the weights change under a cache. */
  resetCache(): void {
    this.cache = new Map();
  }

  private info(w: string): WordInfo {
    let inf = this.cache.get(w);
    if (inf === undefined) {
      if (this.cache.size > 200_000) this.cache.clear();
      const k = this.lexIndex.get(normForm(w));
      const lex = this.lexCache.get(w);
      if (k === undefined) {
        inf = {
          lex, low: this.extra & TagExtra.UnkIds ? UNK_WORD : lex[Lex.Lower],
          amb: UNKNOWN_CLASS, fixedX: -1, fixedU: -1, allowed: this.openAllowed, decodeX: -1, skipX: -1,
          statics: staticHashes(w, lex, UNKNOWN_CLASS, this.extra, false), xSum: null, uSum: null,
        };
      } else {
        const fixedX = this.meta.lexFixedX[k], fixedU = this.meta.lexFixedU[k], allowed = this.allowedFor(k);
        const decodeX = fixedX >= 0 ? fixedX : allowed && allowed.length === 1 ? allowed[0] : -1;
        const skipX = decodeX >= 0 && (fixedU >= 0 || this.xposUpos[decodeX] >= 0) ? decodeX : -1;
        const amb = this.ambHash[k];
        inf = {
          lex, low: lex[Lex.Lower], amb, fixedX, fixedU, allowed, decodeX, skipX,
          statics: staticHashes(w, lex, amb, this.extra, true), xSum: null, uSum: null,
        };
      }
      this.cache.set(w, inf);
    }
    return inf;
  }

  private allowedFor(k: number): Int32Array | null {
    const counts = this.meta.lexCounts;
    if (!counts || counts[k] < (this.meta.restrictMin ?? RESTRICT_MIN_COUNT)) return null;
    const tags = this.meta.lexClasses[k].split('|').map((t) => this.xIndex.get(t) ?? -1);
    return tags.includes(-1) ? null : Int32Array.from(tags);
  }

  private static sumRows(p: Perceptron, hashes: Int32Array): Int32Array | Float64Array {
    // Quantized weights sum exactly in 32-bit integers (half the memory of floats); float weights need floats.
    const w = p.weights, nc = p.nClasses, out = w instanceof Float32Array ? new Float64Array(nc) : new Int32Array(nc);
    for (let j = 0; j < hashes.length; j++) {
      const r = p.row(hashes[j]);
      for (let c = 0; c < nc; c++) out[c] += w[r + c];
    }
    return out;
  }

  /**
   * Tags one sentence into xOut (XPOS class index) and uOut (UPOS_TAGS index). With `gold`, the perceptrons
   * (in training mode) are updated on every mistake, on exactly the features used at run time.
   */
  tagWords(words: readonly string[], xOut: Int32Array, uOut: Uint8Array, gold?: TrainTarget): void {
    const n = words.length;
    if (this.infos.length < n) this.infos = new Array<WordInfo>(n);
    const infos = this.infos;
    for (let i = 0; i < n; i++) infos[i] = this.info(words[i]);
    const rows = this.rows;
    const xp = this.xp, up = this.up, xw = xp.weights, nx = xp.nClasses;
    if (this.hashes.length < n * MAX_DYNAMIC) this.hashes = new Int32Array(n * MAX_DYNAMIC * 2);
    const hashes = this.hashes;
    const fixedAll = !gold;
    let nd = 0;
    for (let i = 0; i < n; i++) {
      const inf = infos[i];
      if (fixedAll && inf.skipX >= 0) {
        xOut[i] = inf.skipX;
        continue;
      }
      const L = inf.lex;
      const P1 = i > 0 ? infos[i - 1].lex : null, N1 = i + 1 < n ? infos[i + 1].lex : null;
      const p1l = i > 0 ? infos[i - 1].low : PAD, p2l = i > 1 ? infos[i - 2].low : PAD;
      const n1l = i + 1 < n ? infos[i + 1].low : PAD, n2l = i + 2 < n ? infos[i + 2].low : PAD;
      const t1 = i > 0 ? xOut[i - 1] : NO_TAG, t2 = i > 1 ? xOut[i - 2] : NO_TAG;
      const a0 = inf.amb, a1 = i + 1 < n ? infos[i + 1].amb : PAD, a2 = i + 2 < n ? infos[i + 2].amb : PAD;
      let k = 0;
      const base = i * MAX_DYNAMIC;
      hashes[base + k++] = hx(14, a1);
      hashes[base + k++] = hx(15, a2);
      hashes[base + k++] = hx(16, p1l);
      hashes[base + k++] = hx(17, p2l);
      hashes[base + k++] = hx(18, n1l);
      hashes[base + k++] = hx(19, n2l);
      hashes[base + k++] = hx(20, t1);
      hashes[base + k++] = hx(21, t2);
      hashes[base + k++] = hx(22, t1, t2);
      hashes[base + k++] = hx(23, t1, inf.low);
      hashes[base + k++] = hx(24, P1 ? P1[Lex.Suf3] : PAD);
      hashes[base + k++] = hx(25, N1 ? N1[Lex.Suf3] : PAD);
      hashes[base + k++] = hx(26, P1 ? P1[Lex.Shape] : PAD);
      hashes[base + k++] = hx(27, N1 ? N1[Lex.Shape] : PAD);
      hashes[base + k++] = hx(28, inf.low, n1l);
      hashes[base + k++] = hx(29, p1l, inf.low);
      hashes[base + k++] = hx(30, t1, a1);
      hashes[base + k++] = hx(31, i === 0 ? 1 : 0, L[Lex.Shape]);
      hashes[base + k++] = hx(32, a0, a1);
      hashes[base + k++] = hx(33, t1, L[Lex.Suf3]);
      hashes[base + k++] = hx(34, N1 ? N1[Lex.Suf2] : PAD, L[Lex.Suf3]);
      nd = k;
      if (fixedAll && inf.decodeX >= 0) {
        xOut[i] = inf.decodeX;
        continue;
      }
      let best = 0;
      if (!gold) {
        // Run time: the word's memoized partial score plus the rows of the context templates.
        const xSum = inf.xSum ?? (inf.xSum = Tagger.sumRows(xp, inf.statics));
        const s = this.xs;
        const al = inf.allowed;
        if (al) {
          const m = al.length;
          for (let q = 0; q < m; q++) s[al[q]] = xSum[al[q]];
          for (let j = 0; j < k; j++) {
            const r = xp.row(hashes[base + j]);
            for (let q = 0; q < m; q++) s[al[q]] += xw[r + al[q]];
          }
          best = al[0];
          for (let q = 1; q < m; q++) if (s[al[q]] > s[best]) best = al[q];
        } else {
          for (let c = 0; c < nx; c++) s[c] = xSum[c];
          for (let j = 0; j < k; j++) {
            const r = xp.row(hashes[base + j]);
            for (let c = 0; c < nx; c++) s[c] += xw[r + c];
          }
          for (let c = 1; c < nx; c++) if (s[c] > s[best]) best = c;
        }
        xOut[i] = best;
        continue;
      }
      const st = inf.statics;
      let m = 0;
      for (let j = 0; j < st.length; j++) rows[m++] = xp.row(st[j]);
      for (let j = 0; j < k; j++) rows[m++] = xp.row(hashes[base + j]);
      const s = xp.scoreInto(rows, m, this.xs);
      for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
      xp.tick();
      xp.updateRows(rows, m, gold.xpos[i], best);
      best = gold.xpos[i] >= 0 && inf.fixedX >= 0 ? inf.fixedX : best;
      xOut[i] = best;
    }
    // Every token that reaches the UPOS classifier had its context hashes filled above (skipX tokens never do).
    const nu = up.nClasses, uw = up.weights;
    for (let i = 0; i < n; i++) {
      const inf = infos[i];
      if (inf.fixedU >= 0 && !gold) {
        uOut[i] = inf.fixedU + 1;
        continue;
      }
      if (!gold && this.xposUpos[xOut[i]] >= 0) {
        uOut[i] = this.xposUpos[xOut[i]] + 1;
        continue;
      }
      const L = inf.lex;
      const x0 = xOut[i], xm = i > 0 ? xOut[i - 1] : NO_TAG, xn = i + 1 < n ? xOut[i + 1] : NO_TAG;
      const n1l = i + 1 < n ? infos[i + 1].low : PAD, p1l = i > 0 ? infos[i - 1].low : PAD;
      const um = i > 0 ? uOut[i - 1] : NO_TAG;
      let k = 0;
      // The XPOS context features carry over (rehashed into this table's rows), plus conjunctions with the chosen XPOS.
      const base = i * MAX_DYNAMIC;
      for (let j = 0; j < nd; j++) rows[k++] = up.row(hashes[base + j]);
      rows[k++] = up.row(hu(3, x0, 0));
      rows[k++] = up.row(hu(4, x0, inf.low));
      rows[k++] = up.row(hu(5, x0, xm));
      rows[k++] = up.row(hu(6, x0, xn));
      rows[k++] = up.row(hu(7, x0, L[Lex.Suf3]));
      rows[k++] = up.row(hu(8, x0, n1l));
      rows[k++] = up.row(hu(9, x0, p1l));
      rows[k++] = up.row(hu(10, x0, um));
      rows[k++] = up.row(hu(11, x0, L[Lex.Shape]));
      rows[k++] = up.row(hu(12, x0, L[Lex.Flags]));
      rows[k++] = up.row(hu(14, x0, inf.amb));
      rows[k++] = up.row(hu(16, x0, i + 2 < n ? xOut[i + 2] : NO_TAG));
      let best = 0;
      if (!gold) {
        const uSum = inf.uSum ?? (inf.uSum = Tagger.sumRows(up, inf.statics));
        const s = this.us;
        for (let c = 0; c < nu; c++) s[c] = uSum[c];
        for (let j = 0; j < k; j++) {
          const r = rows[j];
          for (let c = 0; c < nu; c++) s[c] += uw[r + c];
        }
        for (let c = 1; c < nu; c++) if (s[c] > s[best]) best = c;
        uOut[i] = best + 1;
        continue;
      }
      const st = inf.statics;
      for (let j = 0; j < st.length; j++) rows[k++] = up.row(st[j]);
      const s = up.scoreInto(rows, k, this.us);
      for (let c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
      up.tick();
      up.updateRows(rows, k, gold.upos[i] - 1, best);
      uOut[i] = best + 1;
    }
  }

  /** Sets upos and xpos on every token of the Doc, sentence by sentence. */
  tagDoc(doc: Doc): void {
    let xOut = new Int32Array(64), uOut = new Uint8Array(64);
    const xIds = this.meta.xposTags.map((t) => doc.strings.intern(t));
    for (let s = 0; s < doc.sentenceCount; s++) {
      const a = doc.sentStarts[s], b = doc.sentStarts[s + 1];
      const n = b - a;
      if (xOut.length < n) { xOut = new Int32Array(n); uOut = new Uint8Array(n); }
      const words: string[] = new Array<string>(n);
      for (let i = 0; i < n; i++) words[i] = doc.textOf(a + i);
      this.tagWords(words, xOut, uOut);
      for (let i = 0; i < n; i++) {
        doc.xpos[a + i] = xIds[xOut[i]];
        doc.upos[a + i] = uOut[i];
      }
    }
  }

  encode(quantize?: 8 | 16): Uint8Array {
    const arrays: ModelArrayInput[] = [
      { name: 'xpos', data: this.xp.weights, quantize, clipQuantile: 0.9999 },
      { name: 'upos', data: this.up.weights, quantize, clipQuantile: 0.9999 },
    ];
    return encodeModel(this.meta, arrays);
  }

  static decode(bytes: Uint8Array, what = 'tagger model'): Tagger {
    const m = decodeModel<TaggerMeta>(bytes, what);
    if (m.meta?.kind !== 'tagger') throw new ModelFormatError(`${what}: not a tagger model`);
    if (m.meta.features !== TAGGER_FEATURES) {
      throw new ModelFormatError(`${what}: feature set ${m.meta.features} does not match this build (${TAGGER_FEATURES}); retrain`);
    }
    const x = requireArray(m, 'xpos', what).data as PerceptronWeights;
    const u = requireArray(m, 'upos', what).data as PerceptronWeights;
    return new Tagger(m.meta, x, u);
  }
}

export class TaggerStage implements Stage {
  readonly name = 'tagger';
  readonly version: string;
  readonly needs = ['tokens', 'sentences'] as const;
  readonly sets = ['pos'] as const;
  constructor(readonly tagger: Tagger) {
    this.version = `1.${tagger.meta.features}`;
  }
  run(doc: Doc): void {
    this.tagger.tagDoc(doc);
  }
}
