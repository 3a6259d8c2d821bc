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

/**
 * How long after a UTC day ends its counts are taken as final: a transaction that began before
 * midnight may commit a little after it (its rows carry the earlier `created_at`).
 */
const SETTLE_MS = 60 * 60 * 1000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, days: number) =>
  isoDay(Date.parse(`${day}T00:00:00Z`) + days * 864e5);

/** The last day whose counts are final at `now` (migration 052). */
export function lastClosedDay(now: Date): string {
  return addDays(isoDay(now.getTime() - SETTLE_MS), -1);
}

/** The closed months wholly inside `from`–`to` (first days), and the days outside them. */
export function splitIntoMonths(from: string, to: string, lastClosed: string) {
  const months: string[] = [];
  let month =
    from.slice(8) === '01' ? from : `${addDays(`${from.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
  for (;;) {
    const next = `${addDays(`${month.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
    const last = addDays(next, -1);
    if (last > to || last > lastClosed) break;
    months.push(month);
    month = next;
  }
  const covered = months.length
    ? {
        from: months[0]!,
        to: addDays(`${addDays(`${months.at(-1)!.slice(0, 7)}-28`, 7).slice(0, 7)}-01`, -1),
      }
    : undefined;
  return { months, covered };
}

/** What `consent_rollup_periods` marks as compacted (migrations 052 and 105). */
type CompactionKind = 'day' | 'month' | 'split-day';

/** The day totals (by label and state), or a month's or a day's counts per dimension. */
const COMPACTIONS: Record<CompactionKind, string> = {
  day: `insert into consent_rollup_day_totals (project_id, day, label, state, count)
        select project_id, day, label, state, sum(count) from consent_rollups
         where project_id = $1 and day = any($2::date[])
         group by 1, 2, 3, 4
        on conflict do nothing`,
  month: `insert into consent_rollup_splits (project_id, dimension, kind, period, key, label,
                                             state, count)
          select r.project_id, d.dimension, 'month', m.month, d.key, r.label, r.state,
                 sum(r.count)
            from unnest($2::date[]) as m(month)
            join consent_rollups r on r.project_id = $1
             and r.day >= m.month and r.day < (m.month + interval '1 month')::date
           cross join lateral (values ('geography', r.geography), ('language', r.language),
                                      ('surface', r.surface)) as d(dimension, key)
           group by 1, 2, 3, 4, 5, 6, 7
          on conflict do nothing`,
  'split-day': `insert into consent_rollup_splits (project_id, dimension, kind, period, key,
                                                   label, state, count)
                select r.project_id, d.dimension, 'day', r.day, d.key, r.label, r.state,
                       sum(r.count)
                  from consent_rollups r
                 cross join lateral (values ('geography', r.geography),
                                            ('language', r.language),
                                            ('surface', r.surface)) as d(dimension, key)
                 where r.project_id = $1 and r.day = any($2::date[])
                 group by 1, 2, 3, 4, 5, 6, 7
                on conflict do nothing`,
};

/**
 * Compacts the closed periods of the range that are not yet (migrations 052 and 105). Idempotent:
 * two readers compacting at once insert the same sums, and the second's conflict does nothing.
 */
async function compact(
  db: Queryable,
  projectId: string,
  kind: CompactionKind,
  periods: string[],
): Promise<void> {
  if (periods.length === 0) return;
  const { rows } = await db.query<{ period: string }>(
    `select to_char(p, 'YYYY-MM-DD') as period from unnest($2::date[]) as p
      where not exists (select 1 from consent_rollup_periods c
                         where c.project_id = $1 and c.kind = $3 and c.period = p)`,
    [projectId, periods, kind],
  );
  const missing = rows.map((row) => row.period);
  if (missing.length === 0) return;
  // One statement: the sums and the marks of their periods are stored together or not at all.
  await db.query(
    `with sums as (${COMPACTIONS[kind]})
     insert into consent_rollup_periods (project_id, kind, period)
     select $1, $3, p from unnest($2::date[]) as p on conflict do nothing`,
    [projectId, missing, kind],
  );
}

/** Every day from `from` to `to` (inclusive); none when `to` is before `from`. */
function days(from: string, to: string): string[] {
  const all: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) all.push(day);
  return all;
}

/**
 * The project's counts from `from` to `to` (days, inclusive), summed by `by`, label and state.
 * Closed periods come from their compaction (a day's totals for `by=day`; for the other
 * dimensions the closed whole months, and the closed days around them, each per dimension), the
 * days still open from the daily rollup, so that a year is a few thousand rows whatever the
 * traffic.
 */
export async function readRollup(
  db: Queryable,
  projectId: string,
  range: { from: string; to: string },
  by: RollupDimension,
  now: Date = new Date(),
): Promise<RollupRow[]> {
  const closed = lastClosedDay(now);
  const closedTo = range.to < closed ? range.to : closed;
  // The open days of the range, read from the daily rollup as they are.
  const open = { from: range.from > closed ? range.from : addDays(closed, 1), to: range.to };
  let sql: string;
  let params: unknown[];
  if (by === 'day') {
    await compact(db, projectId, 'day', days(range.from, closedTo));
    sql = `select to_char(day, 'YYYY-MM-DD') as key, label, state, sum(count)::text as count
             from (select day, label, state, count from consent_rollup_day_totals
                    where project_id = $1 and day between $2::date and $3::date
                   union all
                   select day, label, state, count from consent_rollups
                    where project_id = $1 and day between $4::date and $5::date) x
            group by day, label, state
            order by 1, 2, 3`;
    params = [projectId, range.from, closedTo, open.from, open.to];
  } else {
    const { months, covered } = splitIntoMonths(range.from, range.to, closed);
    const around = days(range.from, closedTo).filter(
      (day) => !covered || day < covered.from || day > covered.to,
    );
    await compact(db, projectId, 'month', months);
    await compact(db, projectId, 'split-day', around);
    sql = `select key, label, state, sum(count)::text as count
             from (select key, label, state, count from consent_rollup_splits
                    where project_id = $1 and dimension = $2 and kind = 'month'
                      and period = any($3::date[])
                   union all
                   select key, label, state, count from consent_rollup_splits
                    where project_id = $1 and dimension = $2 and kind = 'day'
                      and period = any($4::date[])
                   union all
                   select ${by}, label, state, count from consent_rollups
                    where project_id = $1 and day between $5::date and $6::date) x
            group by 1, 2, 3
            order by 1, 2, 3`;
    params = [projectId, by, months, around, open.from, open.to];
  }
  const { rows } = await db.query<{ key: string; label: string; state: string; count: string }>(
    sql,
    params,
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
