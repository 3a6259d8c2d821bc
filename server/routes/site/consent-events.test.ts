import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consentEventRecordSchema,
  consentEventsResponseSchema,
} from '../../../src/core/schemas.ts';
import type { ConsentEventRecord } from '../../../src/core/types.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { ensureProject } from '../../db/repositories/projects.ts';
import { DEMO_PROJECT } from '../../projects/seed.ts';
import {
  countRows,
  createTestContext,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  expectToMatchSchema,
  openTestSession,
  postEvents,
  START,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';

const ANALYTICS_ID = '00000000-0000-4000-8000-0000000000c2';
const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000ee';

interface Batch {
  count: number;
  items: ConsentEventRecord[];
}

describe('POST /site-v1/{projectId}/consent-events', () => {
  let t: TestContext;
  let visitor: TestSession;

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: DEMO_ORGANIZATION_ID, name: 'x' });
    await ensureProject(t.db, { ...DEMO_PROJECT, id: OTHER_PROJECT_ID, name: 'Other shop' });
    visitor = await openTestSession(t.app);
  }, 60_000);
  afterAll(() => t.db.close());

  function item(overrides: Record<string, unknown> = {}) {
    return {
      id: randomUUID(),
      concordId: visitor.concordId,
      label: 'analytics',
      consentState: 'accepted',
      consentAction: 'user_click',
      ...overrides,
    };
  }

  /** Posts `body` and asserts the error status and that no event was stored. */
  async function expectRefused(body: unknown, status: number, token = visitor.token) {
    const before = await countRows(t.db, 'consent_events');
    const message = await expectError(await postEvents(t.app, token, body), status);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
    return message;
  }

  it('records a batch and answers the stored records in the seed response shape', async () => {
    const items = [
      item({ consentType: ANALYTICS_ID }),
      item({ label: 'marketing', consentState: 'declined' }),
      item({ label: 'necessary', category: 'privacy_setting', consentAction: 'implied' }),
      item({ label: 'privacy_policy', consentState: 'viewed', subcategory: { page: 'footer' } }),
    ];
    const response = await postEvents(t.app, visitor.token, { items });
    expect(response.status).toBe(201);
    const batch = (await response.json()) as Batch;
    expectToMatchSchema(consentEventsResponseSchema, batch);
    for (const record of batch.items) expectToMatchSchema(consentEventRecordSchema, record);
    expect(batch.count).toBe(4);
    expect(batch.items.map((record) => record.id)).toEqual(items.map((sent) => sent.id));
    expect(batch.items[0]).toEqual({
      id: items[0]!.id,
      concordId: visitor.concordId,
      consentAction: 'user_click',
      consentDate: START.toISOString(),
      consentState: 'accepted',
      expirationDate: '2025-09-01T10:00:00.000Z',
      dateCreated: START.toISOString(),
      dateUpdated: START.toISOString(),
      consentType: ANALYTICS_ID,
      organization: DEMO_ORGANIZATION_ID,
      project: DEMO_PROJECT_ID,
      session: { id: visitor.id, domain: 'localhost', geography: 'unknown' },
      category: 'privacy_setting',
      label: 'analytics',
      version: 1,
    });
    expect(batch.items[2]!.expirationDate).toBe('2026-03-01T10:00:00.000Z');
    expect(batch.items[3]).toMatchObject({ consentType: '00000000-0000-4000-8000-0000000000c4' });
    expect(batch.items[3]!.subcategory).toEqual({ page: 'footer' });
    // A disclosure has no duration of its own: the project default (P6M) applies.
    expect(batch.items[3]!.expirationDate).toBe('2025-09-01T10:00:00.000Z');
  });

  it('keeps the dates it is given and makes an id when the item has none', async () => {
    const { id: _id, ...sent } = item({
      consentDate: '2025-02-01T12:00:00+01:00',
      expirationDate: '2025-03-01T11:00:00Z',
    });
    const response = await postEvents(t.app, visitor.token, { items: [sent] });
    expect(response.status).toBe(201);
    const [record] = ((await response.json()) as Batch).items;
    expect(record!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record!.consentDate).toBe('2025-02-01T11:00:00.000Z');
    expect(record!.expirationDate).toBe('2025-03-01T11:00:00.000Z');
  });

  it('computes the expiration from a given consent date and the type duration', async () => {
    const response = await postEvents(t.app, visitor.token, {
      items: [item({ consentDate: '2025-01-31T00:00:00Z' })],
    });
    const [record] = ((await response.json()) as Batch).items;
    expect(record!.expirationDate).toBe('2025-07-31T00:00:00.000Z');
  });

  it('accepts the session token in x-session as well', async () => {
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events`, {
      method: 'POST',
      headers: {
        origin: LOCAL_ORIGIN,
        'x-session': visitor.token,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ items: [item()] }),
    });
    expect(response.status).toBe(201);
  });

  it('answers a retry with the same id and body with the original record and stores it once', async () => {
    const sent = item();
    const first = (await (
      await postEvents(t.app, visitor.token, { items: [sent] })
    ).json()) as Batch;
    t.clock.now = new Date(START.getTime() + 60_000);
    try {
      const before = await countRows(t.db, 'consent_events');
      // The same item with its keys in another order is the same body.
      const reordered = Object.fromEntries(Object.entries(sent).reverse());
      const retry = await postEvents(t.app, visitor.token, { items: [reordered, sent] });
      expect(retry.status).toBe(201);
      const again = (await retry.json()) as Batch;
      expect(again.items).toEqual([first.items[0], first.items[0]]);
      expect(await countRows(t.db, 'consent_events')).toBe(before);
    } finally {
      t.clock.now = START;
    }
  });

  it('refuses a reused id with a different body with a 409 and stores nothing of the batch', async () => {
    const sent = item();
    expect((await postEvents(t.app, visitor.token, { items: [sent] })).status).toBe(201);
    const message = await expectRefused(
      { items: [item(), { ...sent, consentState: 'declined' }] },
      409,
    );
    expect(message).toContain(`items/1/id ${sent.id}`);
  });

  it('refuses a batch whose item has an unknown consentState and stores nothing', async () => {
    expect(await expectRefused({ items: [item(), item({ consentState: 'maybe' })] }, 400)).toBe(
      'items/1/consentState must be equal to one of the allowed values (implied, viewed, accepted, declined)',
    );
  });

  it('refuses a state outside the type valid states and a declined required type with a 400', async () => {
    expect(
      await expectRefused(
        { items: [item({ label: 'privacy_policy', consentState: 'declined' })] },
        400,
      ),
    ).toContain('items/0/consentState');
    expect(
      await expectRefused(
        { items: [item(), item({ label: 'necessary', consentState: 'declined' })] },
        400,
      ),
    ).toContain('"necessary" does not accept the state "declined"');
  });

  it('refuses an unknown consent type, label or category mismatch with a 422 and stores nothing', async () => {
    expect(await expectRefused({ items: [item({ label: 'loyalty_points' })] }, 422)).toContain(
      'label "loyalty_points" is not a consent type of this project',
    );
    await expectRefused(
      { items: [item({ label: undefined, consentType: '00000000-0000-4000-8000-0000000000ff' })] },
      422,
    );
    expect(
      await expectRefused(
        { items: [item({ consentType: ANALYTICS_ID, label: 'marketing' })] },
        422,
      ),
    ).toContain('items/0/label "marketing" does not match');
    expect(await expectRefused({ items: [item({ category: 'communication' })] }, 422)).toContain(
      'items/0/category "communication" does not match',
    );
  });

  it('refuses an expiration later than the 13-month cap for cookie consent, or before the consent', async () => {
    const consentDate = '2026-01-31T00:00:00.000Z';
    expect(
      await expectRefused(
        { items: [item({ consentDate, expirationDate: '2027-03-01T00:00:00.000Z' })] },
        400,
      ),
    ).toBe(
      'items/0/expirationDate is later than consentDate + P13M, the longest a "privacy_setting" consent may last',
    );
    expect(
      await expectRefused({ items: [item({ consentDate, expirationDate: consentDate })] }, 400),
    ).toBe('items/0/expirationDate must be after consentDate');
    const atCap = item({ consentDate, expirationDate: '2027-02-28T00:00:00.000Z' });
    expect((await postEvents(t.app, visitor.token, { items: [atCap] })).status).toBe(201);
  });

  it('refuses new decisions on an archived or obsolete type with a 422', async () => {
    for (const status of ['archived', 'obsolete']) {
      await t.db.query(`update consent_types set status = $1 where id = $2`, [
        status,
        ANALYTICS_ID,
      ]);
      expect(await expectRefused({ items: [item()] }, 422)).toBe(
        `items/0: consent type "analytics" is ${status} and takes no new decisions`,
      );
    }
    await t.db.query(`update consent_types set status = 'active' where id = $1`, [ANALYTICS_ID]);
  });

  it('refuses an item that names no consent type with a 400', async () => {
    const { label: _label, ...sent } = item();
    expect(await expectRefused({ items: [sent] }, 400)).toBe(
      'items/0 must have consentType or label',
    );
  });

  it('refuses an item about another visitor, or about no visitor id, with a 403', async () => {
    expect(
      await expectRefused({ items: [item(), item({ concordId: randomUUID() })] }, 403),
    ).toContain('items/1/concordId');
    const { concordId: _concordId, ...byEmail } = item({ email: 'ada@example.com' });
    await expectRefused({ items: [byEmail] }, 403);
  });

  it('refuses bodies that break the schema with a 400 naming the field', async () => {
    expect(await expectRefused({ items: [] }, 400)).toBe('items must NOT have fewer than 1 items');
    expect(await expectRefused({ items: Array.from({ length: 101 }, () => item()) }, 400)).toBe(
      'items must NOT have more than 100 items',
    );
    expect(await expectRefused({}, 400)).toBe("body must have required property 'items'");
    expect(await expectRefused({ items: [item({ color: 'red' })] }, 400)).toBe(
      'items/0 must NOT have additional properties (color)',
    );
    expect(await expectRefused({ items: [item({ id: 'first' })] }, 400)).toBe(
      'items/0/id must match format "uuid"',
    );
    expect(await expectRefused({ items: [item({ consentDate: 'yesterday' })] }, 400)).toBe(
      'items/0/consentDate must match format "date-time"',
    );
    expect(await expectRefused({ items: [item({ consentAction: undefined })] }, 400)).toBe(
      "items/0 must have required property 'consentAction'",
    );
    await expectRefused('{"items":[', 400);
    await expectRefused('', 400);
  });

  it('refuses a missing, unknown or expired token and another project token with a 401', async () => {
    const before = await countRows(t.db, 'consent_events');
    const body = JSON.stringify({ items: [item()] });
    const unauthenticated = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(await expectError(unauthenticated, 401)).toContain('session token is required');
    const unknown = await postEvents(t.app, 'not-a-token', body);
    // The widget must be able to read the error, so it carries the CORS headers too.
    expect(unknown.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    await expectError(unknown, 401);
    const other = await openTestSession(
      t.app,
      { concordId: visitor.concordId, visitorSecret: visitor.visitorSecret! },
      undefined,
      OTHER_PROJECT_ID,
    );
    await expectError(await postEvents(t.app, other.token, body), 401);
    t.clock.now = new Date(START.getTime() + 3600_000);
    try {
      expect(await expectError(await postEvents(t.app, visitor.token, body), 401)).toContain(
        'expired',
      );
    } finally {
      t.clock.now = START;
    }
    expect(await countRows(t.db, 'consent_events')).toBe(before);
  });

  it('refuses a project id that is not a uuid with a 400', async () => {
    const response = await postEvents(t.app, visitor.token, { items: [item()] }, 'northwind');
    await expectError(response, 400);
  });
});

describe('GET /site-v1/{projectId}/consent-events/{id}', () => {
  let t: TestContext;
  let visitor: TestSession;
  let stored: ConsentEventRecord;

  beforeAll(async () => {
    t = await createTestContext();
    visitor = await openTestSession(t.app);
    const response = await postEvents(t.app, visitor.token, {
      items: [
        {
          id: randomUUID(),
          concordId: visitor.concordId,
          label: 'marketing',
          consentState: 'declined',
          consentAction: 'user_click',
        },
      ],
    });
    stored = ((await response.json()) as Batch).items[0]!;
  }, 60_000);
  afterAll(() => t.db.close());

  function get(id: string, token: string) {
    return t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  it('answers the visitor own event exactly as the POST stored it', async () => {
    const response = await get(stored.id, visitor.token);
    expect(response.status).toBe(200);
    const record = await response.json();
    expectToMatchSchema(consentEventRecordSchema, record);
    expect(record).toEqual(stored);
  });

  it('finds the event with an uppercase id as well', async () => {
    expect((await get(stored.id.toUpperCase(), visitor.token)).status).toBe(200);
  });

  it('answers another visitor session with a 404 for someone else event', async () => {
    const stranger = await openTestSession(t.app);
    expect(await expectError(await get(stored.id, stranger.token), 404)).toContain(stored.id);
  });

  it('answers 404 for an unknown id, 400 for an id that is not a uuid, 401 without a session', async () => {
    await expectError(await get(randomUUID(), visitor.token), 404);
    expect(await expectError(await get('latest', visitor.token), 400)).toBe('id must be a uuid');
    await expectError(
      await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events/${stored.id}`),
      401,
    );
  });
});
