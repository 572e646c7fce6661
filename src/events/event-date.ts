// Dates an event: the temporal expression attached to it when there is one, else the article's dateline.
import type { DateAnnotation } from '../annotate/dates.js';
import type { EventDate } from '../schema/extraction.js';

export function resolveEventDate(attached: DateAnnotation | undefined, dateline: string | undefined): EventDate {
  if (attached && attached.value) {
    return { value: attached.value, precision: attached.precision, basis: 'text', text: attached.text };
  }
  return dateline ? { value: dateline, precision: 'day', basis: 'dateline' } : { value: null, precision: 'none', basis: 'dateline' };
}
