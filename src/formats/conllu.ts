// CoNLL-U reading and writing: sentences as word rows plus the lines (comments, ranges, empty nodes) kept verbatim.
import { HEAD_ROOT, HEAD_UNSET, UPOS_TAGS, type Doc } from '../text/doc.js';

export class ConlluError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'ConlluError';
  }
}

export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** Gold head as written (0 = root), or -1 when the column is '_'. */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A line in sentence order: a word row (by index into `words`) or a line passed through untouched. */
export type ConlluItem = { kind: 'word'; index: number } | { kind: 'other'; text: string };

export interface ConlluSentence {
  words: ConlluWord[];
  items: ConlluItem[];
  /** 1-based line number of the sentence's first line, for error messages. */
  line: number;
}

/** Parses CoNLL-U text; throws ConlluError naming the line of the first malformed row. */
export function parseConllu(text: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence | null = null;
  const lines = text.split('\n');
  for (let ln = 0; ln < lines.length; ln++) {
    let line = lines[ln];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') {
      if (cur) finish(cur, out);
      cur = null;
      continue;
    }
    if (!cur) cur = { words: [], items: [], line: ln + 1 };
    if (line.startsWith('#')) {
      cur.items.push({ kind: 'other', text: line });
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new ConlluError(ln + 1, `expected 10 tab-separated columns, found ${cols.length}`);
    const id = cols[0];
    if (/^\d+-\d+$/.test(id) || /^\d+\.\d+$/.test(id)) {
      cur.items.push({ kind: 'other', text: line });
      continue;
    }
    if (!/^\d+$/.test(id)) throw new ConlluError(ln + 1, `bad ID "${id}"`);
    const n = Number(id);
    if (n !== cur.words.length + 1) throw new ConlluError(ln + 1, `word ID ${n} out of sequence (expected ${cur.words.length + 1})`);
    if (cols[1] === '') throw new ConlluError(ln + 1, 'empty FORM');
    const head = cols[6] === '_' ? -1 : Number(cols[6]);
    if (!Number.isInteger(head) || (cols[6] !== '_' && head < 0)) throw new ConlluError(ln + 1, `bad HEAD "${cols[6]}"`);
    cur.items.push({ kind: 'word', index: cur.words.length });
    cur.words.push({
      id: n, form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4], feats: cols[5],
      head, deprel: cols[7], deps: cols[8], misc: cols[9],
    });
  }
  if (cur) finish(cur, out);
  return out;
}

function finish(s: ConlluSentence, out: ConlluSentence[]): void {
  // A block of comments with no words (e.g. a trailing comment) is still passed through as its own block.
  for (const w of s.words) {
    if (w.head > s.words.length) throw new ConlluError(s.line, `HEAD ${w.head} of word ${w.id} is outside the sentence`);
  }
  out.push(s);
}

/** Formats one sentence; word rows come from `row(index)` (10 columns), other lines verbatim. */
export function formatSentence(s: ConlluSentence, row: (index: number) => readonly string[]): string {
  let out = '';
  for (const it of s.items) {
    out += it.kind === 'other' ? it.text : row(it.index).join('\t');
    out += '\n';
  }
  return out + '\n';
}

/** The 10 CoNLL-U columns for token i of a Doc whose sentence begins at token `first`. */
export function docWordRow(doc: Doc, i: number, first: number, misc: readonly string[]): string[] {
  const h = doc.head[i];
  const head = h === HEAD_ROOT ? '0' : h === HEAD_UNSET ? '_' : String(h - first + 1);
  const str = (id: number): string => (id ? doc.strings.get(id) : '_');
  return [
    String(i - first + 1), doc.textOf(i), str(doc.lemma[i]), UPOS_TAGS[doc.upos[i]] || '_', str(doc.xpos[i]), '_',
    head, str(doc.deprel[i]), '_', misc.length ? misc.join('|') : '_',
  ];
}
