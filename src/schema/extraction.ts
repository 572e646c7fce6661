// The Extraction document (../shared/contract.md, schema parley/extraction@1) as zod schemas and the types
// inferred from them. This file is the single source of the contract's shape: the JSON Schema in
// schema/extraction.schema.json is generated from it, and the types below are what the library exports.
import { z } from 'zod';

export const SCHEMA_ID = 'parley/extraction@1';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const offset = z.number().int().nonnegative();
const iso3 = z.string().regex(/^[A-Z]{3}$/);

export const Precision = z.enum(['day', 'month', 'year', 'none']);
export const MentionType = z.enum(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'OTHER']);
export const Modality = z.enum(['asserted', 'planned', 'canceled', 'negated', 'conditional', 'hypothetical', 'denied']);

export const TextSpan = z.object({ text: z.string(), start: offset, end: offset });

export const ActorRef = z.object({
  actor: z.string().nullable(),
  text: z.string(),
  code: z.string().nullable(),
  country: iso3.nullable(),
  org: z.string().nullable(),
  sector: z.string().optional(),
});

export const Article = z.object({
  id: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
  published: isoDate.optional(),
  textLength: offset,
});

export const Sentence = z.object({ index: z.number().int().nonnegative(), start: offset, end: offset });

export const Mention = z.object({
  id: z.string(),
  text: z.string(),
  start: offset,
  end: offset,
  sentence: z.number().int().nonnegative(),
  type: MentionType,
  actor: z.string().optional(),
});

export const Actor = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  country: iso3.nullable(),
  org: z.string().nullable(),
  sector: z.string(),
  role: z.string().optional(),
  kbId: z.string().optional(),
});

export const EventDate = z.object({
  value: isoDate.nullable(),
  precision: Precision,
  basis: z.enum(['text', 'dateline']),
  text: z.string().optional(),
});

export const Location = z.object({
  name: z.string(),
  country: iso3.nullable(),
  lat: z.number(),
  lon: z.number(),
  geonameId: z.number().int().optional(),
});

export const Event = z.object({
  id: z.string(),
  sentence: z.number().int().nonnegative(),
  trigger: TextSpan,
  source: z.array(ActorRef),
  target: z.array(ActorRef),
  cameo: z.string().regex(/^\d{2,4}$/),
  quadClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  goldstein: z.number().min(-10).max(10),
  plover: z.object({
    type: z.string(),
    mode: z.string().optional(),
    context: z.array(z.string()).optional(),
  }),
  date: EventDate,
  location: Location.optional(),
  modality: Modality,
  attribution: z
    .object({ quote: z.string().optional(), speaker: ActorRef.optional(), text: z.string().optional() })
    .optional(),
  confidence: z.number().min(0).max(1),
  evidence: TextSpan,
  rule: z.string(),
});

export const Quote = z.object({
  id: z.string(),
  kind: z.enum(['direct', 'indirect']),
  text: z.string(),
  start: offset,
  end: offset,
  speaker: ActorRef.nullable(),
  speakerText: z.string().optional(),
  anonymous: z.boolean(),
  speakerSpan: z.object({ start: offset, end: offset }).optional(),
  cue: TextSpan.optional(),
  medium: z.string().optional(),
});

export const DateMention = z.object({
  text: z.string(),
  start: offset,
  end: offset,
  value: isoDate.nullable(),
  precision: Precision,
});

export const Issue = z.object({
  code: z.string(),
  message: z.string(),
  start: offset.optional(),
  end: offset.optional(),
});

export const Extraction = z.object({
  schema: z.literal(SCHEMA_ID),
  article: Article,
  sentences: z.array(Sentence),
  mentions: z.array(Mention),
  actors: z.array(Actor),
  events: z.array(Event),
  quotes: z.array(Quote),
  dates: z.array(DateMention),
  issues: z.array(Issue),
  /** Additive (the contract allows new optional fields): the versioned pipeline that produced this. */
  pipeline: z.array(z.string()).optional(),
});

export type Extraction = z.infer<typeof Extraction>;
export type ActorRef = z.infer<typeof ActorRef>;
export type Actor = z.infer<typeof Actor>;
export type Mention = z.infer<typeof Mention>;
export type Event = z.infer<typeof Event>;
export type EventDate = z.infer<typeof EventDate>;
export type Location = z.infer<typeof Location>;
export type Quote = z.infer<typeof Quote>;
export type DateMention = z.infer<typeof DateMention>;
export type Issue = z.infer<typeof Issue>;
export type Precision = z.infer<typeof Precision>;
export type Modality = z.infer<typeof Modality>;
export type MentionType = z.infer<typeof MentionType>;
export type TextSpan = z.infer<typeof TextSpan>;

/** The JSON Schema of an Extraction, generated from the zod schema above. */
export function extractionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Extraction, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: 'https://parley.dev/schema/extraction-1.json', title: 'Parley Extraction (parley/extraction@1)', ...schema };
}
