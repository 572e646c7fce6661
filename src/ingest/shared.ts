// Ingest from a shared PostgreSQL queue: enqueue the inputs (every process may; duplicates are dropped), then claim
// articles until the queue is drained, extract and store them, and fuse. Any number of processes can run this.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { PIPELINE } from '../pipeline/extract.js';
import { JobQueue, type Job, type JobInput, type QueueCounts, type QueueOptions } from '../store/queue.js';
import type { SqlStorage } from '../store/store.js';
import type { RunCounts } from '../store/types.js';
import { batchWriter, endRun, preparedArticles, type IngestOptions } from './ingest.js';
import { createExtractor } from './pool.js';
import { expand } from './sources.js';

export interface SharedIngestOptions extends IngestOptions, Partial<QueueOptions> {
  queue: string;
  /** Names this process in the jobs table (default host/pid/random). */
  worker?: string;
}

export interface SharedIngestResult extends RunCounts {
  seconds: number;
  clusters: number;
  /** Jobs this process added to the queue. */
  enqueued: number;
  /** The whole queue once this process saw it drained. */
  queue: QueueCounts;
}

export function workerName(): string {
  return `${hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;
}

export async function ingestShared(store: SqlStorage, specs: readonly string[], opts: SharedIngestOptions): Promise<SharedIngestResult> {
  const t0 = performance.now();
  const queue = new JobQueue(store.db, opts.queue, opts.worker ?? workerName(), {
    leaseSeconds: opts.leaseSeconds ?? 60,
    maxAttempts: opts.maxAttempts ?? 3,
  });
  const counts: RunCounts = { stored: 0, skipped: 0, failed: 0 };
  let done = 0;
  const tick = () => opts.onProgress?.(++done, undefined, counts);
  const fail = (where: string, message: string) => {
    counts.failed++;
    opts.onError?.(where, message);
    tick();
  };

  // bad inputs are reported by each process that reads them; they never reach the queue
  let enqueued = 0;
  let buffer: JobInput[] = [];
  const push = async () => {
    enqueued += await queue.enqueue(buffer);
    buffer = [];
  };
  for await (const { where, source, ready } of preparedArticles(specs.flatMap(expand), opts, fail)) {
    buffer.push({ where, article: ready.article, contentHash: ready.hash, ...(source ? { source } : {}) });
    if (buffer.length >= 200) await push();
  }
  await push();

  const runId = await store.startRun([`queue:${opts.queue}`, ...specs], PIPELINE);
  const extractor = createExtractor(opts.workers ?? 0);
  const writer = batchWriter(store, runId);
  const active = new Set<Promise<void>>();
  // the lease is renewed well before it runs out, so only a stopped process loses its jobs
  const beat = setInterval(() => void queue.heartbeat().catch(() => undefined), (queue.opts.leaseSeconds * 1000) / 3);
  const pollCap = Math.min(1, queue.opts.leaseSeconds / 4);
  let status: 'done' | 'failed' = 'failed';

  const attemptFailed = async (job: Job, message: string) => {
    const line = message.split('\n')[0];
    if (await queue.fail(job, line)) fail(job.where, `${line} (failed ${job.attempts} times; not retried)`);
  };
  // the extraction slot is freed once the article is extracted; its write, and marking the job done, follow
  // with the writer's batch, tracked in `writes`
  const writes = new Set<Promise<void>>();
  // done marks are coalesced: the articles of one write batch settle together and are marked in one statement
  let doneIds: number[] = [];
  let marking: Promise<void> = Promise.resolve();
  const markDone = (id: number): Promise<void> => {
    if (!doneIds.length) {
      marking = new Promise<void>((resolve, reject) => setImmediate(() => {
        const ids = doneIds;
        doneIds = [];
        queue.done(ids).then(resolve, reject);
      }));
    }
    doneIds.push(id);
    return marking;
  };
  const run = async (job: Job): Promise<void> => {
    if (job.stored) {
      await markDone(job.id);
      counts.skipped++;
      tick();
      return;
    }
    let x;
    try {
      x = await extractor.extract(job.article);
    } catch (err) {
      await attemptFailed(job, (err as Error).message);
      return;
    }
    const a = job.article;
    const write = writer.put({
      id: a.id, text: a.text, contentHash: job.contentHash, title: a.title, url: a.url, source: job.source, published: a.published,
    }, x, x.pipeline ?? PIPELINE).then(
      async (stored) => {
        await markDone(job.id);
        if (stored) counts.stored++;
        else counts.skipped++;
        tick();
      },
      (err: Error) => attemptFailed(job, err.message),
    ).catch((err: Error) => fail(job.where, err.message.split('\n')[0]));
    writes.add(write);
    void write.finally(() => writes.delete(write));
  };

  try {
    for (;;) {
      for (const lost of await queue.expire()) fail(lost.where, lost.error);
      // a few at a time, fewer round trips; the heartbeat keeps the ones waiting their turn
      const jobs = await queue.claim(Math.max(4, extractor.capacity - active.size));
      if (!jobs.length) {
        if (active.size) {
          writer.maybeFlush();
          await Promise.race(active);
          continue;
        }
        await writer.flush();
        await Promise.all(writes);
        // others may still hold jobs: wait for them to finish, or for a dead one's lease to run out and reclaim
        const wait = await queue.idle(pollCap);
        if (wait === 'finished') break;
        if (wait > 0) await new Promise((r) => setTimeout(r, wait * 1000 + 10));
        continue;
      }
      for (const job of jobs) {
        const p = run(job).catch((err: Error) => fail(job.where, err.message.split('\n')[0]));
        active.add(p);
        void p.finally(() => active.delete(p));
      }
      while (active.size >= extractor.capacity) {
        writer.maybeFlush();
        await Promise.race(active);
      }
    }
    status = 'done';
  } finally {
    clearInterval(beat);
    await endRun(store, runId, counts, status, { active, writes, writer, extractor });
  }
  const fused = await store.fuse();
  return { ...counts, enqueued, queue: await queue.counts(), clusters: fused.clusters, seconds: (performance.now() - t0) / 1000 };
}
