// `parley serve`: the HTTP API and web UI over a store; `parley start`: ingest the bundled VOA corpus once, then serve.
import type { Command } from 'commander';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../resources/load.js';
import { startServer } from '../../server/serve.js';
import { dbOption, intOption, openOrExit } from '../db.js';
import { runIngest } from './ingest.js';

export const DEMO_CORPUS = join(PACKAGE_ROOT, 'data', 'demo', 'voa-2025.jsonl');

interface ServeOpts {
  db: string;
  port: number;
  host: string;
  web?: string;
}

async function serveUntilStopped(opts: ServeOpts): Promise<void> {
  const store = await openOrExit(opts.db);
  let running;
  try {
    running = await startServer(store, { port: opts.port, host: opts.host, webRoot: opts.web });
  } catch (err) {
    await store.close();
    process.stderr.write(`parley: serve: cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}\n`);
    process.exit(2);
  }
  process.stderr.write(`parley: serving ${opts.db} on ${running.url} (Ctrl-C stops)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  await store.close();
}

function serveOptions(cmd: Command): Command {
  return dbOption(cmd)
    .option('--port <n>', 'TCP port (0: any free port)', intOption(0, 65535), 7300)
    .option('--host <address>', 'address to bind; the default keeps the server local', '127.0.0.1')
    .option('--web <dir>', 'the built web UI to serve (default: web/dist of the package)');
}

export function register(program: Command): void {
  serveOptions(program.command('serve').description('serve the HTTP API and the web explorer'))
    .action(async (opts: ServeOpts) => {
      await serveUntilStopped(opts);
    });

  serveOptions(program.command('start').description('ingest the bundled VOA demo corpus into the store the first time, then serve it (npm start)'))
    .action(async (opts: ServeOpts) => {
      const store = await openOrExit(opts.db);
      const { articles } = await store.stats();
      await store.close();
      if (articles === 0) {
        process.stderr.write(`parley: start: ingesting the VOA demo corpus into ${opts.db}\n`);
        const rc = await runIngest([DEMO_CORPUS], { db: opts.db, workers: 0 });
        if (rc !== 0) process.stderr.write('parley: start: some articles failed (see above); serving the rest\n');
      }
      await serveUntilStopped(opts);
    });
}
