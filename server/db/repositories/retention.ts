import type { Queryable } from '../database.ts';

/** A month (UTC) of a project's events: `2025-03`, its bounds, and what decides whether it may go. */
export interface ProjectMonth {
  month: string;
  start: string;
  end: string;
  rows: number;
  /** The latest expiration of the month's events. */
  lastExpiration: string;
  minSeq: string;
  maxSeq: string;
}

/** A project's months that still hold events, oldest first. */
export async function listProjectMonths(db: Queryable, projectId: string): Promise<ProjectMonth[]> {
  const { rows } = await db.query<{
    month: string;
    start: Date | string;
    rows: number;
    last_expiration: Date | string;
    min_seq: string;
    max_seq: string;
  }>(
    `select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month,
            date_trunc('month', created_at at time zone 'UTC') at time zone 'UTC' as start,
            count(*)::int as rows, max(expiration_date) as last_expiration,
            min(seq)::text as min_seq, max(seq)::text as max_seq
       from consent_events where project_id = $1
      group by 1, 2 order by 2`,
    [projectId],
  );
  return rows.map((row) => {
    const start = new Date(row.start);
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    return {
      month: row.month,
      start: start.toISOString(),
      end: end.toISOString(),
      rows: row.rows,
      lastExpiration: new Date(row.last_expiration).toISOString(),
      minSeq: row.min_seq,
      maxSeq: row.max_seq,
    };
  });
}

/**
 * Deletes a project's events stored before `before` (and their id rows), inside a transaction
 * that has lifted the append-only trigger (`assent.maintenance`), and answers the last removed
 * row's place in the chain and the identifier commitments the removed rows named.
 */
export async function deleteEventsBefore(
  db: Queryable,
  projectId: string,
  before: string,
): Promise<{ removed: number; lastSeq: string; lastHash: string | null; commitments: string[] }> {
  await db.query(`select set_config('assent.maintenance', 'on', true)`);
  const { rows } = await db.query<{
    seq: string;
    row_hash: string | null;
    identifier_commitments: Record<string, string> | null;
  }>(
    `delete from consent_events where project_id = $1 and created_at < $2
     returning seq::text as seq, row_hash, identifier_commitments`,
    [projectId, before],
  );
  await db.query(`delete from consent_event_ids where project_id = $1 and created_at < $2`, [
    projectId,
    before,
  ]);
  await db.query(`select set_config('assent.maintenance', 'off', true)`);
  const last = rows.reduce<(typeof rows)[number] | undefined>(
    (max, row) => (max === undefined || BigInt(row.seq) > BigInt(max.seq) ? row : max),
    undefined,
  );
  return {
    removed: rows.length,
    lastSeq: last?.seq ?? '0',
    lastHash: last?.row_hash ?? null,
    commitments: [
      ...new Set(rows.flatMap((row) => Object.values(row.identifier_commitments ?? {}))),
    ],
  };
}

/** Deletes those of `commitments` that no event names any more; answers how many went. */
export async function deleteUnusedIdentifiers(
  db: Queryable,
  projectId: string,
  commitments: string[],
): Promise<number> {
  if (commitments.length === 0) return 0;
  const { rows } = await db.query(
    `delete from person_identifiers p
      where p.project_id = $1
        and p.commitment in (select value from jsonb_array_elements_text($2::text::jsonb))
        and not exists (select 1 from consent_events e where e.project_id = $1
                          and e.identifier_commitments ->> p.kind = p.commitment)
      returning 1`,
    [projectId, JSON.stringify(commitments)],
  );
  return rows.length;
}

export async function insertCheckpoint(
  db: Queryable,
  checkpoint: {
    projectId: string;
    seq: string;
    hash: string;
    removed: number;
    months: string[];
    createdAt: Date;
  },
): Promise<void> {
  await db.query(
    `insert into consent_event_checkpoints (project_id, seq, hash, removed, months, created_at)
     values ($1, $2, $3, $4, $5::text::jsonb, $6)`,
    [
      checkpoint.projectId,
      checkpoint.seq,
      checkpoint.hash,
      checkpoint.removed,
      JSON.stringify(checkpoint.months),
      checkpoint.createdAt.toISOString(),
    ],
  );
}

/** The monthly partitions of `consent_events` (`consent_events_2025_03`) that hold no row. */
export async function listEmptyPartitions(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
       join pg_class p on p.oid = i.inhparent
      where p.relname = 'consent_events' and p.relnamespace = current_schema()::regnamespace
        and c.relname ~ '^consent_events_[0-9]{4}_[0-9]{2}$'
      order by 1`,
  );
  const empty: string[] = [];
  for (const { name } of rows) {
    const { rows: any } = await db.query(`select 1 from ${name} limit 1`);
    if (any.length === 0) empty.push(name);
  }
  return empty;
}

/** Drops a month's partition whole (`drop table` fires no row or truncate trigger). */
export async function dropPartition(db: Queryable, name: string): Promise<void> {
  if (!/^consent_events_\d{4}_\d{2}$/.test(name)) throw new Error(`not a partition: ${name}`);
  await db.query(`alter table consent_events detach partition ${name}`);
  await db.query(`drop table ${name}`);
}

/** Every project with its retention, for the purge. */
export async function listProjectRetentions(
  db: Queryable,
): Promise<{ id: string; organizationId: string; retention: string }[]> {
  const { rows } = await db.query<{ id: string; organization_id: string; retention: string }>(
    'select id, organization_id, retention from projects order by id',
  );
  return rows.map((row) => ({
    id: row.id,
    organizationId: row.organization_id,
    retention: row.retention,
  }));
}
