import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDuration, parseDuration } from '../../../src/core/duration.ts';
import { consentEventRecordSchema } from '../../../src/core/schemas.ts';
import { insertApiKey, putApiKey } from '../../db/repositories/api-keys.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { ensureProject } from '../../db/repositories/projects.ts';
import { DEMO_PROJECT } from '../../projects/seed.ts';
import { sha256 } from '../../crypto/sha256.ts';
import type { FullConsentEventRecord } from '../../consent-events/full-record.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectToMatchSchema,
  type TestContext,
} from '../../testing/test-context.ts';

const PATH = '/demo-organization/projects/demo-project/consents/data';
const CONSENT_KEY = 'seed-002-consent-key';
const OTHER_KEY = 'seed-002-other-organization';
const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000a2';
const events = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`;

describe('POST /{orgSlug}/projects/{projectSlug}/consents/data (seed 002)', () => {
  let t: TestContext;
  beforeAll(async () => {
    // The seed's examples send `Date.now()`: the server's clock must be the real one.
    t = await createTestContext({ now: () => new Date() });
    await insertApiKey(t.db, {
      id: randomUUID(),
      organizationId: DEMO_ORGANIZATION_ID,
      name: 'web',
      keyHash: sha256(CONSENT_KEY),
      scope: 'consent',
    });
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other' });
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: '00000000-0000-4000-8000-0000000000b2',
      organizationId: OTHER_ORGANIZATION_ID,
      slug: 'demo-project',
    });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'other',
      keyHash: sha256(OTHER_KEY),
    });
  }, 60_000);
  afterAll(() => t.db.close());

  /** The events of a person as the Privacy API lists them, with `view=full`. */
  async function listed(query: string): Promise<FullConsentEventRecord[]> {
    const response = await t.app.request(`${events}?${query}&view=full`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: FullConsentEventRecord[] }).items;
  }

  it("records seed 002's first example: analytics accepted for a year from desktop", async () => {
    // Exactly as the seed writes it.
    const raw = JSON.stringify({
      action: 'accept',
      timestamp: Date.now(),
      validUntil: Date.now() + 365 * 24 * 60 * 60 * 1000,
      source: 'desktop',
      category: 'analytics',
      sourceId: 0,
      userId: 'user@example.com',
      email: 'user@example.com',
      message: 'User accepted analytics consent on cookie banner',
    });
    const sent = JSON.parse(raw) as { timestamp: number; validUntil: number };
    const response = await t.app.request(`${PATH}?apiKey=${DEMO_API_KEY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{}');
    const [event, ...more] = await listed('userId=user%40example.com');
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      label: 'analytics',
      category: 'privacy_setting',
      consentState: 'accepted',
      consentAction: 'user_click',
      consentDate: new Date(sent.timestamp).toISOString(),
      expirationDate: new Date(sent.validUntil).toISOString(),
      userId: 'user@example.com',
      email: 'user@example.com',
      surface: 'api',
      metadata: {
        source: 'desktop',
        sourceId: 0,
        message: 'User accepted analytics consent on cookie banner',
      },
    });
  });

  it("records seed 002's second example: marketing rejected, unlimited, from mobile", async () => {
    const raw = JSON.stringify({
      action: 'reject',
      timestamp: Date.now(),
      validUntil: 'unlimited',
      source: 'mobile',
      category: 'marketing',
      sourceId: 2,
      profileId: 'profile_mobile_789',
      userId: 'mobile.user@domain.com',
      message: 'User declined marketing notifications in mobile app settings',
    });
    const sent = JSON.parse(raw) as { timestamp: number };
    const response = await t.app.request(`${PATH}?apiKey=${DEMO_API_KEY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: raw,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({});
    const [event, ...more] = await listed('userId=mobile.user%40domain.com');
    expect(more).toEqual([]);
    // "unlimited" on a cookie purpose: the 13-month cap holds, and the stored expiry says so.
    const capped = new Date(sent.timestamp);
    capped.setUTCMonth(capped.getUTCMonth() + 13);
    expect(event).toMatchObject({
      label: 'marketing',
      consentState: 'declined',
      consentAction: 'user_click',
      consentDate: new Date(sent.timestamp).toISOString(),
      expirationDate: capped.toISOString(),
      surface: 'api',
      metadata: {
        source: 'mobile',
        sourceId: 2,
        profileId: 'profile_mobile_789',
        message: 'User declined marketing notifications in mobile app settings',
        validUntil: 'unlimited',
      },
    });
    expect(event).not.toHaveProperty('email');
  });

  it('keeps the listing without view=full exactly the seed 001 record', async () => {
    const response = await t.app.request(`${events}?userId=mobile.user%40domain.com`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    const { items } = (await response.json()) as { items: unknown[] };
    expect(items).toHaveLength(1);
    for (const item of items) expectToMatchSchema(consentEventRecordSchema, item);
  });

  it('stores the category cap, five years, for "unlimited" on a communication type', async () => {
    const body = { ...valid(), category: 'newsletter', validUntil: 'unlimited' };
    const response = await post(body);
    expect(response.status).toBe(200);
    const [event] = await listed('userId=u-newsletter&label=newsletter');
    const fiveYears = addDuration(new Date(Number(body.timestamp)), parseDuration('P5Y')!);
    expect(event!.expirationDate).toBe(fiveYears.toISOString());
  });

  it('applies a decision without category to every active type a person decides on', async () => {
    const body = { ...valid(), userId: 'u-all' };
    delete (body as Partial<typeof body>).category;
    expect((await post({ ...body, action: 'reject' })).status).toBe(200);
    const labels = (await listed('userId=u-all')).map((event) => event.label).sort();
    // Not `necessary` (required), not the privacy policy (a disclosure takes no decline).
    expect(labels).toEqual(['analytics', 'marketing', 'newsletter']);
  });

  function valid() {
    return {
      action: 'accept',
      timestamp: String(Date.now()),
      validUntil: String(Date.now() + 86_400_000),
      source: 'desktop',
      category: 'analytics',
      userId: 'u-newsletter',
    };
  }

  function post(body: unknown, init: { key?: string; path?: string; header?: boolean } = {}) {
    const key = init.key ?? DEMO_API_KEY;
    const path = init.path ?? PATH;
    return t.app.request(init.header ? path : `${path}?apiKey=${encodeURIComponent(key)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(init.header && { 'x-api-key': key }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  const now = Date.now();
  it.each([
    ['action', { action: 'maybe' }],
    ['action', { action: undefined }],
    ['timestamp', { timestamp: undefined }],
    ['timestamp', { timestamp: 'yesterday' }],
    ['timestamp', { timestamp: now + 10 * 60_000 }],
    ['validUntil', { validUntil: undefined }],
    ['validUntil', { validUntil: 'forever' }],
    ['validUntil', { validUntil: now - 86_400_000 }],
    ['source', { source: undefined }],
    ['source', { source: 7 }],
    ['category', { category: 'no_such_label' }],
    ['category', { category: 'necessary', action: 'reject' }],
    ['userId', { userId: undefined }],
    ['userId', { userId: '' }],
    ['email', { email: 'not an email' }],
    ['message', { message: 42 }],
  ])("answers the seed's 400 for a bad %s (%j)", async (field, change) => {
    const before = await countRows(t.db, 'consent_events');
    const response = await post({ ...valid(), timestamp: now, ...change });
    expect(response.status).toBe(400);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      statusCode: 400,
      error: 'Invalid request',
      message:
        field === 'category' && (change as { action?: string }).action === 'reject'
          ? expect.stringContaining('necessary') // the event rules' own words
          : `Required field '${field}' is missing or invalid`,
    });
    expect(await countRows(t.db, 'consent_events')).toBe(before);
  });

  it("answers the seed's 400 for a body that is not JSON", async () => {
    const response = await post('{"action":');
    expect(await response.json()).toEqual({
      statusCode: 400,
      error: 'Invalid request',
      message: "Required field 'action' is missing or invalid",
    });
  });

  it('takes the key as x-api-key, and a key of scope consent', async () => {
    expect((await post(valid(), { header: true })).status).toBe(200);
    expect((await post(valid(), { key: CONSENT_KEY })).status).toBe(200);
  });

  it("refuses a missing or unknown key, and another organization's key like an unknown slug", async () => {
    expect((await t.app.request(PATH, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await post(valid(), { key: 'nope' })).status).toBe(401);
    expect((await post(valid(), { key: OTHER_KEY })).status).toBe(404);
    expect(
      (await post(valid(), { path: '/nope/projects/demo-project/consents/data' })).status,
    ).toBe(404);
    expect(
      (await post(valid(), { path: '/demo-organization/projects/nope/consents/data' })).status,
    ).toBe(404);
    // The other organization's own project takes its own key (and, having no consent types, then
    // refuses the category).
    const own = await post(valid(), {
      key: OTHER_KEY,
      path: '/other/projects/demo-project/consents/data',
    });
    expect(await own.json()).toMatchObject({
      message: "Required field 'category' is missing or invalid",
    });
    expect(
      (await post(valid(), { path: '/other/projects/demo-project/consents/data' })).status,
    ).toBe(404);
  });
});
