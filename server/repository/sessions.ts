import type { Queryable } from '../db/database.ts';
import { toIso } from './timestamp.ts';

export interface NewSession {
  id: string;
  projectId: string;
  concordId: string;
  tokenHash: string;
  ipAddress?: string;
  domain: string;
  geography: string;
  userAgent?: string;
  browser?: string;
  os?: string;
  device?: string;
  createdAt: string;
  expiresAt: string;
}

/** A session as the routes need it once its token checked out. */
export interface Session {
  id: string;
  projectId: string;
  concordId: string;
  expiresAt: string;
}

export async function insertSession(db: Queryable, session: NewSession) {
  await db.query(
    `insert into sessions (id, project_id, concord_id, token_hash, ip_address, domain, geography,
                           user_agent, browser, os, device, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      session.id,
      session.projectId,
      session.concordId,
      session.tokenHash,
      session.ipAddress ?? null,
      session.domain,
      session.geography,
      session.userAgent ?? null,
      session.browser ?? null,
      session.os ?? null,
      session.device ?? null,
      session.createdAt,
      session.expiresAt,
    ],
  );
}

export async function findSessionByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<Session | undefined> {
  const { rows } = await db.query<{
    id: string;
    project_id: string;
    concord_id: string;
    expires_at: Date;
  }>('select id, project_id, concord_id, expires_at from sessions where token_hash = $1', [
    tokenHash,
  ]);
  const row = rows[0];
  return (
    row && {
      id: row.id,
      projectId: row.project_id,
      concordId: row.concord_id,
      expiresAt: toIso(row.expires_at),
    }
  );
}
