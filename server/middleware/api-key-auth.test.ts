import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApiKey } from '../db/repositories/api-keys.ts';
import { sha256 } from '../crypto/sha256.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../testing/test-context.ts';

const CONSENT_KEY = 'consent-scope-key';
const base = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;

describe('API key scopes (issue 14)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await insertApiKey(t.db, {
      id: randomUUID(),
      organizationId: DEMO_ORGANIZATION_ID,
      name: 'web',
      keyHash: sha256(CONSENT_KEY),
      scope: 'consent',
    });
  }, 60_000);
  afterAll(() => t.db.close());

  it('lets a consent key write and read consent events and read consent types', async () => {
    const post = await t.app.request(`${base}/consent-events`, {
      method: 'POST',
      headers: { 'x-api-key': CONSENT_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        items: [
          {
            userId: 'u1',
            label: 'analytics',
            consentState: 'accepted',
            consentAction: 'user_click',
          },
        ],
      }),
    });
    expect(post.status).toBe(201);
    const list = await t.app.request(`${base}/consent-events`, {
      headers: { 'x-api-key': CONSENT_KEY },
    });
    expect(list.status).toBe(200);
    const types = await t.app.request(`${base}/consent-types`, {
      headers: { 'x-api-key': CONSENT_KEY },
    });
    expect(types.status).toBe(200);
  });

  it('refuses a consent key a change of configuration, which an admin key may make', async () => {
    const create = (key: string) =>
      t.app.request(`${base}/consent-types`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify({
          category: 'custom',
          label: 'scoped',
          name: 'Scoped',
          description: 'Scoped',
          validStates: ['accepted', 'declined'],
        }),
      });
    expect(await expectError(await create(CONSENT_KEY), 403)).toContain('scope admin');
    expect((await create(DEMO_API_KEY)).status).toBe(201);
  });
});
