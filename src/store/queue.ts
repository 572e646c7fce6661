// A shared ingest queue in PostgreSQL: many `parley ingest --queue` processes, on one machine or many, claim
// articles with FOR UPDATE SKIP LOCKED under a lease, so each article is extracted once and a killed worker's
// articles go to another once its lease runs out. Times are the server's (now()), so worker clocks never matter.
import type { ExtractInput } from '../api.js';
import type { SqlDb } from './sql.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** One article to ingest, as enqueued: the input it came from is named by `where` in every report. */
export interface JobInput {
  where: string;
  article: ExtractInput & { id: string };
  contentHash: string;
  source?: string;
}

export interface Job extends JobInput {
  id: number;
  attempts: number;
  /** The article (by id or text) was already in the store when the job was claimed. */
  stored: boolean;
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

export interface FailedJob {
  where: string;
  articleId: string;
  attempts: number;
  error: string;
}

export interface QueueOptions {
  /** Seconds a claim holds without a heartbeat; a worker that stops renewing loses its jobs after this. */
  leaseSeconds: number;
  /** A job that has failed (or lost its worker) this many times is marked failed, never retried again. */
  maxAttempts: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = { leaseSeconds: 60, maxAttempts: 3 };

export class JobQueue {
  constructor(readonly db: SqlDb, readonly name: string, readonly worker: string, readonly opts: QueueOptions = DEFAULT_QUEUE_OPTIONS) {
    if (db.dialect !== 'postgres') throw new Error('a shared queue needs a PostgreSQL store (--db postgres://...)');
  }

  /**
   * Adds articles in input order; an article whose id or text is already in the queue is left out. Every process
   * enqueues the same inputs in the same order, so the first of two duplicates always wins, as in a SQLite run.
   * Resolves to the number of jobs this call added.
   */
  async enqueue(items: readonly JobInput[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < items.length; i += 200) {
      const chunk = items.slice(i, i + 200);
      const params = chunk.flatMap((j) => [this.name, j.article.id, j.contentHash, j.where, JSON.stringify({ article: j.article, source: j.source ?? null })]);
      const rows = chunk.map(() => '(?, ?, ?, ?, ?)').join(', ');
      added += await this.db.run(
        `INSERT INTO ingest_jobs (queue, article_id, content_hash, input_where, payload) VALUES ${rows} ON CONFLICT DO NOTHING`, params);
    }
    return added;
  }

  /**
   * Marks failed the jobs whose worker stopped (lease expired) on their last attempt, and returns them so the
   * process that noticed can report them.
   */
  async expire(): Promise<FailedJob[]> {
    const rows = await this.db.all<{ input_where: string; article_id: string; attempts: number; error: string }>(
      `UPDATE ingest_jobs SET state = 'failed', worker = NULL, lease_until = NULL, updated_at = now(),
         error = 'its worker stopped before finishing it (lease expired), ' || attempts || ' times; not retried'
       WHERE queue = ? AND state = 'running' AND lease_until < now() AND attempts >= ?
       RETURNING input_where, article_id, attempts, error`,
      [this.name, this.opts.maxAttempts]);
    return rows.map((r) => ({ where: r.input_where, articleId: r.article_id, attempts: r.attempts, error: r.error }));
  }

  /**
   * Claims up to n jobs in enqueue order: queued ones, and running ones whose lease has expired (their worker
   * died) and that have attempts left. SKIP LOCKED lets concurrent claimers pass each other's rows.
   */
  async claim(n: number): Promise<Job[]> {
    // one statement, so no explicit transaction; `stored` saves a lookup per article on reruns
    const rows = await this.db.all<{ id: number; input_where: string; article_id: string; content_hash: string; payload: string; attempts: number; stored: boolean }>(
      `WITH c AS (
         SELECT id FROM ingest_jobs
         WHERE queue = ? AND (state = 'queued' OR (state = 'running' AND lease_until < now() AND attempts < ?))
         ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED)
       UPDATE ingest_jobs j SET state = 'running', attempts = j.attempts + 1, worker = ?,
         lease_until = now() + make_interval(secs => ?::float8), updated_at = now()
       FROM c WHERE j.id = c.id
       RETURNING j.id, j.input_where, j.article_id, j.content_hash, j.payload, j.attempts,
         EXISTS (SELECT 1 FROM articles a WHERE a.id = j.article_id OR a.content_hash = j.content_hash) AS stored`,
      [this.name, this.opts.maxAttempts, n, this.worker, this.opts.leaseSeconds]);
    return rows.sort((a, b) => Number(a.id) - Number(b.id)).map((r) => {
      const p = JSON.parse(r.payload) as { article: ExtractInput & { id: string }; source: string | null };
      return {
        id: Number(r.id), where: r.input_where, article: p.article, contentHash: r.content_hash, attempts: r.attempts, stored: r.stored,
        ...(p.source ? { source: p.source } : {}),
      };
    });
  }

  /** Renews the lease of every job this worker holds; resolves to how many it still holds. */
  async heartbeat(): Promise<number> {
    return this.db.run(
      `UPDATE ingest_jobs SET lease_until = now() + make_interval(secs => ?::float8) WHERE queue = ? AND worker = ? AND state = 'running'`,
      [this.opts.leaseSeconds, this.name, this.worker]);
  }

  /** Marks jobs finished by this worker; their payloads are dropped, since the articles are now in the store. */
  async done(ids: readonly number[]): Promise<void> {
    if (!ids.length) return;
    await this.db.run(
      `UPDATE ingest_jobs SET state = 'done', payload = NULL, worker = ?, lease_until = NULL, error = NULL, updated_at = now()
       WHERE id IN (${ids.map(() => '?').join(', ')})`, [this.worker, ...ids]);
  }

  /**
   * Records a failed attempt: the job goes back to the queue, or is marked failed for good once it has had
   * maxAttempts. Resolves to true when this was its last attempt.
   */
  async fail(job: Job, message: string): Promise<boolean> {
    const last = job.attempts >= this.opts.maxAttempts;
    await this.db.run(
      `UPDATE ingest_jobs SET state = ?, worker = NULL, lease_until = NULL, error = ?, updated_at = now() WHERE id = ? AND worker = ?`,
      [last ? 'failed' : 'queued', message, job.id, this.worker]);
    return last;
  }

  async counts(): Promise<QueueCounts> {
    const out: QueueCounts = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of await this.db.all<{ state: JobState; n: number }>('SELECT state, count(*) AS n FROM ingest_jobs WHERE queue = ? GROUP BY state', [this.name])) {
      out[r.state] = Number(r.n);
    }
    return out;
  }

  async failed(): Promise<FailedJob[]> {
    const rows = await this.db.all<{ input_where: string; article_id: string; attempts: number; error: string }>(
      `SELECT input_where, article_id, attempts, error FROM ingest_jobs WHERE queue = ? AND state = 'failed' ORDER BY id`, [this.name]);
    return rows.map((r) => ({ where: r.input_where, articleId: r.article_id, attempts: r.attempts, error: r.error }));
  }

  /**
   * What a worker with nothing to claim should do: 'finished' when no job is queued or running, else wait this
   * many seconds (until the earliest lease held by another worker could expire, at most `cap`) and claim again.
   */
  async idle(cap: number): Promise<'finished' | number> {
    const r = await this.db.get<{ queued: number; running: number; wait: number | null }>(
      `SELECT count(*) FILTER (WHERE state = 'queued') AS queued, count(*) FILTER (WHERE state = 'running') AS running,
         extract(epoch FROM min(lease_until) FILTER (WHERE state = 'running') - now()) AS wait
       FROM ingest_jobs WHERE queue = ?`, [this.name]);
    if (!r || (Number(r.queued) === 0 && Number(r.running) === 0)) return 'finished';
    if (Number(r.queued) > 0) return 0;
    return Math.max(0, Math.min(cap, Number(r.wait ?? cap)));
  }
}
