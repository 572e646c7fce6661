// Sentence splitter: sets sentence boundaries and paragraph-start flags on a tokenized Doc.
//
// Rules, in order of strength:
//   1. blank lines end a sentence and start a paragraph (unless a lower-case word continues the clause across a
//      page break of extracted text);
//   2. a line break ends a sentence unless the text is hard-wrapped (then only bullets, indented or short lines do);
//   3. . ! ? and ellipses end a sentence when the next word can start one; closing quotes and brackets that follow
//      stay with the sentence;
//   4. a period kept on an abbreviation (U.S., etc., p.m.) ends a sentence only before a word that typically starts
//      sentences ("...sanctions on the U.S. The move"), never after a title (Mr., Gen.).
import { TokenFlag, type Doc } from './doc.js';

/** Titles and name parts after which a sentence never ends. */
const TITLES: ReadonlySet<string> = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mmes', 'Mme', 'Dr', 'Drs', 'Prof', 'Gen', 'Gens', 'Sen', 'Sens', 'Rep', 'Reps',
  'Gov', 'Govs', 'Lt', 'Col', 'Capt', 'Cmdr', 'Cdr', 'Maj', 'Sgt', 'Cpl', 'Pvt', 'Pfc', 'Spc', 'Adm', 'Brig',
  'Pres', 'Rev', 'Fr', 'Hon', 'Amb', 'Supt', 'Insp', 'Det', 'Atty', 'Sec', 'Secy', 'Mt', 'Ft', 'No', 'Nos', 'Vol',
  'Art', 'Fig', 'pp', 'vs', 'v', 'Vs', 'cf', 'approx', 'ca', 'viz', 'e.g', 'i.e', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
  'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

/** Abbreviations that often end a sentence: after them a capitalised common word starts a new one. */
const ENDERS: ReadonlySet<string> = new Set([
  'etc', 'Etc', 'Inc', 'Corp', 'Co', 'Cos', 'Ltd', 'Bros', 'Jr', 'Sr', 'Esq', 'a.m', 'p.m', 'A.M', 'P.M', 'al',
  'St', 'Ave', 'Blvd', 'Rd', 'Govt', 'Dept',
]);

/** Words that start sentences far more often than they continue a name after an initialism such as "U.S.". */
const STARTERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'Here',
  'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'As', 'For',
  'If', 'When', 'While', 'After', 'Before', 'Since', 'Although', 'Though', 'Because', 'Despite', 'During', 'Under',
  'Over', 'Among', 'Between', 'Meanwhile', 'However', 'Also', 'Still', 'Now', 'Then', 'Later', 'Earlier', 'Last',
  'Next', 'Some', 'Many', 'Most', 'Several', 'Both', 'Each', 'Every', 'All', 'Any', 'No', 'Not', 'What', 'Why',
  'How', 'Who', 'Where', 'Which', 'Such', 'Even', 'Only', 'Instead', 'Today', 'Yesterday', 'Without', 'With',
  'From', 'To', 'By', 'According', 'Asked', 'Once', 'Until', 'Unlike', 'Like', 'Among', 'Officials', 'Analysts',
  'Critics', 'Experts', 'Many', 'One', 'Two', 'Three', 'Four', 'Five', 'Ten', 'Would', 'Should', 'Could', 'Will',
  'Can', 'Did', 'Do', 'Does', 'Is', 'Are', 'Was', 'Were', 'Has', 'Have', 'Had', 'Please', 'Thanks', 'Thank',
]);

const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c > 127 && String.fromCharCode(c).toLowerCase() === String.fromCharCode(c) && String.fromCharCode(c).toUpperCase() !== String.fromCharCode(c));
const isUpperish = (c: number): boolean => (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c).toUpperCase() === String.fromCharCode(c) && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c));

function isTerminator(t: string): boolean {
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) return false;
  }
  return true;
}

const CLOSERS = new Set([')', ']', '}', '”', '’', '»', '›', '"', "'", "''"]);
const OPENERS = new Set(['(', '[', '{', '“', '‘', '«', '‹', '"', "'", '``']);
const BULLETS = new Set(['•', '·', '▪', '◦', '‣', '●', '■', '□', '○', '-', '*', '–', '—', '+', '>', '◆', '►', '✓', '✔']);

export function splitSentences(doc: Doc): void {
  const n = doc.length;
  if (n === 0) {
    doc.setSentences([]);
    return;
  }
  const text = doc.text;
  const firsts: number[] = [0];
  for (let i = 0; i < n; i++) doc.flags[i] &= ~TokenFlag.ParagraphStart; // re-running must not keep stale marks
  doc.flags[0] |= TokenFlag.ParagraphStart;

  // Line structure of the gaps between tokens: 0 = same line, 1 = one line break, 2 = blank line.
  const breaks = new Uint8Array(n);
  const indented = new Uint8Array(n);
  let single = 0, continued = 0;
  for (let i = 1; i < n; i++) {
    const a = doc.end[i - 1], b = doc.start[i];
    if (b === a) continue;
    let nl = 0, lastNl = -1;
    for (let k = a; k < b; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
        nl++;
        lastNl = k;
      }
    }
    if (nl === 0) continue;
    breaks[i] = nl >= 2 ? 2 : 1;
    if (b - lastNl - 1 >= 2 || text.charCodeAt(b - 1) === 9) indented[i] = 1;
    if (nl === 1) {
      single++;
      const prev = doc.textOf(i - 1);
      if (!isTerminator(prev) && isLower(text.charCodeAt(b))) continued++;
    }
  }
  // Hard-wrapped text (fixed-width wire copy) breaks lines mid-sentence; then a lone line break means little.
  const wrapped = single >= 3 && continued / single >= 0.15;
  const lineWidth = wrapped ? typicalLineWidth(text) : 0;

  let lowerWords: Set<string> | undefined; // lower-case words of the doc, built only when an abbreviation needs it
  const seenLower = (w: string): boolean => {
    if (!lowerWords) {
      lowerWords = new Set();
      for (let i = 0; i < n; i++) if (isLower(text.charCodeAt(doc.start[i]))) lowerWords.add(doc.textOf(i));
    }
    return lowerWords.has(w.toLowerCase());
  };

  const push = (j: number): void => {
    if (j > 0 && j < n) firsts.push(j);
  };

  for (let i = 1; i < n; i++) {
    const br = breaks[i];
    if (br === 0) continue;
    const tok = doc.textOf(i);
    const c = text.charCodeAt(doc.start[i]);
    // A blank line between a clause and its lower-case continuation is a page break in extracted PDF text
    // (UN statements), not a paragraph.
    const pageBreak = br === 2 && isLower(c) && /[\p{L}\p{N},]$/u.test(doc.textOf(i - 1));
    let para = br === 2 && !pageBreak;
    let split = para;
    if (!split && !pageBreak) {
      const prev = doc.textOf(i - 1);
      const lineStartsList = BULLETS.has(tok) || /^\d{1,2}$/.test(tok) && i + 1 < n && (doc.textOf(i + 1) === '.' || doc.textOf(i + 1) === ')');
      if (!wrapped) {
        split = !(isLower(c) && !isTerminator(prev) && !CLOSERS.has(prev)) || lineStartsList;
        para = split;
      } else {
        para = indented[i] === 1;
        split = para || lineStartsList || (doc.end[i - 1] - lineStart(text, doc.end[i - 1] - 1) < 0.6 * lineWidth && isUpperish(c)
          && !/[,;:-]$/.test(prev));
      }
    }
    if (split) push(i);
    if (para) doc.flags[i] |= TokenFlag.ParagraphStart;
  }

  for (let i = 0; i < n - 1; i++) {
    const t = doc.textOf(i);
    const term = isTerminator(t);
    const abbr = !term && t.length >= 2 && t.charCodeAt(t.length - 1) === 46;
    if (!term && !abbr) continue;
    // An ellipsis that opens a sentence ("deal. ... It's") marks elided words, not another ending.
    if (term && t !== '.' && (i === 0 || firsts[firsts.length - 1] === i || breaks[i] !== 0)) continue;
    // Closing quotes and brackets right after the full stop belong to the sentence it ends.
    let j = i + 1, quoted = false;
    while (j < n && isCloserAt(doc, j)) {
      const q = doc.textOf(j);
      quoted ||= q !== ')' && q !== ']' && q !== '}';
      j++;
    }
    const closed = j > i + 1;
    // Further stops end the same sentence, spaced ones too (". . ."); a spaced ellipsis ("deal. ... It's") opens the
    // next sentence instead, as in EWT.
    while (j < n && isTerminator(doc.textOf(j)) && breaks[j] === 0
      && (doc.start[j] === doc.end[j - 1] || doc.textOf(j) === '.')) {
      j++;
      while (j < n && isCloserAt(doc, j)) j++;
    }
    if (j >= n || (breaks[j] !== 0 && !wrapped)) continue; // line breaks in unwrapped text were handled above
    // The first word of what follows, past opening quotes and brackets.
    let w = j;
    while (w < n - 1 && OPENERS.has(doc.textOf(w)) && !isCloserAt(doc, w)) w++;
    const next = doc.textOf(w);
    const c = next.charCodeAt(0);
    let split: boolean;
    if (term) {
      // Casual text starts sentences in lower case ("then it rained"), but after a closing quote a lower-case
      // word continues the sentence ("Why?" he asked).
      if (isLower(c)) split = !closed && (t === '.' || t.charCodeAt(0) !== 46) && t !== '…';
      else if (/^[,;:)\]}%]/.test(next)) split = false;
      else if (t === '.' && i > 0 && /^\d{1,2}$/.test(doc.textOf(i - 1)) && (i === 1 || breaks[i - 1] !== 0)) split = false; // "1." list number
      else if (t.length > 1 && t.charCodeAt(0) !== 33 && t.charCodeAt(0) !== 63 && !closed) split = isUpperish(c);
      // “What does Kim think?” Trump asked. A quoted question or exclamation is the object of the attribution.
      else if (closed && t.charCodeAt(0) !== 46 && attributionFollows(doc, w)) split = false;
      else split = true;
    } else {
      const base = t.slice(0, -1);
      if (!isUpperish(c) || TITLES.has(base)) split = false;
      // A quote closing right after the abbreviation ends the sentence (the U.S." Officials); a bracket need not
      // ([the U.N.] Security Council).
      else if (STARTERS.has(next) || quoted) split = true;
      else if (ENDERS.has(base)) split = next.length > 1 && seenLower(next);
      else split = false;
    }
    if (split) push(j);
  }

  firsts.sort((a, b) => a - b);
  const uniq = firsts.filter((v, k) => k === 0 || v !== firsts[k - 1]);
  doc.setSentences(uniq);
}

const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'asked', 'asks', 'told', 'tells', 'wrote', 'writes', 'added', 'adds', 'replied', 'replies',
  'tweeted', 'posted', 'shouted', 'explained', 'wondered', 'continued', 'insisted', 'argued', 'warned', 'declared',
  'demanded', 'responded', 'exclaimed', 'recalled', 'noted',
]);

/** Up to four capitalised words (a name or title) and then a speech verb: "Trump asked", "Secretary Rubio said". */
function attributionFollows(doc: Doc, w: number): boolean {
  for (let k = w; k < doc.length && k < w + 5; k++) {
    const t = doc.textOf(k);
    if (SPEECH_VERBS.has(t)) return k > w;
    const c = t.charCodeAt(0);
    if (!(c >= 65 && c <= 90) && t !== '.' && !t.endsWith('.')) return false;
  }
  return false;
}

/** A closing quote or bracket at token j: straight quotes count only when glued to the token before. */
function isCloserAt(doc: Doc, j: number): boolean {
  const t = doc.textOf(j);
  if (!CLOSERS.has(t)) return false;
  if (t === '"' || t === "'" || t === "''") return doc.start[j] === doc.end[j - 1];
  return true;
}

function lineStart(text: string, k: number): number {
  while (k >= 0 && text.charCodeAt(k) !== 10) k--;
  return k + 1;
}

/** The 90th-percentile line length (the wrap width of fixed-width text), by counting so it stays linear. */
function typicalLineWidth(text: string): number {
  const cap = 400; // longer lines are not wrapped text anyway
  const counts = new Uint32Array(cap + 1);
  let lines = 0, s = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || text.charCodeAt(k) === 10) {
      if (k > s) {
        counts[Math.min(k - s, cap)]++;
        lines++;
      }
      s = k + 1;
    }
  }
  let seen = 0;
  for (let len = 0; len <= cap; len++) {
    seen += counts[len];
    if (seen > lines * 0.9) return len;
  }
  return 0;
}
