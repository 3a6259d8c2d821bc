import type { Queryable } from '../database.ts';

export interface NewOrganization {
  id: string;
  name: string;
}

/** Inserts the organization unless one with its id exists. */
export async function ensureOrganization(db: Queryable, organization: NewOrganization) {
  await db.query(
    'insert into organizations (id, name) values ($1, $2) on conflict (id) do nothing',
    [organization.id, organization.name],
  );
}

export async function listOrganizations(db: Queryable): Promise<NewOrganization[]> {
  const { rows } = await db.query<NewOrganization>(
    'select id, name from organizations order by created_at, id',
  );
  return rows;
}
