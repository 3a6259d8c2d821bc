import { Hono } from 'hono';
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

const checkSessionRequest = compileSchema<{ concordId?: string }>({
  type: 'object',
  properties: { concordId: { type: 'string', format: 'uuid' } },
  additionalProperties: false,
});

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
    const ipAddress = clientAddress(c);
    const userAgent = c.req.header('user-agent');
    const session = await openSession(db, {
      projectId,
      ...(body.concordId !== undefined && { concordId: body.concordId }),
      origin,
      ...(ipAddress !== undefined && { ipAddress }),
      ...(userAgent !== undefined && { userAgent }),
      storeRawUserAgent,
      geography: resolveGeography(geoHeader ? c.req.header(geoHeader) : undefined),
      now: now(),
      secret,
    });
    return c.json(session, 201);
  });
}
