import { Hono } from 'hono';
import { IDENTIFIER_MAX_LENGTH } from '../../../src/core/identifiers.ts';
import { readConsentState } from '../../consent-events/state.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { readJsonBody } from '../../http/json-body.ts';
import {
  insertProfileLinks,
  type IdentifierKind,
  type ProfileLink,
} from '../../db/repositories/profiles.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { sessionAuth } from '../../middleware/session-auth.ts';

const text = { type: 'string', minLength: 1, maxLength: IDENTIFIER_MAX_LENGTH, pattern: '\\S' };

/** seed 000's person identifiers, without `concordId` (the session names the visitor). */
const checkProfile = compileSchema<Partial<Record<IdentifierKind, string>>>({
  type: 'object',
  properties: {
    userId: text,
    email: { type: 'string', format: 'email', maxLength: IDENTIFIER_MAX_LENGTH },
    phoneNumber: text,
    projectUserId: text,
  },
  additionalProperties: false,
  minProperties: 1,
});

/** Emails compare without case; every identifier without surrounding blanks. */
function normalise(kind: IdentifierKind, value: string): string {
  const trimmed = value.trim();
  return kind === 'email' ? trimmed.toLowerCase() : trimmed;
}

/**
 * `PUT /site-v1/{projectId}/profile`: links the session's visitor to the identifiers the site
 * knows the person by, and answers the merged state (as `GET …/consent-state`).
 */
export function profileRoutes({ db, projects, now, secret }: RouteDeps) {
  return new Hono<AppEnv>().put(
    '/site-v1/:projectId/profile',
    sessionAuth(secret, now),
    async (c) => {
      const body = checkProfile(await readJsonBody(c));
      const session = c.get('session');
      const identifiers: ProfileLink[] = (Object.entries(body) as [IdentifierKind, string][]).map(
        ([kind, value]) => ({ kind, value: normalise(kind, value) }),
      );
      await db.transaction((tx) =>
        insertProfileLinks(tx, {
          projectId: session.projectId,
          concordId: session.concordId,
          identifiers,
          now: now(),
        }),
      );
      return c.json(
        await readConsentState(session.projectId, session.concordId, now(), { db, projects }),
      );
    },
  );
}
