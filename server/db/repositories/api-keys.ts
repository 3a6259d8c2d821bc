import type { Queryable } from '../database.ts';

/** What a key may do (issue 14): `consent` writes and reads consent events, `admin` everything. */
export type ApiKeyScope = 'consent' | 'admin';

/** The organization an API key (by its sha-256) belongs to, and its scope. */
export async function findApiKey(
  db: Queryable,
  keyHash: string,
): Promise<{ organizationId: string; scope: ApiKeyScope } | undefined> {
  const { rows } = await db.query<{ organization_id: string; scope: ApiKeyScope }>(
    'select organization_id, scope from api_keys where key_hash = $1',
    [keyHash],
  );
  return rows[0] && { organizationId: rows[0].organization_id, scope: rows[0].scope };
}

/** Sets the hash of the organization's key called `name`, replacing the previous one. */
export async function putApiKey(
  db: Queryable,
  key: { id: string; organizationId: string; name: string; keyHash: string },
) {
  await db.query(
    `insert into api_keys (id, organization_id, name, key_hash) values ($1, $2, $3, $4)
     on conflict (organization_id, name) do update set key_hash = excluded.key_hash
       where api_keys.key_hash <> excluded.key_hash`,
    [key.id, key.organizationId, key.name, key.keyHash],
  );
}

/** Inserts a new key's hash; `false` when the organization already has a key of that name. */
export async function insertApiKey(
  db: Queryable,
  key: { id: string; organizationId: string; name: string; keyHash: string; scope?: ApiKeyScope },
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into api_keys (id, organization_id, name, key_hash, scope) values ($1, $2, $3, $4, $5)
     on conflict (organization_id, name) do nothing returning id`,
    [key.id, key.organizationId, key.name, key.keyHash, key.scope ?? 'admin'],
  );
  return rows.length === 1;
}

/** Keys by organization and name; their hashes stay in the database. */
export async function listApiKeys(
  db: Queryable,
): Promise<{ organizationId: string; name: string; scope: ApiKeyScope; createdAt: string }[]> {
  const { rows } = await db.query<{
    organization_id: string;
    name: string;
    scope: ApiKeyScope;
    created_at: Date;
  }>('select organization_id, name, scope, created_at from api_keys order by created_at, name');
  return rows.map((row) => ({
    organizationId: row.organization_id,
    name: row.name,
    scope: row.scope,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** One organization's keys, oldest first; their hashes stay in the database. */
export async function listOrganizationApiKeys(
  db: Queryable,
  organizationId: string,
): Promise<{ id: string; name: string; scope: ApiKeyScope; createdAt: string }[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    scope: ApiKeyScope;
    created_at: Date;
  }>(
    `select id, name, scope, created_at from api_keys where organization_id = $1
      order by created_at, name`,
    [organizationId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

/** Revokes (deletes) a key of the organization; `false` when it has none with that id. */
export async function deleteApiKey(db: Queryable, organizationId: string, id: string) {
  const { rows } = await db.query(
    'delete from api_keys where organization_id = $1 and id = $2 returning id',
    [organizationId, id],
  );
  return rows.length === 1;
}
