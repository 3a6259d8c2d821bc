import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { httpError } from '../http/http-error.ts';
import { readSessionToken } from '../sessions/token.ts';
import { requireUuid } from '../http/uuid.ts';

/** The session token of a request: `Authorization: Bearer <token>` or seed 001's `x-session`. */
function sessionToken(authorization: string | undefined, xSession: string | undefined) {
  const bearer = authorization && /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  return bearer || xSession?.trim() || undefined;
}

/**
 * Lets a request through only with a live session token of the path's project, used from the
 * origin it was opened on, and puts the session on `c.var.session`. Missing, forged, expired and
 * other projects' tokens are 401; a token used from another origin is 403. Needs no database.
 */
export function sessionAuth(secret: string, now: () => Date): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const projectId = requireUuid(c.req.param('projectId'), 'projectId');
    const token = sessionToken(c.req.header('authorization'), c.req.header('x-session'));
    if (!token) {
      throw httpError(401, 'a session token is required (Authorization: Bearer <token>)');
    }
    const claims = readSessionToken(token, secret);
    if (!claims || claims.projectId !== projectId) {
      throw httpError(401, 'the session token is not valid for this project');
    }
    if (!(now().getTime() < Date.parse(claims.expiresAt))) {
      throw httpError(401, 'the session has expired; open a new one');
    }
    // Browsers send Origin on every POST, same-origin too; a GET from the page's own origin may
    // come without one. A token lifted from one site is useless from another site's pages.
    const origin = c.req.header('origin');
    if (origin === undefined ? c.req.method !== 'GET' : origin.toLowerCase() !== claims.origin) {
      throw httpError(403, 'the session token belongs to another origin');
    }
    c.set('session', {
      id: claims.sessionId,
      projectId: claims.projectId,
      concordId: claims.concordId,
      origin: claims.origin,
      expiresAt: claims.expiresAt,
    });
    await next();
  };
}
