// `parley stats | events | actors | quotes`: the store's counts and the API's list filters on the command line.
import type { Command } from 'commander';
import type { Page } from '../../store/types.js';
import { parseDateOption } from '../options.js';
import { table } from '../table.js';
import { dbOption, intOption, openOrExit } from '../db.js';

function out(json: boolean, page: Page<unknown>, headers: string[], rows: (string | number | null | undefined)[][]): void {
  if (json) {
    process.stdout.write(JSON.stringify(page, null, 2) + '\n');
    return;
  }
  process.stdout.write(table(headers, rows));
  const shown = rows.length;
  process.stdout.write(`(${shown} of ${page.total})\n`);
}

function listOptions(cmd: Command): Command {
  return dbOption(cmd)
    .option('--limit <n>', 'at most N rows', intOption(0, 1000), 20)
    .option('--offset <n>', 'skip the first N rows', intOption(0), 0)
    .option('--json', 'JSON {items, total} instead of a table');
}

export function register(program: Command): void {
  dbOption(program.command('stats').description('counts of stored articles, events, quotes, actors and mentions'))
    .option('--json', 'JSON output')
    .action(async (opts: { db: string; json?: boolean }) => {
      const store = await openOrExit(opts.db);
      try {
        const s = await store.stats();
        if (opts.json) process.stdout.write(JSON.stringify(s) + '\n');
        else {
          const clusters = await store.clusterCount();
          process.stdout.write(table(['what', 'count'], [...Object.entries(s), ['event clusters', clusters]]));
        }
      } finally {
        await store.close();
      }
    });

  listOptions(program.command('events').description('stored events, newest first'))
    .option('--actor <id>', 'source or target actor id or code')
    .option('--country <ISO3>', 'an actor from, or the place in, this country')
    .option('--cameo <code>', 'CAMEO code prefix (e.g. 04 or 042)')
    .option('--plover <type>', 'PLOVER event type')
    .option('--since <YYYY-MM-DD>', 'on or after this date', parseDateOption)
    .option('--until <YYYY-MM-DD>', 'on or before this date', parseDateOption)
    .option('--q <text>', 'full-text search in the evidence sentence')
    .action(async (opts: { db: string; json?: boolean; limit: number; offset: number; actor?: string; country?: string; cameo?: string; plover?: string; since?: string; until?: string; q?: string }) => {
      const store = await openOrExit(opts.db);
      try {
        const p = await store.events(opts);
        const refs = (rs: { code: string | null; text: string }[]) => rs.map((r) => r.code ?? r.text).join('+');
        out(!!opts.json, p, ['date', 'source', 'cameo', 'plover', 'target', 'mentions', 'evidence'],
          p.items.map((e) => [e.date.value ?? e.published ?? '', refs(e.source), e.cameo, e.plover.type, refs(e.target), e.cluster?.mentions ?? 1, e.evidence.text]));
      } finally {
        await store.close();
      }
    });

  listOptions(program.command('actors').description('stored actors with event counts'))
    .option('--q <text>', 'name, id or code contains')
    .action(async (opts: { db: string; json?: boolean; limit: number; offset: number; q?: string }) => {
      const store = await openOrExit(opts.db);
      try {
        const p = await store.actors(opts);
        out(!!opts.json, p, ['id', 'name', 'country', 'org', 'sector', 'events', 'mentions'],
          p.items.map((a) => [a.id, a.name, a.country, a.org, a.sector, a.events, a.mentions]));
      } finally {
        await store.close();
      }
    });

  listOptions(program.command('quotes').description('stored quotes'))
    .option('--speaker <id|name>', 'speaker actor id, or words of the speaker as written')
    .option('--q <text>', 'full-text search in the quote')
    .action(async (opts: { db: string; json?: boolean; limit: number; offset: number; speaker?: string; q?: string }) => {
      const store = await openOrExit(opts.db);
      try {
        const p = await store.quotes(opts);
        out(!!opts.json, p, ['published', 'speaker', 'kind', 'quote'],
          p.items.map((q) => [q.published, q.speaker?.code ?? q.speakerText ?? (q.anonymous ? '(anonymous)' : ''), q.kind, q.text]));
      } finally {
        await store.close();
      }
    });
}
