import type { Queryable } from '../database.ts';

export interface NewOrganization {
  id: string;
  name: string;
  /** Unique among organizations (`accounts/slug.ts`); its id when not given. */
  slug?: string;
}

export interface Organization {
  id: string;
  name: string;
  slug: string;
}

/** Inserts the organization unless one with its id exists. */
export async function ensureOrganization(db: Queryable, organization: NewOrganization) {
  await db.query(
    `insert into organizations (id, name, slug) values ($1, $2, $3) on conflict (id) do nothing`,
    [organization.id, organization.name, organization.slug ?? organization.id],
  );
}

export async function listOrganizations(db: Queryable): Promise<Organization[]> {
  const { rows } = await db.query<Organization>(
    'select id, name, slug from organizations order by created_at, id',
  );
  return rows;
}

export async function findOrganizationBySlug(
  db: Queryable,
  slug: string,
): Promise<Organization | undefined> {
  const { rows } = await db.query<Organization>(
    'select id, name, slug from organizations where slug = $1',
    [slug],
  );
  return rows[0];
}

/** Whether `slug` is taken by an organization other than `exceptId`. */
export async function isOrganizationSlugTaken(db: Queryable, slug: string, exceptId?: string) {
  const { rows } = await db.query(
    'select 1 from organizations where slug = $1 and id is distinct from $2::uuid',
    [slug, exceptId ?? null],
  );
  return rows.length > 0;
}

/** Sets an organization's slug; `false` when there is no such organization. */
export async function setOrganizationSlug(db: Queryable, id: string, slug: string) {
  const { rows } = await db.query('update organizations set slug = $2 where id = $1 returning id', [
    id,
    slug,
  ]);
  return rows.length === 1;
}

export async function findOrganization(
  db: Queryable,
  id: string,
): Promise<Organization | undefined> {
  const { rows } = await db.query<Organization>(
    'select id, name, slug from organizations where id = $1',
    [id],
  );
  return rows[0];
}
