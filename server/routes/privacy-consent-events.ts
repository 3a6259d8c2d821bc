import { Hono } from 'hono';
import type { AppEnv, RouteDeps } from '../app-env.ts';
import { apiKeyAuth } from '../api-key-auth.ts';
import { parseConsentEventQuery } from '../consent-event-query.ts';
import { encodeCursor } from '../cursor.ts';
import { httpError } from '../http-error.ts';
import { listConsentEvents } from '../repository/consent-events.ts';
import { findProject } from '../repository/projects.ts';
import { requireUuid } from '../uuid.ts';

/** The Privacy API's consent events, for the site owner's servers. */
export function privacyConsentEventRoutes({ db }: RouteDeps) {
  return new Hono<AppEnv>().get(
    '/privacy-v1/organizations/:organizationId/projects/:projectId/consent-events',
    apiKeyAuth(db),
    async (c) => {
      const organizationId = requireUuid(c.req.param('organizationId'), 'organizationId');
      const projectId = requireUuid(c.req.param('projectId'), 'projectId');
      const project = await findProject(db, projectId);
      if (!project || project.organizationId !== organizationId) {
        throw httpError(404, `project ${projectId} not found in organization ${organizationId}`);
      }
      const query = parseConsentEventQuery(c.req.queries());
      const page = await listConsentEvents(db, {
        projectId,
        limit: query.limit + 1,
        filter: query.filter,
        ...(query.afterSeq !== undefined && { afterSeq: query.afterSeq }),
      });
      const items = page.slice(0, query.limit);
      const last = items.at(-1);
      return c.json({
        items: items.map((stored) => stored.record),
        nextCursor: page.length > query.limit && last ? encodeCursor(last.seq) : null,
      });
    },
  );
}
