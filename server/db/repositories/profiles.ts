import type { PersonIdentifier } from '../../../src/core/identifiers.ts';
import type { Queryable } from '../database.ts';

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
