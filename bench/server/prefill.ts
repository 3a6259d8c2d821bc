import type { Database } from '../../server/db/database.ts';
import { ensureEventPartition } from '../../server/db/repositories/consent-events.ts';

/** How `prefillEvents` makes its rows, printed with the figures. */
export const PREFILL_METHOD =
  'SQL generate_series with indexes and foreign keys dropped and made again after, ' +
  '100,000 rows per statement (with their consent_event_ids rows), into ' +
  'the benched project’s monthly partitions: one visitor per ' +
  '4 events, oldest first over the last 12 months, 1 in 10 with a userId and 1 in 20 with an ' +
  'email; rows without hashes, as stored before the hash chain existed, so they come before it';

const CHUNK = 100_000;

/**
 * Stores `count` events in the project quickly, so that a load test runs on a table of that
 * size with every index filled. The rows carry no hashes: `verifyChains` counts them as written
 * before the chain, which is only valid because they come before any chained row of the project
 * (so: on a fresh database, before the server takes events). Returns the seconds it took.
 */
export async function prefillEvents(
  db: Database,
  projectId: string,
  count: number,
  progress: (done: number) => void = () => {},
): Promise<number> {
  const started = performance.now();
  // As a bulk load does it: the table's indexes and foreign keys are dropped for the load and
  // made again afterwards (one sort per index, one check per key), not updated row by row.
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = 'consent_events'
        and indexname <> 'consent_events_pkey'`,
  );
  const { rows: keys } = await db.query<{ name: string; definition: string }>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = 'consent_events'::regclass and contype = 'f' and conparentid = 0`,
  );
  for (const index of indexes) await db.exec(`drop index ${index.name}`);
  for (const key of keys) await db.exec(`alter table consent_events drop constraint ${key.name}`);
  const now = new Date();
  for (let back = 0; back <= 12; back += 1) {
    await ensureEventPartition(
      db,
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15)),
    );
  }
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(from + CHUNK, count);
    await db.query(
      `with types as (
         select (row_number() over (order by id) - 1)::int as k, id, version, category, label
           from consent_types where project_id = $1 and status = 'active'
       ),
       e as (
       insert into consent_events (id, project_id, organization_id, concord_id, user_id, email,
         consent_type_id, version, category, label, consent_state, consent_action, consent_date,
         expiration_date, body_hash, created_at)
       select gen_random_uuid(), p.id, p.organization_id, md5('visitor' || (i / 4))::uuid,
              case when i % 10 = 0 then 'user-' || (i / 40) end,
              case when i % 20 = 0 then 'person' || (i / 80) || '@example.com' end,
              t.id, t.version, t.category, t.label,
              case when i % 3 = 0 then 'declined' else 'accepted' end, 'user_click',
              d.at, d.at + interval '6 months', md5(i::text) || md5((-i)::text), d.at
         from generate_series($2::int + 1, $3::int) as i
         cross join lateral (
           select now() - ($4::int - i)::float8 / $4::int * interval '365 days' as at
         ) d
         join projects p on p.id = $1
         join types t on t.k = i % (select count(*)::int from types)
        order by i
       returning project_id, id, seq, created_at
       )
       insert into consent_event_ids (project_id, id, seq, created_at) select * from e`,
      [projectId, from, to, count],
    );
    progress(to);
  }
  // A partitioned index is shown `ON ONLY` the parent; made again it must reach every partition.
  for (const index of indexes) await db.exec(index.definition.replace(/ ON ONLY /i, ' ON '));
  for (const key of keys) {
    await db.exec(`alter table consent_events add constraint ${key.name} ${key.definition}`);
  }
  return (performance.now() - started) / 1000;
}
