import { randomUUID } from 'node:crypto';
import type { SiteSession } from '../src/core/types.ts';
import type { Queryable } from './db/database.ts';
import { insertSession } from './repository/sessions.ts';
import { createSecret, sha256 } from './secret.ts';
import { describeUserAgent } from './user-agent.ts';

const SESSION_LIFETIME_MS = 60 * 60 * 1000;

/** What the server knows about a visitor when it opens a session. */
export interface SessionRequest {
  projectId: string;
  /** The visitor's id when the widget has one, else a new one is made. */
  concordId?: string;
  /** The page's origin, already checked against the project. */
  origin: string;
  ipAddress?: string;
  userAgent?: string;
  geography: string;
  now: Date;
}

/** Opens a one-hour session; only the token's hash is stored. */
export async function openSession(db: Queryable, request: SessionRequest): Promise<SiteSession> {
  const token = createSecret();
  const session = {
    id: randomUUID(),
    concordId: request.concordId?.toLowerCase() ?? randomUUID(),
    geography: request.geography,
    expiresAt: new Date(request.now.getTime() + SESSION_LIFETIME_MS).toISOString(),
  };
  await insertSession(db, {
    ...session,
    projectId: request.projectId,
    tokenHash: sha256(token),
    ...(request.ipAddress !== undefined && { ipAddress: request.ipAddress }),
    domain: new URL(request.origin).hostname,
    ...(request.userAgent && {
      userAgent: request.userAgent,
      ...describeUserAgent(request.userAgent),
    }),
    createdAt: request.now.toISOString(),
  });
  return {
    id: session.id,
    token,
    concordId: session.concordId,
    geography: session.geography,
    expiresAt: session.expiresAt,
  };
}
