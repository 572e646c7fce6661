// Finds knowledge-base actors in the text (countries, capitals, demonyms, metonyms, organisations) as mentions.
import type { Doc } from '../text/doc.js';
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { KbEntry } from './kb.js';
import type { MentionType } from '../schema/extraction.js';

function mentionType(e: KbEntry): MentionType {
  switch (e.kind) {
    case 'country':
    case 'capital':
      return 'GPE';
    case 'demonym':
      return 'NORP';
    case 'person':
      return 'PERSON';
    case 'metonym':
      return /\b(House|Palace|Street|Kremlin|Pentagon|Elys|Bottom|Hill|Whitehall|Zhongnanhai)/.test(e.name) ? 'FAC' : 'ORG';
    default:
      return 'ORG';
  }
}

// When one alias names several entries (a capital that is also a metonym), prefer the most specific one.
const KIND_RANK: Record<string, number> = { metonym: 0, person: 1, igo: 2, group: 3, country: 4, demonym: 5, capital: 6 };

export const gazetteerStage: Stage<ExtractContext> = {
  name: 'gazetteer',
  version: '1',
  needs: ['tokens', 'sentences'],
  sets: ['mentions', 'actors'],
  run(doc: Doc, ctx: ExtractContext): void {
    const kb = ctx.resources.kb;
    for (let s = 0; s < doc.sentenceCount; s++) {
      const sent = doc.sentence(s);
      const words = sent.words();
      for (const m of kb.matchAll(words)) {
        const entry = [...m.entries].sort((a, b) => (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9))[0];
        const mention: MentionAnnotation = { start: sent.start + m.start, end: sent.start + m.end, type: mentionType(entry), entry };
        ctx.mentions.push(mention);
      }
    }
  },
};
