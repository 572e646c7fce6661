// `parley extract`: reads articles (files, stdin; text, html, jsonl) and writes Extraction documents.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('extract')
    .description('extract events, actors, quotes and dates from articles')
    .argument('[files...]', "input files; none or '-' reads standard input")
    .action(() => {
      throw new Error('not implemented yet');
    });
}
