import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putApiKey } from '../../db/repositories/api-keys.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { ensureProject } from '../../db/repositories/projects.ts';
import { DEMO_OWNER_EMAIL, DEMO_PROJECT } from '../../projects/seed.ts';
import { sha256 } from '../../crypto/sha256.ts';
import type { FullConsentEventRecord } from '../../consent-events/full-record.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_OWNER_PASSWORD,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';

const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000a3';
const OTHER_KEY = 'seed-003-other-organization';
const privacy = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;

/** Seed 003's example, exactly. */
const EXAMPLE = [
  {
    id: '9556b7f5-ae22-4616-97f9-3f61e22f0ec7',
    created_at: '2020-06-03T21:28:55Z',
    user: {
      organization_user_id: 'user1@domain.com',
      metadata: {
        custom_key: 'value',
      },
    },

    consents: {
      purposes: [
        {
          id: 'purpose_id',
          enabled: true,
        },
      ],
    },
  },
  {
    id: '593aa0a9-5e2e-4305-8e78-9b9e11da0224',
    created_at: '2020-06-03T21:28:55Z',
    user: {
      organization_user_id: 'user2@domain.com',
      metadata: {
        custom_key: 'value',
      },
    },

    consents: {
      purposes: [
        {
          id: 'purpose_id',
          enabled: false,
        },
      ],
    },
  },
];

describe('POST /consents/events (seed 003)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ webhooks: { allowPrivate: true } });
    // The example's purpose, as a consent type of the demo project.
    const type = await t.app.request(`${privacy}/consent-types`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'custom',
        label: 'purpose_id',
        name: 'Purpose',
        description: 'The purpose of seed 003',
        validStates: ['accepted', 'declined'],
        consentDuration: 'P12M',
      }),
    });
    expect(type.status).toBe(201);
    const hook = await t.app.request(`${privacy}/webhooks`, {
      method: 'POST',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/never-called' }),
    });
    expect(hook.status).toBe(201);
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other3' });
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: '00000000-0000-4000-8000-0000000000b3',
      organizationId: OTHER_ORGANIZATION_ID,
    });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'other',
      keyHash: sha256(OTHER_KEY),
    });
  }, 60_000);
  afterAll(() => t.db.close());

  function post(
    body: unknown,
    query = `organization_id=${DEMO_ORGANIZATION_ID}`,
    key = DEMO_API_KEY,
  ) {
    return t.app.request(`/consents/events?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  it("imports seed 003's example, keeping ids, dates, people and metadata", async () => {
    const response = await post(EXAMPLE);
    expect(response.status).toBe(201);
    const answer = (await response.json()) as Record<string, unknown>[];
    expect(answer).toEqual(
      EXAMPLE.map((event) => ({
        id: event.id,
        created_at: '2020-06-03T21:28:55.000Z',
        updated_at: '2025-03-01T10:00:00.000Z',
        organization_id: DEMO_ORGANIZATION_ID,
        user: event.user,
        consents: event.consents,
      })),
    );
    const list = await t.app.request(`${privacy}/consent-events?label=purpose_id&view=full`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    const { items } = (await list.json()) as { items: FullConsentEventRecord[] };
    expect(items.map((event) => [event.id, event.projectUserId, event.consentState])).toEqual([
      [EXAMPLE[0]!.id, 'user1@domain.com', 'accepted'],
      [EXAMPLE[1]!.id, 'user2@domain.com', 'declined'],
    ]);
    // Expiry runs from the kept date: this import is already expired.
    expect(items[0]).toMatchObject({
      consentAction: 'import',
      surface: 'import',
      consentDate: '2020-06-03T21:28:55.000Z',
      expirationDate: '2021-06-03T21:28:55.000Z',
      metadata: { custom_key: 'value' },
    });
    // One webhook delivery per event, queued with it.
    expect(await countRows(t.db, 'webhook_deliveries')).toBe(2);
  });

  it('stores nothing new when the example is sent again', async () => {
    const before = await countRows(t.db, 'consent_events');
    const response = await post(EXAMPLE);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { id: string }[]).map((e) => e.id)).toEqual(
      EXAMPLE.map((e) => e.id),
    );
    expect(await countRows(t.db, 'consent_events')).toBe(before);
    expect(await countRows(t.db, 'webhook_deliveries')).toBe(2);
  });

  it('answers 409 and stores nothing when an id comes back with another body', async () => {
    const before = await countRows(t.db, 'consent_events');
    const fresh = { ...EXAMPLE[0]!, id: randomUUID() };
    const changed = {
      ...EXAMPLE[1]!,
      consents: { purposes: [{ id: 'purpose_id', enabled: true }] },
    };
    await expectError(await post([fresh, changed]), 409);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
  });

  it('stores events with $disable_integrations=true and queues no delivery for them', async () => {
    const before = await countRows(t.db, 'consent_events');
    const event = { ...EXAMPLE[0]!, id: randomUUID() };
    const response = await post(
      event,
      `organization_id=${DEMO_ORGANIZATION_ID}&$disable_integrations=true`,
    );
    expect(response.status).toBe(201);
    // One event in, one event out (not an array).
    expect(await response.json()).toMatchObject({ id: event.id });
    expect(await countRows(t.db, 'consent_events')).toBe(before + 1);
    expect(await countRows(t.db, 'webhook_deliveries')).toBe(2);
  });

  it('takes purposes by consent type id and several purposes per event', async () => {
    const id = randomUUID();
    const response = await post(
      {
        id,
        user: { organization_user_id: 'user3@domain.com' },
        consents: {
          purposes: [
            { id: 'analytics', enabled: true },
            { id: '00000000-0000-4000-8000-0000000000c3', enabled: false },
          ],
        },
      },
      'organization_id=demo-organization&project_id=demo-project',
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      id,
      created_at: '2025-03-01T10:00:00.000Z',
      consents: {
        purposes: [
          { id: 'analytics', enabled: true },
          { id: '00000000-0000-4000-8000-0000000000c3', enabled: false },
        ],
      },
    });
  });

  it('refuses 101 events, an unknown purpose and a future date, storing nothing', async () => {
    const before = await countRows(t.db, 'consent_events');
    const many = Array.from({ length: 101 }, () => ({ ...EXAMPLE[0]!, id: randomUUID() }));
    expect(await expectError(await post(many), 400)).toContain('at most 100');
    const unknown = {
      ...EXAMPLE[0]!,
      id: randomUUID(),
      consents: { purposes: [{ id: 'nope', enabled: true }] },
    };
    expect(await expectError(await post([EXAMPLE[0], unknown]), 400)).toContain('nope');
    const future = { ...EXAMPLE[0]!, id: randomUUID(), created_at: '2030-01-01T00:00:00Z' };
    expect(await expectError(await post(future), 400)).toContain('future');
    await expectError(await post([]), 400);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
  });

  it("refuses a missing or unknown key and another organization's key", async () => {
    const event = { ...EXAMPLE[0]!, id: randomUUID() };
    await expectError(
      await t.app.request(`/consents/events?organization_id=${DEMO_ORGANIZATION_ID}`, {
        method: 'POST',
        body: JSON.stringify(event),
      }),
      401,
    );
    await expectError(await post(event, undefined, 'nope'), 401);
    await expectError(await post(event, undefined, OTHER_KEY), 404);
    await expectError(await post(event, 'organization_id=demo-organization', OTHER_KEY), 404);
    // The other organization's key with a project of this one.
    await expectError(
      await post(
        event,
        `organization_id=${OTHER_ORGANIZATION_ID}&project_id=${DEMO_PROJECT_ID}`,
        OTHER_KEY,
      ),
      404,
    );
  });

  it("takes a member's session token as Bearer, and refuses an unknown or expired one", async () => {
    const login = await t.app.request('/auth/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_OWNER_EMAIL, password: DEMO_OWNER_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const event = { ...EXAMPLE[0]!, id: randomUUID() };
    const imported = await post(event, undefined, token);
    expect(imported.status).toBe(201);
    expect(((await imported.json()) as { id: string }).id).toBe(event.id);
    await expectError(await post({ ...event, id: randomUUID() }, undefined, 'asm_unknown'), 401);
    await expectError(
      await post(
        { ...event, id: randomUUID() },
        `organization_id=${OTHER_ORGANIZATION_ID}&project_id=${DEMO_PROJECT_ID}`,
        token,
      ),
      404,
    );
  });
});
