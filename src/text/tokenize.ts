// Tokenizer: splits news English into tokens with exact character offsets (UD/PTB conventions).
// PLACEHOLDER: a simple regex split; replaced by the full tokenizer.
import { Doc } from './doc.js';

const TOKEN = /[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*|\S/gu;

export function tokenize(text: string): Doc {
  const starts: number[] = [], ends: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return new Doc(text, starts, ends);
}
