import { Hono } from 'hono';
import { siteSessionRequestSchema } from '../../../src/core/schemas.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { clientAddress } from '../../http/client-address.ts';
import { resolveGeography } from '../../sessions/geography.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { isAllowedOrigin } from '../../http/origin-rule.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';
import { openSession } from '../../sessions/visitor-session.ts';

/**
 * `{}` for a new visitor, or `{concordId, visitorSecret}` for a known one: the secret its first
 * session was answered (or, for an id the widget made offline, the one it made beside it).
 */
const checkSessionRequest = compileSchema<{ concordId?: string; visitorSecret?: string }>(
  siteSessionRequestSchema,
);

export function sessionRoutes({
  db,
  projects,
  now,
  geoHeader,
  secret,
  storeRawUserAgent,
}: RouteDeps) {
  return new Hono<AppEnv>().post('/site-v1/:projectId/sessions', async (c) => {
    const projectId = requireUuid(c.req.param('projectId'), 'projectId');
    const origin = c.req.header('origin');
    if (!origin) throw httpError(403, 'an Origin header is required to open a session');
    // The request is checked in full before the database is asked anything.
    const body = checkSessionRequest((await readJsonBody(c)) ?? {});
    const project = (await projects.get(projectId))?.project;
    if (!project) throw httpError(404, `project ${projectId} not found`);
    if (!isAllowedOrigin(origin, project.allowedOrigins)) {
      throw httpError(403, `origin ${origin} is not allowed for this project`);
    }
    if (body.concordId !== undefined && body.visitorSecret === undefined) {
      throw httpError(403, 'a session for an existing visitor needs its visitorSecret');
    }
    const ipAddress = clientAddress(c);
    const userAgent = c.req.header('user-agent');
    const session = await openSession(db, {
      projectId,
      ...(body.concordId !== undefined && {
        visitor: { concordId: body.concordId, visitorSecret: body.visitorSecret! },
      }),
      origin,
      ...(ipAddress !== undefined && { ipAddress }),
      ...(userAgent !== undefined && { userAgent }),
      storeRawUserAgent,
      geography: resolveGeography(geoHeader ? c.req.header(geoHeader) : undefined),
      now: now(),
      secret,
    });
    if (!session) throw httpError(403, "the visitorSecret is not this visitor's");
    return c.json(session, 201);
  });
}
