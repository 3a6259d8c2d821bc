import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import {
  findDefaultCallingCode,
  setDefaultCallingCode,
} from '../../db/repositories/consent-links.ts';

const PATH = '/privacy-v1/organizations/:organizationId/consent-link-settings';

const checkChange = compileSchema<{ defaultCallingCode: string }>({
  type: 'object',
  properties: { defaultCallingCode: { type: 'string', pattern: '^\\+[1-9][0-9]{0,3}$' } },
  required: ['defaultCallingCode'],
  additionalProperties: false,
});

/**
 * An organization's consent-link settings (issue 16): the calling code a 10-digit phone number
 * gets (seed 004 says `+91`, the default; an organization elsewhere sets its own).
 */
export function privacyLinkSettingsRoutes({ db, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(PATH, apiKeyAuth(db, 'read', now), async (c) => {
      const code = await findDefaultCallingCode(db, c.req.param('organizationId'));
      return c.json({ defaultCallingCode: code ?? '+91' });
    })
    .patch(PATH, apiKeyAuth(db, 'admin', now), async (c) => {
      const { defaultCallingCode } = checkChange(await readJsonBody(c));
      await setDefaultCallingCode(db, c.req.param('organizationId'), defaultCallingCode);
      return c.json({ defaultCallingCode });
    });
}
