import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consentEventRecordSchema,
  consentEventsResponseSchema,
  errorSchema,
} from '../../../src/core/schemas.ts';
import { IDENTIFIER_MAX_LENGTH } from '../../../src/core/identifiers.ts';
import type { ConsentEventRecord } from '../../../src/core/types.ts';
import { putApiKey } from '../../db/repositories/api-keys.ts';
import { ensureOrganization } from '../../db/repositories/organizations.ts';
import { sha256 } from '../../crypto/sha256.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  expectToMatchSchema,
  openTestSession,
  postEvents,
  START,
  type TestContext,
} from '../../testing/test-context.ts';
import {
  addOtherOrganization,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
} from '../../testing/tenants.ts';

const base = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`;

interface Page {
  items: ConsentEventRecord[];
  nextCursor: string | null;
}

describe('GET /privacy-v1/organizations/{organizationId}/projects/{projectId}/consent-events', () => {
  let t: TestContext;
  const sent: ConsentEventRecord[] = [];
  let firstVisitor: string;

  beforeAll(async () => {
    t = await createTestContext();
    await addOtherOrganization(t);
    for (const [index, [label, state]] of [
      ['analytics', 'accepted'],
      ['marketing', 'declined'],
      ['analytics', 'declined'],
      ['privacy_policy', 'viewed'],
      ['marketing', 'accepted'],
    ].entries()) {
      // The Site API takes the server's clock (issue 22 §2): the clock is moved, not the dates.
      t.clock.now = new Date(`2025-01-0${index + 1}T00:00:00Z`);
      const visitor = await openTestSession(t.app);
      if (index === 0) firstVisitor = visitor.concordId;
      const response = await postEvents(t.app, visitor.token, {
        items: [
          {
            concordId: visitor.concordId,
            label,
            consentState: state,
            consentAction: 'user_click',
            consentDate: `2025-01-0${index + 1}T00:00:00Z`,
          },
        ],
      });
      sent.push(...((await response.json()) as Page).items);
    }
    t.clock.now = START;
  }, 60_000);
  afterAll(() => t.db.close());

  function list(query = '', key: string | null = DEMO_API_KEY, url = base) {
    return t.app.request(`${url}${query}`, { headers: key === null ? {} : { 'x-api-key': key } });
  }

  it('lists the project events in insertion order with no next page', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    const page = (await response.json()) as Page;
    expect(page).toEqual({ items: sent, nextCursor: null });
    for (const record of page.items) expectToMatchSchema(consentEventRecordSchema, record);
  });

  it('pages with limit and the cursor of the previous page', async () => {
    const seen: ConsentEventRecord[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await (
        await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()) as Page;
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(sent);
  });

  it('filters by label, state, consent type, visitor and consent date range', async () => {
    const ids = async (query: string) =>
      ((await (await list(query)).json()) as Page).items.map((record) => record.id);
    expect(await ids('?label=analytics')).toEqual([sent[0]!.id, sent[2]!.id]);
    expect(await ids('?consentState=accepted')).toEqual([sent[0]!.id, sent[4]!.id]);
    expect(await ids('?consentType=00000000-0000-4000-8000-0000000000c3')).toEqual([
      sent[1]!.id,
      sent[4]!.id,
    ]);
    expect(await ids(`?concordId=${firstVisitor}`)).toEqual([sent[0]!.id]);
    expect(await ids('?from=2025-01-02&to=2025-01-04T00:00:00Z')).toEqual([
      sent[1]!.id,
      sent[2]!.id,
    ]);
    expect(await ids('?label=marketing&consentState=accepted')).toEqual([sent[4]!.id]);
  });

  it('finds one event by its id, and none for an unknown id', async () => {
    const ids = async (query: string) =>
      ((await (await list(query)).json()) as Page).items.map((record) => record.id);
    expect(await ids(`?id=${sent[2]!.id}`)).toEqual([sent[2]!.id]);
    expect(await ids(`?id=${sent[2]!.id}&label=marketing`)).toEqual([]);
    expect(await ids(`?id=${randomUUID()}`)).toEqual([]);
  });

  it('does not find another organization event by its id', async () => {
    const foreign = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${OTHER_PROJECT_ID}/consent-events`;
    const response = await list(`?id=${sent[0]!.id}`, OTHER_KEY, foreign);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Page).items).toEqual([]);
    await expectError(await list(`?id=${sent[0]!.id}`, OTHER_KEY), 403);
  });

  it('refuses a missing or unknown API key with a 401', async () => {
    expect(await expectError(await list('', null), 401)).toContain('x-api-key');
    await expectError(await list('', 'wrong-key'), 401);
  });

  it('refuses another organization key with a 403', async () => {
    await expectError(await list('', OTHER_KEY), 403);
  });

  it('answers 404 for a project outside the organization and 400 for ids that are not uuids', async () => {
    const foreign = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`;
    await expectError(await list('', OTHER_KEY, foreign), 404);
    await expectError(
      await list(
        '',
        DEMO_API_KEY,
        `/privacy-v1/organizations/acme/projects/${DEMO_PROJECT_ID}/consent-events`,
      ),
      400,
    );
    await expectError(
      await list(
        '',
        DEMO_API_KEY,
        `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/shop/consent-events`,
      ),
      400,
    );
  });

  it('refuses bad query values with a 400', async () => {
    for (const query of [
      '?limit=0',
      '?limit=1001',
      '?limit=ten',
      '?cursor=bogus',
      '?consentType=analytics',
      '?concordId=me',
      '?id=not-a-uuid',
      '?label=Bad-Label',
      '?consentState=maybe',
      '?from=yesterday',
      '?to=2025-13-45',
      '?limit=1&limit=2',
      '?consent_state=accepted',
    ]) {
      await expectError(await list(query), 400);
    }
  });
});

describe('POST /privacy-v1/organizations/{organizationId}/projects/{projectId}/consent-events', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other' });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'test',
      keyHash: sha256(OTHER_KEY),
    });
  }, 60_000);
  afterAll(() => t.db.close());

  function post(body: unknown, key: string | null = DEMO_API_KEY, url = base) {
    return t.app.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key !== null && { 'x-api-key': key }),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function expectRefused(response: Response | Promise<Response>, status: number) {
    const before = await countRows(t.db, 'consent_events');
    const message = await expectError(await response, status);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
    return message;
  }

  it('imports events named by any identifier and answers seed 000 201 shape', async () => {
    const response = await post({
      items: [
        { userId: 'u-1', label: 'analytics', consentState: 'accepted', consentAction: 'import' },
        {
          email: 'Ann@Example.com',
          consentType: '00000000-0000-4000-8000-0000000000c3',
          consentState: 'declined',
          consentAction: 'import',
          consentDate: '2025-02-01T12:00:00Z',
        },
        {
          concordId: '5b0c5b8e-7c64-4a1f-9a51-1c1c2f0e8a11',
          label: 'privacy_policy',
          category: 'disclosure',
          consentState: 'viewed',
          consentAction: 'implied',
        },
      ],
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { count: number; items: ConsentEventRecord[] };
    expectToMatchSchema(consentEventsResponseSchema, body);
    expect(body.count).toBe(3);
    expect(body.items.map((item) => item.label)).toEqual([
      'analytics',
      'marketing',
      'privacy_policy',
    ]);
    expect(body.items[1]!.consentDate).toBe('2025-02-01T12:00:00.000Z');
    expect(body.items[2]!.concordId).toBe('5b0c5b8e-7c64-4a1f-9a51-1c1c2f0e8a11');
    expect(body.items[0]!.session).toBeUndefined();
  });

  it('gives the same derived concordId to every import of the same person', async () => {
    const once = async () =>
      (
        (await (
          await post({
            items: [
              {
                projectUserId: 'p-7',
                label: 'analytics',
                consentState: 'accepted',
                consentAction: 'import',
              },
            ],
          })
        ).json()) as { items: ConsentEventRecord[] }
      ).items[0]!.concordId;
    const first = await once();
    expect(await once()).toBe(first);
    const list = await t.app.request(`${base}?projectUserId=p-7`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    const page = (await list.json()) as Page;
    expect(page.items.map((item) => item.concordId)).toEqual([first, first]);
  });

  it('refuses a body outside seed 000 schema with a 400 and stores nothing', async () => {
    const valid = {
      userId: 'u',
      label: 'analytics',
      consentState: 'accepted',
      consentAction: 'import',
    };
    for (const body of [
      {},
      { items: [] },
      { items: [valid], extra: 1 },
      { items: [{ ...valid, id: randomUUID() }] },
      { items: [{ ...valid, userId: undefined }] },
      { items: [{ ...valid, consentState: 'maybe' }] },
      { items: [{ ...valid, label: 'Analytics!' }] },
      { items: [{ ...valid, email: 'not-an-email' }] },
      { items: [{ ...valid, consentDate: 'yesterday' }] },
      'not json',
    ]) {
      await expectRefused(post(body), 400);
    }
  });

  describe('keeps the caller dates within the rules (issue 22 §2)', () => {
    const imported = { userId: 'u-dates', label: 'analytics', consentState: 'accepted' };

    it('keeps an import dated 400 days back with its expiry within the cap', async () => {
      const consentDate = new Date(START.getTime() - 400 * 86_400_000).toISOString();
      const expirationDate = new Date(START.getTime() - 200 * 86_400_000).toISOString();
      const response = await post({
        items: [{ ...imported, consentAction: 'import', consentDate, expirationDate }],
      });
      expect(response.status).toBe(201);
      const [record] = ((await response.json()) as { items: ConsentEventRecord[] }).items;
      expect(record).toMatchObject({
        consentDate,
        expirationDate,
        dateCreated: START.toISOString(),
      });
    });

    it('refuses a consentDate later than the server clock allows with 400', async () => {
      for (const offset of [6 * 60_000, 86_400_000, 730 * 86_400_000]) {
        const consentDate = new Date(START.getTime() + offset).toISOString();
        expect(
          await expectRefused(
            post({ items: [{ ...imported, consentAction: 'import', consentDate }] }),
            400,
          ),
        ).toBe(
          `items/0/consentDate ${consentDate} is in the future (the server clock is ${START.toISOString()})`,
        );
      }
      const justAhead = new Date(START.getTime() + 4 * 60_000).toISOString();
      const ok = await post({
        items: [{ ...imported, consentAction: 'import', consentDate: justAhead }],
      });
      expect(ok.status).toBe(201);
    });

    it('refuses an expiration past the category cap, or before the consent, with 400', async () => {
      const consentDate = '2024-01-31T00:00:00.000Z';
      const send = (expirationDate: string) =>
        post({ items: [{ ...imported, consentAction: 'import', consentDate, expirationDate }] });
      expect(await expectRefused(send('2025-03-01T00:00:00.000Z'), 400)).toBe(
        'items/0/expirationDate is later than consentDate + P13M, the longest a "privacy_setting" consent may last',
      );
      expect(await expectRefused(send(consentDate), 400)).toBe(
        'items/0/expirationDate must be after consentDate',
      );
      expect((await send('2025-02-28T00:00:00.000Z')).status).toBe(201);
      const disclosure = {
        userId: 'u-dates',
        label: 'privacy_policy',
        consentState: 'viewed',
        consentAction: 'import',
        consentDate,
      };
      expect(
        await expectRefused(
          post({ items: [{ ...disclosure, expirationDate: '2034-01-31T00:00:00.000Z' }] }),
          400,
        ),
      ).toContain('later than consentDate + P5Y');
    });
  });

  it('refuses an identifier longer than IDENTIFIER_MAX_LENGTH, and finds the longest it stores (issue 22 §5)', async () => {
    const event = { label: 'analytics', consentState: 'accepted', consentAction: 'import' };
    expect(
      await expectRefused(post({ items: [{ ...event, projectUserId: 'x'.repeat(10_000) }] }), 400),
    ).toBe(`items/0/projectUserId must be at most ${IDENTIFIER_MAX_LENGTH} characters`);
    const projectUserId = 'y'.repeat(IDENTIFIER_MAX_LENGTH);
    const response = await post({ items: [{ ...event, projectUserId }] });
    expect(response.status).toBe(201);
    const [record] = ((await response.json()) as { items: ConsentEventRecord[] }).items;
    const found = await t.app.request(`${base}?projectUserId=${projectUserId}`, {
      headers: { 'x-api-key': DEMO_API_KEY },
    });
    expect(found.status).toBe(200);
    const page = (await found.json()) as { items: ConsentEventRecord[] };
    expect(page.items.map((item) => item.id)).toEqual([record!.id]);
  });

  it('refuses a missing or unknown key with 401 and another organization key with 403', async () => {
    const body = {
      items: [
        { userId: 'u', label: 'analytics', consentState: 'accepted', consentAction: 'import' },
      ],
    };
    await expectRefused(post(body, null), 401);
    await expectRefused(post(body, 'nope'), 401);
    await expectRefused(post(body, OTHER_KEY), 403);
  });

  it('answers 404 for a project outside the organization', async () => {
    const body = {
      items: [
        { userId: 'u', label: 'analytics', consentState: 'accepted', consentAction: 'import' },
      ],
    };
    const foreign = `/privacy-v1/organizations/${OTHER_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}/consent-events`;
    await expectRefused(post(body, OTHER_KEY, foreign), 404);
  });

  it('refuses an unknown consent type or a mismatched label with 422 and stores nothing', async () => {
    const item = { userId: 'u', consentState: 'accepted', consentAction: 'import' };
    await expectRefused(post({ items: [{ ...item, label: 'nosuch' }] }), 422);
    await expectRefused(post({ items: [{ ...item, consentType: randomUUID() }] }), 422);
    await expectRefused(
      post({
        items: [
          { ...item, label: 'analytics' },
          { ...item, consentType: '00000000-0000-4000-8000-0000000000c2', label: 'marketing' },
        ],
      }),
      422,
    );
  });

  it('answers errors in seed 000 error shape', async () => {
    const response = await post({ items: [] });
    expectToMatchSchema(errorSchema, await response.json());
  });
});

describe('exports of GET …/consent-events', () => {
  let t: TestContext;
  const headers = (accept: string) => ({ 'x-api-key': DEMO_API_KEY, accept });

  beforeAll(async () => {
    t = await createTestContext();
    const items = Array.from({ length: 1200 }, (_, index) => ({
      userId: index === 7 ? '=HYPERLINK("x")' : `user-${index}`,
      label: index % 2 ? 'analytics' : 'marketing',
      consentState: 'accepted',
      consentAction: 'import',
    }));
    for (let start = 0; start < items.length; start += 300) {
      const response = await t.app.request(base, {
        method: 'POST',
        headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ items: items.slice(start, start + 300) }),
      });
      expect(response.status).toBe(201);
    }
  }, 120_000);
  afterAll(() => t.db.close());

  it('streams every matching event as NDJSON across several pages', async () => {
    const response = await t.app.request(`${base}?label=analytics`, {
      headers: headers('application/x-ndjson'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await response.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(600);
    const first = JSON.parse(lines[0]!) as { label: string; userId: string };
    expect(first).toMatchObject({ label: 'analytics', userId: 'user-1' });
  });

  it('streams CSV with a header row and neutralises formula-like values', async () => {
    const response = await t.app.request(base, { headers: headers('text/csv') });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await response.text()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(1201);
    expect(rows[0]!.split(',').slice(0, 4)).toEqual(['id', 'dateCreated', 'concordId', 'userId']);
    expect(rows[8]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('streams only a header when nothing matches', async () => {
    const response = await t.app.request(`${base}?userId=nobody`, { headers: headers('text/csv') });
    expect((await response.text()).split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('checks the query and the key before it streams', async () => {
    await expectError(
      await t.app.request(`${base}?label=BAD`, { headers: headers('text/csv') }),
      400,
    );
    await expectError(
      await t.app.request(base, { headers: { accept: 'text/csv', 'x-api-key': 'nope' } }),
      401,
    );
  });
});
