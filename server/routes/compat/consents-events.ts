import { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env.ts';
import type { RouteDeps } from '../route-deps.ts';
import { findTokenMember, MEMBER_TOKEN_PREFIX } from '../../accounts/member-session.ts';
import { authenticateApiKey, roleAllows } from '../../middleware/api-key-auth.ts';
import { didomiAnswer, importItems, readDidomiEvents } from '../../compat/didomi-events.ts';
import { httpError } from '../../http/http-error.ts';
import { readJsonBody } from '../../http/json-body.ts';
import { isUuid } from '../../http/uuid.ts';
import { findOrganizationBySlug } from '../../db/repositories/organizations.ts';
import { findProjectIdBySlug, listOrganizationProjectIds } from '../../db/repositories/projects.ts';

/**
 * Seed 003: `POST /consents/events?organization_id=ORG` imports up to 100 Didomi events, all or
 * nothing (`consentAction` and surface `import`), and answers them in Didomi's shape.
 * `organization_id` and `project_id` take an id or a slug; without `project_id` the
 * organization's only project. `$disable_integrations=true` keeps the events from webhooks.
 * `Authorization: Bearer` carries an API key (scope `consent` or `admin`) or a member's session
 * token (seed 003: "API key or session token"; a viewer may not import); another organization's
 * key or member gets a 404.
 */
export function consentsEventsRoutes({ db, projects, events, now }: RouteDeps) {
  return new Hono<AppEnv>().post('/consents/events', async (c) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    let keyOrganization: string;
    if (bearer?.startsWith(MEMBER_TOKEN_PREFIX)) {
      const member = await findTokenMember(db, bearer, now());
      if (!member) throw httpError(401, 'the session is not valid or has expired');
      if (!roleAllows(member.role, 'consent', 'POST')) {
        throw httpError(403, `a member with role ${member.role} cannot import consent events`);
      }
      keyOrganization = member.organizationId;
    } else {
      keyOrganization = await authenticateApiKey(db, bearer, 'consent');
    }
    const organizationParam = c.req.query('organization_id');
    if (!organizationParam) throw httpError(400, 'organization_id is required');
    const organizationId = isUuid(organizationParam)
      ? organizationParam.toLowerCase()
      : (await findOrganizationBySlug(db, organizationParam))?.id;
    if (organizationId !== keyOrganization) {
      throw httpError(404, `organization ${organizationParam} not found`);
    }
    const projectParam = c.req.query('project_id');
    let projectId: string | undefined;
    if (projectParam) {
      projectId = isUuid(projectParam)
        ? projectParam.toLowerCase()
        : await findProjectIdBySlug(db, organizationId, projectParam);
    } else {
      const ids = await listOrganizationProjectIds(db, organizationId);
      if (ids.length > 1) {
        throw httpError(400, 'the organization has several projects: name one in project_id');
      }
      projectId = ids[0];
    }
    const config = projectId ? await projects.get(projectId) : undefined;
    if (!config || config.project.organizationId !== organizationId) {
      throw httpError(404, `project ${projectParam ?? ''} not found in ${organizationParam}`);
    }
    const disable = c.req.query('$disable_integrations');
    if (disable !== undefined && disable !== 'true' && disable !== 'false') {
      throw httpError(400, '$disable_integrations must be true or false');
    }
    const at = now();
    const body = await readJsonBody(c);
    const didomi = readDidomiEvents(body, at);
    let items;
    try {
      items = importItems(didomi, config.types);
    } catch {
      // A refusal is never made on a cached copy alone (as in the writer).
      items = importItems(didomi, (await projects.load(db, config.project.id))?.types ?? []);
    }
    const records = await events.record({
      projectId: config.project.id,
      items,
      now: at,
      surface: 'import',
      disableIntegrations: disable === 'true',
    });
    const answer = didomiAnswer(didomi, records, organizationParam);
    return c.json(Array.isArray(body) ? answer : answer[0], 201);
  });
}
