import { Hono } from 'hono';
import { siteConsentEventsRequestSchema } from '../../../src/core/schemas.ts';
import type { ConsentEventInput } from '../../../src/core/types.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { findConsentEvent } from '../../db/repositories/consent-events.ts';
import { rateLimit } from '../../middleware/rate-limit.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { sessionAuth } from '../../middleware/session-auth.ts';
import { requireUuid } from '../../http/uuid.ts';

const checkBatch = compileSchema<{ items: ConsentEventInput[] }>(siteConsentEventsRequestSchema);

/** The Site API's consent events: a visitor records and reads back their own. */
export function consentEventRoutes({ db, events, now, secret, perSessionLimit }: RouteDeps) {
  const auth = sessionAuth(secret, now);
  const perSession = perSessionLimit
    ? rateLimit(perSessionLimit, (c) => c.get('session').id)
    : async (_c: unknown, next: () => Promise<void>) => next();
  return new Hono<AppEnv>()
    .post('/site-v1/:projectId/consent-events', auth, perSession, async (c) => {
      // Token, origin and body are all checked before the database is asked anything.
      const { items } = checkBatch(await readJsonBody(c));
      const session = c.get('session');
      const records = await events.record({
        projectId: session.projectId,
        session,
        items,
        now: now(),
      });
      return c.json({ count: records.length, items: records }, 201);
    })
    .get('/site-v1/:projectId/consent-events/:id', auth, async (c) => {
      const id = requireUuid(c.req.param('id'), 'id');
      const session = c.get('session');
      const stored = await findConsentEvent(db, session.projectId, id);
      // Another visitor's event is as absent as a missing one: its existence is not disclosed.
      if (!stored || stored.record.concordId !== session.concordId) {
        throw httpError(404, `consent event ${id} not found`);
      }
      return c.json(stored.record);
    });
}
