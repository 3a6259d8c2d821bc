/**
 * No data of one organization is reachable from another, on every route the Privacy API has:
 * the routes are read from the app itself, so a route added later is tried too. Each is called as
 * another organization's owner (a session) and with its admin key, on the demo's organization and
 * project, with the ids of things that exist there, and must answer 403 or 404 and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMembers } from '../../db/repositories/members.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  openTestSession,
  postEvents,
  type TestContext,
} from '../../testing/test-context.ts';
import {
  addMember,
  addOtherOrganization,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
  requestAs,
  type Credentials,
} from '../../testing/tenants.ts';

const ANALYTICS = '00000000-0000-4000-8000-0000000000c2';
/** The tables a refused call could change. */
const TABLES = [
  'organizations',
  'projects',
  'consent_types',
  'consent_events',
  'api_keys',
  'members',
  'member_sessions',
  'webhook_endpoints',
  'webhook_deliveries',
  'collection_points',
  'privacy_requests',
  'person_identifiers',
  'audit_entries',
];

describe('tenant isolation of the Privacy API', () => {
  let t: TestContext;
  let otherOwner: Credentials;
  const demo: Credentials = { key: DEMO_API_KEY };
  /** An existing thing of the demo's for each `:id`-like parameter, by the route's resource. */
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestContext();
    await addOtherOrganization(t);
    otherOwner = {
      token: await addMember(t, {
        role: 'owner',
        email: 'owner@other.example',
        organizationId: OTHER_ORGANIZATION_ID,
      }),
    };
    const project = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
    const webhook = await requestAs(t, demo, 'POST', `${project}/webhooks`, {
      url: 'https://hooks.example.com/assent',
    });
    expect(webhook.status).toBe(201);
    ids.webhooks = ((await webhook.json()) as { id: string }).id;
    const point = await requestAs(t, demo, 'POST', `${project}/collection-points`, {
      name: 'Counter',
      consentTypes: [ANALYTICS],
    });
    expect(point.status).toBe(201);
    ids['collection-points'] = ((await point.json()) as { id: string }).id;
    ids['consent-types'] = ANALYTICS;
    const keys = await t.db.query<{ id: string }>(
      'select id from api_keys where organization_id = $1 limit 1',
      [DEMO_ORGANIZATION_ID],
    );
    ids['api-keys'] = keys.rows[0]!.id;
    ids.members = (await listMembers(t.db, DEMO_ORGANIZATION_ID))[0]!.id;
    const visitor = await openTestSession(t.app);
    const event = await postEvents(t.app, visitor.token, {
      items: [
        {
          concordId: visitor.concordId,
          label: 'analytics',
          consentState: 'accepted',
          consentAction: 'user_click',
          email: 'ada@example.com',
        },
      ],
    });
    expect(event.status).toBe(201);
    ids['consent-events'] = ((await event.json()) as { items: { id: string }[] }).items[0]!.id;
  }, 120_000);
  afterAll(() => t.db.close());

  /** The app's Privacy API routes below an organization, once each. */
  function privacyRoutes(): { method: string; path: string }[] {
    const seen = new Map<string, { method: string; path: string }>();
    for (const route of t.app.routes) {
      if (route.method === 'ALL') continue;
      if (!route.path.startsWith('/privacy-v1/organizations/:organizationId')) continue;
      seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
    }
    return [...seen.values()];
  }

  /** A route's path with the demo's organization, project and an existing thing for each id. */
  function concrete(path: string, organizationId: string): string {
    return path
      .replace(':organizationId', organizationId)
      .replace(':projectId', DEMO_PROJECT_ID)
      .replace(/\/([a-z-]+)\/:(id|hash)\b/g, (_, resource: string) => {
        return `/${resource}/${ids[resource] ?? '00000000-0000-4000-8000-00000000dead'}`;
      });
  }

  async function snapshot() {
    return Promise.all(TABLES.map((table) => countRows(t.db, table)));
  }

  it('tries every route, and finds the ones the console uses among them', () => {
    const paths = privacyRoutes().map((route) => `${route.method} ${route.path}`);
    expect(paths.length).toBeGreaterThanOrEqual(35);
    for (const expected of [
      'GET /privacy-v1/organizations/:organizationId/projects/:projectId/analytics',
      'PATCH /privacy-v1/organizations/:organizationId/projects/:projectId',
      'POST /privacy-v1/organizations/:organizationId/projects/:projectId/people/erase',
      'GET /privacy-v1/organizations/:organizationId/projects/:projectId/webhooks/:id/deliveries',
      'DELETE /privacy-v1/organizations/:organizationId/api-keys/:id',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it('answers another organization 403 or 404 on every route, and changes nothing', async () => {
    const before = await snapshot();
    const answers: string[] = [];
    for (const as of [otherOwner, { key: OTHER_KEY }]) {
      for (const route of privacyRoutes()) {
        // The demo's organization, and their own organization's path to the demo's project.
        for (const organizationId of [DEMO_ORGANIZATION_ID, OTHER_ORGANIZATION_ID]) {
          const path = concrete(route.path, organizationId);
          if (organizationId === OTHER_ORGANIZATION_ID && !route.path.includes(':projectId')) {
            continue; // their own organization's routes are theirs
          }
          const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
          const response = await requestAs(t, as, route.method, path, body);
          if (![403, 404].includes(response.status)) {
            answers.push(
              `${'key' in as ? 'key' : 'owner'} ${route.method} ${path}: ${response.status}`,
            );
          }
        }
      }
    }
    expect(answers).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('still answers the demo itself on the same paths (the ids are real)', async () => {
    const project = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
    for (const path of [
      `${project}/consent-events/${ids['consent-events']}/receipt`,
      `${project}/webhooks/${ids.webhooks}/deliveries`,
      `${project}/consent-types/${ANALYTICS}/invalidated-decisions`,
    ]) {
      expect((await requestAs(t, demo, 'GET', path)).status, path).toBe(200);
    }
    // And the other organization's own project stays theirs.
    const theirs = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${OTHER_PROJECT_ID}`;
    expect((await requestAs(t, otherOwner, 'GET', theirs)).status).toBe(200);
  });
});
