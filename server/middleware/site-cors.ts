import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { httpError } from '../http/http-error.ts';
import { isAllowedOrigin } from '../http/origin-rule.ts';
import type { ProjectCache } from '../projects/cache.ts';
import { isUuid } from '../http/uuid.ts';

const ALLOW_HEADERS = 'content-type, authorization, x-session';
const ALLOW_METHODS = 'GET, POST, PUT, OPTIONS';

/**
 * CORS for `/site-v1/{projectId}/…`: an origin the project allows gets itself back in
 * `Access-Control-Allow-Origin` (never `*`: the allowed set differs per project), any other gets
 * no CORS headers, so the browser keeps the answer from the page.
 */
export function siteCors(projects: ProjectCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const projectId = c.req.param('projectId');
    if (!origin || !isUuid(projectId)) return next();
    // The route reads the same cached copy: one read of the project per request at most.
    const project = (await projects.get(projectId.toLowerCase()))?.project;
    const allowed = project !== undefined && isAllowedOrigin(origin, project.allowedOrigins);
    if (c.req.method === 'OPTIONS') {
      if (!project) throw httpError(404, `project ${projectId} not found`);
      if (!allowed) throw httpError(403, `origin ${origin} is not allowed for this project`);
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
      c.header('Access-Control-Allow-Methods', ALLOW_METHODS);
      c.header('Access-Control-Max-Age', '600');
      c.header('Vary', 'Origin');
      return c.body(null, 204);
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (allowed) c.res.headers.set('Access-Control-Allow-Origin', origin);
  };
}
