// What the extraction pipeline carries besides the Doc's columns: entity-level annotations set by stages.
import type { KnowledgeBase, KbEntry } from '../actors/kb.js';
import type { ResolvedActor } from '../actors/resolve.js';
import type { NerTagger } from '../annotate/ner.js';
import type { VerbIndex } from '../events/verb-dict.js';
import type { CameoTable } from '../events/cameo.js';
import type { Gazetteer } from '../events/geo.js';
import type { Discards } from '../actors/petrarch.js';
import type { DateAnnotation } from '../annotate/dates.js';
import type { NlpModels } from '../annotate/nlp.js';
import type { StageContext } from './stage.js';
import type { Event, Issue, MentionType, Quote } from '../schema/extraction.js';

/** Loaded, immutable resources (knowledge base, models); loaded once at the edge and shared by all documents. */
export interface Resources {
  kb: KnowledgeBase;
  /** Tagger, lemmatizer and parser; without them stages fall back to surface patterns. */
  nlp?: NlpModels;
  /** The statistical NER tagger; without it mentions come from the knowledge base alone. */
  ner?: NerTagger;
  /** CAMEO verb/noun patterns; without them (and `cameo`) the event coder emits nothing. */
  verbs?: VerbIndex;
  /** Goldstein, QuadClass and PLOVER of every CAMEO code. */
  cameo?: CameoTable;
  /** Place gazetteer for event locations; without it events carry no location. */
  geo?: Gazetteer;
  /** PETRARCH discard phrases: sentences (or whole stories) holding one are not coded. */
  discards?: Discards;
}

/** A mention of an entity: a token range [start, end) with its type and, when resolved, its KB entry. */
export interface MentionAnnotation {
  start: number;
  end: number;
  type: MentionType;
  /** The resolved actor in KbEntry shape (id is the actor id), kept for stages that read `entry`. */
  entry?: KbEntry;
  /** The resolved actor (country, org, sector, role, kbId). */
  actor?: ResolvedActor;
}

export interface ExtractContext extends StageContext {
  readonly resources: Resources;
  dates: DateAnnotation[];
  mentions: MentionAnnotation[];
  events: Event[];
  quotes: Quote[];
  issues: Issue[];
}

export function newContext(resources: Resources, dateline?: string): ExtractContext {
  return { resources, dateline, dates: [], mentions: [], events: [], quotes: [], issues: [] };
}
