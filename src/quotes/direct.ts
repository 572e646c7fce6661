// Direct quotations: spans between quotation marks, with news conventions — a quote running over several
// paragraphs repeats its opening mark at each new paragraph and closes only at the end; straight marks pair up.
import type { Doc } from '../text/doc.js';

export interface QuotePiece {
  /** Character offsets of the quoted words (marks excluded, trailing comma and spaces trimmed). */
  start: number;
  end: number;
  /** Token of the opening mark and of the closing mark (-1 when the paragraph ended without one). */
  openTok: number;
  closeTok: number;
  /** Pieces of one quotation over several paragraphs share a group. */
  group: number;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»', '‟']);

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /[\s,]/.test(text[e - 1])) e--;
  return [s, e];
}

/** Finds quotation pieces in the text; offsets map to tokens through `doc`. */
export function findQuotePieces(doc: Doc): QuotePiece[] {
  const text = doc.text;
  const out: QuotePiece[] = [];
  let group = 0;
  let carrying = false;
  const tok = (c: number): number => {
    const t = doc.tokenAtOrAfter(c);
    return t < doc.length && doc.start[t] <= c ? t : -1;
  };
  // marks may be two characters: '' and `` as some newswire writes double quotes
  let openLen = 1;
  const emit = (open: number, close: number, paraEnd: number, closeLen = 1): void => {
    const [s, e] = trimSpan(text, open + openLen, close >= 0 ? close : paraEnd);
    if (e - s < 1) return;
    out.push({ start: s, end: e, openTok: tok(open), closeTok: close >= 0 ? tok(close + closeLen - 1) : -1, group });
  };
  let ps = 0;
  while (ps <= text.length) {
    let pe = text.indexOf('\n', ps);
    if (pe < 0) pe = text.length;
    const para = text.slice(ps, pe);
    const firstNon = para.search(/\S/);
    if (firstNon < 0) {
      ps = pe + 1;
      if (pe >= text.length) break;
      continue;
    }
    let open = -1;
    if (carrying) {
      const c = para[firstNon];
      // a new paragraph that reopens the quote continues it; anything else means the quote ended unclosed
      if (OPENERS.has(c) || c === '"' || para.startsWith("''", firstNon) || para.startsWith('``', firstNon)) {
        open = ps + firstNon;
        openLen = c === '"' || OPENERS.has(c) ? 1 : 2;
      }
      else group++;
      carrying = false;
    }
    for (let i = ps + (open >= 0 ? firstNon + openLen : 0); i < pe; i++) {
      let c = text[i];
      let len = 1;
      if (c === '`' && text[i + 1] === '`') {
        c = '“';
        len = 2;
      } else if (c === "'" && text[i + 1] === "'") {
        c = '"';
        len = 2;
      }
      if (OPENERS.has(c)) {
        if (open >= 0) group++;
        open = i;
        openLen = len;
      } else if (CLOSERS.has(c)) {
        if (open >= 0) {
          emit(open, i, pe, len);
          open = -1;
          group++;
        }
      } else if (c === '"') {
        const before = i > 0 ? text[i - 1] : ' ';
        const after = i + len < text.length ? text[i + len] : ' ';
        if (open < 0) {
          // a straight mark opens only where an opening mark can stand: after a space or bracket, before a word
          if (/[\s([{—–-]/.test(before) || i === ps) {
            open = i;
            openLen = len;
          }
        } else if (/[\s([{—–]/.test(before) && /[\p{L}\p{N}'‘]/u.test(after) && i > open + openLen) {
          // looks like an opener, so the previous quotation never closed: keep it as far as here
          emit(open, i, i);
          group++;
          open = i;
          openLen = len;
        } else {
          emit(open, i, pe, len);
          open = -1;
          group++;
        }
      }
      i += len - 1;
    }
    if (open >= 0) {
      emit(open, -1, pe);
      carrying = true;
    }
    ps = pe + 1;
    if (pe >= text.length) break;
  }
  return out.filter((p) => p.openTok >= 0);
}
