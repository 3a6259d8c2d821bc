import type { PersonIdentifier } from '../../src/core/identifiers.ts';
import type { Queryable } from '../db/database.ts';

/** The identifiers `assent.identify` takes, as stored in `profile_links.kind`. */
export type IdentifierKind = PersonIdentifier;

export interface ProfileLink {
  kind: IdentifierKind;
  value: string;
}

/** Links a visitor to identifiers; a link that exists already is left as it is. */
export async function insertProfileLinks(
  db: Queryable,
  link: { projectId: string; concordId: string; identifiers: ProfileLink[]; now: Date },
): Promise<void> {
  for (const { kind, value } of link.identifiers) {
    await db.query(
      `insert into profile_links (project_id, concord_id, kind, value, created_at)
       values ($1, $2, $3, $4, $5)
       on conflict do nothing`,
      [link.projectId, link.concordId, kind, value, link.now.toISOString()],
    );
  }
}

/**
 * Ids of the latest deciding event (not `viewed`) per consent type label, across the visitor and
 * every visitor linked to one of its identifiers. Most recent `consentDate` wins; insertion order
 * breaks ties.
 */
export async function latestDecisionEventIds(
  db: Queryable,
  projectId: string,
  concordId: string,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `with mine as (
       select kind, value from profile_links where project_id = $1 and concord_id = $2
     ),
     people as (
       select l.concord_id from profile_links l
         join mine on mine.kind = l.kind and mine.value = l.value
        where l.project_id = $1
       union
       select $2::uuid
     )
     select distinct on (e.label) e.id
       from consent_events e
      where e.project_id = $1
        and e.consent_state <> 'viewed'
        and e.concord_id in (select concord_id from people)
      order by e.label, e.consent_date desc, e.seq desc`,
    [projectId, concordId],
  );
  return rows.map((row) => row.id);
}
