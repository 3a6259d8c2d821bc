import type { Queryable } from '../database.ts';
import { toIso } from './timestamp.ts';

/** A named set of a project's consent types collected together (issue 16). */
export interface CollectionPoint {
  id: string;
  organizationId: string;
  projectId: string;
  displayId: string;
  name: string;
  /** Consent type ids, in the order they are shown. */
  consentTypes: string[];
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  organization_id: string;
  project_id: string;
  display_id: string;
  name: string;
  consent_types: string[];
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  'id, organization_id, project_id, display_id, name, consent_types, created_at, updated_at';

const toCollectionPoint = (row: Row): CollectionPoint => ({
  id: row.id,
  organizationId: row.organization_id,
  projectId: row.project_id,
  displayId: row.display_id,
  name: row.name,
  consentTypes: row.consent_types,
  createdAt: toIso(row.created_at),
  updatedAt: toIso(row.updated_at),
});

/**
 * The next free `CP001`-style display id of an organization: one more than the highest taken
 * (owner-set ids like `CP010` count, so a generated one never collides with them).
 */
export async function nextDisplayId(db: Queryable, organizationId: string): Promise<string> {
  const { rows } = await db.query<{ n: number | null }>(
    `select max(substring(display_id from 3)::int) as n from collection_points
      where organization_id = $1 and display_id ~ '^CP[0-9]{1,9}$'`,
    [organizationId],
  );
  return `CP${String((rows[0]?.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Inserts a collection point; `undefined` when its display id is taken in the organization. */
export async function insertCollectionPoint(
  db: Queryable,
  point: Omit<CollectionPoint, 'createdAt' | 'updatedAt'>,
  at: Date,
): Promise<CollectionPoint | undefined> {
  const { rows } = await db.query<Row>(
    `insert into collection_points
       (id, organization_id, project_id, display_id, name, consent_types, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6::text::jsonb, $7, $7)
     on conflict (organization_id, display_id) do nothing returning ${COLUMNS}`,
    [
      point.id,
      point.organizationId,
      point.projectId,
      point.displayId,
      point.name,
      JSON.stringify(point.consentTypes),
      at.toISOString(),
    ],
  );
  return rows[0] && toCollectionPoint(rows[0]);
}

export async function listCollectionPoints(
  db: Queryable,
  projectId: string,
): Promise<CollectionPoint[]> {
  const { rows } = await db.query<Row>(
    `select ${COLUMNS} from collection_points where project_id = $1 order by created_at, display_id`,
    [projectId],
  );
  return rows.map(toCollectionPoint);
}

/** A collection point of the organization, by uuid or display id. */
export async function findCollectionPoint(
  db: Queryable,
  organizationId: string,
  idOrDisplayId: string,
  isId: boolean,
): Promise<CollectionPoint | undefined> {
  const { rows } = await db.query<Row>(
    `select ${COLUMNS} from collection_points
      where organization_id = $1 and ${isId ? 'id = $2::uuid' : 'display_id = $2'}`,
    [organizationId, isId ? idOrDisplayId.toLowerCase() : idOrDisplayId],
  );
  return rows[0] && toCollectionPoint(rows[0]);
}

export interface CollectionPointChange {
  name?: string;
  consentTypes?: string[];
  displayId?: string;
}

/** Changes a project's collection point; `'taken'` when the new display id is someone else's. */
export async function updateCollectionPoint(
  db: Queryable,
  projectId: string,
  id: string,
  change: CollectionPointChange,
  at: Date,
): Promise<CollectionPoint | 'taken' | undefined> {
  try {
    const { rows } = await db.query<Row>(
      `update collection_points set
         name = coalesce($3, name),
         consent_types = coalesce($4::text::jsonb, consent_types),
         display_id = coalesce($5, display_id),
         updated_at = $6
       where project_id = $1 and id = $2 returning ${COLUMNS}`,
      [
        projectId,
        id,
        change.name ?? null,
        change.consentTypes ? JSON.stringify(change.consentTypes) : null,
        change.displayId ?? null,
        at.toISOString(),
      ],
    );
    return rows[0] && toCollectionPoint(rows[0]);
  } catch (error) {
    // 23505: unique_violation (organization_id, display_id).
    if ((error as { code?: string }).code === '23505') return 'taken';
    throw error;
  }
}
