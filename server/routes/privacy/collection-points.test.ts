import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';
import {
  addConsentKey,
  addMember,
  addOtherOrganization,
  CONSENT_KEY,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
  requestAs,
  type Credentials,
} from '../../testing/tenants.ts';

const ANALYTICS = '00000000-0000-4000-8000-0000000000c2';
const MARKETING = '00000000-0000-4000-8000-0000000000c3';
const NEWSLETTER = '00000000-0000-4000-8000-0000000000c5';
const points = (organizationId = DEMO_ORGANIZATION_ID, projectId = DEMO_PROJECT_ID) =>
  `/privacy-v1/organizations/${organizationId}/projects/${projectId}/collection-points`;

describe('Privacy API: collection points', () => {
  let t: TestContext;
  let viewer: Credentials;
  const admin: Credentials = { key: DEMO_API_KEY };

  const send = (as: Credentials, method: string, path: string, body?: unknown) =>
    requestAs(t, as, method, path, body);

  beforeAll(async () => {
    t = await createTestContext();
    await addOtherOrganization(t);
    await addConsentKey(t);
    viewer = { token: await addMember(t, { role: 'viewer' }) };
  }, 120_000);
  afterAll(() => t.db.close());

  it('numbers collection points CP001, CP002 … per organization and lists them', async () => {
    const first = await send(admin, 'POST', points(), {
      name: 'Call centre script',
      consentTypes: [ANALYTICS, MARKETING],
    });
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; displayId: string; projectId: string };
    expect(created).toMatchObject({
      displayId: 'CP001',
      projectId: DEMO_PROJECT_ID,
      organizationId: DEMO_ORGANIZATION_ID,
      consentTypes: [ANALYTICS, MARKETING],
    });
    const second = await send(admin, 'POST', points(), {
      name: 'Shop counter',
      consentTypes: [NEWSLETTER],
    });
    expect(((await second.json()) as { displayId: string }).displayId).toBe('CP002');
    const owned = await send(admin, 'POST', points(), {
      name: 'Owner numbered',
      consentTypes: [NEWSLETTER],
      displayId: 'CP010',
    });
    expect(((await owned.json()) as { displayId: string }).displayId).toBe('CP010');
    const next = await send(admin, 'POST', points(), { name: 'Next', consentTypes: [ANALYTICS] });
    expect(((await next.json()) as { displayId: string }).displayId).toBe('CP011');
    const list = await send(viewer, 'GET', points());
    expect(list.status).toBe(200);
    const body = (await list.json()) as { count: number; items: { displayId: string }[] };
    expect(body.items.map((item) => item.displayId)).toEqual(['CP001', 'CP002', 'CP010', 'CP011']);
  });

  it('refuses a display id the organization already has, and changes nothing', async () => {
    const before = await countRows(t.db, 'collection_points');
    await expectError(
      await send(admin, 'POST', points(), {
        name: 'Twin',
        consentTypes: [ANALYTICS],
        displayId: 'CP001',
      }),
      409,
    );
    expect(await countRows(t.db, 'collection_points')).toBe(before);
  });

  it('refuses bad bodies and types of no or another project', async () => {
    const before = await countRows(t.db, 'collection_points');
    await expectError(await send(admin, 'POST', points(), { name: 'No types' }), 400);
    await expectError(
      await send(admin, 'POST', points(), { name: 'x', consentTypes: [], displayId: 'CP999' }),
      400,
    );
    await expectError(
      await send(admin, 'POST', points(), {
        name: 'x',
        consentTypes: [ANALYTICS],
        displayId: 'a b',
      }),
      400,
    );
    await expectError(
      await send(admin, 'POST', points(), { name: 'x', consentTypes: [randomUUID()] }),
      422,
    );
    expect(await countRows(t.db, 'collection_points')).toBe(before);
  });

  it('changes a collection point’s name, types and display id', async () => {
    const list = (await (await send(admin, 'GET', points())).json()) as {
      items: { id: string; displayId: string }[];
    };
    const id = list.items[1]!.id;
    const changed = await send(admin, 'PATCH', `${points()}/${id}`, {
      name: 'Shop counter (new)',
      consentTypes: [NEWSLETTER, ANALYTICS],
      displayId: 'SHOP-1',
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      id,
      name: 'Shop counter (new)',
      consentTypes: [NEWSLETTER, ANALYTICS],
      displayId: 'SHOP-1',
    });
    await expectError(await send(admin, 'PATCH', `${points()}/${id}`, { displayId: 'CP001' }), 409);
    await expectError(await send(admin, 'PATCH', `${points()}/${id}`, {}), 400);
    await expectError(
      await send(admin, 'PATCH', `${points()}/${randomUUID()}`, { name: 'x' }),
      404,
    );
  });

  it('lets viewers and consent keys read but not write', async () => {
    expect((await send({ key: CONSENT_KEY }, 'GET', points())).status).toBe(200);
    const before = await countRows(t.db, 'collection_points');
    await expectError(
      await send(viewer, 'POST', points(), { name: 'x', consentTypes: [ANALYTICS] }),
      403,
    );
    await expectError(
      await send({ key: CONSENT_KEY }, 'POST', points(), { name: 'x', consentTypes: [ANALYTICS] }),
      403,
    );
    const id = ((await (await send(admin, 'GET', points())).json()) as { items: { id: string }[] })
      .items[0]!.id;
    await expectError(await send(viewer, 'PATCH', `${points()}/${id}`, { name: 'x' }), 403);
    expect(await countRows(t.db, 'collection_points')).toBe(before);
    await expectError(await send({ key: 'nope' }, 'GET', points()), 401);
  });

  it('keeps each organization’s collection points to itself', async () => {
    const other = { key: OTHER_KEY };
    // Another organization's key on this organization's path: 403.
    await expectError(await send(other, 'GET', points()), 403);
    // Its own organization with this organization's project: 404.
    await expectError(
      await send(other, 'GET', points(OTHER_ORGANIZATION_ID, DEMO_PROJECT_ID)),
      404,
    );
    const id = ((await (await send(admin, 'GET', points())).json()) as { items: { id: string }[] })
      .items[0]!.id;
    await expectError(
      await send(other, 'PATCH', `${points(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID)}/${id}`, {
        name: 'stolen',
      }),
      404,
    );
    // Display ids are per organization: the other one starts at CP001 too.
    const own = await send(other, 'POST', points(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID), {
      name: 'Theirs',
      consentTypes: [],
    });
    expect(own.status).toBe(400);
    const list = (await (
      await send(other, 'GET', points(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID))
    ).json()) as { count: number };
    expect(list.count).toBe(0);
  });
});
