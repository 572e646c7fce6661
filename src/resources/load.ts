// Loads the shipped resources (knowledge base, models) from the package's data/ and models/ folders, once per
// process, plus any user dictionaries named on the command line. All file reading for resources happens here.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { KnowledgeBase, mergeKbFiles, type KbFile } from '../actors/kb.js';
import { dictionaryKind, parseDictionary, parsePetrarchDiscards, type Discards } from '../actors/petrarch.js';
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
  /**
   * Extra dictionaries (PETRARCH/TABARI actors, agents, verbs or discards, or Parley JSON actors), in order; later
   * ones take precedence. The kind of each file is read from its syntax.
   */
  dictionaries?: readonly string[];
  /** false: use only the dictionaries, not the shipped knowledge base (nor the shipped verbs, when verb files are given). */
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

function readDictionary(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read dictionary ${path}: ${(err as Error).message}`);
  }
}

/** One actor or agent dictionary as a knowledge-base file. */
export function loadDictionary(path: string): KbFile {
  return parseDictionary(readDictionary(path), path);
}

/** `--dictionary` files sorted by kind: actor/agent knowledge-base files, verb files, and the discards they add up to. */
export interface DictionarySet {
  kb: KbFile[];
  verbs: { path: string; text: string }[];
  discards?: Discards;
}

export function loadDictionaries(paths: readonly string[]): DictionarySet {
  const set: DictionarySet = { kb: [], verbs: [] };
  for (const path of paths) {
    const text = readDictionary(path);
    const kind = dictionaryKind(text);
    if (kind === 'verbs') set.verbs.push({ path, text });
    else if (kind === 'discards') set.discards = parsePetrarchDiscards(text, set.discards);
    else set.kb.push(parseDictionary(text, path));
  }
  return set;
}

/** A knowledge base from files (the shipped one first when `builtin`), aliases split like article text. */
export function knowledgeBaseOf(files: readonly KbFile[]): KnowledgeBase {
  const kbFile = files.length === 1 ? files[0] : mergeKbFiles(files.length ? [...files] : [emptyKb()]);
  return new KnowledgeBase(kbFile, splitAlias);
}

export function loadResources(opts: ResourceOptions = {}): Resources {
  const builtin = opts.builtinKb !== false;
  const dicts = opts.dictionaries ?? [];
  const key = JSON.stringify([builtin, dicts]);
  const hit = cache.get(key);
  if (hit) return hit;
  const set = loadDictionaries(dicts);
  const kb = knowledgeBaseOf(builtin ? [loadKbFile(), ...set.kb] : set.kb);
  const events = loadEventData();
  const resources: Resources = {
    kb, ner: loadNerModel(), nlp: loadNlpModels(), ...events,
    ...(set.verbs.length ? { verbs: verbIndexOf(set.verbs, builtin) } : {}),
    ...(set.discards ? { discards: set.discards } : {}),
  };
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
export function verbIndexOf(files: readonly { path: string; text: string }[], builtin = true): VerbIndex {
  const base: CompiledVerbs = builtin
    ? (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data', 'events', 'verbs.json'), 'utf8')) as CompiledVerbs)
    : { version: 1, sources: [], synsets: {}, blocks: [], verbs: [], nouns: [] };
  for (const f of files) parseVerbDictionary(f.text, base, f.path);
  const index = new VerbIndex(base);
  index.codesSpeech = !builtin && files.length > 0;
  return index;
}

export function loadVerbIndex(files: readonly string[], builtin = true): VerbIndex {
  return verbIndexOf(files.map((path) => ({ path, text: readDictionary(path) })), builtin);
}

/** The shipped tagger, lemmatizer and parser (models/*.bin). */
export function loadNlpModels(): NlpModels {
  return { tagger: loadTagger(), lemmatizer: loadLemmatizer(), parser: loadParser() };
}
