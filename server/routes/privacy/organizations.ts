import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { SLUG_PATTERN } from '../../accounts/slug.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import {
  findOrganization,
  isOrganizationSlugTaken,
  setOrganizationSlug,
} from '../../db/repositories/organizations.ts';

const PATH = '/privacy-v1/organizations/:organizationId';
const checkChange = compileSchema<{ slug: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['slug'],
  properties: { slug: { type: 'string', pattern: SLUG_PATTERN.source } },
});

/**
 * The organization itself (issue 14): read it, change its slug (what seed 002's and the consent
 * links' paths route by, so an owner's change: an `admin` key or an owner). Slugs are unique
 * among organizations: a taken one is a 409.
 */
export function privacyOrganizationRoutes({ db, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(PATH, apiKeyAuth(db, 'read', now), async (c) => {
      const organization = await findOrganization(db, c.req.param('organizationId'));
      if (!organization) throw httpError(404, 'organization not found');
      return c.json(organization);
    })
    .patch(PATH, apiKeyAuth(db, 'owner', now), async (c) => {
      const { slug } = checkChange(await readJsonBody(c));
      const id = c.req.param('organizationId');
      if (await isOrganizationSlugTaken(db, slug, id)) {
        throw httpError(409, `another organization already has the slug "${slug}"`);
      }
      if (!(await setOrganizationSlug(db, id, slug))) {
        throw httpError(404, 'organization not found');
      }
      return c.json((await findOrganization(db, id))!);
    });
}
