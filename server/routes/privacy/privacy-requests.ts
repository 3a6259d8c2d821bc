import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import { insertAuditEntry, listAuditEntries } from '../../db/repositories/audit-entries.ts';
import {
  findPrivacyRequest,
  listPrivacyRequests,
  PRIVACY_REQUEST_STATUSES,
  updatePrivacyRequest,
  type PrivacyRequestStatus,
} from '../../db/repositories/privacy-requests.ts';
import { refuseStep, requestView } from '../../requests/privacy-request.ts';
import { erasePerson, type ErasureReport } from '../../people/erasure.ts';
import { auditActor } from './people.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/privacy-requests';

const checkStep = compileSchema<{ status: PrivacyRequestStatus; note?: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['status'],
  properties: {
    status: { enum: [...PRIVACY_REQUEST_STATUSES] },
    note: { type: 'string', maxLength: 2000 },
  },
});

/**
 * The Privacy API's privacy requests (issue 17): list (`?status=`), read with its history, and
 * move one step with a note (`PATCH {status, note}`). Completing a delete request erases the
 * person its email names (`people/erasure.ts`) and the request's own copy of the email; every
 * step is an audit entry.
 */
export function privacyRequestRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(PATH, apiKeyAuth(db, 'admin', now), async (c) => {
      const status = c.req.query('status');
      if (
        status !== undefined &&
        !(PRIVACY_REQUEST_STATUSES as readonly string[]).includes(status)
      ) {
        throw httpError(400, `status must be one of ${PRIVACY_REQUEST_STATUSES.join(', ')}`);
      }
      const project = await requireOrganizationProject(projects, c.req.param());
      const at = now();
      const items = (
        await listPrivacyRequests(db, project.id, {
          ...(status !== undefined && { status: status as PrivacyRequestStatus }),
        })
      ).map((request) => requestView(request, at));
      return c.json({ count: items.length, items });
    })
    .get(`${PATH}/:id`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const id = requireUuid(c.req.param('id'), 'id');
      const request = await findPrivacyRequest(db, project.id, id);
      if (!request) throw httpError(404, `privacy request ${id} not found`);
      const {
        codeHash: _hash,
        codeExpiresAt: _expires,
        codeAttempts: _attempts,
        ...shown
      } = request;
      const history = await listAuditEntries(db, project.id, id);
      return c.json({ ...requestView(shown, now()), history });
    })
    .patch(`${PATH}/:id`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const step = checkStep(await readJsonBody(c));
      const id = requireUuid(c.req.param('id'), 'id');
      const principal = c.get('principal');
      if (principal.kind === 'member' && principal.role === 'viewer') {
        throw httpError(403, 'a member with role viewer cannot do this');
      }
      const at = now();
      const result = await db.transaction(async (tx) => {
        const request = await findPrivacyRequest(tx, project.id, id, true);
        if (!request) throw httpError(404, `privacy request ${id} not found`);
        const refusal = refuseStep(request.status, step.status);
        if (refusal) throw httpError(409, refusal);
        return request;
      });
      // Completing a delete request is the erasure itself, in its own transaction (it holds
      // the project's chain lock); the request is marked completed only once it is done.
      let erasure: ErasureReport | undefined;
      if (result.kind === 'delete' && step.status === 'completed' && result.email) {
        erasure = await erasePerson(db, {
          organizationId: project.organizationId,
          projectId: project.id,
          kind: 'email',
          value: result.email,
          actor: auditActor(principal),
          now: at,
          subject: id,
        });
      }
      await db.transaction(async (tx) => {
        await updatePrivacyRequest(tx, id, {
          status: step.status,
          ...(step.note !== undefined && { note: step.note }),
          at,
          eraseEmail: erasure !== undefined,
        });
        await insertAuditEntry(tx, {
          organizationId: project.organizationId,
          projectId: project.id,
          actor: auditActor(principal),
          action: `privacy_request.${step.status}`,
          subject: id,
          detail: { from: result.status, ...(step.note !== undefined && { note: step.note }) },
          createdAt: at,
        });
      });
      const updated = await findPrivacyRequest(db, project.id, id);
      const {
        codeHash: _hash,
        codeExpiresAt: _expires,
        codeAttempts: _attempts,
        ...shown
      } = updated!;
      return c.json({ ...requestView(shown, at), ...(erasure && { erasure }) });
    });
}
