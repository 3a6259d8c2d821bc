import type { PersonIdentifier } from '../../../src/core/identifiers.ts';
import type { Queryable } from '../database.ts';
import { commitmentsCondition } from './consent-events.ts';
import { toIso } from './timestamp.ts';

/** A link of a visitor id to an identifier (`profile_links`, `assent.identify`). */
export interface StoredProfileLink {
  concordId: string;
  kind: PersonIdentifier;
  value: string;
  createdAt: string;
}

/**
 * The profile links of a project that name one of these identifiers (an email in any letter
 * case) or one of these visitor ids.
 */
export async function findProfileLinks(
  db: Queryable,
  projectId: string,
  query: { identifiers: { kind: PersonIdentifier; value: string }[]; concordIds: string[] },
): Promise<StoredProfileLink[]> {
  const { rows } = await db.query<{
    concord_id: string;
    kind: PersonIdentifier;
    value: string;
    created_at: Date | string;
  }>(
    `select concord_id, kind, value, created_at from profile_links l
      where l.project_id = $1
        and (exists (select 1 from jsonb_to_recordset($2::text::jsonb) as x(kind text, value text)
                      where x.kind = l.kind
                        and (case when x.kind = 'email' then lower(x.value) = lower(l.value)
                                  else x.value = l.value end))
             or l.concord_id in (select value::uuid from jsonb_array_elements_text($3::text::jsonb)))
      order by created_at, kind, value`,
    [projectId, JSON.stringify(query.identifiers), JSON.stringify(query.concordIds)],
  );
  return rows.map((row) => ({
    concordId: row.concord_id,
    kind: row.kind,
    value: row.value,
    createdAt: toIso(row.created_at),
  }));
}

/**
 * The visitor ids and identifier commitments on the events that name one of `commitments`:
 * who else the same events name.
 */
export async function findEventPeople(
  db: Queryable,
  projectId: string,
  commitments: string[],
): Promise<{ concordIds: string[]; commitments: string[] }> {
  if (commitments.length === 0) return { concordIds: [], commitments: [] };
  const { rows } = await db.query<{ concord_id: string | null; commitment: string | null }>(
    `select distinct e.concord_id, c.value as commitment
       from consent_events e
       left join lateral jsonb_each_text(e.identifier_commitments) c on true
      where e.project_id = $1 and (${commitmentsCondition('$2')})`,
    [projectId, JSON.stringify(commitments)],
  );
  return {
    concordIds: [...new Set(rows.flatMap((row) => (row.concord_id ? [row.concord_id] : [])))],
    commitments: [...new Set(rows.flatMap((row) => (row.commitment ? [row.commitment] : [])))],
  };
}

/** Deletes every profile link of these visitor ids; answers how many went. */
export async function deleteProfileLinks(
  db: Queryable,
  projectId: string,
  concordIds: string[],
  identifiers: { kind: PersonIdentifier; value: string }[],
): Promise<number> {
  const { rows } = await db.query(
    `delete from profile_links l
      where l.project_id = $1
        and (l.concord_id in (select value::uuid from jsonb_array_elements_text($2::text::jsonb))
             or exists (select 1 from jsonb_to_recordset($3::text::jsonb) as x(kind text, value text)
                         where x.kind = l.kind and x.value = l.value))
      returning 1`,
    [projectId, JSON.stringify(concordIds), JSON.stringify(identifiers)],
  );
  return rows.length;
}

/**
 * Forgets what the sessions of these visitor ids kept about the device (shortened IP address,
 * user agent); the session rows stay, since events refer to them, with their geography.
 */
export async function forgetSessions(
  db: Queryable,
  projectId: string,
  concordIds: string[],
): Promise<number> {
  const { rows } = await db.query(
    `update sessions set ip_address = null, user_agent = null
      where project_id = $1
        and concord_id in (select value::uuid from jsonb_array_elements_text($2::text::jsonb))
        and (ip_address is not null or user_agent is not null)
      returning 1`,
    [projectId, JSON.stringify(concordIds)],
  );
  return rows.length;
}

/** Records the seal of a version-1 row whose identifiers erasure removes (migration 075). */
export async function insertSeal(
  db: Queryable,
  seal: { projectId: string; seq: string; seal: string; createdAt: Date },
): Promise<void> {
  await db.query(
    `insert into consent_event_seals (project_id, seq, seal, created_at) values ($1, $2, $3, $4)
     on conflict do nothing`,
    [seal.projectId, seal.seq, seal.seal, seal.createdAt.toISOString()],
  );
}
