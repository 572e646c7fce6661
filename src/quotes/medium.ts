// The channel a statement went through, read from the words around its cue: "on Truth Social", "told Axios",
// "in a statement", "at a news conference", "in an interview with CNN", "state TV".
import type { Doc } from '../text/doc.js';
import { lower } from './clauses.js';
import { MEDIUM_NOUNS, OUTLET_SUFFIX, OUTLETS, PLATFORMS } from './lexicon.js';

const POSSESSIVE = new Set(['his', 'her', 'its', 'their', 'the', 'a', 'an', 'our', 'my', 'official']);
const COMPOUND = new Set(['news', 'press', 'joint', 'televised', 'written', 'video', 'phone', 'telephone', 'radio', 'tv', 'television', 'social', 'media', 'weekly', 'daily', 'virtual', 'online', 'emailed']);
const NOT_MEDIUM_AFTER_ON = new Set(['condition']);

function platformAt(doc: Doc, i: number, hi: number): { name: string; end: number } | null {
  let best: { name: string; end: number } | null = null;
  for (const [words, name] of PLATFORMS) {
    if (i + words.length > hi) continue;
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = lower(doc, i + k) === words[k];
    // "X" must be written as the capital letter; lowercase "x" is a variable or a typo
    if (ok && name === 'X' && doc.textOf(i) !== 'X') ok = false;
    if (ok && (!best || words.length > best.end - i)) best = { name, end: i + words.length };
  }
  return best;
}

/** A news outlet named by the capitalised words starting at token i ("Axios", "The Associated Press", "Fox News"). */
export function outletAt(doc: Doc, i: number, hi: number): { name: string; end: number } | null {
  let j = i;
  while (j < hi && j - i < 5 && (/^\p{Lu}/u.test(doc.textOf(j)) || (j > i && /^(?:of|-|&)$/.test(doc.textOf(j))))) j++;
  if (j === i) return null;
  let first = i;
  if (lower(doc, first) === 'the' && j > first + 1) first++;
  const words = [];
  for (let k = first; k < j; k++) words.push(doc.textOf(k));
  const isOutlet = words.some((w) => OUTLETS.has(w.toLowerCase()) && w !== 'The' && w !== 'Time' && w !== 'Press' && w !== 'Channel' && w !== 'Al')
    || OUTLET_SUFFIX.test(words[words.length - 1]) || (words[0] === 'Al' && words.length > 1);
  if (!isOutlet) return null;
  return { name: doc.text.slice(doc.start[first], doc.end[j - 1]), end: j };
}

/** The first medium named in tokens [lo, hi), or undefined. */
export function mediumIn(doc: Doc, lo: number, hi: number): string | undefined {
  for (let i = lo; i < hi; i++) {
    const l = lower(doc, i);
    if ((l === 'on' || l === 'via' || l === 'through') && i + 1 < hi && !NOT_MEDIUM_AFTER_ON.has(lower(doc, i + 1))) {
      let j = i + 1;
      while (j < hi && POSSESSIVE.has(lower(doc, j))) j++;
      const p = platformAt(doc, j, hi);
      if (p) return p.name;
    }
    if ((l === 'told' || l === 'tells' || l === 'telling') && i + 1 < hi) {
      const o = outletAt(doc, i + 1, hi);
      if (o) return o.name;
    }
    if (l === 'interview' || l === 'interviews') {
      // "in an interview with CNN" / "in a CNN interview"
      if (i + 2 < hi + 1 && i + 1 < hi && lower(doc, i + 1) === 'with') {
        const o = outletAt(doc, i + 2, hi);
        if (o) return `interview with ${o.name}`;
      }
      if (i > lo) {
        let k = i - 1;
        while (k > lo && /^\p{Lu}/u.test(doc.textOf(k - 1))) k--;
        const o = /^\p{Lu}/u.test(doc.textOf(i - 1)) ? outletAt(doc, k, i) : null;
        if (o) return `interview with ${o.name}`;
      }
      return 'interview';
    }
    if (MEDIUM_NOUNS.has(l) && l !== 'interview' && i > lo) {
      const prev = lower(doc, i - 1);
      const before = i - 2 >= lo ? lower(doc, i - 2) : '';
      const introduced = POSSESSIVE.has(prev) || COMPOUND.has(prev) && (POSSESSIVE.has(before) || /^(?:in|at|during)$/.test(before));
      if (!introduced) continue;
      if (/^(?:meeting|call|summit|session|hearing|report|appearance)$/.test(l)) continue;
      if (l === 'post') {
        const p = i + 2 < hi && lower(doc, i + 1) === 'on' ? platformAt(doc, i + 2, hi) : null;
        if (p) return p.name;
      }
      return COMPOUND.has(prev) ? `${doc.textOf(i - 1)} ${doc.textOf(i)}`.toLowerCase() : l;
    }
    if (l === 'state' && i + 1 < hi) {
      const p = platformAt(doc, i, hi);
      if (p) return p.name;
    }
  }
  return undefined;
}
