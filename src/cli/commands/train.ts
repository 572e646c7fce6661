// `parley train tagger|parser|lemmatizer`: rebuilds the shipped models from a UD English EWT directory.
import { readFileSync, writeFileSync, mkdirSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { parseTreebank, type TreebankSentence } from '../../annotate/treebank.js';
import { trainTagger, evaluateTagger } from '../../annotate/tagger-train.js';
import { Tagger } from '../../annotate/tagger.js';
import { Parser, type SentenceTags } from '../../annotate/parser.js';
import { trainParser, jackknifeTags, predictedTags, evaluateParser } from '../../annotate/parser-train.js';
import { trainLemmatizer, evaluateLemmatizer } from '../../annotate/lemmatizer.js';
import { MODELS_DIR, MODEL_FILES } from '../../resources/models.js';
import { compressModel } from '../../learn/model-file.js';

interface TrainOpts {
  data: string;
  out: string;
  seed: number;
  epochs?: number;
  folds: number;
  quantize: string;
  tagsCache?: string;
  keepNonprojective?: boolean;
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return n;
}

function loadSplit(dir: string, split: 'train' | 'dev'): TreebankSentence[] {
  const name = readdirSync(dir).find((f) => f.endsWith(`-ud-${split}.conllu`));
  if (!name) throw new Error(`no *-ud-${split}.conllu in ${dir}`);
  return parseTreebank(readFileSync(join(dir, name), 'utf8'));
}

function log(msg: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${msg}\n`);
}

const CREDIT = 'UD English EWT v2.15 (CC BY-SA 4.0), Universal Dependencies';

export function register(program: Command): void {
  program
    .command('train')
    .description('train a model from UD English EWT (train split; dev split for model selection)')
    .argument('<model>', 'tagger | parser | lemmatizer')
    .requiredOption('--data <dir>', 'directory holding en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu')
    .option('--out <dir>', 'where to write the model', MODELS_DIR)
    .option('--seed <n>', 'random seed (training is deterministic given the seed)', intArg, 1)
    .option('--epochs <n>', 'training epochs (best dev epoch is kept)', intArg)
    .option('--folds <n>', 'parser: jackknife folds for predicted training tags', intArg, 5)
    .option('--quantize <bits>', 'weight precision: 8, 16 or 32 (float)', '8')
    .option('--keep-nonprojective', 'parser: train on non-projective trees too (the dynamic oracle learns their reachable arcs)')
    .option('--tags-cache <file>', 'parser: reuse (or save) the jackknifed training tags in this JSON file')
    .action((model: string, opts: TrainOpts) => {
      const usage = (msg: string): void => {
        process.stderr.write(`parley train: ${msg}\n`);
        process.exitCode = 2;
      };
      if (!['tagger', 'parser', 'lemmatizer'].includes(model)) return usage(`unknown model "${model}" (expected tagger, parser or lemmatizer)`);
      const q = opts.quantize === '8' ? 8 : opts.quantize === '16' ? 16 : opts.quantize === '32' ? undefined : null;
      if (q === null) return usage('--quantize must be 8, 16 or 32');
      const train = loadSplit(opts.data, 'train');
      const dev = loadSplit(opts.data, 'dev');
      mkdirSync(opts.out, { recursive: true });
      log(`${train.length} training and ${dev.length} dev sentences`);
      let bytes: Uint8Array;
      if (model === 'tagger') {
        const tagger = trainTagger(train, dev, { seed: opts.seed, epochs: opts.epochs ?? 16, log });
        bytes = tagger.encode(q);
        const sc = evaluateTagger(Tagger.decode(bytes), dev);
        tagger.meta.trainedOn = CREDIT;
        tagger.meta.scores = { devUpos: round(sc.upos), devXpos: round(sc.xpos) };
        bytes = tagger.encode(q);
        log(`tagger (as stored): dev UPOS ${sc.upos.toFixed(2)} XPOS ${sc.xpos.toFixed(2)}`);
      } else if (model === 'lemmatizer') {
        const lem = trainLemmatizer(train);
        const acc = evaluateLemmatizer(lem, dev);
        lem.meta.scores = { devLemmaGoldTags: round(acc) };
        const taggerPath = join(opts.out, MODEL_FILES.tagger);
        if (existsSync(taggerPath)) {
          const tagger = Tagger.decode(readFileSync(taggerPath));
          const tags = dev.map((s) => {
            const xo = new Int32Array(s.forms.length), uo = new Uint8Array(s.forms.length);
            tagger.tagWords(s.forms, xo, uo);
            return Array.from(xo, (x) => tagger.meta.xposTags[x]);
          });
          const accP = evaluateLemmatizer(lem, dev, (k, i) => tags[k][i]);
          lem.meta.scores.devLemma = round(accP);
          log(`lemmatizer: dev accuracy ${accP.toFixed(2)} with predicted tags`);
        }
        log(`lemmatizer: dev accuracy ${acc.toFixed(2)} with gold tags; ${Object.keys(lem.meta.exceptions).length} exceptions, ${Object.keys(lem.meta.rules).length} rules`);
        bytes = lem.encode();
      } else {
        const taggerPath = join(opts.out, MODEL_FILES.tagger);
        const devTagger = existsSync(taggerPath)
          ? Tagger.decode(readFileSync(taggerPath))
          : trainTagger(train, dev, { seed: opts.seed, epochs: 8, log });
        let trainTags: SentenceTags[];
        if (opts.tagsCache && existsSync(opts.tagsCache)) {
          const raw = JSON.parse(readFileSync(opts.tagsCache, 'utf8')) as { x: number[]; u: number[] }[];
          trainTags = raw.map((t) => ({ x: Int32Array.from(t.x), u: Int32Array.from(t.u) }));
          log(`parser: jackknifed tags from ${opts.tagsCache}`);
        } else {
          trainTags = jackknifeTags(train, opts.folds, { seed: opts.seed, epochs: 7, log });
          if (opts.tagsCache) writeFileSync(opts.tagsCache, JSON.stringify(trainTags.map((t) => ({ x: Array.from(t.x), u: Array.from(t.u) }))));
        }
        const devTags = predictedTags(devTagger, dev);
        const parser = trainParser(train, trainTags, dev, devTags, {
          seed: opts.seed, epochs: opts.epochs ?? 15, keepNonProjective: opts.keepNonprojective ?? false, log,
        });
        bytes = parser.encode(q);
        const sc = evaluateParser(Parser.decode(bytes), dev, devTags);
        parser.meta.trainedOn = CREDIT;
        parser.meta.scores = { devUas: round(sc.uas), devLas: round(sc.las), devLasUniversal: round(sc.lasUniversal) };
        bytes = parser.encode(q);
        log(`parser (as stored): dev UAS ${sc.uas.toFixed(2)} LAS ${sc.las.toFixed(2)} (universal ${sc.lasUniversal.toFixed(2)})`);
      }
      // Stored gzipped: the hashed tables are mostly zeros, and every reader inflates transparently.
      bytes = compressModel(bytes);
      const path = join(opts.out, MODEL_FILES[model as keyof typeof MODEL_FILES]);
      writeFileSync(path, bytes);
      log(`wrote ${path} (${(bytes.length / 1e6).toFixed(1)} MB)`);
    });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
