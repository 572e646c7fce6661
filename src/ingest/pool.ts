// Runs extract() inline or on N worker threads behind one promise-returning call, so ingest and recode share it.
import { Worker } from 'node:worker_threads';
import { extract, type ExtractInput } from '../api.js';
import type { Extraction } from '../schema/extraction.js';

export interface Extractor {
  extract(article: ExtractInput): Promise<Extraction>;
  /** How many extractions may usefully be in flight at once. */
  readonly capacity: number;
  close(): Promise<void>;
}

/**
 * workers = 0 extracts on the calling thread; N >= 1 uses N worker threads, so even one worker lets the calling
 * thread read inputs and write the store while the next article is being extracted.
 */
export function createExtractor(workers: number): Extractor {
  if (workers <= 0) {
    return {
      capacity: 1,
      extract: async (a) => extract(a),
      close: async () => undefined,
    };
  }
  // workers run compiled code: from source (tsx, benchmarks) the built dist/ worker is used, so build first
  const url = new URL(import.meta.url.endsWith('.ts') ? '../../dist/ingest/worker.js' : './worker.js', import.meta.url);
  let broken: Error | undefined;
  const pending = new Map<number, { resolve: (x: Extraction) => void; reject: (e: Error) => void }>();
  const load = new Map<Worker, number>();
  let seq = 0;
  const pool = Array.from({ length: workers }, () => {
    const w = new Worker(url);
    load.set(w, 0);
    w.on('message', (m: { seq: number; ok: boolean; extraction?: Extraction; message?: string }) => {
      load.set(w, (load.get(w) ?? 1) - 1);
      const p = pending.get(m.seq);
      pending.delete(m.seq);
      if (m.ok) p?.resolve(m.extraction!);
      else p?.reject(new Error(m.message));
    });
    // a dead worker fails everything in flight and every later call, instead of leaving promises unsettled
    const die = (err: Error) => {
      broken ??= err;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    w.on('error', die);
    w.on('exit', (code) => {
      if (code !== 0) die(new Error(`extraction worker exited with code ${code}`));
    });
    return w;
  });
  return {
    capacity: workers + 2,
    extract(article) {
      if (broken) return Promise.reject(broken);
      const w = pool.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      load.set(w, (load.get(w) ?? 0) + 1);
      const s = ++seq;
      return new Promise<Extraction>((resolve, reject) => {
        pending.set(s, { resolve, reject });
        w.postMessage({ seq: s, article });
      });
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
