/** What the repository needs from a connection: one statement at a time, with parameters. */
export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The database the server talks to: PGlite (embedded) or PostgreSQL through `pg`, with the same
 * SQL for both. Parameters are strings, numbers, booleans or null; JSON goes in as text and is
 * cast in SQL (`$1::text::jsonb`) because the two drivers serialise objects differently.
 */
export interface Database extends Queryable {
  /** Runs `fn` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
