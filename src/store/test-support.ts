// Helpers for the store tests: real articles from the demo corpus and a dump of every row that a run determines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentId, extract } from '../api.js';
import { contentHash } from '../ingest/ingest.js';
import { PACKAGE_ROOT } from '../resources/load.js';
import type { Extraction } from '../schema/extraction.js';
import type { SqlStorage } from './store.js';
import type { StoredArticleInput } from './types.js';

export const DEMO_CORPUS = join(PACKAGE_ROOT, 'data', 'demo', 'voa-2025.jsonl');

export interface Fixture {
  article: StoredArticleInput;
  extraction: Extraction;
}

let cache: Fixture[] | undefined;

/** The first n demo articles with their extractions (extracted once per process). */
export function demoFixtures(n = 12): Fixture[] {
  if (!cache) {
    cache = [];
    const lines = readFileSync(DEMO_CORPUS, 'utf8').split('\n').filter((l) => l.trim()).slice(0, 40);
    for (const l of lines) cache.push(fixture(JSON.parse(l) as { id: string; text: string; title?: string; url?: string; published?: string }));
  }
  return cache.slice(0, n);
}

export function fixture(a: { id?: string; text: string; title?: string; url?: string; published?: string; source?: string }): Fixture {
  const published = a.published?.slice(0, 10);
  const id = a.id ?? contentId(a.text);
  const extraction = extract({ id, text: a.text, title: a.title, url: a.url, published });
  return {
    article: { id, text: a.text, contentHash: contentHash(a.text), ...(a.title ? { title: a.title } : {}), ...(a.url ? { url: a.url } : {}), ...(published ? { published } : {}), ...(a.source ? { source: a.source } : {}) },
    extraction,
  };
}

/** Every row a run's data determines, sorted; run ids and timestamps (provenance, not data) are left out. */
export async function dumpRows(store: SqlStorage): Promise<Record<string, unknown[]>> {
  const q = (sql: string) => store.db.all(sql);
  const out: Record<string, unknown[]> = {
    articles: await q('SELECT id, content_hash, title, url, source, published, text, extraction, pipeline_id FROM articles ORDER BY id'),
    pipeline_versions: await q('SELECT id, stages FROM pipeline_versions ORDER BY id'),
    actors: await q('SELECT * FROM actors ORDER BY id'),
    mentions: await q('SELECT * FROM mentions ORDER BY article_id, id'),
    events: await q(`SELECT article_id, id, sentence, cameo, cameo_root, quad_class, goldstein, plover_type, plover_mode, event_date,
      date_precision, location_name, location_country, modality, confidence, evidence, rule, source_key, target_key, block, cluster_id,
      pipeline_id, data FROM events ORDER BY article_id, id`),
    event_actors: await q('SELECT * FROM event_actors ORDER BY article_id, event_id, role, position'),
    quotes: await q(`SELECT article_id, id, kind, text, start_offset, end_offset, speaker_actor, speaker_text, speaker_country, anonymous, data
      FROM quotes ORDER BY article_id, id`),
    event_clusters: await q('SELECT * FROM event_clusters ORDER BY id'),
    dirty_blocks: await q('SELECT * FROM dirty_blocks ORDER BY block'),
  };
  if (store.dialect === 'sqlite') {
    out.article_fts = await q('SELECT article_id, title, text FROM article_fts ORDER BY article_id');
    out.event_fts = await q('SELECT article_id, event_id, text FROM event_fts ORDER BY article_id, event_id');
    out.quote_fts = await q('SELECT article_id, quote_id, text FROM quote_fts ORDER BY article_id, quote_id');
  }
  return out;
}
