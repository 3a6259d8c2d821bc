import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCollectionPoint } from '../../db/repositories/collection-points.ts';
import { createMailer } from '../../mail/mailer.ts';
import { startSmtpCatcher, type SmtpCatcher } from '../../testing/smtp-catcher.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_OWNER_EMAIL,
  DEMO_OWNER_PASSWORD,
  DEMO_PROJECT_ID,
  expectError,
  START,
  type TestContext,
} from '../../testing/test-context.ts';
import {
  addConsentKey,
  addOtherOrganization,
  CONSENT_KEY,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
  addMember,
  logIn,
} from '../../testing/tenants.ts';

const OTHER_POINT_ID = '00000000-0000-4000-8000-0000000000ac';
/** The seed's collection point id; its asset is the demo project (the seed's `79bf87f5-xxxx…`). */
const SEED_POINT_ID = '550e8400-e29b-41d4-a716-446655440000';
const ANALYTICS = '00000000-0000-4000-8000-0000000000c2';
const MARKETING = '00000000-0000-4000-8000-0000000000c3';
const SEED_BODY = {
  collection_point_id: SEED_POINT_ID,
  asset_id: DEMO_PROJECT_ID,
  phone: '+919876543210',
  expiry_hours: 24,
};
const SEED_ANSWER_KEYS = [
  'consent_link',
  'delivery_status',
  'event_id',
  'expires_at',
  'request_id',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LinkAnswer {
  request_id: string;
  event_id: string;
  consent_link: string;
  expires_at: string;
  delivery_status: { email?: string };
}

interface Trail {
  event_id: string;
  status: string;
  events: { type: string; at: string; reason?: string }[];
}

async function prepare(t: TestContext) {
  await addOtherOrganization(t);
  await addConsentKey(t);
  await insertCollectionPoint(
    t.db,
    {
      id: SEED_POINT_ID,
      organizationId: DEMO_ORGANIZATION_ID,
      projectId: DEMO_PROJECT_ID,
      displayId: 'CP010',
      name: 'Call centre',
      consentTypes: [ANALYTICS, MARKETING],
    },
    START,
  );
  await insertCollectionPoint(
    t.db,
    {
      id: OTHER_POINT_ID,
      organizationId: OTHER_ORGANIZATION_ID,
      projectId: OTHER_PROJECT_ID,
      displayId: 'CP001',
      name: 'Theirs',
      consentTypes: [],
    },
    START,
  );
}

function post(
  t: TestContext,
  headers: Record<string, string>,
  body: unknown,
  orgId = DEMO_ORGANIZATION_ID,
) {
  return t.app.request('/api/consent/consent-links', {
    method: 'POST',
    headers: { 'X-Org-Id': orgId, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('POST /api/consent/consent-links (seed 004)', () => {
  let t: TestContext;
  let sessionToken: string;
  let viewerToken: string;
  const apiKey = { 'X-API-Key': DEMO_API_KEY };

  beforeAll(async () => {
    t = await createTestContext();
    await prepare(t);
    sessionToken = await logIn(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD);
    viewerToken = await addMember(t, { role: 'viewer' });
  }, 120_000);
  afterAll(() => t.db.close());

  it('answers the seed’s API-key example with the seed’s shape', async () => {
    const response = await t.app.request('http://localhost/api/consent/consent-links', {
      method: 'POST',
      headers: {
        'X-API-Key': DEMO_API_KEY,
        'X-Org-Id': DEMO_ORGANIZATION_ID,
        'Content-Type': 'application/json',
      },
      body: `{
"collection_point_id": "${SEED_POINT_ID}",
"asset_id": "${DEMO_PROJECT_ID}",
"phone": "+919876543210",
"expiry_hours": 24
}`,
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as LinkAnswer;
    expect(Object.keys(body).sort()).toEqual(SEED_ANSWER_KEYS);
    expect(body.request_id).toMatch(UUID);
    expect(body.event_id).toMatch(UUID);
    expect(body.request_id).not.toBe(body.event_id);
    expect(body.consent_link).toBe(`http://localhost/demo-organization/CP010/${body.event_id}`);
    expect(body.expires_at).toBe('2025-03-02T10:00:00+00:00');
    expect(body.delivery_status).toEqual({});
  });

  it('answers the seed’s Bearer session-token example with the seed’s shape', async () => {
    const response = await t.app.request('/api/consent/consent-links', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sessionToken}`,
        'X-Org-Id': DEMO_ORGANIZATION_ID,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(SEED_BODY),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as LinkAnswer;
    expect(Object.keys(body).sort()).toEqual(SEED_ANSWER_KEYS);
    expect(body.delivery_status).toEqual({});
    const trail = await t.app.request(`/api/consent/consent-links/${body.event_id}`, {
      headers: { Authorization: `Bearer ${sessionToken}`, 'X-Org-Id': DEMO_ORGANIZATION_ID },
    });
    const audit = (await trail.json()) as Trail & { events: { by?: string }[] };
    expect(audit.events[0]).toMatchObject({
      type: 'created',
      by: expect.stringMatching(/^member:/),
    });
  });

  it('takes the display id, a consent key, a 10-digit phone and the default expiry', async () => {
    const response = await post(
      t,
      { 'X-API-Key': CONSENT_KEY },
      { collection_point_id: 'CP010', asset_id: DEMO_PROJECT_ID, phone: '9876543210' },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as LinkAnswer;
    expect(body.expires_at).toBe('2025-03-02T10:00:00+00:00');
    const { rows } = await t.db.query<{ phone: string }>(
      'select phone from consent_links where id = $1',
      [body.event_id],
    );
    expect(rows[0]!.phone).toBe('+919876543210');
  });

  it('prefixes 10-digit numbers with the organization’s own calling code once set', async () => {
    const settings = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/consent-link-settings`;
    const set = await t.app.request(settings, {
      method: 'PATCH',
      headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ defaultCallingCode: '+1' }),
    });
    expect(set.status).toBe(200);
    try {
      const response = await post(t, apiKey, { ...SEED_BODY, phone: '2015550123' });
      const { event_id } = (await response.json()) as LinkAnswer;
      const { rows } = await t.db.query<{ phone: string }>(
        'select phone from consent_links where id = $1',
        [event_id],
      );
      expect(rows[0]!.phone).toBe('+12015550123');
      await expectError(
        await t.app.request(settings, {
          method: 'PATCH',
          headers: { 'x-api-key': OTHER_KEY, 'content-type': 'application/json' },
          body: JSON.stringify({ defaultCallingCode: '+44' }),
        }),
        403,
      );
    } finally {
      await t.app.request(settings, {
        method: 'PATCH',
        headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ defaultCallingCode: '+91' }),
      });
    }
  });

  it.each([
    ['a missing phone', { ...SEED_BODY, phone: undefined }, 400],
    ['a phone no numbering plan gives out', { ...SEED_BODY, phone: '+910000000000' }, 422],
    ['a phone of 7 digits', { ...SEED_BODY, phone: '9876543' }, 422],
    ['25 hours', { ...SEED_BODY, expiry_hours: 25 }, 400],
    ['0 hours', { ...SEED_BODY, expiry_hours: 0 }, 400],
    ['1.5 hours', { ...SEED_BODY, expiry_hours: 1.5 }, 400],
    ['another asset', { ...SEED_BODY, asset_id: OTHER_PROJECT_ID }, 422],
    [
      'another organization’s collection point',
      { ...SEED_BODY, collection_point_id: OTHER_POINT_ID },
      404,
    ],
    ['an unknown display id', { ...SEED_BODY, collection_point_id: 'CP999' }, 404],
    [
      'a future data_collection_timestamp',
      { ...SEED_BODY, data_collection_timestamp: '2025-03-01T12:00:00Z' },
      422,
    ],
    ['a timestamp that is no date', { ...SEED_BODY, data_collection_timestamp: 'yesterday' }, 400],
    ['an email that is no address', { ...SEED_BODY, email: 'not an address' }, 400],
    ['a field the seed does not have', { ...SEED_BODY, name: 'x' }, 400],
  ])('refuses %s and makes no link', async (_name, body, status) => {
    const before = await countRows(t.db, 'consent_links');
    const audit = await countRows(t.db, 'consent_link_audit');
    await expectError(await post(t, apiKey, body), status);
    expect(await countRows(t.db, 'consent_links')).toBe(before);
    expect(await countRows(t.db, 'consent_link_audit')).toBe(audit);
  });

  it('accepts a past data_collection_timestamp and keeps it', async () => {
    const response = await post(t, apiKey, {
      ...SEED_BODY,
      data_collection_timestamp: '2025-02-01T09:30:00Z',
    });
    expect(response.status).toBe(201);
  });

  it.each([
    ['no credential', {}, DEMO_ORGANIZATION_ID, 401],
    ['an unknown key', { 'X-API-Key': 'nope' }, DEMO_ORGANIZATION_ID, 401],
    ['an unknown session', { Authorization: 'Bearer asm_nope' }, DEMO_ORGANIZATION_ID, 401],
    ['another organization’s key', { 'X-API-Key': OTHER_KEY }, DEMO_ORGANIZATION_ID, 403],
    [
      'a key for another organization id',
      { 'X-API-Key': DEMO_API_KEY },
      OTHER_ORGANIZATION_ID,
      403,
    ],
    ['no organization id', { 'X-API-Key': DEMO_API_KEY }, '', 400],
  ])('refuses %s and makes no link', async (_name, headers, orgId, status) => {
    const before = await countRows(t.db, 'consent_links');
    await expectError(await post(t, headers, SEED_BODY, orgId), status);
    expect(await countRows(t.db, 'consent_links')).toBe(before);
  });

  it('refuses a viewer and a member of another organization', async () => {
    const before = await countRows(t.db, 'consent_links');
    await expectError(await post(t, { Authorization: `Bearer ${viewerToken}` }, SEED_BODY), 403);
    await expectError(
      await post(t, { Authorization: `Bearer ${sessionToken}` }, SEED_BODY, OTHER_ORGANIZATION_ID),
      403,
    );
    // The other organization's key cannot reach this organization's collection point either.
    await expectError(
      await post(t, { 'X-API-Key': OTHER_KEY }, SEED_BODY, OTHER_ORGANIZATION_ID),
      404,
    );
    expect(await countRows(t.db, 'consent_links')).toBe(before);
  });

  it('answers the audit trail to its organization only', async () => {
    const created = (await (await post(t, apiKey, SEED_BODY)).json()) as LinkAnswer;
    const path = `/api/consent/consent-links/${created.event_id}`;
    const response = await t.app.request(path, {
      headers: { 'X-API-Key': DEMO_API_KEY, 'X-Org-Id': DEMO_ORGANIZATION_ID },
    });
    expect(response.status).toBe(200);
    const trail = (await response.json()) as Trail;
    expect(trail).toMatchObject({ event_id: created.event_id, status: 'active' });
    expect(trail.events.map((event) => event.type)).toEqual(['created']);
    await expectError(
      await t.app.request(path, {
        headers: { 'X-API-Key': OTHER_KEY, 'X-Org-Id': OTHER_ORGANIZATION_ID },
      }),
      404,
    );
    await expectError(
      await t.app.request(path, {
        headers: { 'X-API-Key': OTHER_KEY, 'X-Org-Id': DEMO_ORGANIZATION_ID },
      }),
      403,
    );
    await expectError(
      await t.app.request(path, { headers: { 'X-Org-Id': DEMO_ORGANIZATION_ID } }),
      401,
    );
    await expectError(
      await t.app.request(`/api/consent/consent-links/${randomUUID()}`, {
        headers: { 'X-API-Key': DEMO_API_KEY, 'X-Org-Id': DEMO_ORGANIZATION_ID },
      }),
      404,
    );
    t.clock.now = new Date(START.getTime() + 24 * 3600_000);
    try {
      const later = (await (
        await t.app.request(path, {
          headers: { 'X-API-Key': DEMO_API_KEY, 'X-Org-Id': DEMO_ORGANIZATION_ID },
        })
      ).json()) as Trail;
      expect(later.status).toBe('expired');
    } finally {
      t.clock.now = START;
    }
  });
});

describe('consent links: rate limit', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({
      rateLimits: {
        perIp: false,
        perSession: false,
        consentLinks: { burst: 2, perSecond: 1 / 60 },
      },
    });
    await prepare(t);
  }, 120_000);
  afterAll(() => t.db.close());

  it('limits links per key and makes none past the limit', async () => {
    expect((await post(t, { 'X-API-Key': DEMO_API_KEY }, SEED_BODY)).status).toBe(201);
    expect((await post(t, { 'X-API-Key': DEMO_API_KEY }, SEED_BODY)).status).toBe(201);
    const refused = await post(t, { 'X-API-Key': DEMO_API_KEY }, SEED_BODY);
    await expectError(refused, 429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await countRows(t.db, 'consent_links')).toBe(2);
    // Another key has its own bucket.
    expect((await post(t, { 'X-API-Key': CONSENT_KEY }, SEED_BODY)).status).toBe(201);
  });
});

describe('consent links: mail', () => {
  let catcher: SmtpCatcher;
  let refusing: SmtpCatcher;
  let t: TestContext;
  let tRefused: TestContext;
  let tUnconfigured: TestContext;

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    refusing = await startSmtpCatcher({ refuse: true });
    t = await createTestContext({
      mailer: createMailer({ smtpUrl: catcher.url }),
      demoMail: () => catcher.mails,
    });
    tRefused = await createTestContext({ mailer: createMailer({ smtpUrl: refusing.url }) });
    tUnconfigured = await createTestContext();
    for (const context of [t, tRefused, tUnconfigured]) await prepare(context);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([t.db.close(), tRefused.db.close(), tUnconfigured.db.close()]);
    await Promise.all([catcher.close(), refusing.close()]);
  });

  async function trailOf(context: TestContext, eventId: string): Promise<Trail> {
    const response = await context.app.request(`/api/consent/consent-links/${eventId}`, {
      headers: { 'X-API-Key': DEMO_API_KEY, 'X-Org-Id': DEMO_ORGANIZATION_ID },
    });
    return (await response.json()) as Trail;
  }

  it('mails a branded link with a plain-text part, its expiry and no image', async () => {
    const response = await post(
      t,
      { 'X-API-Key': DEMO_API_KEY },
      {
        ...SEED_BODY,
        email: 'person@example.com',
        expiry_hours: 2,
      },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as LinkAnswer;
    expect(body.delivery_status).toEqual({ email: 'sent' });
    const mail = await catcher.next('person@example.com');
    expect(mail.subject).toBe('Your privacy choices for Northwind Coffee Co.');
    expect(mail.text).toContain(body.consent_link);
    // ICU puts a narrow no-break space before PM.
    expect(mail.text).toMatch(/This link works until March 1, 2025 at 12:00\sPM UTC\./u);
    expect(mail.html).toContain(`href="${body.consent_link}"`);
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).not.toMatch(/<img|url\(|<script/i);
    expect(mail.headers['content-language']).toBe('en');
    const trail = await trailOf(t, body.event_id);
    expect(trail.events.map((event) => event.type)).toEqual(['created', 'email_sent']);
  });

  it('shows the demo catcher’s mail to the link’s organization only', async () => {
    const mine = await t.app.request(
      `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/demo-mail`,
      { headers: { 'x-api-key': DEMO_API_KEY } },
    );
    const body = (await mine.json()) as { count: number; items: { to: string[]; html: string }[] };
    expect(body.count).toBe(1);
    expect(body.items[0]!.to).toEqual(['person@example.com']);
    const theirs = await t.app.request(
      `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/demo-mail`,
      { headers: { 'x-api-key': OTHER_KEY } },
    );
    expect(((await theirs.json()) as { count: number }).count).toBe(0);
    await expectError(
      await t.app.request(`/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/demo-mail`, {
        headers: { 'x-api-key': OTHER_KEY },
      }),
      403,
    );
    // Without ASSENT_DEMO_MAIL there is no catcher: no mail, and it says so.
    const off = await tUnconfigured.app.request(
      `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/demo-mail`,
      { headers: { 'x-api-key': DEMO_API_KEY } },
    );
    expect(off.status).toBe(200);
    expect(await off.json()).toEqual({ enabled: false, count: 0, items: [] });
  });

  it('answers failed, with the reason in the trail, when the server refuses', async () => {
    const response = await post(
      tRefused,
      { 'X-API-Key': DEMO_API_KEY },
      {
        ...SEED_BODY,
        email: 'person@example.com',
      },
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as LinkAnswer;
    expect(body.delivery_status).toEqual({ email: 'failed' });
    const trail = await trailOf(tRefused, body.event_id);
    expect(trail.events[1]).toMatchObject({
      type: 'email_failed',
      reason: expect.stringContaining('550'),
    });
  });

  it('answers failed, with the reason in the trail, when no SMTP server is configured', async () => {
    const response = await post(
      tUnconfigured,
      { 'X-API-Key': DEMO_API_KEY },
      {
        ...SEED_BODY,
        email: 'person@example.com',
      },
    );
    const body = (await response.json()) as LinkAnswer;
    expect(body.delivery_status).toEqual({ email: 'failed' });
    const trail = await trailOf(tUnconfigured, body.event_id);
    expect(trail.events[1]).toEqual({
      type: 'email_failed',
      at: '2025-03-01T10:00:00+00:00',
      reason: 'no SMTP server configured (ASSENT_SMTP_URL)',
    });
  });
});
