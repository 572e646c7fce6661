// `parley ingest`: stores articles (files, directories, JSONL, HTML, RSS/Atom feeds, URLs) with their extractions.
import { InvalidArgumentError, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { ingest, recode } from '../../ingest/ingest.js';
import type { InputFormat } from '../../ingest/read-inputs.js';
import { choice, parseDateOption } from '../options.js';
import { createProgress } from '../progress.js';
import { dbOption, intOption, openOrExit } from '../db.js';
import { isPostgresUrl } from '../../store/open.js';
import { JobQueue } from '../../store/queue.js';
import { ingestShared, workerName } from '../../ingest/shared.js';

interface IngestOpts {
  db: string;
  input?: InputFormat;
  date?: string;
  workers: number;
  queue?: string;
  lease?: number;
  maxAttempts?: number;
}

function secondsOption(v: string): number {
  const n = Number(v);
  if (!/^\d+(\.\d+)?$/.test(v) || n <= 0) throw new InvalidArgumentError(`"${v}" is not a positive number of seconds`);
  return n;
}

export function register(program: Command): void {
  dbOption(program
    .command('ingest')
    .description('extract and store articles; rerunning skips what is stored')
    .argument('[inputs...]', "files, directories (walked), http(s) URLs of feeds or pages; none or '-' reads standard input"))
    .option('--input <format>', 'text|html|jsonl|feed (default: from the extension or the content)', choice(['text', 'html', 'jsonl', 'feed'] as const))
    .option('--date <YYYY-MM-DD>', 'dateline (publication date) of text/html input', parseDateOption)
    .option('--workers <n>', 'extract on N worker threads (default 0: on the main thread)', intOption(0, 256), 0)
    .option('--queue <name>', 'PostgreSQL only: add the inputs to the shared queue NAME, then work on it until it is drained ' +
      'with every other process doing the same (no inputs: only work)')
    .option('--lease <seconds>', 'with --queue: how long a claimed article stays claimed without a heartbeat', secondsOption, 60)
    .option('--max-attempts <n>', 'with --queue: attempts before an article is marked failed', intOption(1, 100), 3)
    .action(async (inputs: string[], opts: IngestOpts) => {
      if (opts.queue && !isPostgresUrl(opts.db)) {
        process.stderr.write('parley: --queue needs a PostgreSQL store (--db postgres://...); a SQLite file has a single writer\n');
        process.exitCode = 2;
        return;
      }
      process.exitCode = opts.queue ? await runShared(inputs, opts) : await runIngest(inputs.length ? inputs : ['-'], opts);
    });

  dbOption(program
    .command('queue')
    .description('PostgreSQL only: the state of a shared ingest queue, and its failed articles')
    .argument('<name>', 'the queue, as given to ingest --queue'))
    .action(async (name: string, opts: { db: string }) => {
      if (!isPostgresUrl(opts.db)) {
        process.stderr.write('parley: queues live in a PostgreSQL store (--db postgres://...)\n');
        process.exitCode = 2;
        return;
      }
      const store = await openOrExit(opts.db);
      try {
        const q = new JobQueue(store.db, name, workerName());
        const c = await q.counts();
        process.stdout.write(`queue ${name}: ${c.queued} queued, ${c.running} running, ${c.done} done, ${c.failed} failed\n`);
        for (const f of await q.failed()) process.stdout.write(`failed: ${f.where}: ${f.error}\n`);
        process.exitCode = c.failed ? 1 : 0;
      } finally {
        await store.close();
      }
    });

  dbOption(program
    .command('recode')
    .description('re-run the current pipeline over every stored article, replacing each extraction atomically'))
    .option('--workers <n>', 'extract on N worker threads (0: on the main thread)', intOption(0, 256), Math.max(1, Math.min(4, availableParallelism() - 1)))
    .action(async (opts: { db: string; workers: number }) => {
      const store = await openOrExit(opts.db);
      const progress = createProgress('recode');
      try {
        const r = await recode(store, {
          workers: opts.workers,
          onProgress: (d, t) => progress.update(d, t),
          onError: (id, m) => progress.log(`parley: article ${id}: ${m.split('\n')[0]}`),
        });
        progress.stop();
        process.stderr.write(`parley: recode: ${r.recoded} articles recoded, ${r.failed} failed in ${r.seconds.toFixed(1)}s\n`);
        process.exitCode = r.failed ? 1 : 0;
      } finally {
        progress.stop();
        await store.close();
      }
    });
}

export async function runIngest(inputs: string[], opts: IngestOpts): Promise<number> {
  const store = await openOrExit(opts.db);
  const progress = createProgress('ingest');
  try {
    const r = await ingest(store, inputs, {
      input: opts.input,
      date: opts.date,
      workers: opts.workers,
      onProgress: (d, t, c) => progress.update(d, t, c),
      onError: (where, message) => progress.log(`parley: ${where}: ${message.split('\n')[0]}`),
    });
    progress.stop();
    const total = r.stored + r.skipped;
    process.stderr.write(
      `parley: ingest: ${r.stored} stored, ${r.skipped} already stored, ${r.failed} failed in ${r.seconds.toFixed(1)}s ` +
      `(${(total / Math.max(r.seconds, 1e-3)).toFixed(1)} articles/s); ${r.clusters} event clusters updated\n`);
    return r.failed ? 1 : 0;
  } finally {
    progress.stop();
    await store.close();
  }
}

/** `ingest --queue`: enqueue, work until the queue is drained, fuse; exit 1 when any article of the queue failed. */
async function runShared(inputs: string[], opts: IngestOpts): Promise<number> {
  const store = await openOrExit(opts.db);
  const progress = createProgress('ingest');
  try {
    const r = await ingestShared(store, inputs, {
      queue: opts.queue!,
      input: opts.input,
      date: opts.date,
      workers: opts.workers,
      leaseSeconds: opts.lease,
      maxAttempts: opts.maxAttempts,
      onProgress: (d, t, c) => progress.update(d, t, c),
      onError: (where, message) => progress.log(`parley: ${where}: ${message.split('\n')[0]}`),
    });
    progress.stop();
    const q = r.queue;
    process.stderr.write(
      `parley: ingest: queue ${opts.queue}: ${r.enqueued} enqueued by this process; it stored ${r.stored}, skipped ${r.skipped}, ` +
      `failed ${r.failed} in ${r.seconds.toFixed(1)}s; queue now ${q.done} done, ${q.failed} failed, ${q.queued + q.running} open; ` +
      `${r.clusters} event clusters updated\n`);
    return r.failed || q.failed ? 1 : 0;
  } finally {
    progress.stop();
    await store.close();
  }
}
