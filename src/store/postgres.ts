// The PostgreSQL driver: a pg pool; transactions run on one checked-out client.
import pg from 'pg';
import { numberPlaceholders, type Param, type Row, type SqlConn, type SqlDb } from './sql.js';

// bigint counts arrive as strings by default; every count here fits a double
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }> };

function connOf(q: Queryable): SqlConn {
  return {
    dialect: 'postgres',
    async all<T = Row>(sql: string, params: readonly Param[] = []) {
      return (await q.query(numberPlaceholders(sql), [...params])).rows as T[];
    },
    async get<T = Row>(sql: string, params: readonly Param[] = []) {
      return (await q.query(numberPlaceholders(sql), [...params])).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly Param[] = []) {
      return (await q.query(numberPlaceholders(sql), [...params])).rowCount ?? 0;
    },
  };
}

export function openPostgres(url: string): SqlDb {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // an idle client losing its server must not crash the process; the next query reports it
  pool.on('error', () => undefined);
  return {
    ...connOf(pool),
    async tx<T>(fn: (c: SqlConn) => Promise<T>): Promise<T> {
      // several ingesters may write at once: a deadlock or serialization failure is retried, not reported
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const r = await fn(connOf(client));
          await client.query('COMMIT');
          return r;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (err as { code?: string }).code;
          if ((code === '40P01' || code === '40001') && attempt < 8) {
            await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
            continue;
          }
          throw err;
        } finally {
          client.release();
        }
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
