import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCollectionPoint } from '../../db/repositories/collection-points.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  START,
  type TestContext,
} from '../../testing/test-context.ts';

const POINT_ID = '550e8400-e29b-41d4-a716-446655440000';
const ANALYTICS = '00000000-0000-4000-8000-0000000000c2';
const MARKETING = '00000000-0000-4000-8000-0000000000c3';
const PRIVACY_POLICY = '00000000-0000-4000-8000-0000000000c4';
const PHONE = '+919876543210';
const OTHER_PHONE = '+919812345678';
const ORIGIN = 'http://localhost';

interface LinkAnswer {
  event_id: string;
  consent_link: string;
}

describe('the hosted consent-link page', () => {
  let t: TestContext;
  let link: LinkAnswer;
  let path: string;
  let other: LinkAnswer;

  async function createLink(phone: string, email?: string): Promise<LinkAnswer> {
    const response = await t.app.request('/api/consent/consent-links', {
      method: 'POST',
      headers: {
        'X-API-Key': DEMO_API_KEY,
        'X-Org-Id': DEMO_ORGANIZATION_ID,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        collection_point_id: 'CP001',
        asset_id: DEMO_PROJECT_ID,
        phone,
        expiry_hours: 2,
        ...(email && { email }),
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as LinkAnswer;
  }

  function choose(to: string, states: Record<string, string>, origin: string | null = ORIGIN) {
    return t.app.request(`${ORIGIN}${to}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin && { origin }) },
      body: JSON.stringify({ states }),
    });
  }

  /** The JSON data block the page hands its script. */
  function pageData(html: string) {
    const json = /<script type="application\/json" id="assent-link-data">(.*?)<\/script>/s.exec(
      html,
    )![1]!;
    return JSON.parse(json) as {
      types: { label: string }[];
      decisions: Record<string, { state: string }>;
      language: string;
    };
  }

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, {
      id: '00000000-0000-4000-8000-0000000000aa',
      name: 'O',
      slug: 'other',
    });
    await insertCollectionPoint(
      t.db,
      {
        id: POINT_ID,
        organizationId: DEMO_ORGANIZATION_ID,
        projectId: DEMO_PROJECT_ID,
        displayId: 'CP001',
        name: 'Call centre',
        consentTypes: [ANALYTICS, MARKETING, PRIVACY_POLICY],
      },
      START,
    );
    link = await createLink(PHONE, 'person@example.com');
    path = new URL(link.consent_link).pathname;
    other = await createLink(OTHER_PHONE);
  }, 120_000);
  afterAll(() => t.db.close());

  it('serves a standalone page under a strict CSP with the organization and the point’s types', async () => {
    const response = await t.app.request(path, {
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
    });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const html = await response.text();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('Northwind Coffee Co.');
    expect(html).toContain('<h1>Call centre</h1>');
    expect(html).toContain('<script type="module" src="/assent/link-page.js"></script>');
    // No inline script or style: every script element is the module or the data block.
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!.trim());
    expect(scripts).toEqual([
      'type="application/json" id="assent-link-data"',
      'type="module" src="/assent/link-page.js"',
    ]);
    expect(html).not.toMatch(/\sstyle=|<style/);
    const data = pageData(html);
    expect(data.types.map((type) => type.label)).toEqual([
      'analytics',
      'marketing',
      'privacy_policy',
    ]);
    expect(data.decisions).toEqual({});
  });

  it('speaks the Accept-Language language, with a switcher of the 32 languages', async () => {
    const arabic = await (
      await t.app.request(path, { headers: { 'accept-language': 'ar-EG' } })
    ).text();
    expect(arabic).toContain('<html lang="ar" dir="rtl">');
    expect(pageData(arabic).language).toBe('ar');
    expect(arabic.match(/<option /g)).toHaveLength(32);
    expect(arabic).toContain('<option value="ar" selected lang="ar">العربية</option>');
    const german = await (
      await t.app.request(`${path}?lang=de`, { headers: { 'accept-language': 'ar' } })
    ).text();
    expect(german).toContain('<html lang="de" dir="ltr">');
  });

  it('records choices as user_click events of the link’s person with surface link', async () => {
    const response = await choose(path, { analytics: 'accepted', marketing: 'declined' });
    expect(response.status).toBe(201);
    const listed = await t.app.request(
      `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events?phoneNumber=${encodeURIComponent(PHONE)}&view=full`,
      { headers: { 'x-api-key': DEMO_API_KEY } },
    );
    const { items } = (await listed.json()) as {
      items: {
        label: string;
        consentState: string;
        consentAction: string;
        surface: string;
        phoneNumber: string;
        email: string;
        metadata: Record<string, string>;
      }[];
    };
    const byLabel = Object.fromEntries(items.map((item) => [item.label, item]));
    expect(Object.keys(byLabel).sort()).toEqual(['analytics', 'marketing', 'privacy_policy']);
    expect(byLabel.analytics).toMatchObject({
      consentState: 'accepted',
      consentAction: 'user_click',
      surface: 'link',
      phoneNumber: PHONE,
      email: 'person@example.com',
      metadata: {
        consentLinkId: link.event_id,
        collectionPointId: POINT_ID,
        collectionPointDisplayId: 'CP001',
      },
    });
    expect(byLabel.marketing!.consentState).toBe('declined');
    // The disclosure shown with the choice is acknowledged.
    expect(byLabel.privacy_policy!.consentState).toBe('accepted');
  });

  it('shows what is recorded and lets the person change it', async () => {
    const before = pageData(await (await t.app.request(path)).text());
    expect(before.decisions.analytics!.state).toBe('accepted');
    expect(before.decisions.marketing!.state).toBe('declined');
    expect((await choose(path, { analytics: 'declined', marketing: 'accepted' })).status).toBe(201);
    const after = pageData(await (await t.app.request(`${path}?saved=1`)).text());
    expect(after.decisions.analytics!.state).toBe('declined');
    expect(after.decisions.marketing!.state).toBe('accepted');
  });

  it('never shows one person’s decisions on another person’s link', async () => {
    const html = await (await t.app.request(new URL(other.consent_link).pathname)).text();
    expect(pageData(html).decisions).toEqual({});
    expect(html).not.toContain(PHONE);
    expect(html).not.toContain('person@example.com');
  });

  it('refuses choices from elsewhere, of other types and bad states, and records nothing', async () => {
    const before = await countRows(t.db, 'consent_events');
    await expectError(await choose(path, { analytics: 'accepted' }, null), 403);
    await expectError(await choose(path, { analytics: 'accepted' }, 'https://evil.example'), 403);
    await expectError(await choose(path, { newsletter: 'accepted' }), 422);
    await expectError(await choose(path, { analytics: 'maybe' }), 400);
    await expectError(await choose(path, {}), 400);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
  });

  it('answers 404 for an unknown or tampered id, another slug or another collection point', async () => {
    const id = link.event_id;
    const tampered = id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
    for (const wrong of [
      `/demo-organization/CP001/${tampered}`,
      `/other/CP001/${id}`,
      `/demo-organization/CP002/${id}`,
      `/nobody/CP001/${id}`,
    ]) {
      const response = await t.app.request(wrong);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain('Link not found');
      expect(html).not.toContain('Northwind');
      await expectError(await choose(wrong, { analytics: 'accepted' }), 404);
    }
  });

  it('leaves the paths of other routes alone', async () => {
    const response = await t.app.request(`/admin/CP001/${link.event_id}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('keeps the trail: created, mail, opened, each decision', async () => {
    const response = await t.app.request(`/api/consent/consent-links/${link.event_id}`, {
      headers: { 'X-API-Key': DEMO_API_KEY, 'X-Org-Id': DEMO_ORGANIZATION_ID },
    });
    const trail = (await response.json()) as { events: { type: string; event_ids?: string[] }[] };
    const types = trail.events.map((event) => event.type);
    expect(types.slice(0, 3)).toEqual(['created', 'email_failed', 'opened']);
    expect(types.filter((type) => type === 'decision')).toHaveLength(2);
    expect(trail.events.find((event) => event.type === 'decision')!.event_ids).toHaveLength(3);
  });

  it('lists the organization’s links with their status, to that organization only', async () => {
    const response = await t.app.request(
      `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/consent-links`,
      { headers: { 'x-api-key': DEMO_API_KEY } },
    );
    const { items } = (await response.json()) as {
      items: { eventId: string; status: string; phone: string; collectionPointDisplayId: string }[];
    };
    const mine = items.find((item) => item.eventId === link.event_id)!;
    expect(mine).toMatchObject({ status: 'opened', collectionPointDisplayId: 'CP001' });
    expect(mine.phone).toBe('+91•••••••210');
    const other = await t.app.request(
      `/privacy-v1/organizations/00000000-0000-4000-8000-0000000000aa/consent-links`,
      { headers: { 'x-api-key': DEMO_API_KEY } },
    );
    expect(other.status).toBe(403);
  });

  it('answers 410 once the link has expired, for the page and for choices', async () => {
    t.clock.now = new Date(START.getTime() + 2 * 3600_000);
    try {
      const response = await t.app.request(path);
      expect(response.status).toBe(410);
      const html = await response.text();
      expect(html).toContain('This link has expired');
      expect(html).toContain('Ask Northwind Coffee Co. for a new link');
      await expectError(await choose(path, { analytics: 'accepted' }), 410);
    } finally {
      t.clock.now = START;
    }
    expect((await t.app.request(path)).status).toBe(200);
  });
});
