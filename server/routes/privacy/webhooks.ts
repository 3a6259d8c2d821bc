import { randomBytes, randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookDelivery,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '../../db/repositories/webhooks.ts';
import { checkWebhookUrl } from '../../webhooks/target.ts';
import { testEventPayload } from '../../webhooks/payload.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/webhooks';
/** An endpoint's deliveries listed at most, newest first. */
const DELIVERIES_SHOWN = 100;

const checkCreate = compileSchema<{ url: string; events?: WebhookEventType[] }>({
  type: 'object',
  properties: {
    url: { type: 'string', minLength: 1, maxLength: 2048 },
    events: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] },
    },
  },
  required: ['url'],
  additionalProperties: false,
});

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
function createWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The Privacy API's webhook endpoints of a project (admin keys only) and their deliveries. */
export function privacyWebhookRoutes({ db, projects, now, webhooks }: RouteDeps) {
  const endpointOf = async (projectId: string, id: string | undefined) => {
    const endpoint = await findWebhookEndpoint(db, projectId, requireUuid(id, 'id'));
    if (!endpoint) throw httpError(404, `webhook ${id} not found in project ${projectId}`);
    return endpoint;
  };
  return new Hono<AppEnv>()
    .post(PATH, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const body = checkCreate(await readJsonBody(c));
      const url = checkWebhookUrl(body.url, webhooks.allowPrivate);
      const secret = createWebhookSecret();
      const endpoint = await insertWebhookEndpoint(db, {
        id: randomUUID(),
        organizationId: project.organizationId,
        projectId: project.id,
        url,
        secret,
        events: body.events ?? [...WEBHOOK_EVENT_TYPES],
      });
      // The secret is shown here only; it signs every delivery (verify with `standardwebhooks`).
      return c.json({ ...endpoint, secret }, 201);
    })
    .get(PATH, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const items = await listWebhookEndpoints(db, project.id);
      return c.json({ count: items.length, items });
    })
    .delete(`${PATH}/:id`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const id = requireUuid(c.req.param('id'), 'id');
      if (!(await deleteWebhookEndpoint(db, project.id, id))) {
        throw httpError(404, `webhook ${id} not found in project ${project.id}`);
      }
      return c.body(null, 204);
    })
    .get(`${PATH}/:id/deliveries`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const endpoint = await endpointOf(project.id, c.req.param('id'));
      const items = await listWebhookDeliveries(db, project.id, endpoint.id, DELIVERIES_SHOWN);
      return c.json({ count: items.length, items });
    })
    .post(`${PATH}/:id/test`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const endpoint = await endpointOf(project.id, c.req.param('id'));
      const id = randomUUID();
      await insertWebhookDelivery(db, {
        id,
        endpointId: endpoint.id,
        projectId: project.id,
        type: 'webhook.test',
        payload: testEventPayload(endpoint.id, now()),
      });
      webhooks.wake();
      return c.json({ id }, 202);
    });
}
