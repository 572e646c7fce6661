// Marks events stated inside someone's words: an event whose trigger lies in a quote's content carries that
// quote's id and speaker. Runs after the event and quote stages and only reads offsets, so any event coder works.
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext } from '../pipeline/context.js';
import type { Event, Quote } from '../schema/extraction.js';

/** The innermost quote whose content holds [start, end), or undefined. */
export function quoteHolding(quotes: readonly Quote[], start: number, end: number): Quote | undefined {
  let best: Quote | undefined;
  for (const q of quotes) {
    if (q.start <= start && end <= q.end && (!best || q.end - q.start < best.end - best.start)) best = q;
  }
  return best;
}

/** Sets `attribution` on every event coded inside a quote; the text is the words that name the speaker. */
export function attributeEvents(events: Event[], quotes: readonly Quote[]): void {
  for (const ev of events) {
    const q = quoteHolding(quotes, ev.trigger.start, ev.trigger.end);
    if (!q) continue;
    // a speaker an earlier stage already found (e.g. the event coder's "X said") stays when the quote has none
    const speaker = q.speaker ?? ev.attribution?.speaker;
    const text = q.speakerText ?? q.speaker?.text ?? ev.attribution?.text;
    ev.attribution = { quote: q.id, ...(speaker ? { speaker: { ...speaker } } : {}), ...(text ? { text } : {}) };
  }
}

export const attributionStage: Stage<ExtractContext> = {
  name: 'attribution',
  version: '1',
  needs: ['events', 'quotes'],
  sets: [],
  run(_doc, ctx): void {
    attributeEvents(ctx.events, ctx.quotes);
  },
};
