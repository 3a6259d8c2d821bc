import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import type { ProjectCache } from '../../projects/cache.ts';
import {
  insertCollectionPoint,
  listCollectionPoints,
  nextDisplayId,
  updateCollectionPoint,
  type CollectionPointChange,
} from '../../db/repositories/collection-points.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/collection-points';

const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;
const TYPES = {
  type: 'array',
  minItems: 1,
  maxItems: 100,
  uniqueItems: true,
  items: { type: 'string', format: 'uuid' },
} as const;
const DISPLAY_ID = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,32}$' } as const;

const checkCreate = compileSchema<{ name: string; consentTypes: string[]; displayId?: string }>({
  type: 'object',
  properties: { name: NAME, consentTypes: TYPES, displayId: DISPLAY_ID },
  required: ['name', 'consentTypes'],
  additionalProperties: false,
});

const checkChange = compileSchema<CollectionPointChange>({
  type: 'object',
  properties: { name: NAME, consentTypes: TYPES, displayId: DISPLAY_ID },
  minProperties: 1,
  additionalProperties: false,
});

/** The ids lowercased, each a consent type of the project (else 422). */
async function projectTypeIds(projects: ProjectCache, projectId: string, ids: string[]) {
  const types = (await projects.get(projectId))?.types ?? [];
  return ids.map((raw) => {
    const id = raw.toLowerCase();
    if (!types.some((type) => type.id === id)) {
      throw httpError(422, `consentTypes: ${raw} is not a consent type of this project`);
    }
    return id;
  });
}

/**
 * A project's collection points (issue 16): the consent types a form, a counter or a call
 * script collects together, named in consent links by their display id (`CP001`, …).
 */
export function privacyCollectionPointRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(PATH, apiKeyAuth(db, 'read', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const items = await listCollectionPoints(db, project.id);
      return c.json({ count: items.length, items });
    })
    .post(PATH, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const body = checkCreate(await readJsonBody(c));
      const consentTypes = await projectTypeIds(projects, project.id, body.consentTypes);
      // A generated id can race another request's: try the next one a few times.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const displayId = body.displayId ?? (await nextDisplayId(db, project.organizationId));
        const point = await insertCollectionPoint(
          db,
          {
            id: randomUUID(),
            organizationId: project.organizationId,
            projectId: project.id,
            displayId,
            name: body.name,
            consentTypes,
          },
          now(),
        );
        if (point) return c.json(point, 201);
        if (body.displayId) break;
      }
      throw httpError(409, `the organization already has a collection point ${body.displayId}`);
    })
    .patch(`${PATH}/:id`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const change = checkChange(await readJsonBody(c));
      const id = requireUuid(c.req.param('id'), 'id');
      if (change.consentTypes) {
        change.consentTypes = await projectTypeIds(projects, project.id, change.consentTypes);
      }
      const point = await updateCollectionPoint(db, project.id, id, change, now());
      if (point === 'taken') {
        throw httpError(409, `the organization already has a collection point ${change.displayId}`);
      }
      if (!point) throw httpError(404, `collection point ${id} not found in project ${project.id}`);
      return c.json(point);
    });
}
