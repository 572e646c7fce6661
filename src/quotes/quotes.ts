// First quote layer: direct quotations between quotation marks, with the speaker taken from a nearby
// "X said" / "said X" cue. The attribution issue deepens this (indirect speech, anonymity, media).
import type { Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext } from '../pipeline/context.js';
import type { Quote } from '../schema/extraction.js';
import { actorRef } from '../events/patterns.js';

const CUES = new Set(['said', 'says', 'told', 'wrote', 'added', 'stated', 'warned', 'declared', 'insisted', 'tweeted', 'posted']);
const OPEN = new Set(['"', '“']);
const CLOSE = new Set(['"', '”']);

export const quoteStage: Stage<ExtractContext> = {
  name: 'quotes-direct',
  version: '1',
  needs: ['tokens', 'sentences', 'mentions'],
  sets: ['quotes'],
  run(doc: Doc, ctx: ExtractContext): void {
    for (let i = 0; i < doc.length; i++) {
      const t = doc.textOf(i);
      if (!OPEN.has(t)) continue;
      let j = i + 1;
      while (j < doc.length && !CLOSE.has(doc.textOf(j)) && j - i < 400) j++;
      if (j >= doc.length || !CLOSE.has(doc.textOf(j)) || j - i < 3) continue;
      // the cue is searched in a window after the closing mark, then before the opening one
      let cue = -1;
      for (let k = j + 1; k < Math.min(doc.length, j + 8) && cue < 0; k++) if (CUES.has(doc.textOf(k).toLowerCase())) cue = k;
      for (let k = i - 1; k >= Math.max(0, i - 10) && cue < 0; k--) if (CUES.has(doc.textOf(k).toLowerCase())) cue = k;
      let speaker: Quote['speaker'] = null;
      let speakerSpan: Quote['speakerSpan'];
      if (cue >= 0) {
        const near = ctx.mentions
          .filter((m) => m.entry && Math.abs(m.start - cue) <= 6 && (m.end <= i || m.start > j))
          .sort((a, b) => Math.abs(a.start - cue) - Math.abs(b.start - cue))[0];
        if (near) {
          speaker = actorRef(doc, near);
          speakerSpan = { start: doc.start[near.start], end: doc.end[near.end - 1] };
        }
      }
      const q: Quote = {
        id: `q${ctx.quotes.length + 1}`,
        kind: 'direct',
        text: doc.text.slice(doc.start[i + 1], doc.end[j - 1]),
        start: doc.start[i + 1],
        end: doc.end[j - 1],
        speaker,
        anonymous: false,
        ...(speaker && speakerSpan ? { speakerText: speaker.text, speakerSpan } : {}),
        ...(cue >= 0 ? { cue: { text: doc.textOf(cue), start: doc.start[cue], end: doc.end[cue] } } : {}),
      };
      ctx.quotes.push(q);
      i = j;
    }
  },
};
