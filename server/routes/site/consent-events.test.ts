import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consentEventRecordSchema,
  consentEventsResponseSchema,
} from '../../../src/core/schemas.ts';
import { IDENTIFIER_MAX_LENGTH } from '../../../src/core/identifiers.ts';
import type { ConsentEventRecord } from '../../../src/core/types.ts';
import { verifyChains } from '../../consent-events/chain-verification.ts';
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
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: OTHER_PROJECT_ID,
      name: 'Other shop',
      slug: 'other-shop',
    });
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

  it('keeps a date within the clock skew and makes an id when the item has none', async () => {
    const { id: _id, ...sent } = item({
      consentDate: '2025-03-01T10:58:00+01:00',
      expirationDate: '2025-04-01T09:58:00Z',
    });
    const response = await postEvents(t.app, visitor.token, { items: [sent] });
    expect(response.status).toBe(201);
    const [record] = ((await response.json()) as Batch).items;
    expect(record!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record!.consentDate).toBe('2025-03-01T09:58:00.000Z');
    expect(record!.expirationDate).toBe('2025-04-01T09:58:00.000Z');
    const { rows } = await t.db.query<{ client_consent_date: Date | null }>(
      'select client_consent_date from consent_events where id = $1',
      [record!.id],
    );
    expect(rows[0]!.client_consent_date).toBeNull();
  });

  it('computes the expiration from the consent date and the type duration', async () => {
    const response = await postEvents(t.app, visitor.token, {
      items: [item({ consentDate: '2025-03-01T10:03:00Z' })],
    });
    const [record] = ((await response.json()) as Batch).items;
    expect(record!.expirationDate).toBe('2025-09-01T10:03:00.000Z');
  });

  describe('the server clock decides (issue 22 §2)', () => {
    async function recordOne(overrides: Record<string, unknown>) {
      const response = await postEvents(t.app, visitor.token, { items: [item(overrides)] });
      expect(response.status).toBe(201);
      const [record] = ((await response.json()) as Batch).items;
      const { rows } = await t.db.query<{ client_consent_date: Date | string | null }>(
        'select client_consent_date from consent_events where id = $1',
        [record!.id],
      );
      const client = rows[0]!.client_consent_date;
      return { record: record!, client: client === null ? null : new Date(client).toISOString() };
    }

    it('refuses consentAction "import" from a browser session with 400', async () => {
      const consentDate = new Date(START.getTime() - 400 * 86_400_000).toISOString();
      expect(
        await expectRefused({ items: [item({ consentAction: 'import', consentDate })] }, 400),
      ).toBe(
        'items/0/consentAction "import" is for server-to-server imports (the Privacy API); a browser records implied or user_click',
      );
    });

    it.each([
      ['a day ahead', 86_400_000],
      ['3 days back', -3 * 86_400_000],
      ['2 years ahead (the visitor clock)', 730 * 86_400_000],
      ['6 minutes back', -6 * 60_000],
    ])(
      'stores the server time for a consentDate %s and keeps the client one beside it',
      async (_name, offset) => {
        const consentDate = new Date(START.getTime() + offset).toISOString();
        const { record, client } = await recordOne({ consentDate });
        expect(record.consentDate).toBe(START.toISOString());
        expect(record.dateCreated).toBe(START.toISOString());
        expect(record.expirationDate).toBe('2025-09-01T10:00:00.000Z');
        expect(client).toBe(consentDate);
      },
    );

    it('keeps a consentDate within five minutes of the server clock', async () => {
      for (const offset of [-5 * 60_000, 4 * 60_000]) {
        const consentDate = new Date(START.getTime() + offset).toISOString();
        const { record, client } = await recordOne({ consentDate });
        expect(record.consentDate).toBe(consentDate);
        expect(client).toBeNull();
      }
    });

    it('never lengthens the type duration: 12 months on a 6-month type lasts 6', async () => {
      const { record } = await recordOne({ expirationDate: '2026-03-01T10:00:00.000Z' });
      expect(record.expirationDate).toBe('2025-09-01T10:00:00.000Z');
    });

    it('never lengthens a disclosure past its duration: 10 years on privacy_policy', async () => {
      const { record } = await recordOne({
        label: 'privacy_policy',
        consentState: 'viewed',
        expirationDate: '2035-03-01T10:00:00.000Z',
      });
      // The disclosure has no duration of its own: the project default (P6M).
      expect(record.expirationDate).toBe('2025-09-01T10:00:00.000Z');
    });

    it('lets a client expiration shorten the duration, measured from the client date', async () => {
      expect(
        (await recordOne({ expirationDate: '2025-04-01T10:00:00.000Z' })).record,
      ).toMatchObject({
        consentDate: START.toISOString(),
        expirationDate: '2025-04-01T10:00:00.000Z',
      });
      // A visitor clock a year behind asks for 1 month: 1 month from the server time.
      const behind = await recordOne({
        consentDate: '2024-03-01T10:00:00.000Z',
        expirationDate: '2024-04-01T10:00:00.000Z',
      });
      expect(behind.record.consentDate).toBe(START.toISOString());
      expect(behind.record.expirationDate).toBe('2025-04-01T10:00:00.000Z');
    });

    it('refuses a client expiration before its consentDate with 400', async () => {
      const consentDate = START.toISOString();
      for (const expirationDate of [consentDate, '2025-02-01T10:00:00.000Z']) {
        expect(await expectRefused({ items: [item({ consentDate, expirationDate })] }, 400)).toBe(
          'items/0/expirationDate must be after consentDate',
        );
      }
      expect(
        await expectRefused({ items: [item({ expirationDate: '2025-02-01T10:00:00.000Z' })] }, 400),
      ).toBe('items/0/expirationDate must be after consentDate');
    });

    it('keeps the client date in the hash chain', async () => {
      const { record } = await recordOne({ consentDate: '2027-03-01T10:00:00.000Z' });
      expect((await verifyChains(t.db)).broken).toBeUndefined();
      const setClientDate = (date: string) =>
        t.db.exec(`alter table consent_events disable trigger user;
          update consent_events set client_consent_date = '${date}' where id = '${record.id}';
          alter table consent_events enable trigger user`);
      await setClientDate('2027-03-02T10:00:00Z');
      expect((await verifyChains(t.db)).broken).toMatchObject({ id: record.id });
      await setClientDate('2027-03-01T10:00:00Z');
      expect((await verifyChains(t.db)).broken).toBeUndefined();
    });
  });

  it('refuses an identifier longer than IDENTIFIER_MAX_LENGTH with 400 and stores nothing (issue 22 §5)', async () => {
    for (const field of ['projectUserId', 'userId', 'phoneNumber']) {
      expect(
        await expectRefused({ items: [item({ [field]: 'x'.repeat(10_000) })] }, 400),
      ).toContain(`items/0/${field}`);
    }
    const email = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.example`;
    expect(email.length).toBeGreaterThan(IDENTIFIER_MAX_LENGTH);
    await expectRefused({ items: [item({ email })] }, 400);
    const longest = item({ projectUserId: 'x'.repeat(IDENTIFIER_MAX_LENGTH) });
    expect((await postEvents(t.app, visitor.token, { items: [longest] })).status).toBe(201);
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

  it('caps an expiration at the type duration, and refuses one before the consent', async () => {
    const consentDate = START.toISOString();
    const response = await postEvents(t.app, visitor.token, {
      items: [item({ consentDate, expirationDate: '2026-04-01T10:00:00.000Z' })],
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as Batch).items[0]!.expirationDate).toBe(
      '2025-09-01T10:00:00.000Z',
    );
    expect(
      await expectRefused({ items: [item({ consentDate, expirationDate: consentDate })] }, 400),
    ).toBe('items/0/expirationDate must be after consentDate');
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
