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
  type TestContext,
} from '../../testing/test-context.ts';

const PROJECT = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000a7';
const OTHER_KEY = 'tcf-other-organization';

const SETTINGS = {
  enabled: true,
  cmpId: 4095,
  cmpVersion: 3,
  publisherCountryCode: 'DE',
  vendors: [1, 2, 7],
  purposes: [1, 2, 3, 4, 7],
  specialFeatures: [1],
  legitimateInterestPurposes: [2, 7],
  googleAcProviders: [89, 2822],
};

describe('the TCF settings of a project (issue 20)', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other', slug: 'other7' });
    await putApiKey(t.db, {
      id: '00000000-0000-4000-8000-0000000000d7',
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'other',
      keyHash: sha256(OTHER_KEY),
    });
  }, 60_000);
  afterAll(() => t.db.close());

  const send = (method: string, body?: unknown, key = DEMO_API_KEY, path = PROJECT) =>
    t.app.request(path, {
      method,
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  const siteClient = async (region?: string) =>
    (await (
      await t.app.request(
        `/site-v1/${DEMO_PROJECT_ID}/site-client${region ? `?region=${region}` : ''}`,
      )
    ).json()) as Record<string, unknown>;

  it('reads as disabled and sends no tcf to the widget before any change', async () => {
    const project = (await (await send('GET')).json()) as { tcf: { enabled: boolean } };
    expect(project.tcf).toMatchObject({ enabled: false, vendors: [], publisherCountryCode: 'AA' });
    expect(await siteClient()).not.toHaveProperty('tcf');
  });

  it('stores the settings, returns them, and sends them with gdprApplies to the widget', async () => {
    const response = await send('PATCH', { tcf: SETTINGS });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { tcf: unknown }).tcf).toEqual(SETTINGS);
    expect(((await (await send('GET')).json()) as { tcf: unknown }).tcf).toEqual(SETTINGS);
    const { enabled: _enabled, ...sent } = SETTINGS;
    expect((await siteClient('FR')).tcf).toEqual({ ...sent, gdprApplies: true });
    expect((await siteClient('US-CA')).tcf).toEqual({ ...sent, gdprApplies: false });
    // Unknown geography fails closed: GDPR applies.
    expect((await siteClient()).tcf).toMatchObject({ gdprApplies: true });
  });

  it('changes the fields a PATCH names and keeps the others', async () => {
    await send('PATCH', { tcf: SETTINGS });
    const response = await send('PATCH', { tcf: { vendors: [3] } });
    expect(((await response.json()) as { tcf: unknown }).tcf).toEqual({
      ...SETTINGS,
      vendors: [3],
    });
    await send('PATCH', { tcf: { enabled: false } });
    expect(await siteClient()).not.toHaveProperty('tcf');
    await send('PATCH', { tcf: SETTINGS });
  });

  it('refuses bad settings with a 400 and changes nothing', async () => {
    await send('PATCH', { tcf: SETTINGS });
    for (const tcf of [
      { cmpId: 5000 },
      { publisherCountryCode: 'de' },
      { vendors: [0] },
      { vendors: [1, 1] },
      { purposes: [12] },
      { specialFeatures: [3] },
      { legitimateInterestPurposes: [1] },
      { legitimateInterestPurposes: [4, 7] },
      { enabled: true, cmpId: 1 },
      { surprise: true },
      {},
      'on',
    ]) {
      await expectError(await send('PATCH', { tcf }), 400);
    }
    expect(((await (await send('GET')).json()) as { tcf: unknown }).tcf).toEqual(SETTINGS);
  });

  it("refuses another organization's key to read or write the settings", async () => {
    await expectError(await send('GET', undefined, OTHER_KEY), 403);
    await expectError(await send('PATCH', { tcf: { enabled: false } }, OTHER_KEY), 403);
    // Its own organization's path naming this project: no such project there.
    const other = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
    await expectError(await send('GET', undefined, OTHER_KEY, other), 404);
    await expectError(await send('PATCH', { tcf: { enabled: false } }, OTHER_KEY, other), 404);
    expect(((await (await send('GET')).json()) as { tcf: unknown }).tcf).toEqual(SETTINGS);
  });
});
