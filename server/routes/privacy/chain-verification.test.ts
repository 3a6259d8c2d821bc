import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  openTestSession,
  postEvents,
  type TestContext,
} from '../../testing/test-context.ts';
import {
  addMember,
  addOtherOrganization,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
} from '../../testing/tenants.ts';

const path = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/chain-verification`;

type Line =
  | { type: 'progress'; checked: number; total: number }
  | {
      type: 'result';
      intact: boolean;
      total: number;
      events: number;
      unchained: number;
      broken?: { seq?: string; id?: string; reason: string };
      head: { seq: string; hash: string } | null;
    };

describe('GET …/projects/{projectId}/chain-verification', () => {
  let t: TestContext;
  let viewerToken: string;

  async function verify(
    query = '',
    headers: Record<string, string> = { 'x-api-key': DEMO_API_KEY },
  ) {
    const response = await t.app.request(`${path}${query}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    return (await response.text())
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as Line);
  }

  beforeAll(async () => {
    t = await createTestContext();
    await addOtherOrganization(t);
    viewerToken = await addMember(t, { role: 'viewer' });
    const visitor = await openTestSession(t.app);
    for (const labels of [['analytics', 'marketing'], ['analytics'], ['marketing', 'analytics']]) {
      const response = await postEvents(t.app, visitor.token, {
        items: labels.map((label) => ({
          concordId: visitor.concordId,
          label,
          consentState: 'accepted',
          consentAction: 'user_click',
        })),
      });
      expect(response.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.db.close());

  it('streams the progress page by page, then an intact result up to the head', async () => {
    const lines = await verify('?pageSize=2');
    expect(lines.map((line) => line.type === 'progress' && line.checked)).toEqual([
      0,
      2,
      4,
      5,
      false,
    ]);
    expect(lines.every((line) => line.total === 5)).toBe(true);
    expect(lines.at(-1)).toMatchObject({
      type: 'result',
      intact: true,
      events: 5,
      unchained: 0,
      head: { seq: expect.any(String), hash: expect.any(String) },
    });
  });

  it('lets a viewer verify with their session', async () => {
    const lines = await verify('', { authorization: `Bearer ${viewerToken}` });
    expect(lines.at(-1)).toMatchObject({ type: 'result', intact: true, events: 5 });
  });

  it('names the first broken link of an edited row', async () => {
    const { rows } = await t.db.query<{ seq: string; id: string }>(
      'select seq::text as seq, id from consent_events where project_id = $1 order by seq',
      [DEMO_PROJECT_ID],
    );
    await t.db.exec(`alter table consent_events disable trigger user;
      update consent_events set consent_state = 'declined' where seq = ${rows[2]!.seq};
      alter table consent_events enable trigger user`);
    try {
      const result = (await verify('?pageSize=2')).at(-1);
      expect(result).toMatchObject({
        type: 'result',
        intact: false,
        events: 2,
        broken: { seq: rows[2]!.seq, id: rows[2]!.id, reason: expect.stringContaining('edited') },
      });
    } finally {
      await t.db.exec(`alter table consent_events disable trigger user;
        update consent_events set consent_state = 'accepted' where seq = ${rows[2]!.seq};
        alter table consent_events enable trigger user`);
    }
    expect((await verify()).at(-1)).toMatchObject({ intact: true });
  });

  it('answers an intact, empty result for a project without events', async () => {
    const other = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${OTHER_PROJECT_ID}/chain-verification`;
    const response = await t.app.request(other, { headers: { 'x-api-key': OTHER_KEY } });
    const lines = (await response.text()).trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      type: 'result',
      intact: true,
      events: 0,
      total: 0,
      head: null,
    });
  });

  it('refuses another organization (403 with its key, 404 through its own path) and no key (401)', async () => {
    await expectError(await t.app.request(path, { headers: { 'x-api-key': OTHER_KEY } }), 403);
    const own = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/chain-verification`;
    await expectError(await t.app.request(own, { headers: { 'x-api-key': OTHER_KEY } }), 404);
    await expectError(await t.app.request(path), 401);
  });

  it('refuses a bad pageSize or an unknown parameter with a 400', async () => {
    for (const query of ['?pageSize=0', '?pageSize=10001', '?pageSize=many', '?from=2025-01-01']) {
      await expectError(
        await t.app.request(`${path}${query}`, { headers: { 'x-api-key': DEMO_API_KEY } }),
        400,
      );
    }
  });
});
