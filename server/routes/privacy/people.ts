import { Hono } from 'hono';
import type { Context } from 'hono';
import type { AppEnv, Principal } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { apiKeyAuth } from '../../middleware/api-key-auth.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { compileSchema } from '../../http/request-schema.ts';
import { requireUuid } from '../../http/uuid.ts';
import { requireOrganizationProject } from '../../projects/organization-project.ts';
import {
  IDENTIFIER_MAX_LENGTH,
  PERSON_IDENTIFIERS,
  type PersonIdentifier,
} from '../../../src/core/identifiers.ts';
import { erasePerson } from '../../people/erasure.ts';
import { exportPerson, type PersonQuery } from '../../people/person-export.ts';
import { insertAuditEntry } from '../../db/repositories/audit-entries.ts';

const PATH = '/privacy-v1/organizations/:organizationId/projects/:projectId/people';

const checkErase = compileSchema<{ type: PersonIdentifier; value: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['type', 'value'],
  properties: {
    type: { enum: [...PERSON_IDENTIFIERS] },
    value: { type: 'string', minLength: 1, maxLength: IDENTIFIER_MAX_LENGTH },
  },
});

/** Who the audit log names for a Privacy API request. */
export function auditActor(principal: Principal): string {
  return principal.kind === 'member' ? `member:${principal.memberId}` : 'api-key';
}

/** The one identifier of `?email=…` (or `userId`, `phoneNumber`, `projectUserId`, `concordId`). */
function personQuery(c: Context<AppEnv>): PersonQuery {
  const given = (['concordId', ...PERSON_IDENTIFIERS] as const).flatMap((kind) => {
    const value = c.req.query(kind);
    return value === undefined ? [] : [{ kind, value }];
  });
  if (given.length !== 1) {
    throw httpError(
      400,
      `name the person by exactly one of ${['concordId', ...PERSON_IDENTIFIERS].join(', ')}`,
    );
  }
  const [query] = given as [PersonQuery];
  if (query.value === '' || query.value.length > IDENTIFIER_MAX_LENGTH) {
    throw httpError(400, `${query.kind} must be 1 to ${IDENTIFIER_MAX_LENGTH} characters`);
  }
  if (query.kind === 'concordId') requireUuid(query.value, 'concordId');
  return query;
}

/**
 * A person's data (issue 17): `GET …/people/export?email=…` answers everything the project holds
 * about them; `POST …/people/erase` removes their identifiers and unlinks their visitor ids,
 * leaving their events as anonymous proof. Both are audit entries; both need an admin key or a
 * member (erasure: owner or admin).
 */
export function privacyPeopleRoutes({ db, projects, now }: RouteDeps) {
  return new Hono<AppEnv>()
    .get(`${PATH}/export`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const query = personQuery(c);
      const person = await exportPerson(db, project.id, query);
      const at = now();
      await insertAuditEntry(db, {
        organizationId: project.organizationId,
        projectId: project.id,
        actor: auditActor(c.get('principal')),
        action: 'person.exported',
        subject: query.kind,
        detail: { events: person.events.length, identifiers: person.identifiers.length },
        createdAt: at,
      });
      return c.json({
        project: project.id,
        organization: project.organizationId,
        exportedAt: at.toISOString(),
        ...person,
      });
    })
    .post(`${PATH}/erase`, apiKeyAuth(db, 'admin', now), async (c) => {
      const project = await requireOrganizationProject(projects, c.req.param());
      const body = checkErase(await readJsonBody(c));
      const report = await erasePerson(db, {
        organizationId: project.organizationId,
        projectId: project.id,
        kind: body.type,
        value: body.value,
        actor: auditActor(c.get('principal')),
        now: now(),
      });
      return c.json(report);
    });
}
