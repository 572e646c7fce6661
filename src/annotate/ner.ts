// Named-entity tagger: a greedy left-to-right averaged perceptron over BIO tags for PERSON, ORG, GPE, LOC, NORP,
// FAC, EVENT, OTHER, with word, shape, affix, context, knowledge-base gazetteer and document-level features. Pure:
// the model and the knowledge base come in as arguments.
import { NER_TYPES, type Doc } from '../text/doc.js';
import { decodeCompact, type CompactMeta, type ScoringModel } from '../learn/ner-model.js';
import { ModelFormatError } from '../learn/model-file.js';
import { fnv1a } from '../learn/perceptron.js';
import type { KbMatch, KnowledgeBase } from '../actors/kb.js';

/** Class k ↔ Doc ner code k (0 = O, 2t+1 = B-type, 2t+2 = I-type), so predictions go straight into doc.ner. */
export const NER_CLASSES = 1 + 2 * NER_TYPES.length;

export function isB(c: number): boolean {
  return c > 0 && c % 2 === 1;
}
export function typeOf(c: number): number {
  return c === 0 ? -1 : (c - 1) >> 1;
}
/** BIO constraint: an I- tag must continue an entity of the same type. */
export function allowedAfter(prev: number, c: number): boolean {
  return c === 0 || isB(c) || (prev !== 0 && typeOf(prev) === typeOf(c));
}

// Case is read through toLowerCase/toUpperCase rather than \p{Lu} regexes: same answer for letters, far faster.
export function shape(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) out += 'd';
    else if (c >= 65 && c <= 90) out += 'X';
    else if (c >= 97 && c <= 122) out += 'x';
    else {
      const ch = w[i];
      out += ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    }
  }
  return out.length > 8 ? out.slice(0, 4) + out.slice(-4) : out;
}
export function shortShape(w: string): string {
  return shape(w).replace(/(.)\1+/g, '$1');
}

/** Gazetteer tags per word: the kind of KB entry a word is inside of, with B/I position ("country:B"), or "". */
export function gazetteerTags(words: readonly string[], kb: KnowledgeBase | undefined, matches?: readonly KbMatch[]): string[] {
  const out = new Array<string>(words.length).fill('');
  if (!kb) return out;
  for (const m of matches ?? kb.matchAll(words)) {
    const kinds = [...new Set(m.entries.map((e) => (e.kind === 'group' ? `group-${e.sector}` : e.kind)))].sort().join('+');
    for (let i = m.start; i < m.end; i++) out[i] = `${kinds}:${i === m.start ? 'B' : 'I'}`;
  }
  return out;
}

/** Version of the feature set; a model trained on another set is refused at load time. */
export const NER_FEATURES = 'ner-4';

const HISTORY_O = NER_TYPES.length;

function capitalised(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0] !== w[0].toLowerCase());
}

function allCaps(words: readonly string[]): boolean {
  let letters = 0;
  for (const w of words) {
    if (w.toUpperCase() !== w) return false;
    if (w.toLowerCase() !== w) letters++;
  }
  return words.length > 3 && letters > 0;
}

/**
 * What the tagger knows about the whole article: which word forms occur in lower case or capitalised inside a
 * sentence (so a sentence-initial or headline word can be told from a name), and which labels earlier occurrences
 * of a capitalised word got (the same name tends to keep its type through an article: "Leicestershire ... Leicestershire").
 */
export class DocMemory {
  readonly lowerSeen = new Set<string>();
  readonly capMid = new Set<string>();
  private readonly history = new Map<string, Int32Array>();
  /** Labels of every occurrence from a first pass over the whole article (read by the second pass). */
  private firstPass?: Map<string, Int32Array>;

  static of(sentences: readonly (readonly string[])[]): DocMemory {
    const m = new DocMemory();
    for (const words of sentences) {
      if (allCaps(words)) continue;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        const lw = w.toLowerCase();
        if (lw === w) { if (lw.toUpperCase() !== lw) m.lowerSeen.add(lw); } else if (i > 0 && capitalised(w) && w.slice(1) !== w.slice(1).toUpperCase()) m.capMid.add(lw);
      }
    }
    return m;
  }

  /** Casing of the word elsewhere in the article: C = capitalised inside a sentence, L = in lower case. */
  casing(lw: string): string {
    return (this.capMid.has(lw) ? 'C' : '') + (this.lowerSeen.has(lw) ? 'L' : '');
  }

  /** The label most often given to earlier occurrences of the word ('' when none). */
  previous(lw: string): string {
    const h = this.history.get(lw);
    if (!h) return '';
    let best = 0;
    for (let t = 1; t < h.length; t++) if (h[t] > h[best]) best = t;
    return best === HISTORY_O ? 'O' : NER_TYPES[best];
  }

  /** A fresh memory for the second pass, which also sees the first pass's labels of later occurrences. */
  secondPass(): DocMemory {
    const m = new DocMemory();
    for (const w of this.lowerSeen) m.lowerSeen.add(w);
    for (const w of this.capMid) m.capMid.add(w);
    m.firstPass = this.history;
    return m;
  }

  /** The label the first pass gave most often to the other occurrences of the word ('' when none or no pass). */
  elsewhere(lw: string, own: number): string {
    const h = this.firstPass?.get(lw);
    if (!h) return '';
    const ownIdx = own === 0 ? HISTORY_O : typeOf(own);
    let best = -1, bestN = 0;
    for (let t = 0; t < h.length; t++) {
      const n = h[t] - (t === ownIdx ? 1 : 0);
      if (n > bestN) { bestN = n; best = t; }
    }
    return best < 0 ? '' : best === HISTORY_O ? 'O' : NER_TYPES[best];
  }

  record(word: string, code: number): void {
    if (!capitalised(word)) return;
    const lw = word.toLowerCase();
    let h = this.history.get(lw);
    if (!h) this.history.set(lw, (h = new Int32Array(NER_TYPES.length + 1)));
    h[code === 0 ? HISTORY_O : typeOf(code)]++;
  }
}

/**
 * A sentence ready to decode: its words, KB matches, lower-cased forms and short shapes, and the summed class
 * scores of its static features (n × NER_CLASSES). Both passes add only the few history features to these: the
 * static rows, most of the model reads and random memory traffic, are read once per article instead of twice.
 */
interface Prepared {
  words: readonly string[];
  matches: KbMatch[];
  lower: readonly string[];
  shapes: readonly string[];
  statScores: Float64Array;
}

/** Receives one feature as up to six parts; the feature string is their concatenation. */
type Emit = (a: string, b?: string, c?: string, d?: string, e?: string, f?: string) => void;

interface SentenceInfo {
  words: readonly string[];
  gz: readonly string[];
  lower: string[];
  shapes: string[];
  headline: boolean;
  mem: DocMemory;
  /** For a word inside a run of capitalised words: the run's first and last index, else -1. */
  runStart: number[];
  runEnd: number[];
}

function sentenceInfo(words: readonly string[], gz: readonly string[], mem: DocMemory): SentenceInfo {
  const n = words.length;
  return {
    words, gz, mem,
    lower: words.map((w) => w.toLowerCase()),
    shapes: words.map(shortShape),
    headline: n > 3 && words.filter((w) => /\p{L}/u.test(w)).every((w) => w === w.toUpperCase()),
    ...capitalisedRuns(words),
  };
}

// A name's last word often tells its type ("... United", "... Party", "... Ministry", "... Island") while the first
// words only see three words ahead; each word of a run of capitalised words is told the run's first and last word.
// Closed-class words capitalised only by position ("The", "In") are not part of a name's run.
const FUNCTION_WORDS = new Set('the a an this that these those in on at for of to from by with and or but if when while as after before it he she they we i his her their its our my'.split(' '));

function capitalisedRuns(words: readonly string[]): { runStart: number[]; runEnd: number[] } {
  const n = words.length;
  const runStart = new Array<number>(n).fill(-1), runEnd = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; ) {
    if (!capitalised(words[i]) || FUNCTION_WORDS.has(words[i].toLowerCase())) { i++; continue; }
    let j = i + 1;
    while (j < n && capitalised(words[j])) j++;
    if (j - i > 1) for (let k = i; k < j; k++) { runStart[k] = i; runEnd[k] = j - 1; }
    i = j;
  }
  return { runStart, runEnd };
}

// Features are emitted as parts so that run time can hash them without building strings (FNV-1a is sequential:
// hashing the parts one after the other equals hashing their concatenation), while training sees the strings.
function emitStatic(si: SentenceInfo, i: number, emit: Emit): void {
  emitWord(si.words[i], si.lower[i], si.shapes[i], emit);
  emitContext(si, i, emit);
}

/** The static features that depend on the word form alone: their scores can be cached per form (see wordScores). */
function emitWord(w: string, lw: string, ss: string, emit: Emit): void {
  emit('b');
  emit('w=', lw);
  emit('W=', w);
  emit('sh=', shape(w));
  emit('ss=', ss);
  emit('p1=', lw.slice(0, 1)); emit('p2=', lw.slice(0, 2)); emit('p3=', lw.slice(0, 3)); emit('p4=', lw.slice(0, 4));
  emit('s1=', lw.slice(-1)); emit('s2=', lw.slice(-2)); emit('s3=', lw.slice(-3)); emit('s4=', lw.slice(-4));
  if (/[-.]/.test(w)) emit('parts=', String(lw.split(/[-.]/).length));
}

/** The static features of the word's context: neighbours, gazetteer, sentence and article. */
function emitContext(si: SentenceInfo, i: number, emit: Emit): void {
  const { words, gz, lower, shapes } = si;
  const n = words.length;
  const at = (arr: readonly string[], k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : arr[k]);
  const w = words[i], lw = lower[i];
  emit('w-1=', at(lower, i - 1)); emit('w+1=', at(lower, i + 1)); emit('w-2=', at(lower, i - 2)); emit('w+2=', at(lower, i + 2));
  emit('ss-1=', at(shapes, i - 1)); emit('ss+1=', at(shapes, i + 1));
  emit('w-1w=', at(lower, i - 1), '|', lw); emit('ww+1=', lw, '|', at(lower, i + 1));
  emit('ss-1ss=', at(shapes, i - 1), '|', shapes[i], '|', at(shapes, i + 1));
  emit('gz=', gz[i]); emit('gz-1=', i > 0 ? gz[i - 1] : '<s>'); emit('gz+1=', i + 1 < n ? gz[i + 1] : '</s>');
  emit('gzw=', gz[i], '|', shapes[i]);
  emit('W-1=', at(words, i - 1)); emit('W+1=', at(words, i + 1)); emit('w-3=', at(lower, i - 3)); emit('w+3=', at(lower, i + 3));
  emit('s3-1=', at(lower, i - 1).slice(-3)); emit('s3+1=', at(lower, i + 1).slice(-3));
  emit('w-2w-1=', at(lower, i - 2), '|', at(lower, i - 1)); emit('w+1w+2=', at(lower, i + 1), '|', at(lower, i + 2));
  if (i === 0) { emit('first=', shapes[i]); emit('firstw=', lw); }
  if (si.headline) { emit('hl=', shapes[i]); emit('hlw=', lw); }
  // only what was seen: a lone sentence (or a word met once) says nothing about its casing elsewhere
  const casing = capitalised(w) ? si.mem.casing(lw) : '';
  if (casing) emit('dc=', casing, i === 0 || si.headline ? '|F' : '|M');
  if (si.runStart[i] >= 0 && !si.headline) {
    emit('rl=', lower[si.runEnd[i]], i === si.runEnd[i] ? '|E' : '|');
    emit('rf=', lower[si.runStart[i]], i === si.runStart[i] ? '|S' : '|');
  }
}

const CLASS_STR = Array.from({ length: 1 + 2 * NER_TYPES.length }, (_, c) => String(c));

function emitHistory(prev: number, prev2: number, lw: string, ss: string, docPrev: string, docAll: string, emit: Emit): void {
  emit('t-1=', CLASS_STR[prev]);
  emit('t-2t-1=', CLASS_STR[prev2], '|', CLASS_STR[prev]);
  emit('t-1w=', CLASS_STR[prev], '|', lw);
  emit('t-1ss=', CLASS_STR[prev], '|', ss);
  if (docPrev) {
    emit('dh=', docPrev);
    emit('dht=', docPrev, '|', CLASS_STR[prev]);
  }
  if (docAll) {
    emit('d2=', docAll);
    emit('d2s=', docAll, '|', ss);
  }
}

const joinParts = (out: string[]): Emit => (a, b, c, d, e, f) => {
  out.push(a + (b ?? '') + (c ?? '') + (d ?? '') + (e ?? '') + (f ?? ''));
};

/** Features that do not depend on earlier predictions, for every word of a sentence (as strings, for training). */
export function staticFeatures(words: readonly string[], gz: readonly string[], mem = DocMemory.of([words])): string[][] {
  const si = sentenceInfo(words, gz, mem);
  return words.map((_, i) => {
    const f: string[] = [];
    emitStatic(si, i, joinParts(f));
    return f;
  });
}

/** Features of the previous decisions: the last two tags and the labels of earlier occurrences in the article. */
export function historyFeatures(prev: number, prev2: number, word: string, ss: string, mem?: DocMemory, firstCode = 0): string[] {
  const f: string[] = [];
  const lw = word.toLowerCase();
  const cap = !!mem && capitalised(word);
  emitHistory(prev, prev2, lw, ss, cap ? mem.previous(lw) : '', cap ? mem.elsewhere(lw, firstCode) : '', joinParts(f));
  return f;
}

/** The same features as FNV-1a hashes, computed part by part (no feature strings are built). */
export function staticFeatureHashes(words: readonly string[], gz: readonly string[], mem = DocMemory.of([words])): number[][] {
  const si = sentenceInfo(words, gz, mem);
  return words.map((_, i) => {
    const out: number[] = [];
    emitStatic(si, i, hashParts(out));
    return out;
  });
}

const hashParts = (out: number[]): Emit => (a, b, c, d, e, f) => {
  let h = fnv1a(a);
  if (b !== undefined) h = fnv1a(b, h);
  if (c !== undefined) h = fnv1a(c, h);
  if (d !== undefined) h = fnv1a(d, h);
  if (e !== undefined) h = fnv1a(e, h);
  if (f !== undefined) h = fnv1a(f, h);
  out.push(h);
};

const WORD_CACHE_SIZE = 1 << 16;

export class NerTagger {
  private readonly active: boolean[];
  private readonly wordCache = { index: new Map<string, number>(), slab: new Float64Array(WORD_CACHE_SIZE * NER_CLASSES) };
  constructor(readonly model: ScoringModel) {
    if (model.nClasses !== NER_CLASSES) throw new RangeError(`NER model has ${model.nClasses} classes, expected ${NER_CLASSES}`);
    this.active = model.activeClasses();
    this.active[0] = true;
  }

  /** Tags one sentence's words (as an article of its own unless `mem` is given); returns Doc ner codes. */
  tagWords(words: readonly string[], kb?: KnowledgeBase, mem?: DocMemory): number[] {
    return mem ? this.tagPass(this.prepare(words, kb, mem), mem) : this.tagSentences([words], kb)[0];
  }

  /** What both passes share: KB matches and the scores of the static features (most of the tagger's work). */
  private prepare(words: readonly string[], kb: KnowledgeBase | undefined, mem: DocMemory): Prepared {
    const matches = kb ? kb.matchAll(words) : [];
    const si = sentenceInfo(words, gazetteerTags(words, kb, matches), mem);
    const statScores = new Float64Array(words.length * NER_CLASSES);
    const hashes: number[] = [];
    const emit = hashParts(hashes);
    const rows: number[] = [];
    const scores = new Float64Array(NER_CLASSES);
    const cache = this.wordCache;
    for (let i = 0; i < words.length; i++) {
      hashes.length = 0;
      emitContext(si, i, emit);
      this.model.scores(this.model.rowsOfHashes(hashes, rows), scores);
      const at = this.wordScores(words[i], si.lower[i], si.shapes[i]);
      const base = i * NER_CLASSES;
      for (let c = 0; c < NER_CLASSES; c++) statScores[base + c] = scores[c] + cache.slab[at + c];
    }
    return { words, matches, lower: si.lower, shapes: si.shapes, statScores };
  }

  /**
   * Offset in the cache slab of the summed scores of a word form's own features (15 of the ~40 static features).
   * Word forms repeat (Zipf): caching their sums saves most of those hashes and model reads, and is exact because
   * the weights are integers. The cache is cleared when full, so memory stays bounded.
   */
  private wordScores(w: string, lw: string, ss: string): number {
    const cache = this.wordCache;
    const hit = cache.index.get(w);
    if (hit !== undefined) return hit;
    if (cache.index.size >= WORD_CACHE_SIZE) cache.index.clear();
    const at = cache.index.size * NER_CLASSES;
    const hashes: number[] = [];
    emitWord(w, lw, ss, hashParts(hashes));
    const scores = this.model.scores(this.model.rowsOfHashes(hashes, []));
    cache.slab.set(scores, at);
    cache.index.set(w, at);
    return at;
  }

  private tagPass(p: Prepared, mem: DocMemory, first?: readonly number[]): number[] {
    const out = this.decode(p, mem, first);
    overrideWithKb(p.words, out, p.matches);
    return out;
  }

  /**
   * Tags the sentences of one article with document-level features, in two passes: the second pass also sees
   * what the first gave the word's other occurrences, later ones included ("Magna ... Ontario-based Magna 's").
   */
  tagSentences(sentences: readonly (readonly string[])[], kb?: KnowledgeBase): number[][] {
    const mem = DocMemory.of(sentences);
    const prepared = sentences.map((words) => this.prepare(words, kb, mem));
    const first = prepared.map((p) => this.tagPass(p, mem));
    const mem2 = mem.secondPass();
    return prepared.map((p, k) => this.tagPass(p, mem2, first[k]));
  }

  private decode(p: Prepared, mem: DocMemory, first?: readonly number[]): number[] {
    const { words, lower, shapes, statScores } = p;
    const out: number[] = [];
    const hist: number[] = [];
    const hashes: number[] = [];
    const emit = hashParts(hashes);
    const scores = new Float64Array(NER_CLASSES);
    let prev = 0, prev2 = 0;
    for (let i = 0; i < words.length; i++) {
      hashes.length = 0;
      const lw = lower[i];
      const cap = capitalised(words[i]);
      emitHistory(prev, prev2, lw, shapes[i], cap ? mem.previous(lw) : '', cap && first ? mem.elsewhere(lw, first[i]) : '', emit);
      // the weights are quantised integers, so adding the history scores to the static sum is exact
      this.model.scores(this.model.rowsOfHashes(hashes, hist), scores);
      const base = i * NER_CLASSES;
      let best = 0, bestScore = -Infinity;
      for (let c = 0; c < NER_CLASSES; c++) {
        if (!this.active[c] || !allowedAfter(prev, c)) continue;
        const sc = statScores[base + c] + scores[c];
        if (sc > bestScore) { bestScore = sc; best = c; }
      }
      out.push(best);
      mem.record(words[i], best);
      prev2 = prev;
      prev = best;
    }
    return out;
  }

  /** Sets doc.ner for every sentence. */
  tagDoc(doc: Doc, kb?: KnowledgeBase): void {
    const sents = Array.from({ length: doc.sentenceCount }, (_, s) => doc.sentence(s));
    const tags = this.tagSentences(sents.map((sp) => sp.words()), kb);
    sents.forEach((sp, s) => {
      for (let k = 0; k < tags[s].length; k++) doc.ner[sp.start + k] = tags[s][k];
    });
  }
}

const KIND_TYPE: Record<string, number> = { person: 0, igo: 1, group: 1, country: 2, capital: 2, metonym: 2, demonym: 4 };

// Long KB names ("International Atomic Energy Agency", "Abbas Araghchi") are rare in the 1996 training text, so the
// model's gazetteer features are weak exactly where the KB is sure: a KB match of two or more words that the
// tagger splits into pieces is re-tagged as one entity of the KB's type.
function overrideWithKb(words: readonly string[], codes: number[], matches: readonly KbMatch[]): void {
  for (const m of matches) {
    if (m.end - m.start < 2 || !/^\p{Lu}/u.test(words[m.start]) || !/^\p{Lu}/u.test(words[m.end - 1])) continue;
    const inside = spansOf(codes, m.start, m.end);
    const whole = inside.length === 1 && inside[0][0] === m.start && inside[0][1] === m.end
      && (m.start === 0 || codes[m.start] % 2 === 1 || codes[m.start] === 0);
    const crosses = (m.end < codes.length && codes[m.end] !== 0 && codes[m.end] % 2 === 0) || (codes[m.start] !== 0 && codes[m.start] % 2 === 0);
    if (whole && !crosses) continue;
    if (crosses) continue; // part of a longer entity the tagger found ("European Council on Foreign Relations")
    const t = KIND_TYPE[m.entries[0].kind];
    if (t === undefined) continue;
    for (let i = m.start; i < m.end; i++) codes[i] = i === m.start ? 2 * t + 1 : 2 * t + 2;
  }
}

/** Reads models/ner.bin (the shared model container); refuses a model trained on another feature set. */
export function decodeNerModel(bytes: Uint8Array, what = 'NER model'): NerTagger {
  const { model, meta } = decodeCompact<CompactMeta & { features?: string }>(bytes, what);
  if (meta.kind !== 'ner') throw new ModelFormatError(`${what}: not an NER model`);
  if (meta.features !== NER_FEATURES) throw new ModelFormatError(`${what}: feature set ${String(meta.features)} does not match this build (${NER_FEATURES}); retrain with scripts/train-ner.ts`);
  return new NerTagger(model);
}

/** Entity spans [start, end, typeIndex] from a sequence of BIO codes (an I- without a B- starts an entity). */
export function spansOf(codes: ArrayLike<number>, from = 0, to = codes.length): [number, number, number][] {
  const out: [number, number, number][] = [];
  let start = -1, type = -1;
  for (let i = from; i <= to; i++) {
    const c = i < to ? codes[i] : 0;
    const t = typeOf(c);
    if (start >= 0 && (c === 0 || isB(c) || t !== type)) {
      out.push([start, i, type]);
      start = -1;
    }
    if (c !== 0 && start < 0) {
      start = i;
      type = t;
    }
  }
  return out;
}

/** The NER tags of a Doc as BIO strings (what `annotate` writes as NER=... in MISC). */
export function nerTagsFor(doc: Doc): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.length; i++) {
    const c = doc.ner[i];
    out.push(c === 0 ? 'O' : `${isB(c) ? 'B' : 'I'}-${NER_TYPES[typeOf(c)]}`);
  }
  return out;
}
