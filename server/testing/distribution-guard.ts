/**
 * Test support (not a test): the run-time half of the distribution check (issue 19,
 * `server/db/distribution.ts`). Every statement a repository sends through the guarded database
 * must be routable to one project's node, and a transaction must not bind two projects; either
 * fault throws, so the test that caused it fails. `createTestDatabase` guards every server test.
 */
import type { Database, Queryable } from '../db/database.ts';
import { boundProjects, refuseStatement } from '../db/distribution.ts';

/** Whether a statement is the repositories' (tests' own SQL may read across projects). */
const fromRepository = () => /server[\\/]db[\\/]repositories[\\/]/.test(new Error().stack ?? '');

export function guardDistribution(db: Database, checked: () => boolean = fromRepository): Database {
  const check = (sql: string) => {
    if (!checked()) return;
    const refusal = refuseStatement(sql);
    if (refusal) throw new Error(`not distributable: ${refusal}: ${sql.trim().slice(0, 300)}`);
  };
  const guarded = (on: Queryable, projects?: Set<string>): Queryable => ({
    query: async (sql, params) => {
      check(sql);
      if (projects) {
        for (const id of boundProjects(sql, params)) projects.add(id);
        if (projects.size > 1) {
          throw new Error(`a transaction touches two projects (${[...projects].join(', ')})`);
        }
      }
      return on.query(sql, params);
    },
    exec: (sql) => on.exec(sql),
  });
  return {
    ...guarded(db),
    transaction: (fn) => db.transaction((tx) => fn(guarded(tx, new Set()))),
    close: () => db.close(),
  };
}
