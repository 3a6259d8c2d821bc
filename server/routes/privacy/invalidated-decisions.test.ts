import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putApiKey } from '../../db/repositories/api-keys.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { sha256 } from '../../crypto/sha256.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  openTestSession,
  postEvents,
  START,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';

const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000aa';
const OTHER_KEY = 'other-organization-key';
const ANALYTICS = '00000000-0000-4000-8000-0000000000c2';
const types = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-types`;
const path = `${types}/${ANALYTICS}/invalidated-decisions`;

describe('GET …/consent-types/{id}/invalidated-decisions', () => {
  let t: TestContext;

  let decliner: TestSession;

  async function decide(states: [label: string, state: string][], visitor?: TestSession) {
    visitor ??= await openTestSession(t.app);
    for (const [label, consentState] of states) {
      const response = await postEvents(t.app, visitor.token, {
        items: [
          {
            concordId: visitor.concordId,
            label,
            consentState,
            consentAction: consentState === 'viewed' ? 'implied' : 'user_click',
          },
        ],
      });
      expect(response.status).toBe(201);
    }
    return visitor;
  }

  async function count(query = '', key = DEMO_API_KEY) {
    const response = await t.app.request(`${path}${query}`, { headers: { 'x-api-key': key } });
    expect(response.status).toBe(200);
    return ((await response.json()) as { count: number }).count;
  }

  function patch(body: unknown) {
    return t.app.request(`${types}/${ANALYTICS}`, {
      method: 'PATCH',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other' });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'test',
      keyHash: sha256(OTHER_KEY),
    });
    // Expired by now: analytics lasts six months.
    t.clock.now = new Date(START.getTime() - 300 * 864e5);
    await decide([['analytics', 'accepted']]);
    t.clock.now = START;
    await decide([['analytics', 'accepted']]);
    decliner = await decide([['analytics', 'declined']]);
    // A later `viewed` is no decision: the accepted one before it stands.
    await decide([
      ['analytics', 'accepted'],
      ['analytics', 'viewed'],
    ]);
    // A decision on another type only.
    await decide([['marketing', 'accepted']]);
  }, 120_000);
  afterAll(() => t.db.close());

  it('counts each visitor’s latest valid decision below the version, from the current state', async () => {
    // At version 1 nothing is below the version asked.
    expect(await count()).toBe(0);
    expect((await patch({ name: 'Analytics, renamed' })).status).toBe(200);
    // Version 2: the three unexpired analytics decisions, not the expired one nor marketing's.
    expect(await count()).toBe(3);
    expect(await count('?requireReacceptVersion=2')).toBe(3);
    expect(await count('?requireReacceptVersion=1')).toBe(0);
    // A new visitor deciding at version 2 is not counted; one who decides again leaves the count.
    await decide([['analytics', 'accepted']]);
    expect(await count()).toBe(3);
    await decide([['analytics', 'accepted']], decliner);
    expect(await count()).toBe(2);
  });

  it('counts nothing once everyone was asked again (the decisions are already invalid)', async () => {
    expect((await patch({ requireReacceptVersion: 2 })).status).toBe(200);
    expect(await count()).toBe(0);
  });

  it('refuses an unknown type (404), a bad or too high version and unknown parameters (400)', async () => {
    const headers = { 'x-api-key': DEMO_API_KEY };
    await expectError(
      await t.app.request(`${types}/${randomUUID()}/invalidated-decisions`, { headers }),
      404,
    );
    for (const query of [
      '?requireReacceptVersion=0',
      '?requireReacceptVersion=x',
      '?requireReacceptVersion=9',
      '?version=2',
    ]) {
      await expectError(await t.app.request(`${path}${query}`, { headers }), 400);
    }
  });

  it('refuses another organization: 403 with its key here, 404 through its own path', async () => {
    await expectError(await t.app.request(path, { headers: { 'x-api-key': OTHER_KEY } }), 403);
    const own = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-types/${ANALYTICS}/invalidated-decisions`;
    await expectError(await t.app.request(own, { headers: { 'x-api-key': OTHER_KEY } }), 404);
  });
});
