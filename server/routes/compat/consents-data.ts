import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { authenticateApiKey } from '../../middleware/api-key-auth.ts';
import { decisionItems, DecisionRefusal } from '../../compat/consent-decision.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { findOrganizationBySlug } from '../../db/repositories/organizations.ts';
import { findProjectIdBySlug } from '../../db/repositories/projects.ts';

export const CONSENTS_DATA_PATH = '/:orgSlug/projects/:projectSlug/consents/data';

/** Seed 002's answer to a bad request (a `statusCode` added, as the issue allows). */
function invalid(message: string) {
  return { statusCode: 400, error: 'Invalid request', message };
}

/**
 * Seed 002: `POST /{orgSlug}/projects/{projectSlug}/consents/data?apiKey=KEY` records a decision
 * and answers `200 {}`. The key may also come as `x-api-key` (preferred: a query string ends up
 * in logs; this server never logs URLs or keys). Any scope, but of the path's organization:
 * another organization's key gets the same 404 as a slug that does not exist.
 */
export function consentsDataRoutes({ db, projects, events, now }: RouteDeps) {
  return new Hono<AppEnv>().post(CONSENTS_DATA_PATH, async (c) => {
    const key = c.req.header('x-api-key')?.trim() || c.req.query('apiKey')?.trim();
    const organizationId = await authenticateApiKey(db, key, 'consent');
    const { orgSlug, projectSlug } = c.req.param();
    const organization = await findOrganizationBySlug(db, orgSlug);
    if (!organization || organization.id !== organizationId) {
      throw httpError(404, `organization ${orgSlug} not found`);
    }
    const projectId = await findProjectIdBySlug(db, organization.id, projectSlug);
    const config = projectId && (await projects.get(projectId));
    if (!config) throw httpError(404, `project ${projectSlug} not found in ${orgSlug}`);
    let body: unknown;
    try {
      body = await readJsonBody(c);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 400) {
        return c.json(invalid("Required field 'action' is missing or invalid"), 400);
      }
      throw error;
    }
    const at = now();
    try {
      let items;
      try {
        items = decisionItems(body, config.types, at);
      } catch {
        // A refusal is never made on a cached copy alone (as in the writer).
        const fresh = await projects.load(db, config.project.id);
        items = decisionItems(body, fresh?.types ?? [], at);
      }
      await events.record({ projectId: config.project.id, items, now: at, surface: 'api' });
    } catch (error) {
      if (error instanceof DecisionRefusal) return c.json(invalid(error.message), 400);
      // What the event rules refuse (a state the type does not take, …) is a bad request too.
      if (error instanceof HTTPException && error.status >= 400 && error.status < 500) {
        return c.json(invalid(error.message), 400);
      }
      throw error;
    }
    return c.json({}, 200);
  });
}
