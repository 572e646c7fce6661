// Test fixture: builds a Doc with a hand-written parse (what the nlp branch's parser will produce) and runs the
// event stage on it with the shipped resources, plus person mentions the actor branch would resolve.
import { Doc, uposId } from '../text/doc.js';
import { newContext, type ExtractContext } from '../pipeline/context.js';
import { loadResources } from '../resources/load.js';
import { findDates } from '../annotate/dates.js';
import { actorStage } from '../actors/mentions.js';
import { nerStage } from '../annotate/ner-stage.js';
import type { KbEntry } from '../actors/kb.js';
import { eventStage } from './coder.js';
import { quoteStage } from '../quotes/quotes.js';
import type { Event } from '../schema/extraction.js';

export const PEOPLE: Record<string, KbEntry> = {
  Trump: { id: 'Q22686', name: 'Donald Trump', code: 'USAGOV', country: 'USA', org: null, sector: 'GOV', kind: 'person', role: 'President' },
  Putin: { id: 'Q7747', name: 'Vladimir Putin', code: 'RUSGOV', country: 'RUS', org: null, sector: 'GOV', kind: 'person', role: 'President' },
  Netanyahu: { id: 'Q43723', name: 'Benjamin Netanyahu', code: 'ISRGOV', country: 'ISR', org: null, sector: 'GOV', kind: 'person', role: 'Prime Minister' },
};

/**
 * One token a line or `;`-separated: `form lemma UPOS head deprel`, head 1-based within the sentence (0 = root),
 * lemma `_` for the lowercased form. Sentences are separated by `||`.
 */
export function parsedDoc(spec: string): Doc {
  const sentences = spec.split('||').map((s) => s.split(/[;\n]/).map((l) => l.trim()).filter(Boolean).map((l) => l.split(/\s+/)));
  const words = sentences.flat().map((f) => f[0]);
  const doc = Doc.fromWords(words);
  const firsts: number[] = [];
  let base = 0;
  for (const sent of sentences) {
    firsts.push(base);
    sent.forEach(([form, lemma, upos, head, rel], k) => {
      const i = base + k;
      doc.lemma[i] = doc.strings.intern(lemma === '_' ? form.toLowerCase() : lemma);
      doc.upos[i] = uposId(upos);
      doc.head[i] = Number(head) === 0 ? -1 : base + Number(head) - 1;
      doc.deprel[i] = doc.strings.intern(rel);
    });
    base += sent.length;
  }
  doc.setSentences(firsts);
  for (const l of ['sentences', 'pos', 'lemma', 'deps'] as const) doc.layers.set(l, 'test');
  return doc;
}

/** Runs dates, NER and actor resolution (plus PEOPLE, and `extra` token ranges with entries), quotes and the event stage. */
export function codeEvents(doc: Doc, dateline = '2025-03-14', extra: { start: number; end: number; entry: KbEntry }[] = []): { events: Event[]; ctx: ExtractContext } {
  const ctx = newContext(loadResources(), dateline);
  ctx.dates.push(...findDates(doc, dateline));
  nerStage.run(doc, ctx);
  doc.layers.set('ner', 'test');
  actorStage.run(doc, ctx);
  for (let i = 0; i < doc.length; i++) {
    const p = PEOPLE[doc.textOf(i)];
    if (p) ctx.mentions.push({ start: i, end: i + 1, type: 'PERSON', entry: p });
  }
  for (const x of extra) ctx.mentions.push({ start: x.start, end: x.end, type: 'PERSON', entry: x.entry });
  // as in the pipeline, quotes are found before events (a "we" in quoted words is the speaker's side)
  quoteStage.run(doc, ctx);
  eventStage.run(doc, ctx);
  return { events: ctx.events, ctx };
}

/** "USA>IRN" style summary of an event's dyad by country (or actor text when it has none). */
export function dyad(e: Event): string {
  const side = (xs: Event['source']): string => xs.map((a) => a.country ?? a.org ?? a.text).join('+');
  return `${side(e.source)}>${side(e.target)}`;
}
