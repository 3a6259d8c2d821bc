import type { PersonIdentifier } from '../../src/core/identifiers.ts';
import type { Queryable } from '../db/database.ts';
import {
  findEventPeople,
  findProfileLinks,
  type StoredProfileLink,
} from '../db/repositories/people.ts';
import {
  findPersonIdentifiers,
  findPersonIdentifiersByCommitment,
  type PersonIdentifierRow,
} from '../db/repositories/person-identifiers.ts';

/** How a person is named: one identifier, or a visitor id. */
export type PersonQuery = { kind: PersonIdentifier | 'concordId'; value: string };

/** Everything that names one person in a project. */
export interface PersonReach {
  identifiers: PersonIdentifierRow[];
  concordIds: string[];
  profileLinks: StoredProfileLink[];
}

/** Rounds of "what else names them" at most: a person's web of browsers and ids is shallow. */
const MAX_ROUNDS = 4;

/**
 * Who a person is in a project, starting from one identifier or visitor id: the identifiers the
 * project holds that match it (an email in any letter case), the visitor ids linked to any of
 * those (`profile_links`) or on the events that name them, and in turn the identifiers those
 * visitor ids are linked to or that the same events name. The export shows this reach and the
 * erasure removes it, so that both always agree.
 */
export async function findPersonReach(
  db: Queryable,
  projectId: string,
  query: PersonQuery,
): Promise<PersonReach> {
  const named: { kind: PersonIdentifier; value: string }[] =
    query.kind === 'concordId' ? [] : [{ kind: query.kind, value: query.value }];
  const identifiers = new Map<string, PersonIdentifierRow>();
  const concordIds = new Set<string>(query.kind === 'concordId' ? [query.value.toLowerCase()] : []);
  let links: StoredProfileLink[] = [];
  for (const { kind, value } of named) {
    for (const row of await findPersonIdentifiers(db, projectId, kind, value)) {
      identifiers.set(row.commitment, row);
    }
  }
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const size = identifiers.size + concordIds.size;
    const fromEvents = await findEventPeople(db, projectId, [...identifiers.keys()]);
    for (const id of fromEvents.concordIds) concordIds.add(id);
    for (const row of await findPersonIdentifiersByCommitment(
      db,
      projectId,
      fromEvents.commitments,
    )) {
      identifiers.set(row.commitment, row);
    }
    links = await findProfileLinks(db, projectId, {
      identifiers: [...named, ...identifiers.values()],
      concordIds: [...concordIds],
    });
    for (const link of links) {
      concordIds.add(link.concordId);
      for (const row of await findPersonIdentifiers(db, projectId, link.kind, link.value)) {
        identifiers.set(row.commitment, row);
      }
    }
    if (identifiers.size + concordIds.size === size) break;
  }
  return {
    identifiers: [...identifiers.values()].sort(
      (a, b) => a.kind.localeCompare(b.kind) || a.value.localeCompare(b.value),
    ),
    concordIds: [...concordIds].sort(),
    profileLinks: links,
  };
}
