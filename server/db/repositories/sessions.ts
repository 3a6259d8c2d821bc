import type { Queryable } from '../database.ts';

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
  /** The page origin the session was opened from (lowercase). */
  origin: string;
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
