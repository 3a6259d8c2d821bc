import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import { compressedBody } from '../../http/compressed-body.ts';
import { httpError } from '../../http/http-error.ts';
import { isUuid } from '../../http/uuid.ts';
import { resolveGeography } from '../../sessions/geography.ts';
import type { RouteDeps } from '../route-deps.ts';
import { siteConfigFor } from './site-client.ts';

/**
 * How long a browser (or CDN) uses its copy of a per-project loader without asking, and how much
 * longer it may use it while it asks in the background. Together they stay within the loader's
 * own freshness window for a config (CONFIG_FRESH_MS, 10 min, src/loader/index.ts): a raised
 * re-acceptance version or a new status reaches pages as fast as through `site-client`.
 */
export const LOADER_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=540';

/** The built loader a per-project loader serves: `assent.js` without the IAB stubs. */
export const PROJECT_LOADER_FILE = 'project-loader.js';
/** The IAB stubs alone, put in front of it for a project that uses the TCF or GPP. */
export const IAB_STUBS_FILE = 'iab-stubs.js';

/** The property of the loader's `<script>` element that carries what the server embedded. */
export const EMBED_PROPERTY = 'assentEmbed';

/**
 * `GET /assent/{projectId}/assent.js`: the classic loader with the project's config embedded, so
 * that the configuration arrives with the code (one request fewer, and none before the notice's
 * own). Cached with an `ETag` (`304` when unchanged) and `stale-while-revalidate`; varies by the
 * visitor's geography (`?region=`, the trusted geography header) and Global Privacy Control,
 * like `site-client`. `/assent/assent.js` (config fetched by the loader) keeps working.
 */
export function loaderScriptRoutes({ projects, geoHeader, now }: RouteDeps, assetsDir: string) {
  const files = new Map<string, { mtimeMs: number; text: Promise<string> }>();
  /** A built file's text, read again once the build replaced it. */
  const builtText = async (name: string) => {
    const file = join(assetsDir, name);
    const { mtimeMs } = await stat(file);
    let read = files.get(name);
    if (read?.mtimeMs !== mtimeMs)
      files.set(name, (read = { mtimeMs, text: readFile(file, 'utf8') }));
    return read.text;
  };
  return new Hono<AppEnv>().get('/assent/:projectId/assent.js', async (c, next) => {
    const projectId = c.req.param('projectId');
    // Not a project's path: a file of the widget's own (answered by the static files, or 404).
    if (!isUuid(projectId)) return next();
    const cached = await projects.get(projectId.toLowerCase());
    if (!cached) throw httpError(404, `project ${projectId} not found`);
    const geography = resolveGeography(
      geoHeader ? c.req.header(geoHeader) : undefined,
      c.req.query('region'),
    );
    const config = siteConfigFor(cached, geography, c.req.header('sec-gpc') === '1', now());
    // The loader without the IAB stubs (issue 18), and the stubs in front of it only for a
    // project that enables the TCF or GPP: wherever it may apply to a visitor, even one whose
    // page asks for another geography (`data-region`, config fetched), so that `__tcfapi` and
    // `__gpp` exist before any ad tag (src/loader/iab-stubs.ts).
    let stubs = '';
    let text: string;
    try {
      if (config.tcf || config.gpp) stubs = `${await builtText(IAB_STUBS_FILE)}\n`;
      text = await builtText(PROJECT_LOADER_FILE);
    } catch {
      throw httpError(404, 'the widget is not built (npm run build)');
    }
    // A statement before the loader's own: it runs first, in the same script, so that the
    // loader finds the config on its `document.currentScript`. `../`: the widget's other files
    // are at `/assent/`, not under the project's path.
    const embed = { projectId: config.projectId, assets: '../', config };
    const preamble = `document.currentScript&&(document.currentScript.${EMBED_PROPERTY}=${JSON.stringify(embed)});\n`;
    return compressedBody(c, new TextEncoder().encode(stubs + preamble + text), {
      'Content-Type': 'text/javascript; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': LOADER_CACHE_CONTROL,
      Vary: ['Sec-GPC', ...(geoHeader ? [geoHeader] : [])].join(', '),
    });
  });
}
