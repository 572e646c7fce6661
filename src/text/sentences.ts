// Sentence splitter: sets sentence boundaries on a tokenized Doc.
// PLACEHOLDER: splits after . ! ? tokens; replaced by the full splitter.
import type { Doc } from './doc.js';

export function splitSentences(doc: Doc): void {
  const firsts = [0];
  for (let i = 0; i < doc.length - 1; i++) {
    const t = doc.textOf(i);
    if (t === '.' || t === '!' || t === '?') firsts.push(i + 1);
  }
  doc.setSentences(doc.length ? firsts : []);
}
