import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  postEvents,
  type TestContext,
} from '../../testing/test-context.ts';

const path = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/analytics`;
const SHOWN = ['analytics', 'marketing', 'privacy_policy'];

interface Analytics {
  from: string;
  to: string;
  by: string;
  totals: Record<string, number | null>;
  rows: ({ key: string } & Record<string, number | null>)[];
  types: { label: string; accepted: number; declined: number; optInRate: number | null }[];
}

describe('Privacy API analytics', () => {
  let t: TestContext;

  async function visit(country: string, choice: Record<string, 'accepted' | 'declined'> | null) {
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/sessions`, {
      method: 'POST',
      headers: {
        origin: LOCAL_ORIGIN,
        'content-type': 'application/json',
        'cf-ipcountry': country,
      },
      body: '{}',
    });
    const session = (await response.json()) as { token: string; concordId: string };
    const event = (label: string, consentState: string, consentAction: string) => ({
      id: randomUUID(),
      concordId: session.concordId,
      label,
      consentState,
      consentAction,
    });
    // The notice: one `viewed` per type shown, as the widget records it.
    const viewed = await postEvents(t.app, session.token, {
      items: SHOWN.map((label) => event(label, 'viewed', 'implied')),
    });
    expect(viewed.status).toBe(201);
    if (!choice) return;
    const clicked = await postEvents(t.app, session.token, {
      items: [
        event('necessary', 'accepted', 'user_click'),
        event('privacy_policy', 'accepted', 'user_click'),
        ...Object.entries(choice).map(([label, state]) => event(label, state, 'user_click')),
      ],
    });
    expect(clicked.status).toBe(201);
  }

  function get(query = '', key = DEMO_API_KEY) {
    return t.app.request(`${path}${query}`, { headers: { 'x-api-key': key } });
  }

  beforeAll(async () => {
    t = await createTestContext({ geoHeader: 'cf-ipcountry' });
    await visit('DE', { analytics: 'accepted', marketing: 'accepted' });
    await visit('DE', { analytics: 'declined', marketing: 'declined' });
    await visit('FR', { analytics: 'accepted', marketing: 'declined' });
    await visit('FR', null);
  }, 60_000);
  afterAll(() => t.db.close());

  it('counts notices shown, accept all, reject all, a mix and no choice, and the consent rate', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    const body = (await response.json()) as Analytics;
    expect(body.totals).toEqual({
      noticesShown: 4,
      acceptAll: 1,
      rejectAll: 1,
      mix: 1,
      noChoice: 1,
      consentRate: 0.5,
    });
    // The last 30 days by default, each day present, the events' day counted.
    expect(body.rows).toHaveLength(30);
    expect(body.to).toBe('2025-03-01');
    expect(body.rows.at(-1)).toMatchObject({ key: '2025-03-01', noticesShown: 4 });
    expect(body.rows[0]).toMatchObject({ key: body.from, noticesShown: 0, consentRate: null });
  });

  it('answers each type’s opt-in rate', async () => {
    const body = (await (await get()).json()) as Analytics;
    const analytics = body.types.find((type) => type.label === 'analytics')!;
    const marketing = body.types.find((type) => type.label === 'marketing')!;
    expect(analytics).toMatchObject({ accepted: 2, declined: 1, optInRate: 2 / 3 });
    expect(marketing).toMatchObject({ accepted: 1, declined: 2, optInRate: 1 / 3 });
  });

  it('splits by geography', async () => {
    const body = (await (await get('?by=geography')).json()) as Analytics;
    expect(body.rows.map((row) => [row.key, row.noticesShown, row.acceptAll])).toEqual([
      ['DE', 2, 1],
      ['FR', 2, 0],
    ]);
  });

  it('counts nothing outside the range and nothing twice for a retried batch', async () => {
    const before = (await (await get('?from=2025-02-01&to=2025-02-28')).json()) as Analytics;
    expect(before.totals.noticesShown).toBe(0);
    const rows = await countRows(t.db, 'consent_rollups');
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/sessions`, {
      method: 'POST',
      headers: { origin: LOCAL_ORIGIN, 'content-type': 'application/json' },
      body: '{}',
    });
    const session = (await response.json()) as { token: string; concordId: string };
    const batch = {
      items: [
        {
          id: randomUUID(),
          concordId: session.concordId,
          label: 'analytics',
          consentState: 'viewed',
          consentAction: 'implied',
        },
      ],
    };
    await postEvents(t.app, session.token, batch);
    await postEvents(t.app, session.token, batch);
    const after = (await (await get()).json()) as Analytics;
    expect(after.totals.noticesShown).toBe(5);
    expect(await countRows(t.db, 'consent_rollups')).toBeGreaterThan(rows);
  });

  it('refuses a malformed range or dimension with a 400', async () => {
    await expectError(await get('?from=yesterday'), 400);
    await expectError(await get('?from=2025-03-02&to=2025-03-01'), 400);
    await expectError(await get('?from=2020-01-01&to=2025-03-01'), 400);
    await expectError(await get('?by=browser'), 400);
  });
});
