// Links events to the quotes they were reported in: an event whose trigger lies inside a quotation is attributed
// to that quote and its speaker, which is who vouches for it.
import type { Stage } from '../pipeline/stage.js';
import type { ExtractContext } from '../pipeline/context.js';

export const eventQuoteStage: Stage<ExtractContext> = {
  name: 'event-attribution',
  version: '1',
  needs: ['events', 'quotes'],
  sets: [],
  run(_doc, ctx): void {
    for (const e of ctx.events) {
      const q = ctx.quotes.find((x) => x.start <= e.trigger.start && e.trigger.end <= x.end);
      if (!q) continue;
      const speaker = q.speaker ?? e.attribution?.speaker;
      e.attribution = {
        quote: q.id,
        ...(speaker ? { speaker } : {}),
        ...(q.speakerText ?? e.attribution?.text ? { text: q.speakerText ?? e.attribution?.text } : {}),
      };
    }
  },
};
