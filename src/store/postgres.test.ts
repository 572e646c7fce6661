// The store suite against a real PostgreSQL server, one fresh database per test. PARLEY_TEST_PG names the server
// (scripts/pg-test-server.sh starts a throwaway one); without it these tests are skipped, saying so.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from './open.js';
import { storeSuite } from './store-suite.js';

const url = process.env.PARLEY_TEST_PG;
const skip = url ? undefined : 'PARLEY_TEST_PG is unset: run `eval "$(scripts/pg-test-server.sh start)"` to test the PostgreSQL driver';
if (skip) process.stderr.write(`postgres.test: skipped: ${skip}\n`);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

storeSuite('postgres', async () => {
  const name = 'parley_test_' + randomBytes(6).toString('hex');
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(url!);
  u.pathname = '/' + name;
  const store = await openStore(u.toString());
  return { store, cleanup: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}, { skip });
