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

/**
 * Compacts the closed periods of the range that are not yet (migration 052): the day totals
 * (`kind = 'day'`) or the months (`'month'`). Idempotent: two readers compacting at once insert
 * the same sums, and the second's conflict does nothing.
 */
async function compact(
  db: Queryable,
  projectId: string,
  kind: 'day' | 'month',
  periods: string[],
): Promise<void> {
  if (periods.length === 0) return;
  const { rows } = await db.query<{ period: string }>(
    `select to_char(p, 'YYYY-MM-DD') as period from unnest($2::date[]) as p
      where not exists (select 1 from consent_rollup_periods c
                         where c.project_id = $1 and c.kind = '${kind}' and c.period = p)`,
    [projectId, periods],
  );
  const missing = rows.map((row) => row.period);
  if (missing.length === 0) return;
  // One statement: the sums and the marks of their periods are stored together or not at all.
  const mark = `insert into consent_rollup_periods (project_id, kind, period)
                select $1, '${kind}', p from unnest($2::date[]) as p on conflict do nothing`;
  await db.query(
    kind === 'day'
      ? `with sums as (
           insert into consent_rollup_day_totals (project_id, day, label, state, count)
           select project_id, day, label, state, sum(count) from consent_rollups
            where project_id = $1 and day = any($2::date[])
            group by 1, 2, 3, 4
           on conflict do nothing
         ) ${mark}`
      : `with sums as (
           insert into consent_rollup_months (project_id, month, geography, language, surface,
                                              label, state, count)
           select r.project_id, m.month, r.geography, r.language, r.surface, r.label, r.state,
                  sum(r.count)
             from unnest($2::date[]) as m(month)
             join consent_rollups r on r.project_id = $1
              and r.day >= m.month and r.day < (m.month + interval '1 month')::date
            group by 1, 2, 3, 4, 5, 6, 7
           on conflict do nothing
         ) ${mark}`,
    [projectId, missing],
  );
}

/**
 * The project's counts from `from` to `to` (days, inclusive), summed by `by`, label and state.
 * Closed periods come from their compaction (migration 052: a day's totals for `by=day`, whole
 * months for the other dimensions), the rest from the daily rollup, so that a year is a few
 * thousand rows whatever the traffic.
 */
export async function readRollup(
  db: Queryable,
  projectId: string,
  range: { from: string; to: string },
  by: RollupDimension,
  now: Date = new Date(),
): Promise<RollupRow[]> {
  const closed = lastClosedDay(now);
  let sql: string;
  let params: unknown[];
  if (by === 'day') {
    const closedTo = range.to < closed ? range.to : closed;
    const days: string[] = [];
    for (let day = range.from; day <= closedTo; day = addDays(day, 1)) days.push(day);
    await compact(db, projectId, 'day', days);
    sql = `select to_char(day, 'YYYY-MM-DD') as key, label, state, sum(count)::text as count
             from (select day, label, state, count from consent_rollup_day_totals
                    where project_id = $1 and day between $2::date and $4::date
                   union all
                   select day, label, state, count from consent_rollups
                    where project_id = $1 and day between $2::date and $3::date
                      and day > $4::date) x
            group by day, label, state
            order by 1, 2, 3`;
    params = [
      projectId,
      range.from,
      range.to,
      closedTo < range.from ? addDays(range.from, -1) : closedTo,
    ];
  } else {
    const { months, covered } = splitIntoMonths(range.from, range.to, closed);
    await compact(db, projectId, 'month', months);
    // Days outside the compacted months: none when the range is whole closed months.
    const none = covered ?? { from: '9999-12-31', to: '0001-01-01' };
    sql = `select ${by} as key, label, state, sum(count)::text as count
             from (select ${by}, label, state, count from consent_rollup_months
                    where project_id = $1 and month = any($4::date[])
                   union all
                   select ${by}, label, state, count from consent_rollups
                    where project_id = $1 and day between $2::date and $3::date
                      and not (day between $5::date and $6::date)) x
            group by 1, 2, 3
            order by 1, 2, 3`;
    params = [projectId, range.from, range.to, months, none.from, none.to];
  }
  const { rows } = await db.query<{ key: string; label: string; state: string; count: string }>(
    sql,
    params,
  );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
