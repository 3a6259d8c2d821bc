import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { httpError } from '../http/http-error.ts';
import { isAllowedOrigin } from '../http/origin-rule.ts';
import type { ProjectCache } from '../projects/cache.ts';
import { isUuid } from '../http/uuid.ts';

const ALLOW_HEADERS = 'content-type, authorization, x-session';
const ALLOW_METHODS = 'GET, POST, PUT, OPTIONS';
// The widget backs off by `Retry-After` (429, 503); across origins a page reads only the
// headers CORS exposes (issue 22 §5).
const EXPOSE_HEADERS = 'Retry-After';

function allowOrigin(headers: Headers, origin: string) {
  headers.set('Access-Control-Allow-Origin', origin);
  headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
}

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
    if (allowed) allowOrigin(c.res.headers, origin);
  };
}

const SITE_PROJECT_PATH = /^\/site-v1\/([^/]+)\//;

/**
 * The CORS headers of {@link siteCors} for an answer made before it runs: the per-address 429,
 * answered first so that a flood costs nothing (issue 22 §5: without them the browser saw a
 * network error, not the 429 and its `Retry-After`). Only the project copy this instance already
 * has decides, never a database read; without one the 429 goes without CORS headers.
 */
export function siteCorsBeforeRouting(projects: ProjectCache) {
  return async (c: Context<AppEnv>): Promise<void> => {
    const origin = c.req.header('origin');
    const projectId = SITE_PROJECT_PATH.exec(c.req.path)?.[1];
    c.header('Vary', 'Origin');
    if (!origin || !projectId || !isUuid(projectId)) return;
    const project = (await projects.peek(projectId.toLowerCase()))?.project;
    if (project && isAllowedOrigin(origin, project.allowedOrigins)) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
