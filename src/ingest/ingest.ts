// The ingest run: read inputs, skip what is stored, extract (inline or on worker threads), store each article
// atomically with its extraction, then fuse events. Every step is idempotent, so a killed run can simply be rerun.
import { createHash } from 'node:crypto';
import { contentId, normalizeDate, type ExtractInput } from '../api.js';
import { PIPELINE } from '../pipeline/extract.js';
import type { Storage, RunCounts, StoredArticleInput } from '../store/types.js';
import type { Extraction } from '../schema/extraction.js';
import { createExtractor } from './pool.js';
import type { ReadOptions } from './read-inputs.js';
import { estimateCount, expand, readSources } from './sources.js';

export interface IngestOptions extends ReadOptions {
  workers?: number;
  /** Called once the article count is known (undefined for stdin/URLs) and after each article. */
  onProgress?: (done: number, total: number | undefined, counts: RunCounts) => void;
  onError?: (where: string, message: string) => void;
}

export interface IngestResult extends RunCounts {
  seconds: number;
  clusters: number;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An input article with its id (given, else from the text), content hash and normalised dateline. */
export function prepare(input: ExtractInput):
  | { ok: true; article: ExtractInput & { id: string }; id: string; hash: string; published?: string }
  | { ok: false; message: string } {
  let published: string | undefined;
  try {
    published = normalizeDate(input.published);
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
  const id = input.id ?? contentId(input.text);
  const article: ExtractInput & { id: string } = { ...input, id };
  if (published) article.published = published;
  return { ok: true, article, id, hash: contentHash(article.text), ...(published ? { published } : {}) };
}

export type Prepared = Extract<ReturnType<typeof prepare>, { ok: true }>;

/** The inputs' articles, prepared; an unreadable input or a bad article goes to `fail` and the rest go on. */
export async function* preparedArticles(files: readonly string[], opts: ReadOptions, fail: (where: string, message: string) => void):
  AsyncGenerator<{ where: string; source?: string; ready: Prepared }> {
  for await (const item of readSources(files, opts)) {
    if (!item.ok) {
      fail(item.where, item.message);
      continue;
    }
    const ready = prepare(item.article);
    if (!ready.ok) {
      fail(item.where, ready.message);
      continue;
    }
    yield { where: item.where, ...(item.source ? { source: item.source } : {}), ready };
  }
}

export async function ingest(store: Storage, specs: readonly string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const t0 = performance.now();
  const files = specs.flatMap(expand);
  const total = estimateCount(files, opts);
  const counts: RunCounts = { stored: 0, skipped: 0, failed: 0 };
  let done = 0;
  const tick = () => {
    done++;
    opts.onProgress?.(done, total === undefined ? undefined : Math.max(total, done), counts);
  };
  const fail = (where: string, message: string) => {
    counts.failed++;
    opts.onError?.(where, message);
    tick();
  };
  opts.onProgress?.(0, total, counts);
  const runId = await store.startRun(specs, PIPELINE);
  const extractor = createExtractor(opts.workers ?? 0);
  const writer = batchWriter(store, runId);
  // ids and hashes being extracted now: a duplicate later in the same run is skipped without extracting it twice
  const inflight = new Set<string>();
  const active = new Set<Promise<void>>();
  const writes = new Set<Promise<void>>();
  let status: 'done' | 'failed' = 'failed';
  try {
    for await (const item of preparedArticles(files, opts, fail)) {
      const { article, id, hash, published } = item.ready;
      if (inflight.has(id) || inflight.has(hash) || (await store.hasArticle(id, hash))) {
        counts.skipped++;
        tick();
        continue;
      }
      inflight.add(id).add(hash);
      const release = () => {
        inflight.delete(id);
        inflight.delete(hash);
      };
      // extraction slots are freed as soon as an article is extracted; its write completes with the batch
      const extraction = extractor.extract(article).then(
        (x) => {
          const write = writer
            .put({ id, text: article.text, contentHash: hash, title: article.title, url: article.url, source: item.source, published }, x, x.pipeline ?? PIPELINE)
            .then(
              (stored) => {
                if (stored) counts.stored++;
                else counts.skipped++;
                tick();
              },
              (err: Error) => fail(item.where, err.message),
            )
            .finally(release);
          writes.add(write);
          void write.finally(() => writes.delete(write));
        },
        (err: Error) => {
          release();
          fail(item.where, err.message);
        },
      );
      active.add(extraction);
      void extraction.finally(() => active.delete(extraction));
      while (active.size >= extractor.capacity) await Promise.race(active);
      writer.maybeFlush();
    }
    await Promise.all(active);
    await writer.flush();
    await Promise.all(writes);
    status = 'done';
  } finally {
    await endRun(store, runId, counts, status, { active, writes, writer, extractor });
  }
  const fused = await store.fuse();
  return { ...counts, clusters: fused.clusters, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The end of an ingest run however it ended (the plain and the queue ingest share it): extractions and writes
 * still in flight are waited out, what was extracted is stored, the workers stop, and the run's counts and
 * status are recorded.
 */
export async function endRun(
  store: Storage,
  runId: string,
  counts: RunCounts,
  status: 'done' | 'failed',
  work: { active: Set<Promise<void>>; writes: Set<Promise<void>>; writer: ReturnType<typeof batchWriter>; extractor: ReturnType<typeof createExtractor> },
): Promise<void> {
  await Promise.allSettled(work.active);
  await work.writer.flush().catch(() => undefined);
  await Promise.allSettled(work.writes);
  await work.extractor.close();
  await store.finishRun(runId, counts, status).catch(() => undefined);
}

type Batch = { article: StoredArticleInput; extraction: Extraction; pipeline: readonly string[] }[];

/**
 * Groups finished articles into one transaction each few (fewer commits); every article is still stored whole
 * or not at all, and a killed run loses at most one batch of extraction work, which a rerun redoes.
 */
export function batchWriter(store: Storage, runId: string, maxBatch = 16, maxWaitMs = 500) {
  let pending: { item: Batch[number]; resolve: (b: boolean) => void; reject: (e: Error) => void }[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let last = performance.now();
  const flush = (): Promise<void> => {
    const take = pending;
    pending = [];
    last = performance.now();
    if (!take.length) return flushing;
    flushing = flushing.then(async () => {
      try {
        const batch = take.map((p) => p.item);
        const stored = store.putArticles ? await store.putArticles(batch, runId) : await Promise.all(batch.map((b) => store.putArticle(b.article, b.extraction, b.pipeline, runId)));
        take.forEach((p, i) => p.resolve(stored[i]));
      } catch (err) {
        take.forEach((p) => p.reject(err as Error));
      }
    });
    return flushing;
  };
  return {
    put(article: StoredArticleInput, extraction: Extraction, pipeline: readonly string[]): Promise<boolean> {
      const p = new Promise<boolean>((resolve, reject) => pending.push({ item: { article, extraction, pipeline }, resolve, reject }));
      if (pending.length >= maxBatch) void flush();
      return p;
    },
    /** Flushes a partial batch that has waited long enough, so progress and the store stay current. */
    maybeFlush() {
      if (pending.length && performance.now() - last > maxWaitMs) void flush();
    },
    flush,
  };
}

/** Re-runs the current pipeline over stored articles, replacing each one's extraction atomically, then re-fuses. */
export async function recode(
  store: Storage,
  opts: { workers?: number; onProgress?: (done: number, total: number) => void; onError?: (id: string, message: string) => void } = {},
): Promise<{ recoded: number; failed: number; seconds: number }> {
  const t0 = performance.now();
  const total = (await store.stats()).articles;
  const extractor = createExtractor(opts.workers ?? 1);
  let recoded = 0;
  let failed = 0;
  let after: string | undefined;
  try {
    for (;;) {
      const batch = await store.articles({ after, limit: 200 });
      if (!batch.length) break;
      after = batch[batch.length - 1].article.id;
      await Promise.all(batch.map(async ({ article: a }) => {
        try {
          const x = await extractor.extract({
            id: a.id, text: a.text, ...(a.title ? { title: a.title } : {}), ...(a.url ? { url: a.url } : {}),
            ...(a.published ? { published: a.published } : {}),
          });
          await store.replaceExtraction(a.id, x, x.pipeline ?? PIPELINE);
          recoded++;
        } catch (err) {
          failed++;
          opts.onError?.(a.id, (err as Error).message);
        }
        opts.onProgress?.(recoded + failed, total);
      }));
    }
  } finally {
    await extractor.close();
  }
  await store.pruneActors();
  await store.fuse();
  return { recoded, failed, seconds: (performance.now() - t0) / 1000 };
}
