// `parley extract`: reads articles (files, stdin; text, html, jsonl) and writes Extraction documents to stdout.
import type { Command } from 'commander';
import { extract } from '../../api.js';
import { readInput, type InputFormat } from '../../ingest/read-inputs.js';
import type { Extraction } from '../../schema/extraction.js';
import { choice, collect, parseDateOption } from '../options.js';
import { reportError } from '../report.js';
import { loadResources } from '../../resources/load.js';
import type { Resources } from '../../pipeline/context.js';

interface ExtractOpts {
  input?: InputFormat;
  date?: string;
  title?: string;
  id?: string;
  format: 'json' | 'jsonl';
  dictionary?: string[];
  builtinKb: boolean;
}

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract coded events, actors, quotes and dates from articles')
    .argument('[files...]', "input files; none or '-' reads standard input")
    .option('--input <format>', 'text|html|jsonl (default: from the file extension)', choice(['text', 'html', 'jsonl'] as const))
    .option('--date <YYYY-MM-DD>', 'dateline (publication date) of text/html input', parseDateOption)
    .option('--title <text>', 'title, for a single text/html input')
    .option('--id <id>', 'article id, for a single text/html input')
    .option('--format <format>', 'json (one document, an array when several) or jsonl (one a line)', choice(['json', 'jsonl'] as const), 'json')
    .option('--dictionary <file>', 'extra actor/agent/verb dictionary (repeatable)', collect)
    .option('--no-builtin-kb', 'use only the --dictionary files')
    .action((files: string[], opts: ExtractOpts) => {
      process.exitCode = runExtract(files, opts);
    });
}

export function runExtract(files: string[], opts: ExtractOpts): number {
  let resources: Resources;
  try {
    resources = loadResources({ dictionaries: opts.dictionary ?? [], builtinKb: opts.builtinKb });
  } catch (err) {
    process.stderr.write(`parley: ${(err as Error).message}\n`);
    return 2;
  }
  const inputs = files.length ? files : ['-'];
  if ((opts.id !== undefined || opts.title !== undefined) && inputs.length > 1) {
    process.stderr.write('parley: --id and --title apply to a single input; drop them or give one file\n');
    return 2;
  }
  let failed = 0;
  const docs: Extraction[] = [];
  let several = inputs.length > 1;
  for (const path of inputs) {
    for (const item of readInput(path, { input: opts.input, date: opts.date, title: opts.title, id: opts.id })) {
      if (item.where.includes(':') && item.ok) several = true;
      if (!item.ok) {
        failed++;
        reportError(item.where, item.message);
        continue;
      }
      let x: Extraction;
      try {
        x = extract(item.article, { resources });
      } catch (err) {
        failed++;
        reportError(item.where, (err as Error).message);
        continue;
      }
      if (opts.format === 'jsonl') process.stdout.write(JSON.stringify(x) + '\n');
      else docs.push(x);
    }
  }
  if (opts.format === 'json' && (docs.length > 0 || !failed)) {
    process.stdout.write(JSON.stringify(several || docs.length !== 1 ? docs : docs[0], null, 2) + '\n');
  }
  return failed ? 1 : 0;
}
