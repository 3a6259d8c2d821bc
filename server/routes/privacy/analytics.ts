import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { daysBetween, summarize } from '../../analytics/summary.ts';
import { readRollup, type RollupDimension } from '../../db/repositories/consent-rollups.ts';
import { httpError } from '../../http/http-error.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/analytics';
const DIMENSIONS: RollupDimension[] = ['day', 'geography', 'language', 'surface'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A longer range is refused rather than answered slowly. */
const MAX_DAYS = 3 * 366;

function dayParameter(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw httpError(400, `${name} must be a day, YYYY-MM-DD`);
  }
  return value;
}

/**
 * Consent analytics (issue 14) from the rollup: notices shown, what people did, the consent rate
 * and each type's opt-in rate, for days `from`–`to` (UTC, inclusive; the last 30 days by
 * default), split by `by` (`day`, `geography`, `language`, `surface`).
 */
export function privacyAnalyticsRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>().get(PATH, apiKeyAuth(db, 'read', now), async (c) => {
    const project = await requireOrganizationProject(projects, c.req.param());
    const today = now().toISOString().slice(0, 10);
    const to = dayParameter(c.req.query('to'), 'to', today);
    const from = dayParameter(
      c.req.query('from'),
      'from',
      new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 864e5).toISOString().slice(0, 10),
    );
    if (from > to) throw httpError(400, 'from must not be after to');
    const days = daysBetween(from, to);
    if (days.length > MAX_DAYS) throw httpError(400, `the range is longer than ${MAX_DAYS} days`);
    const by = (c.req.query('by') ?? 'day') as RollupDimension;
    if (!DIMENSIONS.includes(by)) {
      throw httpError(400, `by must be one of ${DIMENSIONS.join(', ')}`);
    }
    const rows = await readRollup(db, project.id, { from, to }, by, now());
    return c.json({ from, to, by, ...summarize(rows, by === 'day' ? days : []) });
  });
}
