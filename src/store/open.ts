// Opens the store named by --db: a postgres:// URL selects PostgreSQL, anything else is a SQLite file path.
import { SqlStorage } from './store.js';
import { openSqlite } from './sqlite.js';
import { openPostgres } from './postgres.js';

export const DEFAULT_DB = './parley.db';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** Opens and migrates the store. */
export async function openStore(spec: string = DEFAULT_DB): Promise<SqlStorage> {
  const store = new SqlStorage(isPostgresUrl(spec) ? openPostgres(spec) : openSqlite(spec));
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
