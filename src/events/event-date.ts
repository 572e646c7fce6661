// Dates an event: the temporal expression attached to it when there is one, else the article's dateline. The
// expression is re-read with the event's own direction through the date annotator's resolver (the event knows
// better than the sentence's nearest tense cue): a report's "Saturday" is the last one on or before the dateline,
// a plan's the next one on or after it.
import { resolveExpression, type DateAnnotation } from '../annotate/dates.js';
import type { EventDate } from '../schema/extraction.js';

export function resolveEventDate(attached: DateAnnotation | undefined, dateline: string | undefined, future = false, tenseless = false): EventDate {
  if (attached) {
    // an event without a tense of its own (a noun: "during talks Tuesday") keeps the annotator's tense-aware value
    if (tenseless && !future && attached.value) return { value: attached.value, precision: attached.precision, basis: 'text', text: attached.text };
    if (dateline) {
      // the annotator's value stands when the expression alone does not resolve: anaphora such as "the next day"
      // need the story's previous date
      const mine = resolveExpression(attached.text, dateline, future ? 'future' : 'past');
      if (mine.value) return { value: mine.value, precision: mine.precision, basis: 'text', text: attached.text };
    }
    if (attached.value) return { value: attached.value, precision: attached.precision, basis: 'text', text: attached.text };
  }
  return dateline ? { value: dateline, precision: 'day', basis: 'dateline' } : { value: null, precision: 'none', basis: 'dateline' };
}
