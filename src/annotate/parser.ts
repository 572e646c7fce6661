// Dependency parser: greedy arc-hybrid transitions scored by an averaged perceptron, labels by a second one.
//
// The transition system is arc-hybrid with the root at the end of the buffer (SHIFT; LEFT: s0 ← b0;
// RIGHT: s1 → s0), so a single root is enforced by allowing LEFT onto the root only when s0 is alone.
// Unlabeled transitions (3 classes) and relation labels (one class per UD relation, subtypes included) are
// scored by separate perceptrons: the model stays small (3 weights a row instead of 100+) and labelling can use
// features of the arc being made (head, dependent, direction, the dependent's children). Training uses the
// dynamic oracle of Goldberg & Nivre (2013), which lets the parser learn to recover from its own mistakes.
import { Perceptron, fmix, mix, fnv1a, type PerceptronWeights } from '../learn/perceptron.js';
import { decodeModel, encodeModel, requireArray, ModelFormatError } from '../learn/model-file.js';
import { Lex, LexCache, PAD, ROOT_WORD } from './lexical.js';
import { HEAD_ROOT, type Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';

export const SHIFT = 0, LEFT = 1, RIGHT = 2;
export const PARSER_FEATURES = 4;

export interface ParserMeta {
  kind: 'parser';
  features: number;
  labels: string[];
  transBits: number;
  labelBits: number;
  /** Relations seen in training per (direction, head UPOS, dependent UPOS): keys and label-index lists. */
  labelDict?: { keys: number[]; labels: number[][] };
  trainedOn?: string;
  scores?: Record<string, number>;
}

/** What the parser reads per token: lexical hashes and a tag hash (XPOS with UPOS, see `tagHash`). */
export interface ParserInput {
  n: number;
  /** n × Lex.Size lexical hashes. */
  lex: Int32Array;
  tags: Int32Array;
  /** UPOS alone (hash per token): coarser, so features on it survive XPOS confusions. */
  utags: Int32Array;
}

/** The tags of one sentence as the parser reads them (see `tagHash` and `uposHash`). */
export interface SentenceTags {
  x: Int32Array;
  u: Int32Array;
}

export interface ParseResult {
  /** 0-based head, -1 for the root. */
  heads: Int32Array;
  labels: Int32Array;
}

export function tagHash(xpos: string, upos: number): number {
  return mix(fnv1a(xpos, 17), upos);
}

export function uposHash(upos: number): number {
  return mix(0x3b9aca07, upos);
}

// Template hashes: the template id and its values combined linearly with odd constants, then one avalanche.
// Module functions (no closures per step), and one fmix per feature instead of a murmur round per value.
function h1(t: number, a: number): number { return fmix((Math.imul(t, 0x9e3779b1) + Math.imul(a, 0x85ebca6b)) | 0); }
function h2(t: number, a: number, c: number): number {
  return fmix((Math.imul(t, 0x9e3779b1) + Math.imul(a, 0x85ebca6b) + Math.imul(c, 0xc2b2ae35)) | 0);
}
function h3(t: number, a: number, c: number, d: number): number {
  return fmix((Math.imul(t, 0x9e3779b1) + Math.imul(a, 0x85ebca6b) + Math.imul(c, 0xc2b2ae35) + Math.imul(d, 0x27d4eb2f)) | 0);
}
function hlab(t: number, dir: number, a: number, c: number): number {
  return fmix((Math.imul(t, 0x165667b1) + Math.imul(dir, 0x2f1a3c5d) + Math.imul(a, 0x85ebca6b) + Math.imul(c, 0xc2b2ae35)) | 0);
}

// Roles whose word-and-tag rows do not depend on the parse state, only on the token in that role.
const S0 = 0, S1 = 1, B0 = 2, B1 = 3, ROLES = 4, ROLE_STRIDE = ROLES * 3;

/** Appends the rows of one role filled by a token (its word, tag, UPOS, suffix); B0 also carries the bias. */
function roleRows(rows: Int32Array, k: number, role: number, w: number, t: number, u: number, s3: number): number {
  switch (role) {
    case S0: rows[k++] = h1(1, w); rows[k++] = h1(2, t); rows[k++] = h2(3, w, t); rows[k++] = h1(85, u); rows[k++] = h2(95, s3, u); break;
    case S1: rows[k++] = h1(4, w); rows[k++] = h2(6, w, t); rows[k++] = h1(86, u); break;
    case B0: rows[k++] = h1(0, 0); rows[k++] = h1(8, t); rows[k++] = h2(9, w, t); rows[k++] = h1(87, u); rows[k++] = h2(96, s3, u); break;
    default: rows[k++] = h1(11, t); rows[k++] = h2(12, w, t); rows[k++] = h1(88, u); rows[k++] = h1(97, s3); break;
  }
  return k;
}

const NONE = -1;
const NO_WORD = PAD;
const NO_TAG = 0x1b873593 | 0;
const ROOT_TAG = 0x2f1a3c5d | 0;

/** Gold tree for training: heads with the root as n (the buffer's last item), labels as indices. */
export interface ParseGold {
  heads: Int32Array;
  labels: Int32Array;
}

export interface TrainStep {
  /** Probability of following the model's own (possibly wrong) choice after an update, for exploration. */
  explore: number;
  rand: () => number;
}

export class Parser {
  readonly meta: ParserMeta;
  readonly trans: Perceptron;
  readonly lab: Perceptron;
  private readonly rootLabel: number;
  private readonly labelDict = new Map<number, Int32Array>();
  private readonly lexCache = new LexCache();
  // Parse state, reused across sentences.
  private cap = 0;
  private stack = new Int32Array(0);
  private heads = new Int32Array(0);
  private labs = new Int32Array(0);
  private lc1 = new Int32Array(0);
  private lc2 = new Int32Array(0);
  private rc1 = new Int32Array(0);
  private rc2 = new Int32Array(0);
  private nl = new Int32Array(0);
  private nr = new Int32Array(0);
  private lset = new Int32Array(0);
  private rset = new Int32Array(0);
  private rows = new Int32Array(160);
  private lrows = new Int32Array(64);
  private ts = new Float64Array(3);
  /** Per token (and one 'no token' slot at n + 1): the summed role rows, 3 scores per role. */
  private stat = new Float64Array(0);
  private srows = new Int32Array(8);
  private ls: Float64Array;

  constructor(meta: ParserMeta, tw?: PerceptronWeights, lw?: PerceptronWeights) {
    this.meta = meta;
    this.trans = new Perceptron(3, meta.transBits, tw);
    this.lab = new Perceptron(meta.labels.length, meta.labelBits, lw);
    this.ls = new Float64Array(meta.labels.length);
    this.rootLabel = meta.labels.indexOf('root');
    const dict = meta.labelDict;
    if (dict) dict.keys.forEach((key, i) => this.labelDict.set(key, Int32Array.from(dict.labels[i])));
  }

  /** Key of the label dictionary: direction (1 = dependent first) with the two UPOS hashes. */
  static labelKey(dir: number, headUpos: number, depUpos: number): number {
    return mix(mix(dir, headUpos), depUpos);
  }

  private ensure(n: number): void {
    if (n + 1 <= this.cap) return;
    const c = Math.max(n + 1, this.cap * 2, 64);
    this.cap = c;
    this.stack = new Int32Array(c);
    this.heads = new Int32Array(c);
    this.labs = new Int32Array(c);
    this.lc1 = new Int32Array(c);
    this.lc2 = new Int32Array(c);
    this.rc1 = new Int32Array(c);
    this.rc2 = new Int32Array(c);
    this.nl = new Int32Array(c);
    this.nr = new Int32Array(c);
    this.lset = new Int32Array(c);
    this.rset = new Int32Array(c);
    this.stat = new Float64Array((c + 1) * ROLE_STRIDE);
  }

  /** Lexical rows for words (memoized per word type). */
  inputFor(words: readonly string[], tags: SentenceTags): ParserInput {
    const n = words.length;
    const lex = new Int32Array(n * Lex.Size);
    for (let i = 0; i < n; i++) lex.set(this.lexCache.get(words[i]), i * Lex.Size);
    return { n, lex, tags: tags.x, utags: tags.u };
  }

  /**
   * Parses one sentence. With `gold`, runs the dynamic-oracle training step on every transition instead
   * (perceptrons must be in training mode) and still returns the tree it built.
   */
  parse(inp: ParserInput, gold?: ParseGold, step?: TrainStep): ParseResult {
    const n = inp.n;
    this.ensure(n);
    const { stack, heads, labs, lc1, lc2, rc1, rc2, nl, nr, lset, rset } = this;
    heads.fill(NONE, 0, n + 1);
    labs.fill(NONE, 0, n + 1);
    lc1.fill(NONE, 0, n + 1);
    lc2.fill(NONE, 0, n + 1);
    rc1.fill(NONE, 0, n + 1);
    rc2.fill(NONE, 0, n + 1);
    nl.fill(0, 0, n + 1);
    nr.fill(0, 0, n + 1);
    lset.fill(0, 0, n + 1);
    rset.fill(0, 0, n + 1);
    const lex = inp.lex, tags = inp.tags, utags = inp.utags;
    const W = (i: number): number => (i < 0 ? NO_WORD : i === n ? ROOT_WORD : lex[i * Lex.Size + Lex.Lower]);
    const T = (i: number): number => (i < 0 ? NO_TAG : i === n ? ROOT_TAG : tags[i]);
    const U = (i: number): number => (i < 0 ? NO_TAG : i === n ? ROOT_TAG : utags[i]);
    const S3 = (i: number): number => (i < 0 ? NO_WORD : i === n ? ROOT_WORD : lex[i * Lex.Size + Lex.Suf3]);
    const SH = (i: number): number => (i < 0 ? NO_WORD : i === n ? ROOT_WORD : lex[i * Lex.Size + Lex.Shape]);
    const Lb = (i: number): number => (i < 0 ? -1 : labs[i]);
    let sp = 0; // stack size
    let b = 0;
    const rows = this.rows, trans = this.trans;
    const cost = new Int32Array(3);
    if (!gold) this.roleScores(n, W, T, U, S3);
    while (!(b === n && sp === 0)) {
      const s0 = sp > 0 ? stack[sp - 1] : NONE, s1 = sp > 1 ? stack[sp - 2] : NONE, s2 = sp > 2 ? stack[sp - 3] : NONE;
      const b1 = b + 1 <= n ? b + 1 : NONE, b2 = b + 2 <= n ? b + 2 : NONE;
      const canShift = b < n;
      const canLeft = sp > 0 && (b < n || sp === 1);
      const canRight = sp > 1;
      let act: number;
      // A transition forced by the state (empty stack, exhausted buffer) needs no features when decoding;
      // training still scores it, since every step counts in the perceptron's averaging.
      if (!gold && (canShift ? 1 : 0) + (canLeft ? 1 : 0) + (canRight ? 1 : 0) === 1) {
        act = canShift ? SHIFT : canLeft ? LEFT : RIGHT;
      } else {
        // Features: positions, their children, distances and valencies; hashed numerically (no strings).
        const s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b), b0t = T(b);
        const b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
        const s0l = s0 >= 0 ? lc1[s0] : NONE, s0r = s0 >= 0 ? rc1[s0] : NONE;
        const s0l2 = s0 >= 0 ? lc2[s0] : NONE, s0r2 = s0 >= 0 ? rc2[s0] : NONE;
        const b0l = lc1[b], b0l2 = lc2[b];
        const s1l = s1 >= 0 ? lc1[s1] : NONE, s1r = s1 >= 0 ? rc1[s1] : NONE;
        const d0 = s0 >= 0 ? Math.min(b - s0, 8) : -1;
        const d1 = s1 >= 0 ? Math.min(s0 - s1, 8) : -1;
        const vl0 = s0 >= 0 ? nl[s0] : -1, vr0 = s0 >= 0 ? nr[s0] : -1, vlb = nl[b];
        const s0lt = T(s0l), s0rt = T(s0r), b0lt = T(b0l), s1rt = T(s1r);
        let k = 0;
        if (gold) {
          k = roleRows(rows, k, S0, s0w, s0t, U(s0), S3(s0));
          k = roleRows(rows, k, S1, s1w, s1t, U(s1), 0);
          k = roleRows(rows, k, B0, b0w, b0t, U(b), S3(b));
          k = roleRows(rows, k, B1, b1w, b1t, U(b1), S3(b1));
        }
        rows[k++] = h1(14, b2t); rows[k++] = h1(15, s2t);
        rows[k++] = h3(16, s0w, s0t, mix(b0w, b0t)); rows[k++] = h3(17, s0w, s0t, b0w); rows[k++] = h3(18, s0w, b0w, b0t); rows[k++] = h3(19, s0w, s0t, b0t);
        rows[k++] = h3(20, s0t, b0w, b0t); rows[k++] = h2(23, b0t, b1t);
        rows[k++] = h3(24, b0t, b1t, b2t); rows[k++] = h3(25, s0t, b0t, b1t); rows[k++] = h3(26, s1t, s0t, b0t);
        rows[k++] = h2(28, s0w, d0); rows[k++] = h2(29, s0t, d0); rows[k++] = h2(31, b0t, d0); rows[k++] = h3(32, s0t, b0t, d0);
        rows[k++] = h2(33, s1w, s0w); rows[k++] = h3(35, s1w, s1t, s0t); rows[k++] = h3(36, s1t, s0w, s0t);
        rows[k++] = h3(38, s1w, s0w, d1);
        rows[k++] = h2(41, s0t, vl0); rows[k++] = h2(42, s0t, vr0); rows[k++] = h2(44, b0t, vlb);
        rows[k++] = h1(45, W(s0l)); rows[k++] = h1(46, s0lt); rows[k++] = h1(47, Lb(s0l)); rows[k++] = h1(48, W(s0r)); rows[k++] = h1(49, s0rt); rows[k++] = h1(50, Lb(s0r));
        rows[k++] = h1(51, W(b0l)); rows[k++] = h1(52, b0lt); rows[k++] = h1(53, Lb(b0l)); rows[k++] = h1(54, s1rt); rows[k++] = h1(55, Lb(s1r)); rows[k++] = h1(56, T(s1l)); rows[k++] = h1(57, Lb(s1l));
        rows[k++] = h1(58, T(s0l2)); rows[k++] = h1(59, Lb(s0l2)); rows[k++] = h1(62, T(b0l2)); rows[k++] = h1(63, Lb(b0l2));
        rows[k++] = h3(64, s0t, s0lt, T(s0l2)); rows[k++] = h3(65, s0t, s0rt, T(s0r2)); rows[k++] = h3(66, b0t, b0lt, T(b0l2));
        rows[k++] = h3(68, s0t, Lb(s0r), Lb(s0r2));
        rows[k++] = h2(69, s0w, s0 >= 0 ? lset[s0] : -1); rows[k++] = h2(71, b0w, lset[b]);
        rows[k++] = h2(72, s0t, s0 >= 0 ? lset[s0] : -1); rows[k++] = h2(73, s0t, s0 >= 0 ? rset[s0] : -1); rows[k++] = h2(74, b0t, lset[b]);
        rows[k++] = h3(75, s0t, s0lt, b0t); rows[k++] = h3(76, s0t, s0rt, b0t); rows[k++] = h3(77, s0t, b0t, b0lt);
        rows[k++] = h3(79, s1t, s0t, s0rt); rows[k++] = h3(80, s1t, s0t, Lb(s0l)); rows[k++] = h3(81, s0w, b0t, b1t); rows[k++] = h3(82, s0t, b0w, b1t);
        rows[k++] = h3(83, s2t, s1t, s0t); rows[k++] = h3(84, s1t, s0t, b1t);
        const s0u = U(s0), s1u = U(s1), b0u = U(b), b1u = U(b1);
        rows[k++] = h2(89, s0u, b0u); rows[k++] = h2(90, s1u, s0u); rows[k++] = h3(91, s0u, b0u, b1u);
        rows[k++] = h3(92, s1u, s0u, b0u);
        rows[k++] = h2(98, SH(s0), SH(b)); rows[k++] = h3(99, s1u, s0u, d1); rows[k++] = h3(100, s0u, U(s0l), U(s0r));
        rows[k++] = h2(101, b0u, U(b0l)); rows[k++] = h2(102, U(b2), b1u);
        for (let j = 0; j < k; j++) rows[j] = trans.row(rows[j]);
        const sc = trans.scoreInto(rows, k, this.ts);
        if (!gold) {
          // The word-and-tag rows of s0, s1, b0, b1, summed once per token and sentence (see roleScores).
          const st = this.stat, none = (n + 1) * ROLE_STRIDE;
          const o0 = s0 >= 0 ? s0 * ROLE_STRIDE : none, o1 = (s1 >= 0 ? s1 * ROLE_STRIDE : none) + 3;
          const o2 = b * ROLE_STRIDE + 6, o3 = (b1 >= 0 ? b1 * ROLE_STRIDE : none) + 9;
          sc[0] += st[o0] + st[o1] + st[o2] + st[o3];
          sc[1] += st[o0 + 1] + st[o1 + 1] + st[o2 + 1] + st[o3 + 1];
          sc[2] += st[o0 + 2] + st[o1 + 2] + st[o2 + 2] + st[o3 + 2];
        }
        let pred = -1;
        if (canShift) pred = SHIFT;
        if (canLeft && (pred < 0 || sc[LEFT] > sc[pred])) pred = LEFT;
        if (canRight && (pred < 0 || sc[RIGHT] > sc[pred])) pred = RIGHT;
        act = pred;
        if (gold) {
          const gh = gold.heads;
          // Dynamic-oracle costs: gold arcs made unreachable by each transition.
          let s0deps = 0;
          if (s0 >= 0) for (let j = b; j < n; j++) if (gh[j] === s0) s0deps++;
          cost[SHIFT] = cost[LEFT] = cost[RIGHT] = 1 << 20;
          if (canShift) {
            let c = 0;
            for (let j = 0; j < sp; j++) {
              const x = stack[j];
              if (gh[x] === b) c++;
              if (j < sp - 1 && gh[b] === x) c++;
            }
            cost[SHIFT] = c;
          }
          if (canLeft) cost[LEFT] = s0deps + (gh[s0] !== b && (gh[s0] === s1 || gh[s0] >= b) ? 1 : 0);
          if (canRight) cost[RIGHT] = s0deps + (gh[s0] >= b ? 1 : 0);
          const minCost = Math.min(cost[0], cost[1], cost[2]);
          let bestOk = -1;
          for (let a = 0; a < 3; a++) if (cost[a] === minCost && (bestOk < 0 || sc[a] > sc[bestOk])) bestOk = a;
          trans.tick();
          if (cost[pred] > minCost) {
            trans.updateRows(rows, k, bestOk, pred);
            act = step && step.explore > 0 && step.rand() < step.explore ? pred : bestOk;
          }
        }
      }
      // Apply.
      if (act === SHIFT) {
        stack[sp++] = b++;
      } else {
        const d = s0;
        const h = act === LEFT ? b : s1;
        let lab: number;
        if (h === n) lab = this.rootLabel;
        else lab = this.label(inp, h, d, b, s1, gold);
        sp--;
        heads[d] = h;
        labs[d] = lab;
        if (d < h) {
          nl[h]++;
          lset[h] |= 1 << (lab & 31);
          if (lc1[h] === NONE || d < lc1[h]) { lc2[h] = lc1[h]; lc1[h] = d; } else if (lc2[h] === NONE || d < lc2[h]) lc2[h] = d;
        } else {
          nr[h]++;
          rset[h] |= 1 << (lab & 31);
          if (rc1[h] === NONE || d > rc1[h]) { rc2[h] = rc1[h]; rc1[h] = d; } else if (rc2[h] === NONE || d > rc2[h]) rc2[h] = d;
        }
      }
    }
    const outH = new Int32Array(n), outL = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      outH[i] = heads[i] === n ? HEAD_ROOT : heads[i];
      outL[i] = labs[i];
    }
    return { heads: outH, labels: outL };
  }

  /**
   * Decoding only: sums each token's role rows once per sentence, since a token takes the same role in
   * many transitions (its rows would otherwise be hashed and fetched again each time). Training cannot
   * share them, as the weights change after every update.
   */
  private roleScores(n: number, W: (i: number) => number, T: (i: number) => number, U: (i: number) => number, S3: (i: number) => number): void {
    const st = this.stat, rows = this.srows, trans = this.trans, ts = this.ts;
    for (let i = 0; i <= n + 1; i++) {
      const t = i === n + 1 ? NONE : i;
      const w = W(t), tag = T(t), u = U(t), s3 = S3(t);
      for (let role = 0; role < ROLES; role++) {
        const k = roleRows(rows, 0, role, w, tag, u, role === S1 ? 0 : s3);
        for (let j = 0; j < k; j++) rows[j] = trans.row(rows[j]);
        trans.scoreInto(rows, k, ts);
        const o = i * ROLE_STRIDE + role * 3;
        st[o] = ts[0]; st[o + 1] = ts[1]; st[o + 2] = ts[2];
      }
    }
  }

  /** Picks the relation for the arc h → d (training the labeler when the arc is gold). */
  private label(inp: ParserInput, h: number, d: number, ctx: number, ctx2: number, gold?: ParseGold): number {
    const lex = inp.lex, tags = inp.tags, utags = inp.utags, labs = this.labs, lab = this.lab, rows = this.lrows;
    const n = inp.n;
    const dir = d < h ? 1 : 2;
    const hu = utags[h], du = utags[d];
    // At run time only the relations seen in training for this (direction, head UPOS, dependent UPOS) compete,
    // and a combination seen with one relation only needs no features at all.
    const allowed = gold ? undefined : this.labelDict.get(Parser.labelKey(dir, hu, du));
    if (allowed && allowed.length === 1) return allowed[0];
    const dist = Math.min(Math.abs(h - d), 10);
    const hw = lex[h * Lex.Size + Lex.Lower], ht = tags[h], dw = lex[d * Lex.Size + Lex.Lower], dt = tags[d];
    const dl = this.lc1[d], dr = this.rc1[d], hl = this.lc1[h];
    // Values at positions that may fall outside the sentence, looked up once (no closures in this per-arc path).
    const wdl = dl >= 0 ? lex[dl * Lex.Size + Lex.Lower] : NO_WORD, tdl = dl >= 0 ? tags[dl] : NO_TAG;
    const tdn = d + 1 < n ? tags[d + 1] : NO_TAG, thn = h + 1 < n ? tags[h + 1] : NO_TAG;
    const htdt = mix(ht, dt);
    let k = 0;
    rows[k++] = hlab(1, dir, 0, 0); rows[k++] = hlab(2, dir, hw, 0); rows[k++] = hlab(3, dir, ht, 0);
    rows[k++] = hlab(5, dir, dt, 0); rows[k++] = hlab(9, dir, hw, dw);
    rows[k++] = hlab(10, dir, htdt, dist); rows[k++] = hlab(11, dir, dt, wdl); rows[k++] = hlab(12, dir, dt, tdl);
    rows[k++] = hlab(13, dir, dt, dl >= 0 ? labs[dl] : -1); rows[k++] = hlab(14, dir, dt, dr >= 0 ? labs[dr] : -1);
    rows[k++] = hlab(15, dir, htdt, wdl); rows[k++] = hlab(16, dir, dw, wdl); rows[k++] = hlab(17, dir, htdt, tdn);
    rows[k++] = hlab(19, dir, dt, this.lset[d]);
    rows[k++] = hlab(20, dir, ht, this.lset[h] | this.rset[h]); rows[k++] = hlab(21, dir, htdt, hl >= 0 ? labs[hl] : -1);
    rows[k++] = hlab(24, dir, htdt, thn); rows[k++] = hlab(26, dir, lex[d * Lex.Size + Lex.Shape], dt);
    rows[k++] = hlab(28, dir, dt, this.nl[d]);
    rows[k++] = hlab(30, dir, hu, du); rows[k++] = hlab(31, dir, mix(hu, du), dist); rows[k++] = hlab(32, dir, du, wdl);
    rows[k++] = hlab(33, dir, hw, du); rows[k++] = hlab(34, dir, hu, dw);
    // The word next to the arc's span: the buffer front after a right dependent (a second object, a clause
    // after a comma: iobj vs obj, conj vs parataxis), the stack word before a left one.
    const c = dir === 2 ? ctx : ctx2;
    const ct = c < 0 ? NO_TAG : c === n ? ROOT_TAG : tags[c], cw = c < 0 ? NO_WORD : c === n ? ROOT_WORD : lex[c * Lex.Size + Lex.Lower];
    rows[k++] = hlab(35, dir, htdt, ct); rows[k++] = hlab(36, dir, dt, cw); rows[k++] = hlab(37, dir, mix(hu, du), c < 0 || c === n ? ct : utags[c]);
    for (let j = 0; j < k; j++) rows[j] = lab.row(rows[j]);
    let best: number;
    if (allowed) {
      const sc = lab.scoreSubset(rows, k, allowed, this.ls);
      best = allowed[0];
      for (let q = 1; q < allowed.length; q++) if (sc[allowed[q]] > sc[best]) best = allowed[q];
      return best;
    }
    const sc = lab.scoreInto(rows, k, this.ls);
    // 'root' is reserved for the arc from the root, so it never labels an ordinary arc.
    best = this.rootLabel === 0 ? 1 : 0;
    for (let c = best + 1; c < sc.length; c++) if (c !== this.rootLabel && sc[c] > sc[best]) best = c;
    if (gold && gold.heads[d] === h) {
      lab.tick();
      lab.updateRows(rows, k, gold.labels[d], best);
    }
    return best;
  }

  /** Sets head and deprel on every token, sentence by sentence; needs upos/xpos already set. */
  parseDoc(doc: Doc): void {
    const labelIds = this.meta.labels.map((l) => doc.strings.intern(l));
    const tagCache = new Map<number, number>();
    for (let s = 0; s < doc.sentenceCount; s++) {
      const a = doc.sentStarts[s], e = doc.sentStarts[s + 1];
      const n = e - a;
      const words = new Array<string>(n);
      const tags = new Int32Array(n), utags = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        words[i] = doc.textOf(a + i);
        const key = doc.xpos[a + i] * 32 + doc.upos[a + i];
        let t = tagCache.get(key);
        if (t === undefined) tagCache.set(key, (t = tagHash(doc.strings.get(doc.xpos[a + i]), doc.upos[a + i])));
        tags[i] = t;
        utags[i] = uposHash(doc.upos[a + i]);
      }
      const r = this.parse(this.inputFor(words, { x: tags, u: utags }));
      for (let i = 0; i < n; i++) {
        doc.head[a + i] = r.heads[i] < 0 ? HEAD_ROOT : a + r.heads[i];
        doc.deprel[a + i] = labelIds[r.labels[i]];
      }
    }
  }

  /**
   * No clipping: the few largest transition weights (bias-like features) matter, and clipping the top 0.01%
   * cost 0.3 UAS on dev, while plain 8-bit scaling costs 0.04.
   */
  encode(quantize?: 8 | 16): Uint8Array {
    return encodeModel(this.meta, [
      { name: 'trans', data: this.trans.weights, quantize },
      { name: 'label', data: this.lab.weights, quantize },
    ]);
  }

  static decode(bytes: Uint8Array, what = 'parser model'): Parser {
    const m = decodeModel<ParserMeta>(bytes, what);
    if (m.meta?.kind !== 'parser') throw new ModelFormatError(`${what}: not a parser model`);
    if (m.meta.features !== PARSER_FEATURES) {
      throw new ModelFormatError(`${what}: feature set ${m.meta.features} does not match this build (${PARSER_FEATURES}); retrain`);
    }
    return new Parser(m.meta, requireArray(m, 'trans', what).data as PerceptronWeights,
      requireArray(m, 'label', what).data as PerceptronWeights);
  }
}

export class ParserStage implements Stage {
  readonly name = 'parser';
  readonly version: string;
  readonly needs = ['tokens', 'sentences', 'pos'] as const;
  readonly sets = ['deps'] as const;
  constructor(readonly parser: Parser) {
    this.version = `1.${parser.meta.features}`;
  }
  run(doc: Doc): void {
    this.parser.parseDoc(doc);
  }
}
