// Tokenizer: splits news English into tokens with exact UTF-16 offsets, following UD English EWT / PTB conventions.
//
// A hand-written single-pass scanner over char codes rather than a regex: every look-ahead is either bounded by a
// small constant or consumes what it read, so the run time is linear even on pathological input (10 MB without a
// space or a full stop), and it runs at about 30 million characters per second (bench/tokenize.ts).
//
// Conventions (checked against UD EWT; see bench/tokenize-ewt.ts):
//   - clitics split off: Israel|'s, do|n't, ca|n't, wo|n't, I|'m, they|'re, can|not, gon|na; a lone trailing
//     apostrophe (Parents') is its own token;
//   - "%", currency symbols, quotes, brackets, dashes and ellipses are tokens of their own;
//   - kept whole: hyphenated words (al-Busaidi, 50-minute; EWT splits these, the product wants them whole),
//     initialisms and known abbreviations with their period (U.S., Mr., Jan.), numbers with , . : / inside
//     (1,000  3.5  10:30  6/14/2025  14.06.2025  2025-06-14), URLs, e-mail addresses, @handles, #hashtags, emoji
//     sequences (ZWJ, skin tones, flags, keycaps);
//   - runs of the same punctuation (..., --, !!!, ?!) are one token.
import { Doc } from './doc.js';

// Character classes of BMP code units, filled lazily because most text only ever touches a few hundred of them.
const UNKNOWN = 0, SPACE = 1, ALNUM = 2, OTHER = 3;
const classes = new Uint8Array(65536);
const RE_ALNUM = /[\p{L}\p{M}\p{N}]/u;
const RE_SPACE = /\s/u;

function classifyBmp(c: number): number {
  let k: number;
  if (c === 0x200b) k = SPACE; // zero-width space separates words although JS \s leaves it out
  // Joiners and the soft hyphen live inside words (Persian ZWNJ, emoji ZWJ is handled by the emoji path).
  else if (c === 0x200c || c === 0x200d || c === 0x00ad || c === 0x2060) k = ALNUM;
  else if (c >= 0xd800 && c <= 0xdfff) k = OTHER; // surrogates are resolved by the caller
  else {
    const ch = String.fromCharCode(c);
    k = RE_SPACE.test(ch) ? SPACE : RE_ALNUM.test(ch) ? ALNUM : OTHER;
  }
  classes[c] = k;
  return k;
}

function cls(c: number): number {
  const k = classes[c];
  return k === UNKNOWN ? classifyBmp(c) : k;
}

const astralAlnum = new Map<number, boolean>();
function isAstralAlnum(cp: number): boolean {
  let v = astralAlnum.get(cp);
  if (v === undefined) {
    v = RE_ALNUM.test(String.fromCodePoint(cp));
    astralAlnum.set(cp, v);
  }
  return v;
}

/** Length in code units (1 or 2) of the letter/digit/mark at i, or 0 when there is none. */
function alnumAt(text: string, i: number, lim: number): number {
  if (i >= lim) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return cls(c) === ALNUM ? 1 : 0;
  if (i + 1 < lim) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff && isAstralAlnum(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000)) return 2;
  }
  return 0;
}

function isSpaceCode(c: number): boolean {
  return c < 128 ? c === 32 || (c >= 9 && c <= 13) : cls(c) === SPACE;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isApos = (c: number): boolean => c === 39 || c === 0x2019;
const isHyphen = (c: number): boolean => c === 45 || c === 0x2010 || c === 0x2011;

/**
 * Abbreviations that keep their period. Case-sensitive on purpose: "Sat." is Saturday but "sat." ends a sentence.
 * Initialisms (U.S., p.m., e.g., Ph.D.) are recognised by shape and need no entry.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // titles and ranks
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Mme', 'Dr', 'Drs', 'Prof', 'Gen', 'Gens', 'Sen', 'Sens', 'Rep', 'Reps',
  'Gov', 'Govs', 'Lt', 'Col', 'Capt', 'Cmdr', 'Cdr', 'Maj', 'Sgt', 'Cpl', 'Pvt', 'Pfc', 'Spc', 'Adm', 'Brig',
  'Pres', 'Rev', 'Fr', 'Hon', 'Amb', 'Supt', 'Insp', 'Det', 'Atty', 'Sec', 'Secy', 'Jr', 'Sr', 'Esq',
  'St', 'Ste', 'Mt', 'Ft', 'Ave', 'Blvd', 'Rd', 'Sq', 'Hwy',
  // months and days
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat',
  // organisations
  'Inc', 'Corp', 'Co', 'Cos', 'Ltd', 'Bros', 'Assn', 'Dept', 'Univ', 'Govt', 'Intl', 'Natl',
  // AP-style US states
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md',
  'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Tenn', 'Tex', 'Va', 'Vt',
  'Wash', 'Wis', 'Wyo',
  // Latin and scholarly
  'etc', 'vs', 'v', 'al', 'approx', 'est', 'cf', 'viz', 'ca', 'Vs', 'Etc', 'eg', 'ie',
]);

/** Abbreviations that only keep their period before a number ("No. 1" but "said no."). */
const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(['No', 'Nos', 'Vol', 'vol', 'Art', 'Fig', 'fig', 'p', 'pp', 'Ch', 'ch']);

/** Whole words split as UD EWT splits them. */
const SPLIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['cannot', 3], ['gonna', 3], ['wanna', 3], ['gotta', 3],
]);

/** Growable pair of offset columns; typed arrays keep the hot loop free of boxed numbers. */
class Spans {
  starts: Uint32Array;
  ends: Uint32Array;
  n = 0;
  constructor(capacity: number) {
    this.starts = new Uint32Array(Math.max(16, capacity));
    this.ends = new Uint32Array(Math.max(16, capacity));
  }
  push(s: number, e: number): void {
    if (this.n === this.starts.length) {
      const ns = new Uint32Array(this.n * 2), ne = new Uint32Array(this.n * 2);
      ns.set(this.starts);
      ne.set(this.ends);
      this.starts = ns;
      this.ends = ne;
    }
    this.starts[this.n] = s;
    this.ends[this.n] = e;
    this.n++;
  }
}

export function tokenize(text: string): Doc {
  const out = new Spans(Math.min(text.length >> 2, 1 << 16) + 16);
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpaceCode(text.charCodeAt(j))) j++;
    tokenizeChunk(text, i, j, out);
    i = j;
  }
  return new Doc(text, out.starts.subarray(0, out.n), out.ends.subarray(0, out.n));
}

/** Tokenizes one whitespace-free chunk [s, e). */
function tokenizeChunk(text: string, s: number, e: number, out: Spans): void {
  // URLs, e-mails and handles are found first because their insides would otherwise be split as punctuation.
  let specials: number[] | undefined;
  if (e - s >= 3) specials = findSpecials(text, s, e);
  let p = s, k = 0;
  while (p < e) {
    let lim = e;
    if (specials !== undefined && k < specials.length) {
      if (p === specials[k]) {
        out.push(p, specials[k + 1]);
        p = specials[k + 1];
        k += 2;
        continue;
      }
      lim = specials[k];
    }
    p = alnumAt(text, p, lim) ? scanWord(text, p, lim, out) : scanPunct(text, p, lim, out);
  }
}

/** Start/end pairs of URLs, e-mail addresses and @handles in the chunk, in order, non-overlapping. */
function findSpecials(text: string, s: number, e: number): number[] | undefined {
  let res: number[] | undefined;
  let floor = s; // nothing before this may be claimed again, which keeps back-scans linear overall
  for (let p = s; p < e; p++) {
    const c = text.charCodeAt(p);
    let a = -1, b = -1;
    if (c === 58 /* : */ && p + 2 < e && text.charCodeAt(p + 1) === 47 && text.charCodeAt(p + 2) === 47) {
      let q = p;
      while (q > floor && isAsciiLetter(text.charCodeAt(q - 1))) q--;
      if (p - q >= 2 && p + 3 < e) {
        a = q;
        b = urlEnd(text, p + 3, e);
      }
    } else if ((c | 32) === 119 && p + 4 < e && (text.charCodeAt(p + 1) | 32) === 119 && (text.charCodeAt(p + 2) | 32) === 119
      && text.charCodeAt(p + 3) === 46 && (p === s || !alnumAt(text, p - 1, e)) && alnumAt(text, p + 4, e)) {
      a = p;
      b = urlEnd(text, p + 4, e);
    } else if (c === 64 /* @ */) {
      let q = p;
      const atFloor = floor;
      floor = p + 1; // a local part never spans an earlier @, so no byte is scanned back over twice
      while (q > atFloor && isLocalPartChar(text, q - 1)) q--;
      while (q < p && !alnumAt(text, q, p)) q++; // a local part starts with a letter or digit
      if (q < p) {
        // A dotless host (Jane.Doe@ENRON) only after a local part ending in a letter or digit: "before.@handle" is a
        // word and a handle, while masked addresses (franz371...@gmail.com) keep their dots.
        const d = domainEnd(text, p + 1, e, alnumAt(text, p - 1, p) !== 0);
        if (d > 0) {
          a = q;
          b = d;
        }
      }
      if (a < 0 && p + 1 < e && (p === s || !alnumAt(text, p - 1, e))) {
        let r = p + 1;
        while (r < e && (isAsciiLetter(text.charCodeAt(r)) || isDigit(text.charCodeAt(r)) || text.charCodeAt(r) === 95)) r++;
        if (r > p + 1) {
          a = p;
          b = r;
        }
      }
    }
    if (a >= 0 && b > a) {
      (res ??= []).push(a, b);
      floor = b;
      p = b - 1;
    }
  }
  return res;
}

function isLocalPartChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isAsciiLetter(c) || isDigit(c) || c === 46 || c === 95 || c === 45 || c === 43 || c === 37;
}

/** End of an e-mail domain starting at p (letters, digits, hyphens, dots with a final alphabetic label), or 0. */
function domainEnd(text: string, p: number, e: number, dotless: boolean): number {
  let q = p, lastDot = -1;
  while (q < e) {
    const c = text.charCodeAt(q);
    if (isAsciiLetter(c) || isDigit(c) || c === 45) q++;
    else if (c === 46 && q + 1 < e && q > p && text.charCodeAt(q - 1) !== 46) {
      lastDot = q;
      q++;
    } else break;
  }
  while (q > p && (text.charCodeAt(q - 1) === 46 || text.charCodeAt(q - 1) === 45)) q--;
  if (lastDot < 0 || lastDot >= q - 1) {
    // Intranet addresses (Jane.Doe@ENRON) have no dot: accept an all-letter host of two or more letters.
    if (!dotless) return 0;
    for (let r = p; r < q; r++) if (!isAsciiLetter(text.charCodeAt(r))) return 0;
    return q - p >= 2 ? q : 0;
  }
  return isAsciiLetter(text.charCodeAt(lastDot + 1)) ? q : 0;
}

/** A URL runs to the end of its chunk, less trailing punctuation and unbalanced closing brackets. */
function urlEnd(text: string, p: number, e: number): number {
  let open = 0;
  for (let q = p; q < e; q++) {
    const c = text.charCodeAt(q);
    if (c === 40) open++;
    else if (c === 41) open--;
  }
  let q = e;
  while (q > p) {
    const c = text.charCodeAt(q - 1);
    if (c === 41 && open < 0) {
      open++;
      q--;
    } else if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 34 || c === 39
      || c === 0x201d || c === 0x2019 || c === 93 || c === 125 || c === 62 || c === 0xbb) {
      q--;
    } else break;
  }
  return q;
}

/**
 * A word at p: runs of letters and digits joined by inner connectors (hyphen, period, apostrophe; comma, colon and
 * slash between digits; slash and ampersand between short pieces as in b/c, AT&T), then its abbreviation period or
 * its clitic split off. Returns where the word ends.
 */
function scanWord(text: string, p: number, lim: number, out: Spans): number {
  const start = p;
  let q = p;
  let segStart = p; // start of the current run of letters/digits, for short-segment tests (b/c, AT&T)
  let partStart = p; // start of the current hyphen-separated part: "Kenya-U.S." keeps its period like "U.S."
  let hasDot = false, hasApos = false;
  for (;;) {
    let l: number;
    while ((l = alnumAt(text, q, lim)) !== 0) q += l;
    if (q >= lim) break;
    const c = text.charCodeAt(q);
    if (c === 46 && !(q + 1 < lim && (text.charCodeAt(q + 1) === 46 || alnumAt(text, q + 1, lim))) && keepsPeriod(text, partStart, q, lim, hasDot, partStart === start)) {
      // The period after a word is kept on abbreviations, initialisms and initials; U.S.-led goes on after it.
      if (q + 2 < lim && isHyphen(text.charCodeAt(q + 1)) && alnumAt(text, q + 2, lim)) {
        q += 2;
        segStart = partStart = q;
        hasDot = false;
        continue;
      }
      q++;
      out.push(start, q);
      return q;
    }
    if (q + 1 >= lim || alnumAt(text, q + 1, lim) === 0) break;
    const next = text.charCodeAt(q + 1);
    const prev = text.charCodeAt(q - 1);
    let join = false;
    if (isHyphen(c)) {
      join = true;
      partStart = q + 1;
      hasDot = false;
    } else if (c === 95 /* _ */) join = true;
    else if (c === 46 /* . */) {
      join = !missingSpace(text, segStart, q, lim);
      hasDot ||= join;
    } else if (isApos(c)) {
      join = !isDigit(next) || isDigit(prev);
      hasApos ||= join;
    } else if (c === 44 /* , */ || c === 58 /* : */) join = isDigit(prev) && isDigit(next);
    else if (c === 47 /* / */) {
      join = (isDigit(prev) && isDigit(next)) || (!hasApos && q - segStart <= 2 && shortSegmentAfter(text, q + 1, lim, 2));
    }
    else if (c === 38 /* & */) join = q - segStart <= 3 && shortSegmentAfter(text, q + 1, lim, 3);
    if (!join) break;
    q++;
    segStart = q;
  }
  const len = q - start;
  if (hasApos && len > 2) {
    const cut = cliticCut(text, start, q);
    if (cut > start) {
      out.push(start, cut);
      out.push(cut, q);
      return q;
    }
  }
  if (len >= 5 && len <= 6) {
    const w = text.slice(start, q).toLowerCase();
    const cut = SPLIT_WORDS.get(w);
    if (cut !== undefined) {
      out.push(start, start + cut);
      out.push(start + cut, q);
      return q;
    }
  }
  // 5pm, 10:30am: EWT splits the time of day from the number.
  if (len >= 3 && isDigit(text.charCodeAt(q - 3))) {
    const a = text.charCodeAt(q - 2) | 32, m = text.charCodeAt(q - 1) | 32;
    if ((a === 97 || a === 112) && m === 109) {
      out.push(start, q - 2);
      out.push(q - 2, q);
      return q;
    }
  }
  out.push(start, q);
  return q;
}

function shortSegmentAfter(text: string, p: number, lim: number, max: number): boolean {
  let q = p;
  while (q < lim && q - p <= max && alnumAt(text, q, lim) === 1) q++;
  return q - p <= max;
}

/** "said.The" in scraped text: a lower-case word, a period and a capitalised word are two sentences, not a name. */
function missingSpace(text: string, segStart: number, q: number, lim: number): boolean {
  if (q + 2 >= lim) return false;
  const before = text.charCodeAt(q - 1), after = text.charCodeAt(q + 1), after2 = text.charCodeAt(q + 2);
  if (!isUpper(after) || !(after2 >= 97 && after2 <= 122)) return false;
  // Only when the left segment is all lower-case letters or all digits ("6,000.Meanwhile"): "ASP.NET" and
  // "Amazon.Com" stay whole.
  const digits = isDigit(before);
  if (!digits && (!(before >= 97 && before <= 122) || q - segStart < 3)) return false;
  for (let r = segStart; r < q; r++) {
    const c = text.charCodeAt(r);
    if (digits ? !isDigit(c) : !(c >= 97 && c <= 122)) return false;
  }
  return true;
}

function keepsPeriod(text: string, start: number, q: number, lim: number, hasDot: boolean, whole: boolean): boolean {
  const len = q - start;
  if (hasDot) {
    // Initialisms: every dot-separated piece is one or two letters (U.S, p.m, e.g, Ph.D, U.S.A).
    let seg = 0;
    for (let r = start; r < q; r++) {
      const c = text.charCodeAt(r);
      if (c === 46) {
        if (seg === 0) return false;
        seg = 0;
      } else if (isAsciiLetter(c) && ++seg <= 2) continue;
      else return false;
    }
    return seg > 0;
  }
  // An initial (John F. Kennedy), but not the last letter of a hyphenated name ("the PHP-C.").
  if (len === 1) return whole && isUpper(text.charCodeAt(start));
  if (len > 7) return false;
  const w = text.slice(start, q);
  if (ABBREVIATIONS.has(w)) return true;
  if (NUMBER_ABBREVIATIONS.has(w)) {
    let r = q + 1;
    while (r < text.length && r < q + 3 && text.charCodeAt(r) === 32) r++;
    return r < text.length && isDigit(text.charCodeAt(r));
  }
  return false;
}

/** Where a clitic starts in the word [s, q) (don't -> n't, Israel's -> 's), or s when there is none. */
function cliticCut(text: string, s: number, q: number): number {
  const len = q - s;
  const z = text.charCodeAt(q - 1) | 32, y = text.charCodeAt(q - 2);
  if (isApos(y)) {
    if (z === 115 || z === 109 || z === 100) return q - 2; // 's 'm 'd
    // n't takes the n with it, as in PTB: do|n't, ca|n't, wo|n't
    if (z === 116 && len >= 4 && (text.charCodeAt(q - 3) | 32) === 110) return q - 3;
    return s;
  }
  if (len >= 4 && isApos(text.charCodeAt(q - 3))) {
    const yl = y | 32;
    if ((yl === 108 && z === 108) || (yl === 114 && z === 101) || (yl === 118 && z === 101)) return q - 3; // 'll 're 've
  }
  return s;
}

/** A punctuation or symbol token at p; returns where it ends. */
function scanPunct(text: string, p: number, lim: number, out: Spans): number {
  const c = text.charCodeAt(p);
  let q = p + 1;
  if (c === 46 || c === 45 || c === 0x2026 || c === 0x2013 || c === 0x2014 || c === 42 || c === 61 || c === 95 || c === 126 || c === 96 || c === 44) {
    // . .. ... -- --- *** === ___ ~~ `` ,, : runs of one char are one token (ellipsis, dash, rule)
    while (q < lim && text.charCodeAt(q) === c) q++;
  } else if ((c === 58 || c === 59) && q < lim && (q = emoticonEnd(text, p, lim)) > p + 1) {
    // :) ;-) :D
  } else if (c === 43 || c === 60 || c === 62 || c === 36 || c === 124 || c === 92 || c === 47) {
    while (q < lim && text.charCodeAt(q) === c) q++; // +++ <<< >> $$$ || \\ //
  } else if (c === 33 || c === 63) {
    while (q < lim && (text.charCodeAt(q) === 33 || text.charCodeAt(q) === 63)) q++;
  } else if (isApos(c)) {
    q = apostropheEnd(text, p, lim);
  } else if (c === 35 /* # */) {
    // #hashtag keeps its sign; "#1" is a sign and a number, as in EWT.
    let r = p + 1, letter = false, l: number;
    while ((l = alnumAt(text, r, lim)) !== 0 || (r < lim && text.charCodeAt(r) === 95)) {
      if (l === 0) l = 1;
      else if (!isDigit(text.charCodeAt(r))) letter = true;
      r += l;
    }
    if (letter) q = r;
  } else if (c >= 0xd800 && c <= 0xdbff && p + 1 < lim) {
    q = symbolClusterEnd(text, p, lim);
  } else {
    q = absorbModifiers(text, q, lim);
  }
  out.push(p, q);
  return q;
}

/** End of an emoticon starting with : or ; at p, or p + 1 when there is none. */
function emoticonEnd(text: string, p: number, lim: number): number {
  let q = p + 1;
  if (q < lim && text.charCodeAt(q) === 45) q++;
  if (q >= lim) return p + 1;
  const c = text.charCodeAt(q);
  const mouth = c === 41 || c === 40 || ((c === 68 || c === 80 || c === 112) && (p === 0 || isSpaceCode(text.charCodeAt(p - 1))));
  if (!mouth || alnumAt(text, q + 1, lim)) return p + 1;
  return q + 1;
}

/** A leading apostrophe: a clitic ('s 'm 'd 'll 're 've), a year ('90s), a closing '' or a plain quote. */
function apostropheEnd(text: string, p: number, lim: number): number {
  const c = text.charCodeAt(p);
  let r = p + 1;
  if (c === 39 && r < lim && text.charCodeAt(r) === 39) return r + 1;
  while (r < lim && r - p <= 3 && isAsciiLetter(text.charCodeAt(r))) r++;
  const nl = r - p - 1;
  if (nl > 0 && !alnumAt(text, r, lim)) {
    const w = text.slice(p + 1, r).toLowerCase();
    if (w === 's' || w === 'm' || w === 'd' || w === 'll' || w === 're' || w === 've' || w === 'em') return r;
  }
  if (nl === 0 && r + 1 < lim && isDigit(text.charCodeAt(r)) && isDigit(text.charCodeAt(r + 1))) {
    let q = r + 2;
    if (q < lim && text.charCodeAt(q) === 115) q++;
    if (!alnumAt(text, q, lim)) return q;
  }
  return p + 1;
}

/** Combining marks, variation selectors and skin tones that follow a symbol belong to it. */
function absorbModifiers(text: string, q: number, lim: number): number {
  while (q < lim) {
    const c = text.charCodeAt(q);
    if ((c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x0300 && c <= 0x036f) || c === 0x20e3) q++;
    else if (c === 0xd83c && q + 1 < lim && text.charCodeAt(q + 1) >= 0xdffb && text.charCodeAt(q + 1) <= 0xdfff) q += 2;
    else if (c === 0xdb40 && q + 1 < lim && text.charCodeAt(q + 1) >= 0xdc20 && text.charCodeAt(q + 1) <= 0xdc7f) q += 2; // tags
    else if (c === 0x200d && q + 1 < lim && !isSpaceCode(text.charCodeAt(q + 1))) {
      // ZWJ glues the next pictograph onto the sequence (family, profession emoji)
      const d = text.charCodeAt(q + 1);
      q += d >= 0xd800 && d <= 0xdbff && q + 2 < lim ? 3 : 2;
    } else break;
  }
  return q;
}

/** An astral symbol (emoji) with its modifiers; regional indicators pair up into flags. */
function symbolClusterEnd(text: string, p: number, lim: number): number {
  const c = text.charCodeAt(p), d = text.charCodeAt(p + 1);
  if (!(d >= 0xdc00 && d <= 0xdfff)) return p + 1;
  let q = p + 2;
  if (c === 0xd83c && d >= 0xdde6 && d <= 0xddff && q + 1 < lim && text.charCodeAt(q) === 0xd83c) {
    const d2 = text.charCodeAt(q + 1);
    if (d2 >= 0xdde6 && d2 <= 0xddff) q += 2;
  }
  return absorbModifiers(text, q, lim);
}
