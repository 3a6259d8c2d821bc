import { randomBytes } from 'node:crypto';
import type { PersonIdentifier } from '../../../src/core/identifiers.ts';
import { identifierCommitment } from '../../consent-events/chain.ts';
import type { Queryable } from '../database.ts';

/** One identifier of a person, as a project holds it (migration 075). */
export interface PersonIdentifierRow {
  kind: PersonIdentifier;
  value: string;
  commitment: string;
}

/** The key under which a commitment is found in the map {@link ensurePersonIdentifiers} answers. */
export const identifierKey = (kind: PersonIdentifier, value: string) => `${kind}\n${value}`;

/**
 * The commitment of each identifier, made (with a fresh random key) for those the project does
 * not hold yet. Answers a map by {@link identifierKey}.
 */
export async function ensurePersonIdentifiers(
  db: Queryable,
  projectId: string,
  identifiers: { kind: PersonIdentifier; value: string }[],
): Promise<Map<string, string>> {
  const unique = new Map(identifiers.map((id) => [identifierKey(id.kind, id.value), id]));
  if (unique.size === 0) return new Map();
  const rows = [...unique.values()].map(({ kind, value }) => {
    const key = randomBytes(32).toString('hex');
    return { kind, value, key, commitment: identifierCommitment(key, kind, value) };
  });
  const { rows: found } = await db.query<{
    kind: PersonIdentifier;
    value: string;
    commitment: string;
  }>(
    `with wanted as (
       select * from jsonb_to_recordset($2::text::jsonb)
         as x(kind text, value text, key text, commitment text)
     ),
     made as (
       insert into person_identifiers (project_id, kind, value, key, commitment)
       select $1, kind, value, key, commitment from wanted
       on conflict (project_id, kind, value) do nothing
       returning kind, value, commitment
     )
     select kind, value, commitment from made
     union all
     select p.kind, p.value, p.commitment from person_identifiers p
       join wanted w on w.kind = p.kind and w.value = p.value
      where p.project_id = $1`,
    [projectId, JSON.stringify(rows)],
  );
  return new Map(found.map((row) => [identifierKey(row.kind, row.value), row.commitment]));
}

/**
 * The identifiers of a project that match one a person gave: an email in any letter case
 * (as the Privacy API's filters always matched it), any other kind exactly.
 */
export async function findPersonIdentifiers(
  db: Queryable,
  projectId: string,
  kind: PersonIdentifier,
  value: string,
): Promise<PersonIdentifierRow[]> {
  const { rows } = await db.query<PersonIdentifierRow>(
    `select kind, value, commitment from person_identifiers
      where project_id = $1 and kind = $2
        and (case when $2 = 'email' then lower(value) = lower($3) else value = $3 end)
      order by value`,
    [projectId, kind, value],
  );
  return rows;
}

/** The identifiers of a project with these commitments. */
export async function findPersonIdentifiersByCommitment(
  db: Queryable,
  projectId: string,
  commitments: string[],
): Promise<PersonIdentifierRow[]> {
  if (commitments.length === 0) return [];
  const { rows } = await db.query<PersonIdentifierRow>(
    `select kind, value, commitment from person_identifiers
      where project_id = $1
        and commitment in (select value from jsonb_array_elements_text($2::text::jsonb))
      order by kind, value`,
    [projectId, JSON.stringify(commitments)],
  );
  return rows;
}

/** Deletes identifiers (their values and keys) by commitment; answers how many went. */
export async function deletePersonIdentifiers(
  db: Queryable,
  projectId: string,
  commitments: string[],
): Promise<number> {
  if (commitments.length === 0) return 0;
  const { rows } = await db.query(
    `delete from person_identifiers
      where project_id = $1
        and commitment in (select value from jsonb_array_elements_text($2::text::jsonb))
      returning 1`,
    [projectId, JSON.stringify(commitments)],
  );
  return rows.length;
}

/** The next `limit` identifiers of a project after the commitment `after`, with their keys. */
export async function listPersonIdentifierKeys(
  db: Queryable,
  projectId: string,
  after: string,
  limit: number,
): Promise<(PersonIdentifierRow & { key: string })[]> {
  const { rows } = await db.query<PersonIdentifierRow & { key: string }>(
    `select kind, value, key, commitment from person_identifiers
      where project_id = $1 and commitment > $2 order by commitment limit $3`,
    [projectId, after, limit],
  );
  return rows;
}
