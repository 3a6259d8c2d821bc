import type { RollupCount } from '../../analytics/outcome.ts';
import type { Queryable } from '../database.ts';

/**
 * Adds counts to the project's rollup (migration 051), in the caller's transaction: the one that
 * inserts the events they count. Geography comes from each count's session.
 */
export async function addToRollup(db: Queryable, projectId: string, counts: RollupCount[]) {
  if (counts.length === 0) return;
  await db.query(
    `insert into consent_rollups (project_id, day, geography, language, surface, label, state,
                                  count)
     select $1::uuid, x.day, coalesce(s.geography, 'unknown'), x.language, x.surface, x.label, x.state,
            sum(x.n)
       from jsonb_to_recordset($2::text::jsonb) as x(day date, "sessionId" uuid, language text,
            surface text, label text, state text, n integer)
       left join sessions s on s.project_id = $1::uuid and s.id = x."sessionId"
      group by 1, 2, 3, 4, 5, 6, 7
     on conflict (project_id, day, geography, language, surface, label, state)
     do update set count = consent_rollups.count + excluded.count`,
    [projectId, JSON.stringify(counts)],
  );
}

/** A dimension the analytics can be split by. */
export type RollupDimension = 'day' | 'geography' | 'language' | 'surface';

export interface RollupRow {
  key: string;
  label: string;
  state: string;
  count: number;
}

/** The project's counts from `from` to `to` (days, inclusive), summed by `by`, label and state. */
export async function readRollup(
  db: Queryable,
  projectId: string,
  range: { from: string; to: string },
  by: RollupDimension,
): Promise<RollupRow[]> {
  const key = by === 'day' ? `to_char(day, 'YYYY-MM-DD')` : by;
  const { rows } = await db.query<{ key: string; label: string; state: string; count: string }>(
    `select ${key} as key, label, state, sum(count)::text as count
       from consent_rollups
      where project_id = $1 and day between $2::date and $3::date
      group by 1, 2, 3
      order by 1, 2, 3`,
    [projectId, range.from, range.to],
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
