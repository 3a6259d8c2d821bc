import { Hono } from 'hono';
import type { SiteConfig } from '../../../src/core/types.ts';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { DEFAULT_POLICIES, policyFor } from '../../../src/core/jurisdiction.ts';
import { gpcDeclinedLabels } from '../../../src/core/opt-out-category.ts';
import { usStateRuleFor } from '../../../src/core/us-states.ts';
import type { ProjectConfig } from '../../projects/cache.ts';
import { tcfSiteConfig } from '../../../src/core/tcf.ts';
import { resolveGeography } from '../../sessions/geography.ts';
import { httpError } from '../../http/http-error.ts';
import { clickableUrl } from '../../http/link-rule.ts';
import { requireUuid } from '../../http/uuid.ts';

/**
 * The config a visitor's widget runs under, for the geography given (`site-client`, and the
 * per-project loader that embeds it).
 */
export function siteConfigFor(
  { project, types }: ProjectConfig,
  geography: string,
  gpc: boolean,
  at: Date,
): SiteConfig {
  const usState = usStateRuleFor(geography, at);
  const tcf = tcfSiteConfig(project.tcf, geography);
  const privacyPolicyUrl = clickableUrl(project.privacyPolicyUrl);
  return {
    projectId: project.id,
    name: project.name,
    // Links stored before the server checked them (issue 22 §3) never reach the notice.
    consentTypes: types.map(({ url, ...type }) => {
      const link = clickableUrl(url);
      return link === undefined ? type : { ...type, url: link };
    }),
    defaultConsentDuration: project.defaultConsentDuration,
    ...(project.declineDuration && { declineDuration: project.declineDuration }),
    texts: project.texts,
    defaultLanguage: project.defaultLanguage,
    ...(privacyPolicyUrl !== undefined && { privacyPolicyUrl }),
    // The project's display settings (issue 14); a script tag's data-* attributes still win.
    theme: project.display?.theme
      ? { ...project.theme, mode: project.display.theme }
      : project.theme,
    ...(project.display?.layout && { layout: project.display.layout }),
    ...(project.display?.blocking !== undefined && { blocking: project.display.blocking }),
    ...(project.display?.floatingButton !== undefined && {
      floatingButton: project.display.floatingButton,
    }),
    geography,
    policy: policyFor(geography, project.policies ?? DEFAULT_POLICIES),
    gpc,
    ...(usState && { usState }),
    gpcDeclines: gpcDeclinedLabels(types, usState),
    // Only for projects that turn it on: the loader then installs `__gpp` (issue 21).
    ...(project.gpp?.enabled && { gpp: { sections: project.gpp.sections } }),
    ...(project.googleConsentMode && { googleConsentMode: project.googleConsentMode }),
    ...(project.reloadOnWithdrawal && { reloadOnWithdrawal: true }),
    // Only for projects that enable it: the loader then imports the TCF chunk (issue 20).
    ...(tcf && { tcf }),
  };
}

export function siteClientRoutes({ projects, geoHeader, now }: RouteDeps) {
  return new Hono<AppEnv>().get('/site-v1/:projectId/site-client', async (c) => {
    const projectId = requireUuid(c.req.param('projectId'), 'projectId');
    const cached = await projects.get(projectId);
    if (!cached) throw httpError(404, `project ${projectId} not found`);
    const geography = resolveGeography(
      geoHeader ? c.req.header(geoHeader) : undefined,
      c.req.query('region'),
    );
    // Browsers with Global Privacy Control send it on every request (Sec-GPC: 1).
    return c.json(siteConfigFor(cached, geography, c.req.header('sec-gpc') === '1', now()));
  });
}
