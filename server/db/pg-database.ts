import pg from 'pg';
import type { Database, Queryable } from './database.ts';

/** PostgreSQL through a `pg` pool, for `DATABASE_URL`. */
export function createPgDatabase(connectionString: string): Database {
  const pool = new pg.Pool({ connectionString });
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      const result = await client.query(sql, params);
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
