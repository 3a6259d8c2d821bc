import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Queryable } from '../db/database.ts';
import { httpError } from '../http/http-error.ts';
import { findApiKey, type ApiKeyScope } from '../db/repositories/api-keys.ts';
import { sha256 } from '../crypto/sha256.ts';
import { requireUuid } from '../http/uuid.ts';

/**
 * Checks a key against an organization: unknown keys are 401, another organization's key is 403,
 * and so is a `consent` key where `admin` is needed. Shared by the Privacy API and the seeds'
 * paths, which find the key and the organization in other places.
 */
export async function checkApiKey(
  db: Queryable,
  key: string | undefined,
  organizationId: string,
  needs: ApiKeyScope,
): Promise<void> {
  if (!key) throw httpError(401, 'an API key is required (x-api-key header)');
  const found = await findApiKey(db, sha256(key));
  if (!found) throw httpError(401, 'the API key is not valid');
  if (found.organizationId !== organizationId) {
    throw httpError(403, 'the API key does not belong to this organization');
  }
  if (needs === 'admin' && found.scope !== 'admin') {
    throw httpError(403, 'this needs an API key with scope admin');
  }
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
 * Lets a Privacy API request through only with an `x-api-key` of the path's organization and a
 * scope that allows `needs` (issue 14: `consent` keys write and read consent events only).
 */
export function apiKeyAuth(db: Queryable, needs: ApiKeyScope = 'admin'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const organizationId = requireUuid(c.req.param('organizationId'), 'organizationId');
    await checkApiKey(db, c.req.header('x-api-key')?.trim(), organizationId, needs);
    await next();
  };
}
