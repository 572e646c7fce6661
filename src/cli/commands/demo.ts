// `parley demo`: extracts the bundled sample articles and prints a readable summary of what Parley found.
import type { Command } from 'commander';
import { join } from 'node:path';
import { extract } from '../../api.js';
import { readInput } from '../../ingest/read-inputs.js';
import { PACKAGE_ROOT } from '../../resources/load.js';
import { reportError } from '../report.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description('extract the bundled sample articles and print a readable summary')
    .action(() => {
      let failed = 0;
      for (const item of readInput(join(PACKAGE_ROOT, 'samples', 'voa-sample.jsonl'))) {
        if (!item.ok) {
          failed++;
          reportError(item.where, item.message);
          continue;
        }
        const x = extract(item.article);
        const out: string[] = [];
        out.push(`\n== ${x.article.title ?? x.article.id} (${x.article.published ?? 'no date'})`);
        out.push(`   ${x.sentences.length} sentences, ${x.mentions.length} mentions, ${x.actors.length} actors, ${x.dates.length} dates, ${x.quotes.length} quotes, ${x.events.length} events`);
        for (const e of x.events) {
          const who = (refs: { code: string | null; text: string }[]) => refs.map((r) => r.code ?? r.text).join('+') || '?';
          out.push(`   ${e.date.value ?? '????-??-??'}  ${who(e.source).padEnd(8)} → ${who(e.target).padEnd(8)} ${e.cameo.padEnd(4)} ${e.plover.type.padEnd(9)} ${e.modality.padEnd(9)} "${e.trigger.text}"`);
          out.push(`      evidence: ${e.evidence.text.length > 160 ? e.evidence.text.slice(0, 157) + '...' : e.evidence.text}`);
        }
        process.stdout.write(out.join('\n') + '\n');
      }
      process.exitCode = failed ? 1 : 0;
    });
}
