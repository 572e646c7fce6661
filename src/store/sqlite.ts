// The SQLite driver: better-sqlite3 in WAL mode, with a statement cache and a lock that keeps transactions whole.
import Database from 'better-sqlite3';
import type { Param, Row, SqlConn, SqlDb } from './sql.js';

export function openSqlite(path: string): SqlDb {
  const db = new Database(path);
  // WAL lets the server read while ingest writes; NORMAL sync is still durable against a killed process
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  const cache = new Map<string, Database.Statement>();
  const prep = (sql: string): Database.Statement => {
    let s = cache.get(sql);
    if (!s) {
      s = db.prepare(sql);
      cache.set(sql, s);
    }
    return s;
  };
  const conn: SqlConn = {
    dialect: 'sqlite',
    async all<T = Row>(sql: string, params: readonly Param[] = []) {
      return prep(sql).all(...params) as T[];
    },
    async get<T = Row>(sql: string, params: readonly Param[] = []) {
      return prep(sql).get(...params) as T | undefined;
    },
    async run(sql: string, params: readonly Param[] = []) {
      return prep(sql).run(...params).changes;
    },
  };
  // one connection: an async transaction body must not interleave with another caller's statements
  let lock: Promise<unknown> = Promise.resolve();
  return {
    ...conn,
    tx<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
      const next = lock.then(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const r = await fn(conn);
          db.exec('COMMIT');
          return r;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      });
      lock = next.catch(() => undefined);
      return next;
    },
    async exec(sql: string) {
      await lock;
      db.exec(sql);
    },
    async close() {
      await lock;
      cache.clear();
      db.close();
    },
  };
}
