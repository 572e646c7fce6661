// A minimal SQL connection shape shared by the SQLite and PostgreSQL drivers, so the store's queries are written once.

export type Dialect = 'sqlite' | 'postgres';
export type Param = string | number | null;
export type Row = Record<string, unknown>;

/** One connection (or one transaction on it). SQL uses `?` placeholders; the postgres driver renumbers them. */
export interface SqlConn {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
}

export interface SqlDb extends SqlConn {
  /** Runs fn in one transaction: all its statements commit together or not at all. */
  tx<T>(fn: (conn: SqlConn) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (DDL), outside any caller transaction. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders as `$1, $2, ...` (the SQL written in this project never has `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** `(?, ?, ?)` for n values. */
export function marks(n: number): string {
  return '(' + Array.from({ length: n }, () => '?').join(', ') + ')';
}
