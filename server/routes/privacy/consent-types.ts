import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { changeConsentType, draftConsentType } from '../../consent-types/change.ts';
import {
  createConsentTypeSchema,
  updateConsentTypeSchema,
  type ConsentTypeFields,
} from '../../consent-types/schema.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import {
  findStoredConsentType,
  insertConsentType,
  listStoredConsentTypes,
  updateConsentType,
} from '../../db/repositories/consent-types.ts';
import { countDecisionsBelowVersion } from '../../db/repositories/consent-events.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/consent-types';
const checkCreate = compileSchema<ConsentTypeFields>(createConsentTypeSchema);
const checkUpdate = compileSchema<ConsentTypeFields>(updateConsentTypeSchema);

/** The Privacy API's consent types: list, create, update, and what asking again would undo. */
export function privacyConsentTypeRoutes({ db, projects, now }: RouteDeps) {
  return (
    new Hono<AppEnv>()
      // Issue 14: "ask everyone again" says how many stored decisions it invalidates, counted from
      // the events now (not the rollup, which counts events, not the visitors' latest decisions).
      .get(`${PATH}/:id/invalidated-decisions`, apiKeyAuth(db, 'read', now), async (c) => {
        const id = requireUuid(c.req.param('id'), 'id');
        const names = Object.keys(c.req.queries());
        const unknown = names.find((name) => name !== 'requireReacceptVersion');
        if (unknown) throw httpError(400, `unknown query parameter ${unknown}`);
        const project = await requireOrganizationProject(projects, c.req.param());
        const type = await findStoredConsentType(db, project.id, id);
        if (!type) throw httpError(404, `consent type ${id} not found`);
        const asked = c.req.query('requireReacceptVersion');
        if (asked !== undefined && !/^[1-9]\d{0,8}$/.test(asked)) {
          throw httpError(400, 'requireReacceptVersion must be a positive integer');
        }
        const version = asked === undefined ? type.version : Number(asked);
        if (version > type.version) {
          throw httpError(
            400,
            `requireReacceptVersion ${version} is above the current version ${type.version}`,
          );
        }
        const at = now();
        const count = await countDecisionsBelowVersion(
          db,
          {
            projectId: project.id,
            consentTypeId: id,
            version,
            currentMinimum: type.requireReacceptVersion ?? 0,
          },
          at,
        );
        return c.json({
          consentType: id,
          requireReacceptVersion: version,
          count,
          countedAt: at.toISOString(),
        });
      })
      .get(PATH, apiKeyAuth(db, 'consent', now), async (c) => {
        const project = await requireOrganizationProject(projects, c.req.param());
        const items = await listStoredConsentTypes(db, project.id);
        return c.json({ count: items.length, items });
      })
      .post(PATH, apiKeyAuth(db, 'admin', now), async (c) => {
        const project = await requireOrganizationProject(projects, c.req.param());
        const body = checkCreate(await readJsonBody(c));
        const draft = draftConsentType(randomUUID(), body);
        const at = now().toISOString();
        if (!(await insertConsentType(db, project.id, draft.type, draft.subcategory, at))) {
          throw httpError(409, `the project already has a consent type labelled "${body.label}"`);
        }
        return c.json(await findStoredConsentType(db, project.id, draft.type.id), 201);
      })
      .patch(`${PATH}/:id`, apiKeyAuth(db, 'admin', now), async (c) => {
        const id = requireUuid(c.req.param('id'), 'id');
        const project = await requireOrganizationProject(projects, c.req.param());
        const body = checkUpdate(await readJsonBody(c));
        const updated = await db.transaction(async (tx) => {
          const current = await findStoredConsentType(tx, project.id, id, { forUpdate: true });
          if (!current) throw httpError(404, `consent type ${id} not found`);
          const { subcategory, ...type } = current;
          const next = changeConsentType({ type, subcategory }, body);
          await updateConsentType(tx, project.id, next.type, now().toISOString());
          return findStoredConsentType(tx, project.id, id);
        });
        return c.json(updated);
      })
  );
}
