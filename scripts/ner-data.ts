// Reads the NER training and tuning corpora (CoNLL-2003, UNER EWT) and maps their labels to Parley's NER types:
// PER→PERSON, ORG→ORG, LOC→GPE when the span is a country, capital or city (KB or GeoNames) else LOC,
// MISC→NORP when a demonym or group word else OTHER. Used by scripts/train-ner.ts and bench/ner.ts only.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { nerCode } from '../src/text/doc.js';
import type { KnowledgeBase } from '../src/actors/kb.js';

export interface NerSentence {
  /** Article the sentence belongs to (sentences of one article are consecutive). */
  doc: number;
  words: string[];
  /** Doc ner codes (0 = O). */
  gold: number[];
  /** Original corpus tags (PER/LOC/ORG/MISC, BIO), for scoring against the source labels. */
  source: string[];
  /** true: an O in this corpus may hide an unlabelled MISC (UNER has no MISC class). */
  partialO: boolean;
}

const US_STATES = 'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming'.split(' ');
const US_STATES2 = ['New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Rhode Island', 'South Carolina', 'South Dakota', 'West Virginia'];
const NORP_WORDS = new Set(['Muslim', 'Muslims', 'Christian', 'Christians', 'Jewish', 'Jews', 'Jew', 'Arab', 'Arabs', 'Kurdish', 'Kurds', 'Kurd', 'Sunni', 'Shi\'ite', 'Shiite', 'Shia', 'Catholic', 'Catholics', 'Protestant', 'Hindu', 'Hindus', 'Sikh', 'Buddhist', 'Islamic', 'Islamist', 'Islamists', 'Republican', 'Republicans', 'Democrat', 'Democrats', 'Democratic', 'Communist', 'Communists', 'Socialist', 'Socialists', 'Conservative', 'Conservatives', 'Labour', 'European', 'Europeans', 'African', 'Africans', 'Asian', 'Asians', 'Latin', 'Western', 'Palestinian', 'Palestinians', 'Serb', 'Serbs', 'Croat', 'Croats', 'Tamil', 'Tamils', 'Basque', 'Pashtun', 'Tutsi', 'Hutu', 'Hutus', 'Tutsis', 'Bosnian', 'Bosnians', 'Chechen', 'Chechens', 'Zionist', 'Yankee', 'Yankees']);

export class LabelMapper {
  private readonly places = new Set<string>();
  constructor(private readonly kb: KnowledgeBase, shared: string) {
    const gz = gunzipSync(readFileSync(join(shared, 'data/kb/cities15000.txt.gz'))).toString('utf8');
    for (const line of gz.split('\n')) {
      const f = line.split('\t');
      if (f.length > 2) { this.places.add(f[1]); this.places.add(f[2]); }
    }
    for (const s of [...US_STATES, ...US_STATES2]) this.places.add(s);
  }
  private kinds(words: string[]): Set<string> {
    const hit = this.kb.lookup(words) ?? this.kb.lookup(words.map((w) => (w.length > 3 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w)));
    return new Set((hit ?? []).map((e) => e.kind));
  }
  locType(words: string[]): 'GPE' | 'LOC' {
    const k = this.kinds(words);
    if (k.has('country') || k.has('capital') || k.has('metonym')) return 'GPE';
    const text = words.join(' ');
    const title = words.map((w) => (w.length > 1 && w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w)).join(' ');
    return this.places.has(text) || this.places.has(title) ? 'GPE' : 'LOC';
  }
  miscType(words: string[]): 'NORP' | 'OTHER' {
    if (words.length === 1) {
      const k = this.kinds(words);
      if (k.has('demonym') || NORP_WORDS.has(words[0])) return 'NORP';
      const t = words[0][0] + words[0].slice(1).toLowerCase();
      if (NORP_WORDS.has(t)) return 'NORP';
    }
    return 'OTHER';
  }
  /** Maps one sentence's BIO source tags (PER/LOC/ORG/MISC) to Parley NER codes. */
  map(words: string[], tags: string[]): number[] {
    const out = new Array<number>(words.length).fill(0);
    let i = 0;
    while (i < words.length) {
      const t = tags[i];
      if (t === 'O') { i++; continue; }
      const type = t.slice(2);
      let j = i + 1;
      while (j < words.length && tags[j] === `I-${type}`) j++;
      const span = words.slice(i, j);
      const ours = type === 'PER' ? 'PERSON' : type === 'ORG' ? 'ORG' : type === 'LOC' ? this.locType(span) : this.miscType(span);
      for (let k = i; k < j; k++) out[k] = nerCode(`${k === i ? 'B' : 'I'}-${ours}`);
      i = j;
    }
    return out;
  }
}

/** IOB1 or IOB2 tags to IOB2. */
function toIob2(tags: string[]): string[] {
  return tags.map((t, i) => {
    if (t.startsWith('I-') && (i === 0 || tags[i - 1] === 'O' || tags[i - 1].slice(2) !== t.slice(2))) return 'B-' + t.slice(2);
    return t;
  });
}

export interface RawSentence { doc: number; words: string[]; tags: string[] }

// These CoNLL files carry no -DOCSTART- lines; every Reuters story opens with a headline and then a dateline
// sentence ("LONDON 1996-08-30"), so a dateline marks the start of the story one sentence earlier.
const DATELINE = /^(19|20)\d\d-\d\d-\d\d$/;
function splitDocs(sents: { words: string[]; tags: string[] }[]): RawSentence[] {
  let doc = 0;
  const starts = new Set<number>();
  sents.forEach((s, i) => {
    if (s.words.length <= 6 && DATELINE.test(s.words[s.words.length - 1]) && i > 0) starts.add(i - 1);
  });
  return sents.map((s, i) => {
    if (starts.has(i) && i > 0) doc++;
    return { doc, ...s };
  });
}

export function readConll(path: string): RawSentence[] {
  const out: { words: string[]; tags: string[] }[] = [];
  let words: string[] = [], tags: string[] = [];
  const flush = (): void => {
    if (words.length) out.push({ words, tags: toIob2(tags) });
    words = [];
    tags = [];
  };
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('-DOCSTART-')) { flush(); continue; }
    const f = line.split(' ');
    words.push(f[0]);
    tags.push(f[f.length - 1]);
  }
  flush();
  return splitDocs(out);
}

export function readUner(path: string, docBase = 0): RawSentence[] {
  const out: RawSentence[] = [];
  let words: string[] = [], tags: string[] = [];
  let doc = docBase;
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('# newdoc')) doc++;
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (words.length) out.push({ doc, words, tags: toIob2(tags) });
      words = [];
      tags = [];
      continue;
    }
    const f = line.split('\t');
    words.push(f[1]);
    tags.push(f[2] === 'O' || /^[BI]-(PER|LOC|ORG)$/.test(f[2]) ? f[2] : 'O');
  }
  if (words.length) out.push({ doc, words, tags: toIob2(tags) });
  return out;
}

export function loadSentences(raw: RawSentence[], mapper: LabelMapper, partialO: boolean): NerSentence[] {
  return raw.map((r) => ({ doc: r.doc, words: r.words, gold: mapper.map(r.words, r.tags), source: r.tags, partialO }));
}

/** Sentences grouped by article, in corpus order. */
export function byDoc<T extends { doc: number }>(sents: readonly T[]): T[][] {
  const out: T[][] = [];
  for (const s of sents) {
    if (!out.length || out[out.length - 1][0].doc !== s.doc) out.push([s]);
    else out[out.length - 1].push(s);
  }
  return out;
}

/** PER/LOC/ORG exact-span precision, recall and F1 against the source labels (GPE and LOC both count as LOC). */
export function scoreConll(sents: readonly NerSentence[], predicted: readonly number[][]): Record<string, { p: number; r: number; f: number; n: number }> {
  const ours = (code: number): string | undefined => {
    if (code === 0) return undefined;
    const t = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER'][(code - 1) >> 1];
    return t === 'PERSON' ? 'PER' : t === 'ORG' ? 'ORG' : t === 'GPE' || t === 'LOC' ? 'LOC' : undefined;
  };
  const spans = (labels: (string | undefined)[], begins: boolean[]): Set<string> => {
    const out = new Set<string>();
    let start = -1, type: string | undefined;
    for (let i = 0; i <= labels.length; i++) {
      const l = i < labels.length ? labels[i] : undefined;
      if (start >= 0 && (l !== type || (i < labels.length && begins[i]))) { out.add(`${start}:${i}:${type}`); start = -1; }
      if (l && start < 0) { start = i; type = l; }
    }
    return out;
  };
  const tp: Record<string, number> = {}, fp: Record<string, number> = {}, fn: Record<string, number> = {};
  sents.forEach((s, k) => {
    const goldLabels = s.source.map((t) => (t === 'O' || t.endsWith('MISC') ? undefined : t.slice(2)));
    const g = spans(goldLabels, s.source.map((t) => t.startsWith('B-')));
    const p = spans(predicted[k].map(ours), predicted[k].map((c) => c % 2 === 1));
    for (const x of p) { const t = x.split(':')[2]; if (g.has(x)) tp[t] = (tp[t] ?? 0) + 1; else fp[t] = (fp[t] ?? 0) + 1; }
    for (const x of g) { const t = x.split(':')[2]; if (!p.has(x)) fn[t] = (fn[t] ?? 0) + 1; }
  });
  const out: Record<string, { p: number; r: number; f: number; n: number }> = {};
  let TP = 0, FP = 0, FN = 0;
  for (const t of ['PER', 'LOC', 'ORG']) {
    const a = tp[t] ?? 0, b = fp[t] ?? 0, c = fn[t] ?? 0;
    TP += a; FP += b; FN += c;
    const p = a / Math.max(1, a + b), r = a / Math.max(1, a + c);
    out[t] = { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, n: a + c };
  }
  const p = TP / Math.max(1, TP + FP), r = TP / Math.max(1, TP + FN);
  out.ALL = { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, n: TP + FN };
  return out;
}
