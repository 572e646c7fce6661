// The Storage implementation over SqlDb: one set of queries for SQLite and PostgreSQL; the dialects differ only
// in full-text search and in the advisory lock that serialises concurrent fusion of a block on PostgreSQL.
import { createHash, randomUUID } from 'node:crypto';
import type { Extraction, Event } from '../schema/extraction.js';
import { blockOf, fuseBlock, sideKey, type FusionMember } from './fusion.js';
import { migrate } from './migrations.js';
import { marks, type Param, type Row, type SqlConn, type SqlDb } from './sql.js';
import type {
  ActorSummary, Counts, EventCluster, EventFilter, NetworkGraph, Page, RunCounts, Storage, StoredArticle,
  StoredArticleInput, StoredEvent, StoredQuote, TimelineBucket,
} from './types.js';

const MAX_LIMIT = 1000;

const ACTOR_KEY = (t: string) =>
  `(${t}.name || '|' || ${t}.code || '|' || coalesce(${t}.country, '') || '|' || coalesce(${t}.org, '') || '|' || ${t}.sector || '|' || coalesce(${t}.role, '') || '|' || coalesce(${t}.kb_id, ''))`;

export function pipelineId(stages: readonly string[]): string {
  return 'p' + createHash('sha256').update(stages.join('\n')).digest('hex').slice(0, 16);
}

/** FTS5 query from free text: each word quoted, so user input can never be a syntax error. */
export function ftsQuery(q: string): string {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((w) => `"${w}"`).join(' ');
}

function page(limit?: number, offset?: number): [number, number] {
  return [Math.min(Math.max(limit ?? 50, 0), MAX_LIMIT), Math.max(offset ?? 0, 0)];
}

function sourceOf(source: string | null, url: string | null, articleId: string): string {
  if (source) return source;
  if (url) {
    try {
      return new URL(url).host || url;
    } catch {
      return url;
    }
  }
  return articleId;
}

function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

interface Where {
  sql: string[];
  params: Param[];
}

/**
 * "The event has an actor matching `who`", optionally in one role, for the events and timeline filters. A bare
 * country code stands for every actor of that country (CAMEO codes nest: RUS covers RUSGOV, RUSMIL).
 */
function involves(who: string, role?: 'source' | 'target'): { sql: string; params: Param[] } {
  return {
    sql: `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = e.article_id AND ea.event_id = e.id${role ? ` AND ea.role = '${role}'` : ''}` +
      ' AND (ea.actor_id = ? OR ea.code = ? OR ea.country = ?))',
    params: [who, who, who],
  };
}

export class SqlStorage implements Storage {
  private knownPipelines = new Set<string>();

  constructor(readonly db: SqlDb) {}

  get dialect() {
    return this.db.dialect;
  }

  async migrate(): Promise<void> {
    await migrate(this.db);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async hasArticle(id: string, contentHash: string): Promise<boolean> {
    return !!(await this.db.get('SELECT 1 AS x FROM articles WHERE id = ? OR content_hash = ?', [id, contentHash]));
  }

  private async ensurePipeline(c: SqlConn, stages: readonly string[]): Promise<string> {
    const id = pipelineId(stages);
    if (!this.knownPipelines.has(id)) {
      await c.run('INSERT INTO pipeline_versions (id, stages, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
        id, JSON.stringify(stages), new Date().toISOString(),
      ]);
    }
    return id;
  }

  async putArticle(article: StoredArticleInput, x: Extraction, pipeline: readonly string[], runId?: string): Promise<boolean> {
    return (await this.putArticles([{ article, extraction: x, pipeline }], runId))[0];
  }

  /** Stores several articles in one transaction (each whole, with its extraction); false for those already stored. */
  async putArticles(batch: readonly { article: StoredArticleInput; extraction: Extraction; pipeline: readonly string[] }[], runId?: string): Promise<boolean[]> {
    const pids = new Set<string>();
    const stored = await this.db.tx(async (c) => {
      const rows: { row: Param[]; id: string; published: string | null; x: Extraction; pid: string; title: string; text: string }[] = [];
      for (const { article, extraction: x, pipeline } of batch) {
        const pid = await this.ensurePipeline(c, pipeline);
        pids.add(pid);
        rows.push({
          id: article.id, published: article.published ?? null, x, pid, title: article.title ?? '', text: article.text,
          row: [article.id, article.contentHash, article.title ?? null, article.url ?? null, article.source ?? null,
            article.published ?? null, article.text, JSON.stringify(x), pid, runId ?? null, new Date().toISOString()],
        });
      }
      const inserted = await insertArticles(c, rows.map((r) => r.row));
      const out = rows.map((r, i) => inserted[i]);
      const fresh = rows.filter((_, i) => inserted[i]);
      if (c.dialect === 'sqlite') {
        await insertRows(c, 'article_fts', ['article_id', 'title', 'text'], fresh.map((f) => [f.id, f.title, f.text]));
      }
      // Shared rows (actors, then dirty blocks) are locked once for the whole batch, each kind in sorted order:
      // per-article order let two PostgreSQL writers hold each other's rows (a deadlock, resolved only after
      // deadlock_timeout), which made two ingesters slower than one.
      await this.upsertActors(c, fresh.flatMap((f) => f.x.actors));
      const blocks = new Set<string>();
      // the children of the whole batch go in together: one multi-row statement per table on PostgreSQL
      await this.insertChildren(c, fresh.map((f) => ({ articleId: f.id, published: f.published, x: f.x, pid: f.pid })), blocks);
      await this.markDirty(c, blocks);
      return out;
    });
    for (const p of pids) this.knownPipelines.add(p);
    return stored;
  }

  async replaceExtraction(id: string, x: Extraction, pipeline: readonly string[]): Promise<boolean> {
    const pid = pipelineId(pipeline);
    return this.db.tx(async (c) => {
      const a = await c.get<{ published: string | null }>('SELECT published FROM articles WHERE id = ?', [id]);
      if (!a) return false;
      await this.ensurePipeline(c, pipeline);
      // the clusters the old events were in must be recomputed without them
      const blocks = new Set((await c.all<{ block: string }>('SELECT DISTINCT block FROM events WHERE article_id = ?', [id])).map((r) => r.block));
      await c.run('DELETE FROM event_actors WHERE article_id = ?', [id]);
      await c.run('DELETE FROM events WHERE article_id = ?', [id]);
      await c.run('DELETE FROM mentions WHERE article_id = ?', [id]);
      await c.run('DELETE FROM quotes WHERE article_id = ?', [id]);
      if (c.dialect === 'sqlite') {
        await c.run('DELETE FROM event_fts WHERE article_id = ?', [id]);
        await c.run('DELETE FROM quote_fts WHERE article_id = ?', [id]);
      }
      await c.run('UPDATE articles SET extraction = ?, pipeline_id = ? WHERE id = ?', [JSON.stringify(x), pid, id]);
      // the same lock order as putArticles: actors, then dirty blocks
      await this.upsertActors(c, x.actors);
      await this.insertChildren(c, [{ articleId: id, published: a.published, x, pid }], blocks);
      await this.markDirty(c, blocks);
      return true;
    });
  }

  private async markDirty(c: SqlConn, blocks: ReadonlySet<string>): Promise<void> {
    // the counter lets a concurrent fuser tell that the block changed again while it worked (see fuse)
    const sorted = [...blocks].sort();
    if (c.dialect === 'sqlite') {
      for (const block of sorted) await c.run('INSERT INTO dirty_blocks (block, n) VALUES (?, 1) ON CONFLICT (block) DO UPDATE SET n = dirty_blocks.n + 1', [block]);
      return;
    }
    // one statement for the batch (round trips cost PostgreSQL CPU on both sides); PostgreSQL takes the row locks
    // of a multi-row VALUES in list order, so the sorted order that keeps two writers from deadlocking holds
    for (let i = 0; i < sorted.length; i += 1000) {
      const chunk = sorted.slice(i, i + 1000);
      await c.run(`INSERT INTO dirty_blocks (block, n) VALUES ${chunk.map(() => '(?, 1)').join(', ')} ON CONFLICT (block) DO UPDATE SET n = dirty_blocks.n + 1`, chunk);
    }
  }

  private async upsertActors(c: SqlConn, actors: readonly Extraction['actors'][number][]): Promise<void> {
    // sorted, so concurrent writers lock actor rows in one order and cannot deadlock
    const sorted = [...actors].sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
    // articles may name an actor differently ("Kremlin", "Moscow"); the smallest variant wins, so the row
    // does not depend on which article was stored first
    const sql = (n: number) => `INSERT INTO actors (id, name, code, country, org, sector, role, kb_id) VALUES ${Array.from({ length: n }, () => marks(8)).join(', ')}
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, country = excluded.country, org = excluded.org,
           sector = excluded.sector, role = excluded.role, kb_id = excluded.kb_id
         WHERE ${ACTOR_KEY('excluded')} < ${ACTOR_KEY('actors')}`;
    const row = (a: Extraction['actors'][number]): Param[] => [a.id, a.name, a.code, a.country, a.org, a.sector, a.role ?? null, a.kbId ?? null];
    if (c.dialect === 'sqlite') {
      for (const a of sorted) await c.run(sql(1), row(a));
      return;
    }
    // PostgreSQL refuses to update one row twice in one statement, so the k-th variant of each id goes into the
    // k-th statement; the smallest variant still wins (the comparison is PostgreSQL's, as with one row at a time)
    const rounds: Extraction['actors'][number][][] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j < sorted.length && sorted[j].id === sorted[i].id) (rounds[j - i] ??= []).push(sorted[j++]);
      i = j;
    }
    for (const round of rounds) {
      for (let i = 0; i < round.length; i += 1000) {
        const chunk = round.slice(i, i + 1000);
        await c.run(sql(chunk.length), chunk.flatMap(row));
      }
    }
  }

  /** Mentions, events, event actors and quotes of stored articles; the blocks their events fall in are added to `blocks`. */
  private async insertChildren(c: SqlConn, arts: readonly { articleId: string; published: string | null; x: Extraction; pid: string }[], blocks: Set<string>) {
    await insertRows(c, 'mentions', ['article_id', 'id', 'text', 'start_offset', 'end_offset', 'sentence', 'type', 'actor_id'],
      arts.flatMap(({ articleId, x }) => x.mentions.map((m) => [articleId, m.id, m.text, m.start, m.end, m.sentence, m.type, m.actor ?? null])));
    const eventRows: Param[][] = [];
    const actorRows: Param[][] = [];
    for (const { articleId, published, x, pid } of arts) {
      for (const e of x.events) {
        const block = blockOf(e);
        blocks.add(block);
        eventRows.push([
          articleId, e.id, e.sentence, e.cameo, e.cameo.slice(0, 2), e.quadClass, e.goldstein, e.plover.type, e.plover.mode ?? null,
          e.date.value ?? published, e.date.value ? e.date.precision : published ? 'day' : 'none',
          e.location?.name ?? null, e.location?.country ?? null, e.modality, e.confidence, e.evidence.text, e.rule,
          sideKey(e.source), sideKey(e.target), block, pid, JSON.stringify(e),
        ]);
        for (const [role, refs] of [['source', e.source], ['target', e.target]] as const) {
          refs.forEach((r, k) => actorRows.push([articleId, e.id, role, k, r.actor, r.code, r.country, r.org, r.text]));
        }
      }
    }
    await insertRows(c, 'events', ['article_id', 'id', 'sentence', 'cameo', 'cameo_root', 'quad_class', 'goldstein', 'plover_type',
      'plover_mode', 'event_date', 'date_precision', 'location_name', 'location_country', 'modality', 'confidence', 'evidence', 'rule',
      'source_key', 'target_key', 'block', 'pipeline_id', 'data'], eventRows);
    await insertRows(c, 'event_actors', ['article_id', 'event_id', 'role', 'position', 'actor_id', 'code', 'country', 'org', 'text'], actorRows);
    await insertRows(c, 'quotes', ['article_id', 'id', 'kind', 'text', 'start_offset', 'end_offset', 'speaker_actor', 'speaker_text',
      'speaker_country', 'anonymous', 'data'], arts.flatMap(({ articleId, x }) => x.quotes.map((q) => [articleId, q.id, q.kind, q.text, q.start, q.end,
      q.speaker?.actor ?? null, q.speakerText ?? q.speaker?.text ?? null, q.speaker?.country ?? null, q.anonymous ? 1 : 0, JSON.stringify(q)])));
    if (c.dialect === 'sqlite') {
      await insertRows(c, 'event_fts', ['article_id', 'event_id', 'text'], arts.flatMap(({ articleId, x }) => x.events.map((e) => [articleId, e.id, e.evidence.text])));
      await insertRows(c, 'quote_fts', ['article_id', 'quote_id', 'text'], arts.flatMap(({ articleId, x }) => x.quotes.map((q) => [articleId, q.id, q.text])));
    }
  }

  async fuse(): Promise<{ blocks: number; clusters: number }> {
    let blocks = 0;
    let clusters = 0;
    for (;;) {
      const dirty = await this.db.all<{ block: string; n: number }>('SELECT block, n FROM dirty_blocks ORDER BY block LIMIT 200');
      if (!dirty.length) break;
      // several blocks per transaction (fewer commits); blocks are taken in sorted order, so concurrent fusers
      // on PostgreSQL take their advisory locks in one order and cannot deadlock
      const cleaned = await this.db.tx(async (c) => {
        let cleanedHere = 0;
        for (const d of dirty) {
          clusters += await this.fuseOne(c, d.block);
          blocks++;
          // only clean if no writer touched the block since it was read; otherwise it stays dirty for the next pass
          cleanedHere += await c.run('DELETE FROM dirty_blocks WHERE block = ? AND n = ?', [d.block, d.n]);
        }
        return cleanedHere;
      });
      if (!cleaned) await new Promise((r) => setTimeout(r, 50));
    }
    return { blocks, clusters };
  }

  private async fuseOne(c: SqlConn, block: string): Promise<number> {
    if (c.dialect === 'postgres') await c.run('SELECT pg_advisory_xact_lock(hashtext(?))', [block]);
    const rows = await c.all<Row>(
      `SELECT e.article_id, e.id, e.event_date, e.location_country, e.cameo, e.quad_class, e.goldstein, e.confidence, e.cluster_id,
              a.source, a.url, a.published
       FROM events e JOIN articles a ON a.id = e.article_id WHERE e.block = ?`, [block]);
    const current = new Map<string, string | null>();
    const members: FusionMember[] = rows.map((r) => {
      current.set(`${r.article_id}\u0000${r.id}`, (r.cluster_id as string | null) ?? null);
      return {
        articleId: r.article_id as string,
        eventId: r.id as string,
        date: (r.event_date as string | null) ?? null,
        placeCountry: (r.location_country as string | null) ?? null,
        cameo: r.cameo as string,
        quadClass: Number(r.quad_class),
        goldstein: Number(r.goldstein),
        confidence: Number(r.confidence),
        source: sourceOf(r.source as string | null, r.url as string | null, r.article_id as string),
        published: (r.published as string | null) ?? null,
      };
    });
    const fused = fuseBlock(block, members);
    await c.run('DELETE FROM event_clusters WHERE block = ?', [block]);
    for (const k of fused) {
      await c.run(
        `INSERT INTO event_clusters (id, block, cameo, cameo_root, quad_class, goldstein, date_start, date_end, num_mentions,
           num_sources, num_articles, rep_article_id, rep_event_id, first_seen) VALUES ${marks(14)}`,
        [k.id, k.block, k.cameo, k.cameo.slice(0, 2), k.quadClass, k.goldstein, k.dateStart, k.dateEnd, k.numMentions,
          k.numSources, k.numArticles, k.representative.articleId, k.representative.eventId, k.firstSeen]);
      for (const m of k.members) {
        if (current.get(`${m.articleId}\u0000${m.eventId}`) === k.id) continue;
        await c.run('UPDATE events SET cluster_id = ? WHERE article_id = ? AND id = ?', [k.id, m.articleId, m.eventId]);
      }
    }
    return fused.length;
  }

  async stats(): Promise<Counts> {
    const n = async (table: string) => Number((await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);
    return { articles: await n('articles'), events: await n('events'), quotes: await n('quotes'), actors: await n('actors'), mentions: await n('mentions') };
  }

  async clusterCount(): Promise<number> {
    return Number((await this.db.get<{ n: number }>('SELECT count(*) AS n FROM event_clusters'))?.n ?? 0);
  }

  private fts(table: 'event' | 'quote' | 'article', alias: string, q: string, w: Where): void {
    if (this.dialect === 'postgres') {
      w.sql.push(`${alias}.tsv @@ websearch_to_tsquery('english', ?)`);
      w.params.push(q);
      return;
    }
    const fq = ftsQuery(q);
    if (!fq) return;
    if (table === 'event') w.sql.push(`(${alias}.article_id, ${alias}.id) IN (SELECT article_id, event_id FROM event_fts WHERE event_fts MATCH ?)`);
    else if (table === 'quote') w.sql.push(`(${alias}.article_id, ${alias}.id) IN (SELECT article_id, quote_id FROM quote_fts WHERE quote_fts MATCH ?)`);
    else w.sql.push(`${alias}.id IN (SELECT article_id FROM article_fts WHERE article_fts MATCH ?)`);
    w.params.push(fq);
  }

  private eventWhere(f: EventFilter): Where {
    const w: Where = { sql: [], params: [] };
    if (f.actor) {
      const c = involves(f.actor);
      w.sql.push(c.sql);
      w.params.push(...c.params);
    }
    if (f.country) {
      w.sql.push(`(e.location_country = ? OR EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = e.article_id AND ea.event_id = e.id AND ea.country = ?))`);
      w.params.push(f.country, f.country);
    }
    if (f.cameo) {
      w.sql.push('e.cameo LIKE ?');
      w.params.push(f.cameo + '%');
    }
    if (f.plover) {
      w.sql.push('e.plover_type = ?');
      w.params.push(f.plover.toUpperCase());
    }
    if (f.quadClass !== undefined) {
      w.sql.push('e.quad_class = ?');
      w.params.push(f.quadClass);
    }
    if (f.modality) {
      w.sql.push('e.modality = ?');
      w.params.push(f.modality);
    }
    if (f.since) {
      w.sql.push('e.event_date >= ?');
      w.params.push(f.since);
    }
    if (f.until) {
      w.sql.push('e.event_date <= ?');
      w.params.push(f.until);
    }
    if (f.article) {
      w.sql.push('e.article_id = ?');
      w.params.push(f.article);
    }
    if (f.q) this.fts('event', 'e', f.q, w);
    return w;
  }

  async events(f: EventFilter): Promise<Page<StoredEvent>> {
    const w = this.eventWhere(f);
    const where = w.sql.length ? 'WHERE ' + w.sql.join(' AND ') : '';
    const [limit, offset] = page(f.limit, f.offset);
    const total = Number((await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM events e ${where}`, w.params))?.n ?? 0);
    const rows = await this.db.all<Row>(
      `SELECT e.article_id, e.cluster_id, e.data, e.event_date, a.title, a.url, a.published, p.stages,
              c.num_mentions, c.num_sources, c.num_articles
       FROM events e JOIN articles a ON a.id = e.article_id JOIN pipeline_versions p ON p.id = e.pipeline_id
       LEFT JOIN event_clusters c ON c.id = e.cluster_id
       ${where} ORDER BY (e.event_date IS NULL), e.event_date ${f.order === 'asc' ? 'ASC' : 'DESC'}, e.article_id, e.sentence, e.id LIMIT ? OFFSET ?`,
      [...w.params, limit, offset]);
    return { items: rows.map(toStoredEvent), total };
  }

  async article(id: string): Promise<{ article: StoredArticle; extraction: Extraction } | undefined> {
    const r = await this.db.get<Row>(
      `SELECT a.*, p.stages FROM articles a JOIN pipeline_versions p ON p.id = a.pipeline_id WHERE a.id = ?`, [id]);
    return r ? toArticle(r) : undefined;
  }

  async articles(f: { since?: string; until?: string; after?: string; limit?: number }) {
    const w: string[] = [];
    const p: Param[] = [];
    if (f.since) {
      w.push('a.published >= ?');
      p.push(f.since);
    }
    if (f.until) {
      w.push('a.published <= ?');
      p.push(f.until);
    }
    if (f.after !== undefined) {
      w.push('a.id > ?');
      p.push(f.after);
    }
    const rows = await this.db.all<Row>(
      `SELECT a.*, p.stages FROM articles a JOIN pipeline_versions p ON p.id = a.pipeline_id
       ${w.length ? 'WHERE ' + w.join(' AND ') : ''} ORDER BY a.id LIMIT ?`, [...p, Math.min(f.limit ?? 100, 10_000)]);
    return rows.map(toArticle);
  }

  async actors(f: { q?: string; limit?: number; offset?: number }): Promise<Page<ActorSummary>> {
    const w: string[] = [];
    const p: Param[] = [];
    if (f.q) {
      const like = '%' + f.q.toLowerCase().replace(/[%_]/g, '') + '%';
      w.push('(lower(a.name) LIKE ? OR lower(a.id) LIKE ? OR lower(a.code) LIKE ?)');
      p.push(like, like, like);
    }
    const where = w.length ? 'WHERE ' + w.join(' AND ') : '';
    const [limit, offset] = page(f.limit, f.offset);
    const total = Number((await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM actors a ${where}`, p))?.n ?? 0);
    const rows = await this.db.all<Row>(
      `SELECT a.*,
         (SELECT count(DISTINCT ea.article_id || '#' || ea.event_id) FROM event_actors ea WHERE ea.actor_id = a.id) AS n_events,
         (SELECT count(*) FROM mentions m WHERE m.actor_id = a.id) AS n_mentions
       FROM actors a ${where} ORDER BY n_events DESC, n_mentions DESC, a.id LIMIT ? OFFSET ?`, [...p, limit, offset]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as string, name: r.name as string, code: r.code as string, country: (r.country as string | null) ?? null,
        org: (r.org as string | null) ?? null, sector: r.sector as string,
        ...(r.role ? { role: r.role as string } : {}), ...(r.kb_id ? { kbId: r.kb_id as string } : {}),
        events: Number(r.n_events), mentions: Number(r.n_mentions),
      })),
    };
  }

  async quotes(f: { speaker?: string; q?: string; limit?: number; offset?: number }): Promise<Page<StoredQuote>> {
    const w: Where = { sql: [], params: [] };
    if (f.speaker) {
      w.sql.push('(q.speaker_actor = ? OR lower(q.speaker_text) LIKE ?)');
      w.params.push(f.speaker, '%' + f.speaker.toLowerCase().replace(/[%_]/g, '') + '%');
    }
    if (f.q) this.fts('quote', 'q', f.q, w);
    const where = w.sql.length ? 'WHERE ' + w.sql.join(' AND ') : '';
    const [limit, offset] = page(f.limit, f.offset);
    const total = Number((await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM quotes q ${where}`, w.params))?.n ?? 0);
    const rows = await this.db.all<Row>(
      `SELECT q.article_id, q.data, a.title, a.published FROM quotes q JOIN articles a ON a.id = q.article_id
       ${where} ORDER BY (a.published IS NULL), a.published DESC, q.article_id, q.start_offset, q.id LIMIT ? OFFSET ?`, [...w.params, limit, offset]);
    return {
      total,
      items: rows.map((r) => ({
        ...(JSON.parse(r.data as string) as StoredQuote),
        articleId: r.article_id as string,
        ...(r.title ? { articleTitle: r.title as string } : {}),
        ...(r.published ? { published: r.published as string } : {}),
      })),
    };
  }

  async network(f: { since?: string; until?: string; cameo?: string; quadClass?: number }): Promise<NetworkGraph> {
    const w = this.eventWhere({ since: f.since, until: f.until, cameo: f.cameo, quadClass: f.quadClass });
    const rows = await this.db.all<Row>(
      `SELECT s.actor_id AS src, t.actor_id AS tgt, e.quad_class, e.goldstein
       FROM events e
       JOIN event_actors s ON s.article_id = e.article_id AND s.event_id = e.id AND s.role = 'source'
       JOIN event_actors t ON t.article_id = e.article_id AND t.event_id = e.id AND t.role = 'target'
       WHERE s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL AND s.actor_id <> t.actor_id
       ${w.sql.length ? 'AND ' + w.sql.join(' AND ') : ''}`, w.params);
    const edges = new Map<string, { source: string; target: string; count: number; sum: number; quadClasses: Record<string, number> }>();
    const degree = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.src}\u0000${r.tgt}`;
      let e = edges.get(key);
      if (!e) edges.set(key, (e = { source: r.src as string, target: r.tgt as string, count: 0, sum: 0, quadClasses: {} }));
      e.count++;
      e.sum += Number(r.goldstein);
      e.quadClasses[String(r.quad_class)] = (e.quadClasses[String(r.quad_class)] ?? 0) + 1;
      for (const a of [r.src as string, r.tgt as string]) degree.set(a, (degree.get(a) ?? 0) + 1);
    }
    const ids = [...degree.keys()].sort();
    const names = new Map<string, Row>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      for (const r of await this.db.all<Row>(`SELECT id, name, country, org FROM actors WHERE id IN ${marks(chunk.length)}`, chunk)) names.set(r.id as string, r);
    }
    return {
      nodes: ids.map((id) => {
        const r = names.get(id);
        return { id, name: (r?.name as string) ?? id, country: (r?.country as string | null) ?? null, org: (r?.org as string | null) ?? null, events: degree.get(id) ?? 0 };
      }),
      edges: [...edges.values()]
        .sort((a, b) => b.count - a.count || (a.source + a.target < b.source + b.target ? -1 : 1))
        .map((e) => ({ source: e.source, target: e.target, count: e.count, goldstein: round(e.sum / e.count), quadClasses: e.quadClasses })),
    };
  }

  async timeline(f: { country?: string; dyad?: [string, string]; interval: 'day' | 'week' | 'month'; since?: string; until?: string }): Promise<TimelineBucket[]> {
    const w = this.eventWhere({ country: f.country, since: f.since, until: f.until });
    if (f.dyad) {
      // either direction: the dyad's interactions, whoever acted
      const [a, b] = f.dyad;
      const pair = [involves(a, 'source'), involves(b, 'target'), involves(b, 'source'), involves(a, 'target')];
      w.sql.push(`((${pair[0].sql} AND ${pair[1].sql}) OR (${pair[2].sql} AND ${pair[3].sql}))`);
      w.params.push(...pair.flatMap((c) => c.params));
    }
    const rows = await this.db.all<Row>(
      `SELECT e.event_date AS d, e.quad_class AS qc, count(*) AS n, sum(e.goldstein) AS g FROM events e
       WHERE e.event_date IS NOT NULL ${w.sql.length ? 'AND ' + w.sql.join(' AND ') : ''}
       GROUP BY e.event_date, e.quad_class`, w.params);
    const buckets = new Map<string, { period: string; quadClass: number; count: number; sum: number }>();
    for (const r of rows) {
      const period = periodOf(r.d as string, f.interval);
      const key = `${period}|${r.qc}`;
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { period, quadClass: Number(r.qc), count: 0, sum: 0 }));
      b.count += Number(r.n);
      b.sum += Number(r.g);
    }
    return [...buckets.values()]
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.quadClass - b.quadClass))
      .map((b) => ({ period: b.period, quadClass: b.quadClass, count: b.count, goldstein: round(b.sum / b.count) }));
  }

  async clusters(f: { since?: string; until?: string; limit?: number; offset?: number }): Promise<Page<EventCluster>> {
    const w: string[] = [];
    const p: Param[] = [];
    if (f.since) {
      w.push('c.date_start >= ?');
      p.push(f.since);
    }
    if (f.until) {
      w.push('c.date_start <= ?');
      p.push(f.until);
    }
    const where = w.length ? 'WHERE ' + w.join(' AND ') : '';
    const limit = Math.min(Math.max(f.limit ?? 50, 0), 10_000);
    const offset = Math.max(f.offset ?? 0, 0);
    const total = Number((await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM event_clusters c ${where}`, p))?.n ?? 0);
    const rows = await this.db.all<Row>(
      `SELECT c.*, e.article_id, e.cluster_id, e.data, e.event_date, a.title, a.url, a.published, pv.stages
       FROM event_clusters c
       JOIN events e ON e.article_id = c.rep_article_id AND e.id = c.rep_event_id
       JOIN articles a ON a.id = e.article_id JOIN pipeline_versions pv ON pv.id = e.pipeline_id
       ${where} ORDER BY (c.date_start IS NULL), c.date_start, c.id LIMIT ? OFFSET ?`, [...p, limit, offset]);
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as string,
        mentions: Number(r.num_mentions), sources: Number(r.num_sources), articles: Number(r.num_articles),
        cameo: r.cameo as string, cameoRoot: r.cameo_root as string, quadClass: Number(r.quad_class), goldstein: Number(r.goldstein),
        dateStart: (r.date_start as string | null) ?? null, dateEnd: (r.date_end as string | null) ?? null,
        firstSeen: (r.first_seen as string | null) ?? null,
        representative: toStoredEvent(r),
      })),
    };
  }

  async pruneActors(): Promise<number> {
    return this.db.run(
      `DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM mentions WHERE actor_id IS NOT NULL)
         AND id NOT IN (SELECT actor_id FROM event_actors WHERE actor_id IS NOT NULL)`);
  }

  async startRun(inputs: readonly string[], pipeline: readonly string[]): Promise<string> {
    const id = randomUUID();
    await this.db.tx(async (c) => {
      const pid = await this.ensurePipeline(c, pipeline);
      await c.run('INSERT INTO ingest_runs (id, started_at, status, pipeline_id, inputs) VALUES (?, ?, ?, ?, ?)', [
        id, new Date().toISOString(), 'running', pid, JSON.stringify(inputs),
      ]);
    });
    return id;
  }

  async finishRun(id: string, counts: RunCounts, status: 'done' | 'failed'): Promise<void> {
    await this.db.run('UPDATE ingest_runs SET finished_at = ?, status = ?, stored = ?, skipped = ?, failed = ? WHERE id = ?', [
      new Date().toISOString(), status, counts.stored, counts.skipped, counts.failed, id,
    ]);
  }
}

async function insertRows(c: SqlConn, table: string, cols: string[], rows: Param[][]): Promise<void> {
  if (!rows.length) return;
  if (c.dialect === 'sqlite') {
    // a cached prepared statement per table is the fastest path on SQLite
    const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES ${marks(cols.length)}`;
    for (const r of rows) await c.run(sql, r);
    return;
  }
  // postgres: multi-row VALUES saves round trips; chunks keep under the 65535-parameter limit
  const per = Math.max(1, Math.floor(30000 / cols.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    await c.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${chunk.map(() => marks(cols.length)).join(', ')}`, chunk.flat());
  }
}

const ARTICLE_COLS = 'id, content_hash, title, url, source, published, text, extraction, pipeline_id, run_id, ingested_at';

/** Inserts article rows (ARTICLE_COLS order) unless stored; true for each row that was inserted. */
async function insertArticles(c: SqlConn, rows: Param[][]): Promise<boolean[]> {
  if (c.dialect === 'sqlite') {
    const out: boolean[] = [];
    for (const r of rows) out.push((await c.run(`INSERT INTO articles (${ARTICLE_COLS}) VALUES ${marks(11)} ON CONFLICT DO NOTHING`, r)) > 0);
    return out;
  }
  // one statement per batch; a row that conflicts (stored, or a duplicate earlier in the batch) returns nothing
  const ids = new Set<string>();
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const back = await c.all<{ id: string }>(
      `INSERT INTO articles (${ARTICLE_COLS}) VALUES ${chunk.map(() => marks(11)).join(', ')} ON CONFLICT DO NOTHING RETURNING id`, chunk.flat());
    for (const r of back) ids.add(r.id);
  }
  // an id returned once stands for its first row only
  return rows.map((r) => ids.delete(r[0] as string));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function periodOf(date: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'day') return date;
  if (interval === 'month') return date.slice(0, 7);
  // weeks start on Monday and are named by that day
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

function toStoredEvent(r: Row): StoredEvent {
  const e = JSON.parse(r.data as string) as Event;
  return {
    ...e,
    articleId: r.article_id as string,
    ...(r.cluster_id ? {
      clusterId: r.cluster_id as string,
      cluster: { id: r.cluster_id as string, mentions: Number(r.num_mentions ?? 1), sources: Number(r.num_sources ?? 1), articles: Number(r.num_articles ?? 1) },
    } : {}),
    ...(r.title ? { articleTitle: r.title as string } : {}),
    ...(r.url ? { articleUrl: r.url as string } : {}),
    ...(r.published ? { published: r.published as string } : {}),
    ...(r.stages ? { pipeline: JSON.parse(r.stages as string) as string[] } : {}),
  };
}

function toArticle(r: Row): { article: StoredArticle; extraction: Extraction } {
  return {
    article: {
      id: r.id as string,
      text: r.text as string,
      contentHash: r.content_hash as string,
      ...(opt(r.title as string | null) !== undefined ? { title: r.title as string } : {}),
      ...(opt(r.url as string | null) !== undefined ? { url: r.url as string } : {}),
      ...(opt(r.source as string | null) !== undefined ? { source: r.source as string } : {}),
      ...(opt(r.published as string | null) !== undefined ? { published: r.published as string } : {}),
      pipeline: JSON.parse(r.stages as string) as string[],
      ingestedAt: r.ingested_at as string,
    },
    extraction: JSON.parse(r.extraction as string) as Extraction,
  };
}
