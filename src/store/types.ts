// The storage interface: what ingest writes and what the CLI queries, the HTTP API and exports read.
// Drivers: SQLite (default, ./parley.db) and PostgreSQL implement it with one schema and the same semantics.
import type { Extraction, Event, Quote, Actor } from '../schema/extraction.js';

export interface Counts {
  articles: number;
  events: number;
  quotes: number;
  actors: number;
  mentions: number;
}

export interface StoredArticleInput {
  id: string;
  text: string;
  title?: string;
  url?: string;
  source?: string;
  published?: string;
  /** sha256 of the text: the dedup key for articles without an id. */
  contentHash: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface EventFilter {
  actor?: string;
  country?: string;
  cameo?: string;
  plover?: string;
  quadClass?: number;
  modality?: string;
  since?: string;
  until?: string;
  q?: string;
  article?: string;
  limit?: number;
  offset?: number;
  /** By event date: newest first (default) or oldest first (exports). */
  order?: 'asc' | 'desc';
}

/** The fusion cluster an event belongs to, with GDELT-style counts. */
export interface ClusterRef {
  id: string;
  /** Event mentions fused into the cluster (GDELT NumMentions). */
  mentions: number;
  /** Distinct publishers (GDELT NumSources). */
  sources: number;
  /** Distinct articles (GDELT NumArticles). */
  articles: number;
}

/** An event as stored: the Extraction event plus where it came from and its fusion cluster. */
export interface StoredEvent extends Event {
  articleId: string;
  clusterId?: string;
  cluster?: ClusterRef;
  articleTitle?: string;
  articleUrl?: string;
  published?: string;
  /** The versioned pipeline (stage@version list) that produced the event. */
  pipeline?: string[];
}

/** A fused event: one row of the GDELT export. */
export interface EventCluster extends ClusterRef {
  cameo: string;
  cameoRoot: string;
  quadClass: number;
  goldstein: number;
  dateStart: string | null;
  dateEnd: string | null;
  firstSeen: string | null;
  /** The member event whose code, actors and place the cluster reports. */
  representative: StoredEvent;
}

export interface StoredArticle extends StoredArticleInput {
  pipeline: string[];
  ingestedAt: string;
}

export interface RunCounts {
  stored: number;
  skipped: number;
  failed: number;
}

export interface StoredQuote extends Quote {
  articleId: string;
  articleTitle?: string;
  published?: string;
}

export interface ActorSummary extends Actor {
  events: number;
  mentions: number;
}

export interface NetworkGraph {
  nodes: { id: string; name: string; country: string | null; org: string | null; events: number }[];
  edges: { source: string; target: string; count: number; goldstein: number; quadClasses: Record<string, number> }[];
}

export interface TimelineBucket {
  period: string;
  quadClass: number;
  count: number;
  goldstein: number;
}

export interface Storage {
  /** Creates or migrates the schema. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** True when an article with this id or content hash is stored. */
  hasArticle(id: string, contentHash: string): Promise<boolean>;
  /** Stores an article with its extraction in one transaction; returns false when it was already stored. */
  putArticle(article: StoredArticleInput, extraction: Extraction, pipeline: readonly string[], runId?: string): Promise<boolean>;
  /** Stores several articles in one transaction, each whole; false for each one already stored. Optional for drivers. */
  putArticles?(batch: readonly { article: StoredArticleInput; extraction: Extraction; pipeline: readonly string[] }[], runId?: string): Promise<boolean[]>;
  stats(): Promise<Counts>;
  events(filter: EventFilter): Promise<Page<StoredEvent>>;
  article(id: string): Promise<{ article: StoredArticle; extraction: Extraction } | undefined>;
  actors(filter: { q?: string; limit?: number; offset?: number }): Promise<Page<ActorSummary>>;
  quotes(filter: { speaker?: string; q?: string; limit?: number; offset?: number }): Promise<Page<StoredQuote>>;
  network(filter: { since?: string; until?: string; cameo?: string; quadClass?: number }): Promise<NetworkGraph>;
  timeline(filter: { country?: string; dyad?: [string, string]; interval: 'day' | 'week' | 'month'; since?: string; until?: string }): Promise<TimelineBucket[]>;
  /** Replaces a stored article's extraction (recode) in one transaction; false when no such article. */
  replaceExtraction(id: string, extraction: Extraction, pipeline: readonly string[]): Promise<boolean>;
  /** Recomputes the clusters of every block changed since the last fusion; safe to rerun at any time. */
  fuse(): Promise<{ blocks: number; clusters: number }>;
  /** Fused events, ordered by date then id. */
  clusters(filter: { since?: string; until?: string; limit?: number; offset?: number }): Promise<Page<EventCluster>>;
  clusterCount(): Promise<number>;
  /** Stored articles with their extractions, in id order (for recode and exports); filtered on publication date. */
  articles(filter: { since?: string; until?: string; after?: string; limit?: number }): Promise<{ article: StoredArticle; extraction: Extraction }[]>;
  /** Removes actors no stored mention or event refers to any more (after a recode). */
  pruneActors(): Promise<number>;
  startRun(inputs: readonly string[], pipeline: readonly string[]): Promise<string>;
  finishRun(id: string, counts: RunCounts, status: 'done' | 'failed'): Promise<void>;
}
