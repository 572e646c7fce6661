// Loads the shipped NLP models from models/*.bin beside the package root, lazily and once per process.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Tagger } from '../annotate/tagger.js';
import { Parser } from '../annotate/parser.js';
import { Lemmatizer } from '../annotate/lemmatizer.js';

/** dist/resources/ and src/resources/ are both two levels below the package root. */
export const MODELS_DIR = fileURLToPath(new URL('../../models/', import.meta.url));

export const MODEL_FILES = { tagger: 'tagger.bin', parser: 'parser.bin', lemmatizer: 'lemmatizer.bin' } as const;

function read(name: string): Uint8Array {
  const path = MODELS_DIR + name;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`cannot read model ${path}: ${(err as Error).message} (rebuild it with \`parley train\`)`);
  }
}

let tagger: Tagger | undefined;
let parser: Parser | undefined;
let lemmatizer: Lemmatizer | undefined;

export function loadTagger(): Tagger {
  return (tagger ??= Tagger.decode(read(MODEL_FILES.tagger), `models/${MODEL_FILES.tagger}`));
}

export function loadParser(): Parser {
  return (parser ??= Parser.decode(read(MODEL_FILES.parser), `models/${MODEL_FILES.parser}`));
}

export function loadLemmatizer(): Lemmatizer {
  return (lemmatizer ??= Lemmatizer.decode(read(MODEL_FILES.lemmatizer), `models/${MODEL_FILES.lemmatizer}`));
}
