import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import {
  deleteApiKey,
  insertApiKey,
  listOrganizationApiKeys,
  type ApiKeyScope,
} from '../../db/repositories/api-keys.ts';
import { createSecret } from '../../crypto/random-secret.ts';
import { sha256 } from '../../crypto/sha256.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';

const PATH = '/privacy-v1/organizations/:organizationId/api-keys';

const checkCreate = compileSchema<{ name: string; scope?: ApiKeyScope }>({
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    scope: { enum: ['consent', 'admin'] },
  },
});

/** The organization's API keys (issue 14): list, create (the key is shown once), revoke. */
export function privacyApiKeyRoutes({ db, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(PATH, apiKeyAuth(db, 'owner', now), async (c) => {
      const items = await listOrganizationApiKeys(db, c.req.param('organizationId'));
      return c.json({ count: items.length, items });
    })
    .post(PATH, apiKeyAuth(db, 'owner', now), async (c) => {
      const body = checkCreate(await readJsonBody(c));
      const organizationId = c.req.param('organizationId');
      const key = createSecret();
      const id = randomUUID();
      const scope = body.scope ?? 'admin';
      const inserted = await insertApiKey(db, {
        id,
        organizationId,
        name: body.name,
        keyHash: sha256(key),
        scope,
      });
      if (!inserted)
        throw httpError(409, `the organization already has a key named "${body.name}"`);
      const created = (await listOrganizationApiKeys(db, organizationId)).find((k) => k.id === id)!;
      return c.json({ ...created, key }, 201);
    })
    .delete(`${PATH}/:id`, apiKeyAuth(db, 'owner', now), async (c) => {
      const id = requireUuid(c.req.param('id'), 'id');
      if (!(await deleteApiKey(db, c.req.param('organizationId'), id))) {
        throw httpError(404, `API key ${id} not found`);
      }
      return c.body(null, 204);
    });
}
