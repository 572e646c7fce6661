// Sentence ranges for reported speech: the Doc's sentences repaired where a splitter's break would cut a speech
// tag off its quote (a closing mark after "." starting the next sentence, "U.S." read as a full stop) and cut at
// paragraph breaks, which a plain splitter may run across.
import type { Doc } from '../text/doc.js';

const ABBREV = /^(?:[A-Z]|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Jr|Sr|Inc|Corp|Co|No|Vol|Adm|Capt|Maj|Prof|Rev|Hon|Ft|Mt|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|vs|etc|a\.m|p\.m|[A-Za-z](?:\.[A-Za-z])+)$/;
const CLOSERS = new Set(['”', '"', '’', "'", ')', ']', '»']);

/** Normalised lowercase word of token i (curly apostrophes straightened). */
export function lower(doc: Doc, i: number): string {
  return doc.textOf(i).toLowerCase().replace(/’/g, "'");
}

/** True when there is a line break between tokens i-1 and i. */
export function lineBreakBefore(doc: Doc, i: number): boolean {
  if (i <= 0 || i >= doc.length) return i <= 0;
  return doc.text.slice(doc.end[i - 1], doc.start[i]).includes('\n');
}

function isUpperStart(s: string): boolean {
  return /^[\p{Lu}\p{N}"“‘'(]/u.test(s);
}

/** Token ranges [start, end) of the repaired sentences, in order, covering every token. */
export function speechSentences(doc: Doc): [number, number][] {
  const n = doc.length;
  if (n === 0) return [];
  const breaks = new Set<number>();
  for (let s = 1; s < doc.sentenceCount; s++) {
    let b = doc.sentStarts[s];
    if (b >= n) continue;
    // a closing mark or bracket right after the full stop belongs to the sentence it closes
    while (b < n && CLOSERS.has(doc.textOf(b)) && !lineBreakBefore(doc, b) && isCloser(doc, b)) b++;
    if (b >= n) continue;
    const prev = b - 1;
    const stop = doc.textOf(prev) === '.' ? prev : CLOSERS.has(doc.textOf(prev)) && prev > 0 && doc.textOf(prev - 1) === '.' ? prev - 1 : -1;
    const beforeStop = stop > 0 ? doc.textOf(stop - 1) : '';
    const abbrev = stop > 0 && doc.end[stop - 1] === doc.start[stop] && ABBREV.test(beforeStop);
    // after "U.S." a capitalised word usually goes on ("U.S. officials"), but a pronoun or article starts anew
    const fresh = /^(?:He|She|It|They|We|I|The|A|An|But|And|In|On|At|This|That|These|Those|There|His|Her|Their|Its)$/.test(doc.textOf(b));
    if (!lineBreakBefore(doc, b) && ((abbrev && !(fresh && /\./.test(beforeStop))) || !isUpperStart(doc.textOf(b)))) continue;
    breaks.add(b);
  }
  for (let i = 1; i < n; i++) if (lineBreakBefore(doc, i)) breaks.add(i);
  const starts = [0, ...[...breaks].filter((b) => b > 0).sort((a, b) => a - b)];
  const out: [number, number][] = [];
  for (let k = 0; k < starts.length; k++) out.push([starts[k], k + 1 < starts.length ? starts[k + 1] : n]);
  return out;
}

/** A straight double quote closes when it follows a word or punctuation with no space before it. */
function isCloser(doc: Doc, i: number): boolean {
  const t = doc.textOf(i);
  if (t !== '"' && t !== "'") return true;
  return i > 0 && doc.end[i - 1] === doc.start[i];
}

/** The index of the range in `ranges` holding token i. */
export function rangeOf(ranges: readonly [number, number][], i: number): number {
  let lo = 0, hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ranges[mid][0] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
