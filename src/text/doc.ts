// The document model: one Doc owns an article's text and every annotation on it, as columns.
//
// Layout (all columns are indexed by token number i, 0 <= i < doc.length):
//   start[i], end[i]   Uint32  character offsets into doc.text (UTF-16 code units, end exclusive)
//   upos[i]            Uint8   index into UPOS_TAGS (0 = unset)
//   xpos[i]            Uint32  string-table id of the PTB tag (0 = unset)
//   lemma[i]           Uint32  string-table id of the lemma (0 = unset)
//   head[i]            Int32   token index of the syntactic head within the doc, -1 = root, -2 = unset
//   deprel[i]          Uint32  string-table id of the dependency relation (0 = unset)
//   ner[i]             Uint8   BIO tag: 0 = O/unset, odd = B-type, even = I-type (see NER_TYPES)
//   flags[i]           Uint8   bit set of TokenFlag (space after, paragraph start, ...)
// Sentences are stored CSR-style: sentence s covers tokens [sentStarts[s], sentStarts[s+1]).
// Strings live once in `strings`; id 0 is the empty string so that zero-filled columns mean "unset".
// Token, Span and Sentence are views (a Doc plus indices) and copy nothing. Spans are token ranges with the end
// excluded, as in spaCy.

export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  constructor() {
    this.intern('');
  }

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** Id of s, or 0 when it was never interned (0 is also the empty string, which callers treat as unset). */
  lookup(s: string): number {
    return this.ids.get(s) ?? 0;
  }

  get(id: number): string {
    const s = this.list[id];
    if (s === undefined) throw new RangeError(`string id ${id} is not in the table (size ${this.list.length})`);
    return s;
  }

  get size(): number {
    return this.list.length;
  }
}

export const UPOS_TAGS = [
  '',
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ',
  'SYM', 'VERB', 'X',
] as const;
export type Upos = (typeof UPOS_TAGS)[number];
const UPOS_INDEX = new Map<string, number>(UPOS_TAGS.map((t, i) => [t, i]));
export function uposId(tag: string): number {
  const id = UPOS_INDEX.get(tag);
  if (id === undefined) throw new RangeError(`unknown UPOS tag "${tag}"`);
  return id;
}

export const NER_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER'] as const;
export type NerType = (typeof NER_TYPES)[number];
/** Encodes a BIO tag in one byte: B-type = 2k+1, I-type = 2k+2 for NER_TYPES[k]; O = 0. */
export function nerCode(tag: string): number {
  if (tag === 'O' || tag === '') return 0;
  const [bio, type] = [tag.slice(0, 1), tag.slice(2)];
  const k = NER_TYPES.indexOf(type as NerType);
  if (k < 0 || (bio !== 'B' && bio !== 'I') || tag[1] !== '-') throw new RangeError(`bad NER tag "${tag}"`);
  return 2 * k + (bio === 'B' ? 1 : 2);
}
export function nerTag(code: number): string {
  if (code === 0) return 'O';
  const k = (code - 1) >> 1;
  return `${code % 2 === 1 ? 'B' : 'I'}-${NER_TYPES[k]}`;
}

export const enum TokenFlag {
  SpaceAfter = 1,
  ParagraphStart = 2,
}

export const HEAD_ROOT = -1;
export const HEAD_UNSET = -2;

/** Layers a stage may need or set; the pipeline checks the order against these. */
export type Layer =
  | 'tokens' | 'sentences' | 'dates' | 'pos' | 'lemma' | 'deps' | 'ner' | 'mentions' | 'actors' | 'events' | 'quotes';

export class Doc {
  readonly text: string;
  readonly strings: StringTable;
  readonly length: number;
  readonly start: Uint32Array;
  readonly end: Uint32Array;
  readonly upos: Uint8Array;
  readonly xpos: Uint32Array;
  readonly lemma: Uint32Array;
  readonly head: Int32Array;
  readonly deprel: Uint32Array;
  readonly ner: Uint8Array;
  readonly flags: Uint8Array;
  sentStarts: Uint32Array;
  /** Layers already set on this Doc, by the stage name@version that set them. */
  readonly layers = new Map<Layer, string>();

  constructor(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, strings = new StringTable()) {
    if (starts.length !== ends.length) throw new RangeError('token start and end columns differ in length');
    const n = starts.length;
    this.text = text;
    this.strings = strings;
    this.length = n;
    this.start = Uint32Array.from(starts);
    this.end = Uint32Array.from(ends);
    for (let i = 0; i < n; i++) {
      const s = this.start[i], e = this.end[i];
      if (!(s < e && e <= text.length) || (i > 0 && s < this.end[i - 1])) {
        throw new RangeError(`token ${i} [${s}, ${e}) is empty, out of order or outside the text`);
      }
    }
    this.upos = new Uint8Array(n);
    this.xpos = new Uint32Array(n);
    this.lemma = new Uint32Array(n);
    this.head = new Int32Array(n).fill(HEAD_UNSET);
    this.deprel = new Uint32Array(n);
    this.ner = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? this.start[i + 1] : text.length;
      if (next > this.end[i]) this.flags[i] |= TokenFlag.SpaceAfter;
    }
    this.sentStarts = Uint32Array.of(0, n);
    this.layers.set('tokens', 'given');
  }

  /** A Doc from plain token strings joined by single spaces (for tests and gold-token CoNLL-U input). */
  static fromWords(words: readonly string[], spaceAfter?: readonly boolean[]): Doc {
    const starts: number[] = [], ends: number[] = [];
    let text = '';
    words.forEach((w, i) => {
      starts.push(text.length);
      text += w;
      ends.push(text.length);
      if (i < words.length - 1 && (spaceAfter ? spaceAfter[i] : true)) text += ' ';
    });
    return new Doc(text, starts, ends);
  }

  token(i: number): Token {
    if (i < 0 || i >= this.length) throw new RangeError(`token ${i} out of range 0..${this.length - 1}`);
    return new Token(this, i);
  }

  span(start: number, end: number): Span {
    return new Span(this, start, end);
  }

  get sentenceCount(): number {
    return this.sentStarts.length - 1;
  }

  sentence(s: number): Span {
    return new Span(this, this.sentStarts[s], this.sentStarts[s + 1]);
  }

  *sentences(): IterableIterator<Span> {
    for (let s = 0; s < this.sentenceCount; s++) yield this.sentence(s);
  }

  /** Sets sentence boundaries from the token indices where sentences begin (0 must be first). */
  setSentences(firstTokens: readonly number[]): void {
    const arr = this.length === 0 ? [0] : firstTokens.length && firstTokens[0] === 0 ? [...firstTokens] : [0, ...firstTokens];
    for (let k = 1; k < arr.length; k++) {
      if (!(arr[k] > arr[k - 1] && arr[k] < this.length)) throw new RangeError(`bad sentence start ${arr[k]}`);
    }
    arr.push(this.length);
    this.sentStarts = Uint32Array.from(this.length === 0 ? [0, 0] : arr);
  }

  /** Index of the sentence that holds token i (binary search over sentStarts). */
  sentenceOf(i: number): number {
    let lo = 0, hi = this.sentenceCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.sentStarts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Index of the first token whose end is after the character offset `offset` (tokens ending at or before are skipped). */
  tokenAtOrAfter(offset: number): number {
    let lo = 0, hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.end[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  textOf(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }
}

export class Token {
  constructor(readonly doc: Doc, readonly i: number) {}
  get text(): string { return this.doc.textOf(this.i); }
  get start(): number { return this.doc.start[this.i]; }
  get end(): number { return this.doc.end[this.i]; }
  get upos(): Upos { return UPOS_TAGS[this.doc.upos[this.i]]; }
  get xpos(): string { return this.doc.strings.get(this.doc.xpos[this.i]); }
  get lemma(): string { return this.doc.strings.get(this.doc.lemma[this.i]); }
  get head(): number { return this.doc.head[this.i]; }
  get deprel(): string { return this.doc.strings.get(this.doc.deprel[this.i]); }
  get ner(): string { return nerTag(this.doc.ner[this.i]); }
  get spaceAfter(): boolean { return (this.doc.flags[this.i] & TokenFlag.SpaceAfter) !== 0; }
  get sentence(): number { return this.doc.sentenceOf(this.i); }
}

export class Span {
  constructor(readonly doc: Doc, readonly start: number, readonly end: number) {
    if (!(0 <= start && start <= end && end <= doc.length)) {
      throw new RangeError(`span [${start}, ${end}) outside 0..${doc.length}`);
    }
  }
  get length(): number { return this.end - this.start; }
  /** Character offset where the span begins (the text length for an empty span at the end). */
  get startChar(): number {
    return this.length ? this.doc.start[this.start] : this.start < this.doc.length ? this.doc.start[this.start] : this.doc.text.length;
  }
  get endChar(): number {
    return this.length ? this.doc.end[this.end - 1] : this.startChar;
  }
  get text(): string { return this.doc.text.slice(this.startChar, this.endChar); }
  *tokens(): IterableIterator<Token> {
    for (let i = this.start; i < this.end; i++) yield new Token(this.doc, i);
  }
  words(): string[] {
    const out: string[] = [];
    for (let i = this.start; i < this.end; i++) out.push(this.doc.textOf(i));
    return out;
  }
}
