// Loads the shipped resources (knowledge base, models) from the package's data/ and models/ folders, once per
// process, plus any user dictionaries named on the command line. All file reading for resources happens here.
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { KnowledgeBase, mergeKbFiles, type KbFile } from '../actors/kb.js';
import { parseDictionary } from '../actors/petrarch.js';
import { tokenize } from '../text/tokenize.js';
import { decodeCompact } from '../learn/ner-model.js';
import { NerTagger } from '../annotate/ner.js';
import type { Resources } from '../pipeline/context.js';

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
  const resources: Resources = { kb, ner: loadNerModel() };
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
    nerCache = existsSync(p) ? new NerTagger(decodeCompact(new Uint8Array(readFileSync(p))).model) : null;
  }
  return nerCache ?? undefined;
}
