import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsentType } from '../../db/repositories/consent-types.ts';
import { listAuditEntries } from '../../db/repositories/audit-entries.ts';
import { verifyChains } from '../../consent-events/chain-verification.ts';
import { DEMO_CONSENT_TYPES } from '../../projects/seed.ts';
import type { PersonExport } from '../../people/person-export.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  identityToken,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';
import {
  addOtherOrganization,
  OTHER_KEY,
  OTHER_ORGANIZATION_ID,
  OTHER_PROJECT_ID,
} from '../../testing/tenants.ts';

const projectPath = (organizationId = DEMO_ORGANIZATION_ID, projectId = DEMO_PROJECT_ID) =>
  `/privacy-v1/organizations/${organizationId}/projects/${projectId}`;

describe('GET …/people/export and POST …/people/erase', () => {
  let t: TestContext;
  let laptop: TestSession;

  function api(path: string, init: { method?: string; body?: unknown; key?: string } = {}) {
    return Promise.resolve(
      t.app.request(path, {
        method: init.method ?? 'GET',
        headers: {
          'x-api-key': init.key ?? DEMO_API_KEY,
          ...(init.body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(init.body !== undefined && {
          body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
        }),
      }),
    );
  }

  async function exportOf(query: string, base = projectPath()): Promise<PersonExport> {
    const response = await api(`${base}/people/export?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as PersonExport;
  }

  /** Every table erasure may touch, counted: a refused request changes none of them. */
  async function snapshot() {
    const tables = ['consent_events', 'person_identifiers', 'profile_links', 'audit_entries'];
    return Promise.all(tables.map((table) => countRows(t.db, table)));
  }

  beforeAll(async () => {
    t = await createTestContext();
    await addOtherOrganization(t);
    const newsletter = DEMO_CONSENT_TYPES.find((type) => type.label === 'newsletter')!;
    await ensureConsentType(t.db, OTHER_PROJECT_ID, { ...newsletter, id: randomUUID() });
    // Ada: imported by email and user id, and a browser of hers identified by email.
    const imported = await api(`${projectPath()}/consent-events`, {
      method: 'POST',
      body: {
        items: [
          {
            email: 'Ada@Example.com',
            userId: 'ada-1',
            label: 'newsletter',
            consentState: 'accepted',
            consentAction: 'import',
          },
          {
            email: 'bob@example.com',
            label: 'newsletter',
            consentState: 'declined',
            consentAction: 'import',
          },
        ],
      },
    });
    expect(imported.status).toBe(201);
    laptop = await openTestSession(t.app);
    const linked = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/profile`, {
      method: 'PUT',
      headers: {
        origin: LOCAL_ORIGIN,
        'content-type': 'application/json',
        authorization: `Bearer ${laptop.token}`,
      },
      body: JSON.stringify({ token: identityToken({ email: 'ada@example.com' }) }),
    });
    expect(linked.status).toBeLessThan(300);
    const clicked = await postEvents(t.app, laptop.token, {
      items: [
        {
          concordId: laptop.concordId,
          label: 'analytics',
          consentState: 'accepted',
          consentAction: 'user_click',
        },
      ],
    });
    expect(clicked.status).toBe(201);
    // The other organization holds the same email: erasure here must leave it alone.
    const elsewhere = await api(
      `${projectPath(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID)}/consent-events`,
      {
        method: 'POST',
        key: OTHER_KEY,
        body: {
          items: [
            {
              email: 'ada@example.com',
              label: 'newsletter',
              consentState: 'accepted',
              consentAction: 'import',
            },
          ],
        },
      },
    );
    expect(elsewhere.status).toBe(201);
  }, 60_000);
  afterAll(() => t.db.close());

  it('stores no identifier in the event rows and chains their commitments', async () => {
    const { rows } = await t.db.query<{ n: number }>(
      `select count(*)::int as n from consent_events
        where email is not null or user_id is not null or phone_number is not null
           or project_user_id is not null`,
    );
    expect(rows[0]!.n).toBe(0);
    const { rows: keyed } = await t.db.query<{ n: number }>(
      `select count(*)::int as n from consent_events where chain_version = 2`,
    );
    expect(keyed[0]!.n).toBe(4);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('exports everything held about a person by email in any letter case', async () => {
    const person = await exportOf('email=ADA@example.com');
    expect(person.identifiers).toEqual([
      { kind: 'email', value: 'Ada@Example.com' },
      { kind: 'userId', value: 'ada-1' },
    ]);
    expect(person.concordIds).toContain(laptop.concordId);
    expect(person.profileLinks).toEqual([
      expect.objectContaining({
        concordId: laptop.concordId,
        kind: 'email',
        value: 'ada@example.com',
      }),
    ]);
    expect(person.events.map((event) => event.label).sort()).toEqual(['analytics', 'newsletter']);
    const newsletter = person.events.find((event) => event.label === 'newsletter')!;
    expect(newsletter).toMatchObject({
      email: 'Ada@Example.com',
      userId: 'ada-1',
      chainVersion: 2,
    });
    expect(newsletter.rowHash).toMatch(/^[0-9a-f]{64}$/);
    // Bob's event is not Ada's.
    expect(JSON.stringify(person)).not.toContain('bob@example.com');
    expect((await exportOf('userId=ada-1')).events).toHaveLength(2);
  });

  it('refuses another organization, a project outside the path and bad queries, unchanged', async () => {
    const before = await snapshot();
    await expectError(
      await api(`${projectPath()}/people/export?email=ada@example.com`, { key: OTHER_KEY }),
      403,
    );
    await expectError(
      await api(
        `${projectPath(OTHER_ORGANIZATION_ID, DEMO_PROJECT_ID)}/people/export?email=ada@example.com`,
        {
          key: OTHER_KEY,
        },
      ),
      404,
    );
    await expectError(
      await api(`${projectPath()}/people/erase`, {
        method: 'POST',
        key: OTHER_KEY,
        body: { type: 'email', value: 'ada@example.com' },
      }),
      403,
    );
    await expectError(
      await api(`${projectPath(OTHER_ORGANIZATION_ID, DEMO_PROJECT_ID)}/people/erase`, {
        method: 'POST',
        key: OTHER_KEY,
        body: { type: 'email', value: 'ada@example.com' },
      }),
      404,
    );
    await expectError(await api(`${projectPath()}/people/export`), 400);
    await expectError(await api(`${projectPath()}/people/export?email=a&userId=b`), 400);
    await expectError(await api(`${projectPath()}/people/export?concordId=nope`), 400);
    for (const body of [
      {},
      { type: 'name', value: 'Ada' },
      { type: 'email', value: '' },
      'not json',
    ]) {
      await expectError(await api(`${projectPath()}/people/erase`, { method: 'POST', body }), 400);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('erases the person: identifiers and links go, events stay anonymous, every chain verifies', async () => {
    const eventsBefore = await countRows(t.db, 'consent_events');
    // What the laptop's session kept about the device (a test request has no address).
    await t.db.query(
      `update sessions set ip_address = '192.0.2.0', user_agent = 'Firefox' where concord_id = $1`,
      [laptop.concordId],
    );
    const response = await api(`${projectPath()}/people/erase`, {
      method: 'POST',
      body: { type: 'email', value: 'ada@example.com' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      identifiers: { email: 1, userId: 1 },
      concordIds: 2,
      profileLinks: 1,
      sessions: 1,
      events: 2,
      sealed: 0,
      unverified: 0,
    });
    expect(await countRows(t.db, 'consent_events')).toBe(eventsBefore);
    const after = await exportOf('email=ada@example.com');
    expect(after).toMatchObject({ identifiers: [], concordIds: [], profileLinks: [], events: [] });
    expect((await exportOf('userId=ada-1')).events).toEqual([]);
    // What stays: the anonymous history, states and dates, under a visitor id linked to no one.
    const anonymous = await exportOf(`concordId=${laptop.concordId}`);
    expect(anonymous.identifiers).toEqual([]);
    expect(anonymous.events.map((event) => [event.label, event.consentState])).toEqual([
      ['analytics', 'accepted'],
    ]);
    expect(anonymous.events[0]!.session).not.toHaveProperty('ipAddress');
    const list = await api(`${projectPath()}/consent-events?view=full&label=newsletter`);
    const items = ((await list.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.map((item) => [item.consentState, item.email])).toEqual([
      ['accepted', undefined],
      ['declined', 'bob@example.com'],
    ]);
    // Ada's identifiers, not the letters: a random id can hold "ada" (CI once found "462ada9a-…").
    expect(JSON.stringify(items)).not.toMatch(/ada-1|ada@example/i);
    // Bob and the other organization keep theirs; the chains verify.
    expect((await exportOf('email=bob@example.com')).events).toHaveLength(1);
    const elsewhere = await api(
      `${projectPath(OTHER_ORGANIZATION_ID, OTHER_PROJECT_ID)}/people/export?email=ada@example.com`,
      { key: OTHER_KEY },
    );
    expect(((await elsewhere.json()) as PersonExport).events).toHaveLength(1);
    expect(await verifyChains(t.db)).toMatchObject({ projects: 2, events: 4 });
    expect((await verifyChains(t.db)).broken).toBeUndefined();
    // A second erasure finds nothing more.
    const again = await api(`${projectPath()}/people/erase`, {
      method: 'POST',
      body: { type: 'email', value: 'ada@example.com' },
    });
    expect(await again.json()).toMatchObject({ identifiers: {}, events: 0 });
  });

  it('writes an audit entry for every export and erasure, naming no identifier', async () => {
    const entries = await listAuditEntries(t.db, DEMO_PROJECT_ID);
    expect(entries.map((entry) => entry.action)).toContain('person.erased');
    expect(entries.map((entry) => entry.action)).toContain('person.exported');
    expect(entries.every((entry) => entry.actor === 'api-key')).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/ada-1|ada@example/i);
    expect(await listAuditEntries(t.db, OTHER_PROJECT_ID)).toHaveLength(1);
  });

  it('finds an identifier edited in person_identifiers: the chain covers its commitment', async () => {
    await t.db.query(`update person_identifiers set value = 'eve@example.com' where value = $1`, [
      'bob@example.com',
    ]);
    expect((await verifyChains(t.db)).broken?.reason).toContain('person_identifiers');
  });
});
