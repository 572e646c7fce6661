// `parley export`: the store as Extraction JSONL, event CSV, GDELT 2.0 event rows or PLOVER JSON records on stdout.
import type { Command } from 'commander';
import { once } from 'node:events';
import { writeExport, type ExportFormat } from '../../store/export.js';
import { choice, parseDateOption } from '../options.js';
import { dbOption, openOrExit } from '../db.js';

export function register(program: Command): void {
  dbOption(program.command('export').description('write stored data to standard output'))
    .requiredOption('--format <format>', 'jsonl|csv|gdelt|plover', choice(['jsonl', 'csv', 'gdelt', 'plover'] as const))
    .option('--since <YYYY-MM-DD>', 'on or after this date', parseDateOption)
    .option('--until <YYYY-MM-DD>', 'on or before this date', parseDateOption)
    .action(async (opts: { db: string; format: ExportFormat; since?: string; until?: string }) => {
      const store = await openOrExit(opts.db);
      let buf = '';
      const flush = async () => {
        if (!buf) return;
        const ok = process.stdout.write(buf);
        buf = '';
        if (!ok) await once(process.stdout, 'drain');
      };
      try {
        await writeExport(store, opts.format, { since: opts.since, until: opts.until }, async (line) => {
          buf += line;
          if (buf.length > 65536) await flush();
        });
        await flush();
      } finally {
        await store.close();
      }
    });
}
