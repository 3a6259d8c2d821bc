import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentEventRecordSchema } from '../../src/core/schemas.ts';
import type { ConsentEventRecord } from '../../src/core/types.ts';
import { putApiKey } from '../repository/api-keys.ts';
import { ensureOrganization } from '../repository/organizations.ts';
import { ensureProject } from '../repository/projects.ts';
import { DEMO_PROJECT } from '../seed.ts';
import { sha256 } from '../secret.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  expectToMatchSchema,
  openTestSession,
  postEvents,
  type TestContext,
} from '../testing/test-context.ts';

const OTHER_ORGANIZATION_ID = '00000000-0000-4000-8000-0000000000aa';
const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000bb';
const OTHER_KEY = 'other-organization-key';
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
    await ensureOrganization(t.db, { id: OTHER_ORGANIZATION_ID, name: 'Other' });
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: OTHER_PROJECT_ID,
      organizationId: OTHER_ORGANIZATION_ID,
    });
    await putApiKey(t.db, {
      id: randomUUID(),
      organizationId: OTHER_ORGANIZATION_ID,
      name: 'test',
      keyHash: sha256(OTHER_KEY),
    });
    for (const [index, [label, state]] of [
      ['analytics', 'accepted'],
      ['marketing', 'declined'],
      ['analytics', 'declined'],
      ['privacy_policy', 'viewed'],
      ['marketing', 'accepted'],
    ].entries()) {
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
