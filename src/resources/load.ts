// Loads the shipped resources (knowledge base, models) from the package's data/ folder, once per process.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { KnowledgeBase, type KbData } from '../actors/kb.js';
import { tokenize } from '../text/tokenize.js';
import type { Resources } from '../pipeline/context.js';
import { VerbIndex, parseVerbDictionary, type CompiledVerbs } from '../events/verb-dict.js';
import { CameoTable, type CameoData } from '../events/cameo.js';
import { Gazetteer } from '../events/geo.js';

/** The package root (where data/ and models/ live), found from this compiled file's location. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let cached: Resources | undefined;

export function loadResources(): Resources {
  if (cached) return cached;
  const kbData = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'data', 'kb', 'actors.json'), 'utf8')) as KbData;
  // aliases are split with the same tokenizer as articles, so "U.S." or "Israel's" match the way text is tokenized
  const kb = new KnowledgeBase(kbData, (a) => {
    const d = tokenize(a);
    return d.span(0, d.length).words();
  });
  const read = (...p: string[]): string => readFileSync(join(PACKAGE_ROOT, 'data', ...p), 'utf8');
  const verbs = new VerbIndex(JSON.parse(read('events', 'verbs.json')) as CompiledVerbs);
  const cameo = new CameoTable(JSON.parse(read('events', 'cameo.json')) as CameoData);
  const geo = new Gazetteer(read('geo', 'places.tsv'), read('geo', 'countries.tsv'));
  cached = { kb, verbs, cameo, geo };
  return cached;
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
