import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Queryable } from '../db/database.ts';
import { httpError } from '../http/http-error.ts';
import { findApiKey, type ApiKeyScope } from '../db/repositories/api-keys.ts';
import type { MemberRole } from '../db/repositories/members.ts';
import { findTokenMember, isSameOrigin, memberToken } from '../accounts/member-session.ts';
import { sha256 } from '../crypto/sha256.ts';
import { requireUuid } from '../http/uuid.ts';

/**
 * What a route needs (issue 14). `read`: any key or member. `consent`: writing consent events,
 * a key of either scope or an admin. `admin`: configuration, an `admin` key or an admin member.
 * `owner`: members and keys, an `admin` key or an owner (admins may read them). Viewers only
 * ever read: every write refuses them.
 */
export type Access = ApiKeyScope | 'read' | 'owner';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * Checks a key against an organization: unknown keys are 401, another organization's key is 403,
 * and so is a `consent` key where `admin` is needed. Shared by the Privacy API and the seeds'
 * paths, which find the key and the organization in other places.
 */
export async function checkApiKey(
  db: Queryable,
  key: string | undefined,
  organizationId: string,
  needs: Access,
): Promise<void> {
  if (!key) throw httpError(401, 'an API key is required (x-api-key header)');
  const found = await findApiKey(db, sha256(key));
  if (!found) throw httpError(401, 'the API key is not valid');
  if (found.organizationId !== organizationId) {
    throw httpError(403, 'the API key does not belong to this organization');
  }
  if ((needs === 'admin' || needs === 'owner') && found.scope !== 'admin') {
    throw httpError(403, 'this needs an API key with scope admin');
  }
}

/** Whether a member of `role` may do what `needs` names with `method`. */
export function roleAllows(role: MemberRole, needs: Access, method: string): boolean {
  if (SAFE_METHODS.has(method)) return needs !== 'owner' || role !== 'viewer';
  if (role === 'viewer') return false;
  return needs !== 'owner' || role === 'owner';
}

/**
 * The organization of a key that allows `needs`, for paths that name the organization by slug
 * (seeds 002 and 003): the caller then answers 404 for any other organization, so that a key
 * cannot tell which slugs exist.
 */
export async function authenticateApiKey(
  db: Queryable,
  key: string | undefined,
  needs: ApiKeyScope,
): Promise<string> {
  if (!key) throw httpError(401, 'an API key is required');
  const found = await findApiKey(db, sha256(key));
  if (!found) throw httpError(401, 'the API key is not valid');
  if (needs === 'admin' && found.scope !== 'admin') {
    throw httpError(403, 'this needs an API key with scope admin');
  }
  return found.organizationId;
}

/**
 * Lets a Privacy API request through with an `x-api-key` of the path's organization and a scope
 * that allows `needs`, or with a member's session token (`Authorization: Bearer` or the
 * console's cookie) whose role allows it. Sets `principal` for the route.
 */
export function apiKeyAuth(
  db: Queryable,
  needs: Access,
  // The app's clock, never a default: a member session's expiry is judged on it.
  now: () => Date,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const organizationId = requireUuid(c.req.param('organizationId'), 'organizationId');
    const key = c.req.header('x-api-key')?.trim();
    const session = key ? undefined : memberToken(c);
    if (!session) {
      await checkApiKey(db, key, organizationId, needs);
      c.set('principal', { kind: 'key', organizationId });
      await next();
      return;
    }
    const member = await findTokenMember(db, session.token, now());
    if (!member) throw httpError(401, 'the session is not valid or has expired');
    if (member.organizationId !== organizationId) {
      throw httpError(403, 'the member does not belong to this organization');
    }
    const method = c.req.method.toUpperCase();
    if (session.viaCookie && !SAFE_METHODS.has(method) && !isSameOrigin(c)) {
      throw httpError(403, 'a cookie-authenticated write must come from this origin');
    }
    if (!roleAllows(member.role, needs, method)) {
      throw httpError(403, `a member with role ${member.role} cannot do this`);
    }
    c.set('principal', { kind: 'member', organizationId, memberId: member.id, role: member.role });
    await next();
  };
}
