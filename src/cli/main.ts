#!/usr/bin/env node
// The `parley` command: a thin commander layer over the library; each command lives in cli/commands/.
import { Command, CommanderError } from 'commander';
import { register as registerExtract } from './commands/extract.js';
import { register as registerDemo } from './commands/demo.js';

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('Explainable political event data from news: who did what to whom, when, where, and who said so.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerExtract(program);
  registerDemo(program);
  return program;
}

async function main(): Promise<void> {
  try {
    await buildProgram().parseAsync(process.argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; usage errors exit 2 as the contract says
      process.exit(err.exitCode === 0 ? 0 : 2);
    }
    const e = err as { code?: string; message?: string };
    process.stderr.write(`parley: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(err)}\n`);
    process.exit(2);
  }
}

await main();
