// The NLP stage list (tagger → lemmatizer → parser, then NER when one is plugged in) from loaded models.
import type { Stage } from '../pipeline/stage.js';
import { TaggerStage, type Tagger } from './tagger.js';
import { LemmatizerStage, type Lemmatizer } from './lemmatizer.js';
import { ParserStage, type Parser } from './parser.js';

export interface NlpModels {
  tagger: Tagger;
  lemmatizer: Lemmatizer;
  parser: Parser;
}

/**
 * Stages in run order. `ner` is the hook for the named-entity stage (it should set the 'ner' layer); until one
 * is passed, every token's NER column stays 0, which is written as NER=O.
 */
export function nlpStages(models: NlpModels, ner?: Stage): Stage[] {
  const stages: Stage[] = [new TaggerStage(models.tagger), new LemmatizerStage(models.lemmatizer), new ParserStage(models.parser)];
  if (ner) stages.push(ner);
  return stages;
}
