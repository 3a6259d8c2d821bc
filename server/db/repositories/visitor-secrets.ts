import type { Queryable } from '../database.ts';

/**
 * Binds a visitor id to a secret's hash unless it is bound already, and says whether the hash
 * is the one it is bound to. Two first sessions racing for an unbound id: the first insert
 * wins, the other is refused. A concordId with no row (used before migration 033) is bound by
 * the first session that presents a secret.
 */
export async function bindVisitorSecret(
  db: Queryable,
  visitor: { projectId: string; concordId: string; secretHash: string; now: Date },
): Promise<boolean> {
  await db.query(
    `insert into visitor_secrets (project_id, concord_id, secret_hash, created_at)
     values ($1, $2, $3, $4)
     on conflict do nothing`,
    [visitor.projectId, visitor.concordId, visitor.secretHash, visitor.now.toISOString()],
  );
  const { rows } = await db.query<{ secret_hash: string }>(
    'select secret_hash from visitor_secrets where project_id = $1 and concord_id = $2',
    [visitor.projectId, visitor.concordId],
  );
  return rows[0]?.secret_hash === visitor.secretHash;
}
