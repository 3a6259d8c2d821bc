import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable } from './database.ts';

const names = new Map<string, string>();

/**
 * A name per statement text: `pg` then prepares each statement once per connection and sends
 * only its parameters afterwards, so PostgreSQL parses and plans it once, not on every request.
 * The texts are the repository's, a bounded set (filters combine into at most a few thousand).
 */
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `a${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/** PostgreSQL through a `pg` pool, for `DATABASE_URL`. */
export function createPgDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString });
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await client.query(
        params ? { name: statementName(sql), text: sql, values: params } : sql,
      );
      return { rows: result.rows as T[] };
    },
    exec: async (sql) => {
      // Without parameters pg uses the simple query protocol, which takes several statements.
      await client.query(sql);
    },
  });
  return {
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(on(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
