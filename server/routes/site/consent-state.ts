import { Hono } from 'hono';
import { readConsentState } from '../../consent-events/state.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { sessionAuth } from '../../middleware/session-auth.ts';
import type { RouteDeps } from '../route-deps.ts';

/** `GET /site-v1/{projectId}/consent-state`: the session's visitor's merged current decisions. */
export function consentStateRoutes({ db, projects, now, secret }: RouteDeps) {
  return new Hono<AppEnv>().get(
    '/site-v1/:projectId/consent-state',
    sessionAuth(secret, now),
    async (c) => {
      const session = c.get('session');
      return c.json(
        await readConsentState(session.projectId, session.concordId, now(), { db, projects }),
      );
    },
  );
}
