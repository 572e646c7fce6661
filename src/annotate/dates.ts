// Temporal expressions: finds dates in a Doc and resolves them against the dateline.
// PLACEHOLDER: chrono-node with its defaults; replaced by the news-aware resolver.
import * as chrono from 'chrono-node';
import type { Doc } from '../text/doc.js';
import type { Precision } from '../schema/extraction.js';

export interface DateAnnotation {
  text: string;
  start: number;
  end: number;
  value: string | null;
  precision: Precision;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findDates(doc: Doc, dateline?: string): DateAnnotation[] {
  const ref = dateline ? new Date(`${dateline}T12:00:00Z`) : undefined;
  const out: DateAnnotation[] = [];
  for (const r of chrono.parse(doc.text, ref ? { instant: ref, timezone: 0 } : undefined)) {
    const c = r.start;
    const hasDay = c.isCertain('day') || c.isCertain('weekday') || !ref;
    const precision: Precision = hasDay ? 'day' : c.isCertain('month') ? 'month' : 'year';
    const y = c.get('year') ?? 0, m = c.get('month') ?? 1, d = c.get('day') ?? 1;
    const value = !ref && !c.isCertain('year') ? null : iso(y, precision === 'year' ? 1 : m, precision === 'day' ? d : 1);
    out.push({ text: r.text, start: r.index, end: r.index + r.text.length, value, precision });
  }
  return out;
}
