// Trains the parser on predicted tags (jackknifed over the training set) with the dynamic oracle.
import { mulberry32, shuffleInPlace } from '../learn/perceptron.js';
import { Parser, PARSER_FEATURES, tagHash, uposHash, type ParseGold, type ParserInput, type ParserMeta, type SentenceTags } from './parser.js';
import { Tagger } from './tagger.js';
import { trainTagger, type TaggerTrainOptions } from './tagger-train.js';
import { isProjective, type TreebankSentence } from './treebank.js';

export interface ParserTrainOptions {
  seed?: number;
  epochs?: number;
  transBits?: number;
  labelBits?: number;
  /** Probability of following the model's own wrong choice during training (from epoch 2). */
  explore?: number;
  /** Keep non-projective training trees (the oracle then only optimizes the reachable arcs). */
  keepNonProjective?: boolean;
  log?: (msg: string) => void;
}

export interface ParseScores {
  uas: number;
  las: number;
  /** LAS on the universal relation only (subtype stripped), as the CoNLL 2018 shared task scores it. */
  lasUniversal: number;
  tokens: number;
}

/** Tags each sentence with a tagger (XPOS, UPOS) and returns the parser's tag hashes. */
export function predictedTags(tagger: Tagger, data: readonly TreebankSentence[]): SentenceTags[] {
  return data.map((s) => {
    const xo = new Int32Array(s.forms.length), uo = new Uint8Array(s.forms.length);
    tagger.tagWords(s.forms, xo, uo);
    return { x: Int32Array.from(s.forms, (_, i) => tagHash(tagger.meta.xposTags[xo[i]], uo[i])), u: Int32Array.from(uo, uposHash) };
  });
}

export function goldTags(data: readonly TreebankSentence[]): SentenceTags[] {
  return data.map((s) => ({ x: Int32Array.from(s.forms, (_, i) => tagHash(s.xpos[i], s.upos[i])), u: Int32Array.from(s.upos, uposHash) }));
}

/**
 * Jackknifing: each fold is tagged by a tagger trained on the other folds, so the parser learns from tags
 * as noisy as the ones it will see at run time.
 */
export function jackknifeTags(train: readonly TreebankSentence[], folds: number, opts: TaggerTrainOptions): SentenceTags[] {
  const out: SentenceTags[] = new Array<SentenceTags>(train.length);
  for (let f = 0; f < folds; f++) {
    const rest = train.filter((_, i) => i % folds !== f);
    const held = train.filter((_, i) => i % folds === f);
    const tagger = trainTagger(rest, null, { ...opts, log: undefined });
    const tags = predictedTags(tagger, held);
    let j = 0;
    for (let i = 0; i < train.length; i++) if (i % folds === f) out[i] = tags[j++];
    opts.log?.(`jackknife fold ${f + 1}/${folds} tagged`);
  }
  return out;
}

export function evaluateParser(parser: Parser, data: readonly TreebankSentence[], tags: readonly SentenceTags[]): ParseScores {
  let n = 0, u = 0, l = 0, lu = 0;
  data.forEach((s, k) => {
    const r = parser.parse(parser.inputFor(s.forms, tags[k]));
    for (let i = 0; i < s.forms.length; i++) {
      n++;
      if (r.heads[i] === s.heads[i]) {
        u++;
        const p = parser.meta.labels[r.labels[i]];
        if (p === s.deprels[i]) l++;
        if (p.split(':')[0] === s.deprels[i].split(':')[0]) lu++;
      }
    }
  });
  const pct = (x: number): number => (100 * x) / Math.max(1, n);
  return { uas: pct(u), las: pct(l), lasUniversal: pct(lu), tokens: n };
}

/** The relations seen in (gold) training trees for each (direction, head UPOS, dependent UPOS). */
export function buildLabelDict(train: readonly TreebankSentence[], labels: readonly string[]): NonNullable<ParserMeta['labelDict']> {
  const index = new Map(labels.map((l, i) => [l, i]));
  const seen = new Map<number, Set<number>>();
  for (const s of train) {
    s.heads.forEach((h, d) => {
      if (h < 0) return;
      const key = Parser.labelKey(d < h ? 1 : 2, uposHash(s.upos[h]), uposHash(s.upos[d]));
      let set = seen.get(key);
      if (!set) seen.set(key, (set = new Set()));
      set.add(index.get(s.deprels[d])!);
    });
  }
  const keys = [...seen.keys()].sort((a, b) => a - b);
  return { keys, labels: keys.map((k) => [...seen.get(k)!].sort((a, b) => a - b)) };
}

export function trainParser(
  train: readonly TreebankSentence[], trainTags: readonly SentenceTags[],
  dev: readonly TreebankSentence[] | null, devTags: readonly SentenceTags[] | null, opts: ParserTrainOptions = {},
): Parser {
  const seed = opts.seed ?? 1, epochs = opts.epochs ?? 15, log = opts.log ?? (() => {});
  const labels = [...new Set(['root', ...train.flatMap((s) => s.deprels)])].sort();
  const meta: ParserMeta = {
    kind: 'parser', features: PARSER_FEATURES, labels,
    transBits: opts.transBits ?? 20, labelBits: opts.labelBits ?? 17,
    labelDict: buildLabelDict(train, labels),
  };
  const parser = new Parser(meta);
  parser.trans.beginTraining();
  parser.lab.beginTraining();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const items: { inp: ParserInput; gold: ParseGold }[] = [];
  let skipped = 0;
  train.forEach((s, k) => {
    const n = s.forms.length;
    if (!opts.keepNonProjective && !isProjective(s.heads)) { skipped++; return; }
    items.push({
      inp: parser.inputFor(s.forms, trainTags[k]),
      gold: { heads: Int32Array.from(s.heads, (h) => (h < 0 ? n : h)), labels: Int32Array.from(s.deprels, (d) => labelIndex.get(d)!) },
    });
  });
  log(`parser: ${items.length} training trees (${skipped} non-projective skipped)`);
  const rand = mulberry32(seed);
  let best: { t: Float32Array; l: Float32Array; score: number; epoch: number } | null = null;
  for (let ep = 1; ep <= epochs; ep++) {
    shuffleInPlace(items, rand);
    const step = { explore: ep > 1 ? (opts.explore ?? 0.9) : 0, rand };
    for (const it of items) parser.parse(it.inp, it.gold, step);
    if (dev && devTags) {
      const t = parser.trans.averagedCopy(), l = parser.lab.averagedCopy();
      const sc = evaluateParser(new Parser(meta, t, l), dev, devTags);
      log(`parser epoch ${ep}: dev UAS ${sc.uas.toFixed(2)} LAS ${sc.las.toFixed(2)} (universal ${sc.lasUniversal.toFixed(2)})`);
      if (!best || sc.las > best.score) best = { t, l, score: sc.las, epoch: ep };
    } else {
      log(`parser epoch ${ep} done`);
    }
  }
  if (best) {
    log(`parser: keeping epoch ${best.epoch}`);
    return new Parser(meta, best.t, best.l);
  }
  parser.trans.average();
  parser.lab.average();
  return parser;
}
