// Loads the shipped resources (knowledge base, models) from the package's data/ and models/ folders, once per
// process, plus any user dictionaries named on the command line. All file reading for resources happens here.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { KnowledgeBase, mergeKbFiles, type KbFile } from '../actors/kb.js';
import { parseDictionary } from '../actors/petrarch.js';
import { tokenize } from '../text/tokenize.js';
import { decodeNerModel, type NerTagger } from '../annotate/ner.js';
import type { Resources } from '../pipeline/context.js';
import type { NlpModels } from '../annotate/nlp.js';
import { loadTagger, loadParser, loadLemmatizer } from './models.js';
import { VerbIndex, parseVerbDictionary, type CompiledVerbs } from '../events/verb-dict.js';
import { CameoTable, type CameoData } from '../events/cameo.js';
import { Gazetteer } from '../events/geo.js';

/** The package root (where data/ and models/ live), found from this compiled file's location. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ResourceOptions {
  /** Extra actor/agent dictionaries (PETRARCH/TABARI format or Parley JSON), in order; later ones take precedence. */
  dictionaries?: readonly string[];
  /** false: use only the dictionaries, not the shipped knowledge base. */
  builtinKb?: boolean;
}

const cache = new Map<string, Resources>();

// aliases are split with the same tokenizer as articles, so "U.S." or "Israel's" match the way text is tokenized
const splitAlias = (a: string): string[] => {
  const d = tokenize(a);
  return d.span(0, d.length).words();
};

export function loadKbFile(): KbFile {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data', 'kb', 'actors.json'), 'utf8')) as KbFile;
}

export function loadDictionary(path: string): KbFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read dictionary ${path}: ${(err as Error).message}`);
  }
  return parseDictionary(text, path);
}

export function loadResources(opts: ResourceOptions = {}): Resources {
  const builtin = opts.builtinKb !== false;
  const dicts = opts.dictionaries ?? [];
  const key = JSON.stringify([builtin, dicts]);
  const hit = cache.get(key);
  if (hit) return hit;
  const files: KbFile[] = [];
  if (builtin) files.push(loadKbFile());
  for (const d of dicts) files.push(loadDictionary(d));
  const kbFile = files.length === 1 ? files[0] : mergeKbFiles(files.length ? files : [emptyKb()]);
  const kb = new KnowledgeBase(kbFile, splitAlias);
  const resources: Resources = { kb, ner: loadNerModel(), nlp: loadNlpModels(), ...loadEventData() };
  cache.set(key, resources);
  return resources;
}

function emptyKb(): KbFile {
  return { version: 2, built: 'empty', sources: [], entries: [], nouns: [], modifiers: [] };
}

let nerCache: NerTagger | null | undefined;
/** The shipped NER model (models/ner.bin), or undefined when it is missing (mentions then come from the KB alone). */
export function loadNerModel(): NerTagger | undefined {
  if (nerCache === undefined) {
    const p = join(PACKAGE_ROOT, 'models', 'ner.bin');
    nerCache = existsSync(p) ? decodeNerModel(new Uint8Array(readFileSync(p))) : null;
  }
  return nerCache ?? undefined;
}

let eventData: Pick<Resources, 'verbs' | 'cameo' | 'geo'> | undefined;
/** CAMEO verb patterns, the CAMEO code table and the place gazetteer, shared by every knowledge-base variant. */
function loadEventData(): Pick<Resources, 'verbs' | 'cameo' | 'geo'> {
  if (!eventData) {
    const read = (...p: string[]): string => readFileSync(join(PACKAGE_ROOT, 'data', ...p), 'utf8');
    eventData = {
      verbs: new VerbIndex(JSON.parse(read('events', 'verbs.json')) as CompiledVerbs),
      cameo: new CameoTable(JSON.parse(read('events', 'cameo.json')) as CameoData),
      geo: new Gazetteer(read('geo', 'places.tsv'), read('geo', 'countries.tsv')),
    };
  }
  return eventData;
}

/**
 * The verb index for `--dictionary` verb files (PETRARCH/TABARI syntax): the shipped dictionary plus the files, a
 * word defined in a file replacing its built-in senses; with `builtin` false (`--no-builtin-kb`) the files alone.
 */
export function loadVerbIndex(files: readonly string[], builtin = true): VerbIndex {
  const base: CompiledVerbs = builtin
    ? (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data', 'events', 'verbs.json'), 'utf8')) as CompiledVerbs)
    : { version: 1, sources: [], synsets: {}, blocks: [], verbs: [], nouns: [] };
  for (const f of files) parseVerbDictionary(readFileSync(f, 'utf8'), base, f);
  return new VerbIndex(base);
}

/** The shipped tagger, lemmatizer and parser (models/*.bin). */
export function loadNlpModels(): NlpModels {
  return { tagger: loadTagger(), lemmatizer: loadLemmatizer(), parser: loadParser() };
}
