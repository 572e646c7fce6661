// Throwaway PostgreSQL databases for the tests that need a real server (PARLEY_TEST_PG names the cluster).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty database on the server of `url`; `drop` removes it even while clients are still connected. */
export async function createTestDatabase(url: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = prefix + randomBytes(6).toString('hex');
  await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(url);
  u.pathname = '/' + name;
  return { url: u.toString(), drop: () => admin(url, async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))) };
}
