import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { Queryable } from './db/database.ts';
import { httpError } from './http-error.ts';
import { findSessionByTokenHash } from './repository/sessions.ts';
import { sha256 } from './secret.ts';
import { requireUuid } from './uuid.ts';

/** The session token of a request: `Authorization: Bearer <token>` or seed 001's `x-session`. */
function sessionToken(authorization: string | undefined, xSession: string | undefined) {
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  return bearer || xSession?.trim() || undefined;
}

/**
 * Lets a request through only with a live session of the path's project, and puts the session
 * on `c.var.session`. Missing, unknown, expired and other projects' tokens are all 401.
 */
export function sessionAuth(db: Queryable, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const projectId = requireUuid(c.req.param('projectId'), 'projectId');
    const token = sessionToken(c.req.header('authorization'), c.req.header('x-session'));
    if (!token) {
      throw httpError(401, 'a session token is required (Authorization: Bearer <token>)');
    }
    const session = await findSessionByTokenHash(db, sha256(token));
    if (!session || session.projectId !== projectId) {
      throw httpError(401, 'the session token is not valid for this project');
    }
    if (!(now().getTime() < Date.parse(session.expiresAt))) {
      throw httpError(401, 'the session has expired; open a new one');
    }
    c.set('session', session);
    await next();
  };
}
