// Query parameters of the HTTP API as zod schemas: validated at the boundary, shared with the OpenAPI document.
import { z } from 'zod';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(s + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');
const int = (min: number, max: number) => z.string().regex(/^\d+$/, 'a whole number').transform(Number).pipe(z.number().int().min(min).max(max));
const text = (max: number) => z.string().trim().min(1, 'empty').max(max);

export const paging = {
  limit: int(1, 1000).optional().describe('page size, 1-1000 (default 50)'),
  offset: int(0, 10_000_000).optional().describe('rows to skip'),
};

export const EventsQuery = z.object({
  actor: text(100).optional().describe('actor id or code, as source or target'),
  country: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code').transform((s) => s.toUpperCase()).optional().describe('ISO3 of an actor or of the place'),
  cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2-4 digits').optional().describe('CAMEO code prefix'),
  plover: z.string().regex(/^[A-Za-z_-]{2,30}$/, 'a PLOVER event type').transform((s) => s.toUpperCase()).optional().describe('PLOVER event type'),
  quadClass: int(1, 4).optional().describe('quad class 1-4'),
  modality: z.enum(['asserted', 'planned', 'canceled', 'negated', 'conditional', 'hypothetical', 'denied']).optional(),
  since: date.optional().describe('event date on or after'),
  until: date.optional().describe('event date on or before'),
  q: text(500).optional().describe('full-text search in the evidence sentence'),
  ...paging,
});

export const ActorsQuery = z.object({ q: text(200).optional().describe('name, id or code contains'), ...paging });

export const QuotesQuery = z.object({
  speaker: text(200).optional().describe('speaker actor id, or words of the speaker as written'),
  q: text(500).optional().describe('full-text search in the quote'),
  ...paging,
});

export const NetworkQuery = z.object({
  since: date.optional(),
  until: date.optional(),
  cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2-4 digits').optional(),
  quadClass: int(1, 4).optional(),
});

export const TimelineQuery = z.object({
  country: z.string().regex(/^[A-Za-z]{3}$/, 'an ISO 3166-1 alpha-3 code').transform((s) => s.toUpperCase()).optional(),
  dyad: z.string().regex(/^[A-Za-z0-9_.]+-[A-Za-z0-9_.]+$/, 'two actor ids joined by "-", e.g. ISR-IRN').optional().describe('interactions between two actors, either direction'),
  interval: z.enum(['day', 'week', 'month']).optional().describe('default day'),
  since: date.optional(),
  until: date.optional(),
});

/** Every query's since must not come after its until. */
export function checkRange(q: { since?: string; until?: string }): string | undefined {
  return q.since && q.until && q.since > q.until ? 'since is after until' : undefined;
}
