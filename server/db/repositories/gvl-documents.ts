import type { Queryable } from '../database.ts';

/** One stored Global Vendor List document (`vendor-list`, `purposes-fr`, …) at one GVL version. */
export interface GvlDocument {
  name: string;
  version: number;
  body: Record<string, unknown>;
  fetchedAt: Date;
  expiresAt: Date;
}

interface GvlDocumentRow {
  name: string;
  version: number;
  body: Record<string, unknown>;
  fetched_at: Date | string;
  expires_at: Date | string;
}

const toDocument = (row: GvlDocumentRow): GvlDocument => ({
  name: row.name,
  version: row.version,
  body: row.body,
  fetchedAt: new Date(row.fetched_at),
  expiresAt: new Date(row.expires_at),
});

/** The newest stored version of a document, or of a translation made for `version`. */
export async function findGvlDocument(
  db: Queryable,
  name: string,
  version?: number,
): Promise<GvlDocument | undefined> {
  const { rows } = await db.query<GvlDocumentRow>(
    `select name, version, body, fetched_at, expires_at from gvl_documents
      where name = $1 and ($2::int is null or version = $2::int)
      order by version desc limit 1`,
    [name, version ?? null],
  );
  return rows[0] && toDocument(rows[0]);
}

/** Stores a document; fetching one version again only moves its dates (the body is the same). */
export async function putGvlDocument(db: Queryable, document: GvlDocument) {
  await db.query(
    `insert into gvl_documents (name, version, body, fetched_at, expires_at)
     values ($1, $2, $3::text::jsonb, $4, $5)
     on conflict (name, version) do update
       set body = excluded.body, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`,
    [
      document.name,
      document.version,
      JSON.stringify(document.body),
      document.fetchedAt.toISOString(),
      document.expiresAt.toISOString(),
    ],
  );
}

/** The GVL versions stored, newest first. */
export async function listGvlVersions(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ version: number }>(
    `select version from gvl_documents where name = 'vendor-list' order by version desc`,
  );
  return rows.map((row) => row.version);
}
