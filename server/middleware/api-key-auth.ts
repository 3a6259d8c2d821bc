import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Queryable } from '../db/database.ts';
import { httpError } from '../http/http-error.ts';
import { findApiKeyOrganization } from '../db/repositories/api-keys.ts';
import { sha256 } from '../crypto/sha256.ts';
import { requireUuid } from '../http/uuid.ts';

/**
 * Lets a Privacy API request through only with an `x-api-key` of the path's organization:
 * missing or unknown keys are 401, another organization's key is 403.
 */
export function apiKeyAuth(db: Queryable): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const organizationId = requireUuid(c.req.param('organizationId'), 'organizationId');
    const key = c.req.header('x-api-key')?.trim();
    if (!key) throw httpError(401, 'an API key is required (x-api-key header)');
    const owner = await findApiKeyOrganization(db, sha256(key));
    if (!owner) throw httpError(401, 'the API key is not valid');
    if (owner !== organizationId) {
      throw httpError(403, 'the API key does not belong to this organization');
    }
    await next();
  };
}
