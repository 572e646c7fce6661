// `parley ingest`: stores articles (files, directories, JSONL, HTML, RSS/Atom feeds, URLs) with their extractions.
import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { ingest, recode } from '../../ingest/ingest.js';
import type { InputFormat } from '../../ingest/read-inputs.js';
import { choice, parseDateOption } from '../options.js';
import { createProgress } from '../progress.js';
import { dbOption, intOption, openOrExit } from '../db.js';

interface IngestOpts {
  db: string;
  input?: InputFormat;
  date?: string;
  workers: number;
}

export function register(program: Command): void {
  dbOption(program
    .command('ingest')
    .description('extract and store articles; rerunning skips what is stored')
    .argument('[inputs...]', "files, directories (walked), http(s) URLs of feeds or pages; none or '-' reads standard input"))
    .option('--input <format>', 'text|html|jsonl|feed (default: from the extension or the content)', choice(['text', 'html', 'jsonl', 'feed'] as const))
    .option('--date <YYYY-MM-DD>', 'dateline (publication date) of text/html input', parseDateOption)
    .option('--workers <n>', 'extract on N worker threads (default 0: on the main thread)', intOption(0, 256), 0)
    .action(async (inputs: string[], opts: IngestOpts) => {
      process.exitCode = await runIngest(inputs.length ? inputs : ['-'], opts);
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
