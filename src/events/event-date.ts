// Dates an event: the temporal expression attached to it when there is one, else the article's dateline. A bare
// weekday is resolved by the event's direction: a report's "Saturday" is the last one on or before the dateline,
// a plan's the next one on or after it.
import type { DateAnnotation } from '../annotate/dates.js';
import type { EventDate } from '../schema/extraction.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE = /^(?:on\s+|last\s+|next\s+|this\s+|(?:early|late)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\s+(?:morning|afternoon|evening|night))?$/i;

function isoOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The weekday named by `text` relative to `dateline` (YYYY-MM-DD): backwards for past events, forwards for plans. */
export function resolveWeekday(text: string, dateline: string, future: boolean): string | null {
  const m = WEEKDAY_RE.exec(text.trim());
  if (!m) return null;
  const want = WEEKDAYS.indexOf(m[1].toLowerCase());
  const base = new Date(`${dateline}T12:00:00Z`);
  if (Number.isNaN(base.getTime())) return null;
  const have = base.getUTCDay();
  const explicit = text.trim().toLowerCase();
  let delta: number;
  if (explicit.startsWith('next')) delta = ((want - have + 7) % 7) || 7;
  else if (explicit.startsWith('last')) delta = -(((have - want + 7) % 7) || 7);
  else if (future) delta = (want - have + 7) % 7;
  else delta = -((have - want + 7) % 7);
  return isoOf(new Date(base.getTime() + delta * 86400000));
}

export function resolveEventDate(attached: DateAnnotation | undefined, dateline: string | undefined, future = false): EventDate {
  if (attached) {
    const wd = dateline ? resolveWeekday(attached.text, dateline, future) : null;
    if (wd) return { value: wd, precision: 'day', basis: 'text', text: attached.text };
    if (attached.value) return { value: attached.value, precision: attached.precision, basis: 'text', text: attached.text };
  }
  return dateline ? { value: dateline, precision: 'day', basis: 'dateline' } : { value: null, precision: 'none', basis: 'dateline' };
}
