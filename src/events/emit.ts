// Turns a coded event draft into a contract Event (CAMEO info, PLOVER, confidence) and keeps one copy of each
// identical event per sentence. Shared by the dependency coder and the surface fallback.
import type { Doc } from '../text/doc.js';
import type { ExtractContext, MentionAnnotation } from '../pipeline/context.js';
import type { ActorRef, Event, EventDate, Location, Modality } from '../schema/extraction.js';
import { confidenceOf, type ConfidenceFeatures } from './confidence.js';
import { ploverForModality } from './future.js';

/** The features each emitted event's confidence was read from, for the calibration bench (not serialised). */
export const eventFeatures = new WeakMap<Event, ConfidenceFeatures>();

export function actorRef(doc: Doc, m: MentionAnnotation): ActorRef {
  const e = m.entry;
  return {
    actor: e ? e.id : null,
    text: doc.text.slice(doc.start[m.start], doc.end[m.end - 1]),
    code: e ? e.code : null,
    country: e ? e.country : null,
    org: e ? e.org : null,
    ...(e && e.sector ? { sector: e.sector } : {}),
  };
}

export interface EventDraft {
  sentence: number;
  /** Trigger token range [start, end). */
  trigger: [number, number];
  sources: ActorRef[];
  targets: ActorRef[];
  code: string;
  modality: Modality;
  date: EventDate;
  location?: Location;
  attribution?: Event['attribution'];
  rule: string;
  features: ConfidenceFeatures;
}

function actorKey(refs: ActorRef[]): string {
  return refs.map((r) => r.actor ?? r.text).sort().join('+');
}

/**
 * The draft and, for a paired dictionary code ([ccc:ddd]) with both sides known, its reverse: the target acting on
 * the source under the second code, as PETRARCH codes "A arrived in B" (032 A→B, 033 B→A).
 */
export function withPair(d: EventDraft, pair: string | undefined): EventDraft[] {
  if (!pair || !d.sources.length || !d.targets.length) return [d];
  return [d, { ...d, sources: d.targets, targets: d.sources, code: pair, rule: `${d.rule}+pair` }];
}

/** Builds the Event, or null when the code has no PLOVER type (CAMEO 01 statements) or no actor at all. */
export function draftToEvent(doc: Doc, ctx: ExtractContext, d: EventDraft): Event | null {
  const cameo = ctx.resources.cameo;
  const info = cameo?.info(d.code);
  if (!info || !info.plover) return null;
  if (!d.sources.length && !d.targets.length) return null;
  const [ts, te] = d.trigger;
  const sent = doc.sentence(d.sentence);
  const event: Event = {
    id: '',
    sentence: d.sentence,
    trigger: { text: doc.text.slice(doc.start[ts], doc.end[te - 1]), start: doc.start[ts], end: doc.end[te - 1] },
    source: d.sources,
    target: d.targets,
    cameo: info.code,
    quadClass: info.quadClass,
    goldstein: info.goldstein,
    plover: ploverForModality({ ...info.plover, ...(info.plover.context ? { context: [...info.plover.context] } : {}) }, d.modality),
    date: d.date,
    ...(d.location ? { location: d.location } : {}),
    modality: d.modality,
    ...(d.attribution ? { attribution: d.attribution } : {}),
    confidence: confidenceOf(d.features),
    evidence: { text: sent.text, start: sent.startChar, end: sent.endChar },
    rule: d.rule,
  };
  eventFeatures.set(event, d.features);
  return event;
}

/** Appends events, numbering them, and drops a repeat of an event already coded in the same sentence. */
export function pushEvents(ctx: ExtractContext, events: Event[]): void {
  const seen = new Map<string, Event>();
  for (const e of ctx.events) seen.set(eventKey(e), e);
  for (const e of events) {
    const k = eventKey(e);
    const prev = seen.get(k);
    if (prev) {
      if (e.confidence > prev.confidence) prev.confidence = e.confidence;
      continue;
    }
    e.id = `e${ctx.events.length + 1}`;
    ctx.events.push(e);
    seen.set(k, e);
  }
}

function eventKey(e: Event): string {
  return [e.sentence, e.cameo, actorKey(e.source), actorKey(e.target), e.modality].join('|');
}
