import { Hono } from 'hono';
import { privacyConsentEventsRequestSchema } from '../../../src/core/schemas.ts';
import type { ConsentEventInput } from '../../../src/core/types.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { EXPORT_TYPES, exportConsentEvents, exportFormat } from '../../consent-events/export.ts';
import { parseConsentEventQuery } from '../../consent-events/query.ts';
import { fullRecord } from '../../consent-events/full-record.ts';
import { encodeCursor } from '../../http/cursor.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import { listConsentEvents } from '../../db/repositories/consent-events.ts';
import { compileSchema } from '../../http/request-schema.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/consent-events';
/** Rows per query of an export: large enough to amortise a round trip, small in memory. */
const EXPORT_PAGE = 1000;

const checkBatch = compileSchema<{ items: ConsentEventInput[] }>(privacyConsentEventsRequestSchema);

/** The Privacy API's consent events, for the site owner's servers. */
export function privacyConsentEventRoutes({ db, projects, events, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .post(PATH, apiKeyAuth(db, 'consent', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const { items } = checkBatch(await readJsonBody(c));
      const records = await events.record({ projectId: project.id, items, now: now() });
      return c.json({ count: records.length, items: records }, 201);
    })
    .get(PATH, apiKeyAuth(db, 'consent', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const query = parseConsentEventQuery(c.req.queries());
      const format = exportFormat(c.req.header('accept'));
      if (format) {
        // An export is every matching event from the cursor on; `limit` sizes the JSON page only.
        const stream = exportConsentEvents(format, (afterSeq) =>
          listConsentEvents(db, {
            projectId: project.id,
            limit: EXPORT_PAGE,
            filter: query.filter,
            ...((afterSeq ?? query.afterSeq) !== undefined && {
              afterSeq: (afterSeq ?? query.afterSeq)!,
            }),
          }),
        );
        return c.body(stream, 200, {
          'content-type': EXPORT_TYPES[format],
          ...(format === 'csv' && {
            'content-disposition': `attachment; filename="consent-events-${project.id}.csv"`,
          }),
        });
      }
      const page = await listConsentEvents(db, {
        projectId: project.id,
        limit: query.limit + 1,
        filter: query.filter,
        ...(query.afterSeq !== undefined && { afterSeq: query.afterSeq }),
      });
      const items = page.slice(0, query.limit);
      const last = items.at(-1);
      return c.json({
        items: items.map((stored) => (query.full ? fullRecord(stored) : stored.record)),
        nextCursor: page.length > query.limit && last ? encodeCursor(last.seq) : null,
      });
    });
}
