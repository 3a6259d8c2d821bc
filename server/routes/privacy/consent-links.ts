import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { listConsentLinks } from '../../db/repositories/consent-links.ts';

/** Links listed at most, newest first. */
const LINKS_SHOWN = 200;

/**
 * An organization's consent links with their status (issue 16; the console's Links page): `expired`
 * past `expiresAt`, else the last step of the trail (`created`, `email_sent`, `email_failed`,
 * `opened`, `decision`). The phone is shown masked but for its last three digits.
 */
export function privacyConsentLinkRoutes({ db, now }: RouteDeps) {
  return new Hono<AppEnv>().get(
    '/privacy-v1/organizations/:organizationId/consent-links',
    apiKeyAuth(db, 'read', now),
    async (c) => {
      const at = now().getTime();
      const links = await listConsentLinks(db, c.req.param('organizationId'), LINKS_SHOWN);
      const items = links.map((link) => ({
        eventId: link.id,
        requestId: link.requestId,
        projectId: link.projectId,
        collectionPointId: link.collectionPointId,
        collectionPointDisplayId: link.collectionPointDisplayId,
        phone: `${link.phone.slice(0, 3)}${'•'.repeat(Math.max(0, link.phone.length - 6))}${link.phone.slice(-3)}`,
        email: link.email !== null,
        createdAt: link.createdAt,
        expiresAt: link.expiresAt,
        status: at >= Date.parse(link.expiresAt) ? 'expired' : link.lastStep,
      }));
      return c.json({ count: items.length, items });
    },
  );
}
