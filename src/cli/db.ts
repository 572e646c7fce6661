// The --db option shared by the store commands, and opening the store with errors reported the CLI way.
import type { Command } from 'commander';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { SqlStorage } from '../store/store.js';
import { InvalidArgumentError } from 'commander';

export function dbOption(cmd: Command): Command {
  return cmd.option('--db <path|url>', 'SQLite file or postgres:// URL', DEFAULT_DB);
}

/** Opens the store; on failure reports `parley: <db>: <message>` and exits 2 (the store is the command's whole input). */
export async function openOrExit(db: string): Promise<SqlStorage> {
  try {
    return await openStore(db);
  } catch (err) {
    process.stderr.write(`parley: ${db.replace(/\/\/[^@/]*@/, '//')}: cannot open the store: ${(err as Error).message.split('\n')[0]}\n`);
    process.exit(2);
  }
}

export function intOption(min: number, max = Number.MAX_SAFE_INTEGER): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw new InvalidArgumentError(`"${v}" is not a whole number from ${min} to ${max}`);
    return n;
  };
}
