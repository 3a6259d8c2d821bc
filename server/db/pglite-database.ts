import { PGlite } from '@electric-sql/pglite';
import type { Database } from './database.ts';

/** An embedded PostgreSQL: in memory without `dataDir`, else persisted there. */
export function createPgliteDatabase(dataDir?: string): Database {
  const pglite = new PGlite(dataDir);
  return {
    query: (sql, params) => pglite.query(sql, params),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    transaction: (fn) =>
      pglite.transaction((tx) =>
        fn({
          query: (sql, params) => tx.query(sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => pglite.close(),
  };
}
