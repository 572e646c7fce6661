// Cuts article text into non-overlapping segments, each knowing which annotations cover it, so highlights
// can be rendered as plain text nodes inside elements (never as HTML) even where annotations nest or overlap.

export type SpanKind = 'mention' | 'trigger' | 'date' | 'quote' | 'evidence' | 'speaker' | 'cue';

export interface Span {
  start: number;
  end: number;
  kind: SpanKind;
  /** Short label shown after the span (entity type, DATE, event code). */
  label?: string;
  /** Longer description for the tooltip. */
  title?: string;
  /** Which event, quote or mention this belongs to, for selection. */
  ref?: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  spans: Span[];
  /** Spans that end here: their labels go after this segment. */
  closing: Span[];
}

export function segment(text: string, spans: readonly Span[]): Segment[] {
  const n = text.length;
  // Offsets come from stored, untrusted data: clamp and drop anything that does not describe a real range.
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(n, Math.floor(s.start))), end: Math.max(0, Math.min(n, Math.floor(s.end))) }))
    .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end) && s.end > s.start);
  const cuts = new Set<number>([0, n]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = valid.filter((s) => s.start <= start && s.end >= end);
    out.push({ start, end, text: text.slice(start, end), spans: covering, closing: covering.filter((s) => s.end === end) });
  }
  return out;
}
