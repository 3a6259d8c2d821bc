import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { httpError } from '../../http/http-error.ts';
import { requireUuid } from '../../http/uuid.ts';
import { projectVendorList } from '../../tcf/vendor-list.ts';

/**
 * `GET /site-v1/{projectId}/vendor-list?language=fr` (issue 20): the Global Vendor List filtered
 * to the project's vendors, for the TCF chunk; the browser never asks the IAB's domain.
 */
export function vendorListRoutes({ projects, gvl, now }: RouteDeps) {
  return new Hono<AppEnv>().get('/site-v1/:projectId/vendor-list', async (c) => {
    const projectId = requireUuid(c.req.param('projectId'), 'projectId');
    const cached = await projects.get(projectId);
    if (!cached) throw httpError(404, `project ${projectId} not found`);
    const settings = cached.project.tcf;
    if (!settings?.enabled) throw httpError(404, `project ${projectId} does not use the TCF`);
    const list = await gvl.vendorList();
    if (!list) throw httpError(503, 'the Global Vendor List is not available yet');
    const language = (c.req.query('language') ?? 'en').toLowerCase();
    const translated = language === 'en' ? undefined : await gvl.declarations(language);
    c.header('cache-control', 'public, max-age=300');
    return c.json(projectVendorList(list, settings, translated, language, now()));
  });
}
