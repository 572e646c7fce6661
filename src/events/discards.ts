// PETRARCH discards: phrases (sports, weather, history) whose presence means a sentence, or a whole story, is off
// topic and must not be coded, however well its verbs match.
import type { Doc } from '../text/doc.js';
import type { Discards } from '../actors/petrarch.js';

function holds(words: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** 'story' when a story-level phrase occurs anywhere; otherwise the indexes of sentences holding a sentence-level one. */
export function discardedSentences(doc: Doc, discards: Discards | undefined): 'story' | Set<number> {
  const out = new Set<number>();
  if (!discards) return out;
  for (let s = 0; s < doc.sentenceCount; s++) {
    const words = doc.sentence(s).words().map((w) => w.toLowerCase());
    if (discards.story.some((p) => holds(words, p))) return 'story';
    if (discards.sentence.some((p) => holds(words, p))) out.add(s);
  }
  return out;
}
