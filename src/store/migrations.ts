// The store's schema as ordered migrations, one list for both SQLite and PostgreSQL (dialect-specific lines marked).
import type { Dialect, SqlDb } from './sql.js';

interface Migration {
  version: number;
  name: string;
  /** Statements for both dialects; `{sqlite: ...}` / `{postgres: ...}` entries apply to one only. */
  steps: (string | { sqlite?: string; postgres?: string })[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    steps: [
      `CREATE TABLE pipeline_versions (
        id TEXT PRIMARY KEY,
        stages TEXT NOT NULL,
        created_at TEXT NOT NULL
      )`,
      `CREATE TABLE ingest_runs (
        id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        pipeline_id TEXT NOT NULL REFERENCES pipeline_versions(id),
        inputs TEXT NOT NULL,
        stored INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
      )`,
      `CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        url TEXT,
        source TEXT,
        published TEXT,
        text TEXT NOT NULL,
        extraction TEXT NOT NULL,
        pipeline_id TEXT NOT NULL REFERENCES pipeline_versions(id),
        run_id TEXT,
        ingested_at TEXT NOT NULL
      )`,
      `CREATE INDEX articles_published ON articles(published)`,
      `CREATE TABLE actors (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        country TEXT,
        org TEXT,
        sector TEXT NOT NULL,
        role TEXT,
        kb_id TEXT
      )`,
      `CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        text TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        sentence INTEGER NOT NULL,
        type TEXT NOT NULL,
        actor_id TEXT,
        PRIMARY KEY (article_id, id)
      )`,
      `CREATE INDEX mentions_actor ON mentions(actor_id)`,
      `CREATE TABLE events (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        cameo TEXT NOT NULL,
        cameo_root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE PRECISION NOT NULL,
        plover_type TEXT NOT NULL,
        plover_mode TEXT,
        event_date TEXT,
        date_precision TEXT NOT NULL,
        location_name TEXT,
        location_country TEXT,
        modality TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        evidence TEXT NOT NULL,
        rule TEXT NOT NULL,
        source_key TEXT NOT NULL,
        target_key TEXT NOT NULL,
        block TEXT NOT NULL,
        cluster_id TEXT,
        pipeline_id TEXT NOT NULL REFERENCES pipeline_versions(id),
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, id)
      )`,
      `CREATE INDEX events_date ON events(event_date)`,
      `CREATE INDEX events_block ON events(block)`,
      `CREATE INDEX events_cluster ON events(cluster_id)`,
      `CREATE INDEX events_cameo ON events(cameo)`,
      // one row per actor taking part in an event, so "events involving X" is an index lookup
      `CREATE TABLE event_actors (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        role TEXT NOT NULL,
        position INTEGER NOT NULL,
        actor_id TEXT,
        code TEXT,
        country TEXT,
        org TEXT,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id, role, position),
        FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
      )`,
      `CREATE INDEX event_actors_actor ON event_actors(actor_id)`,
      `CREATE INDEX event_actors_country ON event_actors(country)`,
      `CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        speaker_actor TEXT,
        speaker_text TEXT,
        speaker_country TEXT,
        anonymous INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (article_id, id)
      )`,
      `CREATE INDEX quotes_speaker ON quotes(speaker_actor)`,
      `CREATE TABLE event_clusters (
        id TEXT PRIMARY KEY,
        block TEXT NOT NULL,
        cameo TEXT NOT NULL,
        cameo_root TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein DOUBLE PRECISION NOT NULL,
        date_start TEXT,
        date_end TEXT,
        num_mentions INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        rep_article_id TEXT NOT NULL,
        rep_event_id TEXT NOT NULL,
        first_seen TEXT
      )`,
      `CREATE INDEX event_clusters_block ON event_clusters(block)`,
      `CREATE INDEX event_clusters_date ON event_clusters(date_start)`,
      // blocks whose clusters must be recomputed: written in the same transaction as the events that change them
      `CREATE TABLE dirty_blocks (block TEXT PRIMARY KEY, n INTEGER NOT NULL)`,
      {
        sqlite: `CREATE VIRTUAL TABLE article_fts USING fts5(article_id UNINDEXED, title, text, tokenize = 'porter unicode61')`,
        postgres: `ALTER TABLE articles ADD COLUMN tsv tsvector
          GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED`,
      },
      { postgres: `CREATE INDEX articles_tsv ON articles USING GIN (tsv)` },
      {
        sqlite: `CREATE VIRTUAL TABLE quote_fts USING fts5(article_id UNINDEXED, quote_id UNINDEXED, text, tokenize = 'porter unicode61')`,
        postgres: `ALTER TABLE quotes ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED`,
      },
      { postgres: `CREATE INDEX quotes_tsv ON quotes USING GIN (tsv)` },
      {
        sqlite: `CREATE VIRTUAL TABLE event_fts USING fts5(article_id UNINDEXED, event_id UNINDEXED, text, tokenize = 'porter unicode61')`,
        postgres: `ALTER TABLE events ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', evidence)) STORED`,
      },
      { postgres: `CREATE INDEX events_tsv ON events USING GIN (tsv)` },
    ],
  },
  {
    version: 2,
    name: 'shared ingest queue (PostgreSQL only: SQLite has one writer and needs none)',
    steps: [
      {
        postgres: `CREATE TABLE ingest_jobs (
          id BIGSERIAL PRIMARY KEY,
          queue TEXT NOT NULL,
          article_id TEXT NOT NULL,
          content_hash TEXT NOT NULL,
          input_where TEXT NOT NULL,
          payload TEXT,
          state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
          attempts INTEGER NOT NULL DEFAULT 0,
          worker TEXT,
          lease_until TIMESTAMPTZ,
          error TEXT,
          updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          UNIQUE (queue, article_id),
          UNIQUE (queue, content_hash)
        )`,
      },
      // claims scan the open jobs of one queue in enqueue order; finished jobs drop out of this index
      { postgres: `CREATE INDEX ingest_jobs_open ON ingest_jobs (queue, id) WHERE state IN ('queued', 'running')` },
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

function stepsFor(m: Migration, dialect: Dialect): string[] {
  const out: string[] = [];
  for (const s of m.steps) {
    const sql = typeof s === 'string' ? s : s[dialect];
    if (sql) out.push(sql);
  }
  return out;
}

/** Applies the migrations not yet recorded in schema_migrations, each in its own transaction. */
export async function migrate(db: SqlDb): Promise<void> {
  // two processes creating the table at once on a fresh PostgreSQL database collide even with IF NOT EXISTS
  // (pg_type's unique index): the same lock as the migrations serialises them
  await db.tx(async (c) => {
    if (c.dialect === 'postgres') await c.run('SELECT pg_advisory_xact_lock(7300)');
    await c.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  });
  for (const m of MIGRATIONS) {
    await db.tx(async (c) => {
      // postgres: concurrent ingesters may migrate at once; the lock makes the second wait and then see the row
      if (c.dialect === 'postgres') await c.run('SELECT pg_advisory_xact_lock(7300)');
      const done = await c.get('SELECT version FROM schema_migrations WHERE version = ?', [m.version]);
      if (done) return;
      for (const sql of stepsFor(m, c.dialect)) await c.run(sql);
      await c.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, new Date().toISOString()]);
    });
  }
}
