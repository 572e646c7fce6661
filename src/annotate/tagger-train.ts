// Trains the tagger on a treebank: lexicon from the training counts, then shuffled epochs, keeping the best on dev.
import { mulberry32, shuffleInPlace } from '../learn/perceptron.js';
import { normForm } from './lexical.js';
import { Tagger, TagExtra, TAGGER_FEATURES, type TaggerMeta } from './tagger.js';
import type { TreebankSentence } from './treebank.js';

export interface TaggerTrainOptions {
  seed?: number;
  epochs?: number;
  xposBits?: number;
  uposBits?: number;
  /** Words seen at least this often get a lexicon entry (ambiguity class). */
  minCount?: number;
  /** Optional template groups (TagExtra bits; default: longer affixes and one identity for unknown words). */
  extra?: number;
  log?: (msg: string) => void;
}

export interface TagScores {
  upos: number;
  xpos: number;
  tokens: number;
}

/** The lexicon: every normalized form seen minCount+ times with its tag set; frequent unambiguous ones fixed. */
function buildLexicon(
  train: readonly TreebankSentence[], xposTags: string[], minCount: number,
): Pick<TaggerMeta, 'lexWords' | 'lexClasses' | 'lexFixedX' | 'lexFixedU' | 'lexCounts'> {
  const counts = new Map<string, { n: number; x: Map<string, number>; u: Map<number, number> }>();
  for (const s of train) {
    s.forms.forEach((w, i) => {
      const k = normForm(w);
      let c = counts.get(k);
      if (!c) counts.set(k, (c = { n: 0, x: new Map(), u: new Map() }));
      c.n++;
      c.x.set(s.xpos[i], (c.x.get(s.xpos[i]) ?? 0) + 1);
      c.u.set(s.upos[i], (c.u.get(s.upos[i]) ?? 0) + 1);
    });
  }
  const words = [...counts.keys()].filter((w) => counts.get(w)!.n >= minCount).sort();
  const lexClasses: string[] = [], lexFixedX: number[] = [], lexFixedU: number[] = [];
  for (const w of words) {
    const c = counts.get(w)!;
    // Tags under 1% of a word's uses are mostly annotation noise; leaving them out sharpens the class.
    const tags = [...c.x.entries()].filter(([, k]) => k >= 0.01 * c.n).map(([t]) => t).sort();
    lexClasses.push(tags.join('|'));
    const topX = [...c.x.entries()].sort((a, b) => b[1] - a[1])[0];
    const topU = [...c.u.entries()].sort((a, b) => b[1] - a[1])[0];
    const sure = (k: number): boolean => c.n >= 30 && k >= 0.998 * c.n;
    lexFixedX.push(sure(topX[1]) ? xposTags.indexOf(topX[0]) : -1);
    lexFixedU.push(sure(topU[1]) && sure(topX[1]) ? topU[0] - 1 : -1);
  }
  return { lexWords: words, lexClasses, lexFixedX, lexFixedU, lexCounts: words.map((w) => counts.get(w)!.n) };
}

/** XPOS tags whose UPOS is (nearly) always the same in training map straight to it; the UPOS model is skipped. */
export function xposToUpos(train: readonly TreebankSentence[], xposTags: readonly string[], purity = 0.998): number[] {
  const by = new Map<string, Map<number, number>>();
  for (const s of train) {
    s.xpos.forEach((x, i) => {
      let m = by.get(x);
      if (!m) by.set(x, (m = new Map()));
      m.set(s.upos[i], (m.get(s.upos[i]) ?? 0) + 1);
    });
  }
  return xposTags.map((x) => {
    const m = by.get(x);
    if (!m) return -1;
    let total = 0, top = 0, topU = 0;
    for (const [u, c] of m) { total += c; if (c > top) { top = c; topU = u; } }
    return total >= 50 && top >= purity * total ? topU - 1 : -1;
  });
}

export function evaluateTagger(tagger: Tagger, data: readonly TreebankSentence[]): TagScores {
  let n = 0, u = 0, x = 0;
  for (const s of data) {
    const xo = new Int32Array(s.forms.length), uo = new Uint8Array(s.forms.length);
    tagger.tagWords(s.forms, xo, uo);
    for (let i = 0; i < s.forms.length; i++) {
      n++;
      if (uo[i] === s.upos[i]) u++;
      if (tagger.meta.xposTags[xo[i]] === s.xpos[i]) x++;
    }
  }
  return { upos: (100 * u) / Math.max(1, n), xpos: (100 * x) / Math.max(1, n), tokens: n };
}

export function trainTagger(train: readonly TreebankSentence[], dev: readonly TreebankSentence[] | null, opts: TaggerTrainOptions = {}): Tagger {
  const seed = opts.seed ?? 1, epochs = opts.epochs ?? 10, log = opts.log ?? (() => {});
  const xposTags = [...new Set(train.flatMap((s) => s.xpos))].sort();
  const meta: TaggerMeta = {
    kind: 'tagger',
    features: TAGGER_FEATURES,
    xposTags,
    xposBits: opts.xposBits ?? 18,
    uposBits: opts.uposBits ?? 17,
    ...buildLexicon(train, xposTags, opts.minCount ?? 2),
    xposUpos: xposToUpos(train, xposTags),
    extra: opts.extra ?? TagExtra.Affixes | TagExtra.UnkIds,
  };
  const tagger = new Tagger(meta);
  tagger.xp.beginTraining();
  tagger.up.beginTraining();
  const rand = mulberry32(seed);
  const order = train.map((_, i) => i);
  const xIndex = new Map(xposTags.map((t, i) => [t, i]));
  const golds = train.map((s) => ({ xpos: Int32Array.from(s.xpos, (t) => xIndex.get(t)!), upos: s.upos }));
  let best: { x: Float32Array; u: Float32Array; score: number; epoch: number } | null = null;
  let xo = new Int32Array(256), uo = new Uint8Array(256);
  for (let ep = 1; ep <= epochs; ep++) {
    shuffleInPlace(order, rand);
    for (const i of order) {
      const s = train[i];
      if (xo.length < s.forms.length) { xo = new Int32Array(s.forms.length); uo = new Uint8Array(s.forms.length); }
      tagger.tagWords(s.forms, xo, uo, golds[i]);
    }
    if (dev && dev.length) {
      const x = tagger.xp.averagedCopy(), u = tagger.up.averagedCopy();
      const probe = new Tagger(meta, x, u);
      const sc = evaluateTagger(probe, dev);
      log(`tagger epoch ${ep}: dev UPOS ${sc.upos.toFixed(2)} XPOS ${sc.xpos.toFixed(2)}`);
      const score = sc.upos + sc.xpos;
      if (!best || score > best.score) best = { x, u, score, epoch: ep };
    } else {
      log(`tagger epoch ${ep} done`);
    }
  }
  if (best) {
    log(`tagger: keeping epoch ${best.epoch}`);
    return new Tagger(meta, best.x, best.u);
  }
  tagger.xp.average();
  tagger.up.average();
  tagger.resetCache();
  return tagger;
}
