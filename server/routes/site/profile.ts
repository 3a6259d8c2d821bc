import { Hono } from 'hono';
import { siteProfileRequestSchema } from '../../../src/core/schemas.ts';
import { readConsentState } from '../../consent-events/state.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { httpError } from '../../http/http-error.ts';
import { insertProfileLinks } from '../../db/repositories/profiles.ts';
import { findIdentitySecret } from '../../db/repositories/projects.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { sessionAuth } from '../../middleware/session-auth.ts';
import { verifyIdentityToken } from '../../people/identity-token.ts';

/** Only an identity the site's backend signed (issue 22 §1): never identifiers as such. */
const checkProfile = compileSchema<{ token: string }>(siteProfileRequestSchema);

/**
 * `PUT /site-v1/{projectId}/profile` `{token}`: links the session's visitor to the identifier an
 * identity token vouches for (a JWT, HS256, signed with the project's identity secret by the
 * site's backend) and answers the merged state (as `GET …/consent-state`). Anyone can claim an
 * email; only the site's backend can sign one, so a token that does not verify links nothing.
 */
export function profileRoutes({ db, projects, now, secret }: RouteDeps) {
  return new Hono<AppEnv>().put(
    '/site-v1/:projectId/profile',
    sessionAuth(secret, now),
    async (c) => {
      const body = checkProfile(await readJsonBody(c));
      const session = c.get('session');
      const identitySecret = await findIdentitySecret(db, session.projectId);
      if (!identitySecret) {
        throw httpError(403, 'the project has no identity secret: set one with npm run admin');
      }
      const claims = verifyIdentityToken(body.token, identitySecret, now());
      if (typeof claims === 'string') throw httpError(403, claims);
      // Emails compare without case.
      const value = claims.kind === 'email' ? claims.value.toLowerCase() : claims.value;
      await db.transaction((tx) =>
        insertProfileLinks(tx, {
          projectId: session.projectId,
          concordId: session.concordId,
          identifiers: [{ kind: claims.kind, value }],
          now: now(),
        }),
      );
      return c.json(
        await readConsentState(session.projectId, session.concordId, now(), { db, projects }),
      );
    },
  );
}
