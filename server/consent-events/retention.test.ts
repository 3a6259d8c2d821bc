import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChains } from './chain-verification.ts';
import { purgeExpired } from './retention.ts';
import { runAdminCommand } from '../admin/commands.ts';
import { listAuditEntries } from '../db/repositories/audit-entries.ts';
import {
  countRows,
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../testing/test-context.ts';

const project = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;

describe('the retention purge', () => {
  let t: TestContext;
  const ids: Record<string, string> = {};

  function api(path: string, method = 'GET', body?: unknown) {
    return Promise.resolve(
      t.app.request(`${project}${path}`, {
        method,
        headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
    );
  }

  async function partitions(): Promise<string[]> {
    const { rows } = await t.db.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
       where p.relname = 'consent_events' and p.relnamespace = current_schema()::regnamespace
       order by 1`,
    );
    return rows.map((row) => row.name);
  }

  beforeAll(async () => {
    t = await createTestContext();
    // One event stored in each of January, February and March 2025, each valid 30 days.
    for (const month of ['01', '02', '03']) {
      t.clock.now = new Date(`2025-${month}-15T12:00:00Z`);
      const response = await api('/consent-events', 'POST', {
        items: [
          {
            email: `person-${month}@example.com`,
            label: 'newsletter',
            consentState: 'accepted',
            consentAction: 'import',
            consentDate: `2025-${month}-15T12:00:00Z`,
            expirationDate: `2025-${String(Number(month) + 1).padStart(2, '0')}-14T12:00:00Z`,
          },
        ],
      });
      expect(response.status).toBe(201);
      ids[month] = ((await response.json()) as { items: { id: string }[] }).items[0]!.id;
    }
  }, 60_000);
  afterAll(() => t.db.close());

  it('keeps five years after expiry by default and takes a retention through the project PATCH', async () => {
    expect(((await (await api('')).json()) as { retention: string }).retention).toBe('P5Y');
    const before = await countRows(t.db, 'consent_events');
    expect((await purgeExpired(t.db, { now: new Date('2029-12-31T00:00:00Z') })).removed).toBe(0);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
    for (const retention of ['5 years', 'P', 'PT1H', 12]) {
      await expectError(await api('', 'PATCH', { retention }), 400);
    }
    const other = await t.app.request(
      `/privacy-v1/organizations/00000000-0000-4000-8000-0000000000aa/projects/${DEMO_PROJECT_ID}`,
      {
        method: 'PATCH',
        headers: { 'x-api-key': DEMO_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ retention: 'P1D' }),
      },
    );
    await expectError(other, 403);
    const changed = await api('', 'PATCH', { retention: 'P1M' });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { retention: string }).retention).toBe('P1M');
  });

  it('reports what a dry run would remove and changes nothing', async () => {
    const before = await countRows(t.db, 'consent_events');
    const report = await purgeExpired(t.db, {
      now: new Date('2025-05-01T00:00:00Z'),
      dryRun: true,
    });
    expect(report).toMatchObject({ removed: 2, projects: [{ months: ['2025-01', '2025-02'] }] });
    expect(await countRows(t.db, 'consent_events')).toBe(before);
  });

  it('removes the expired months whole, leaves a checkpoint, and the chain still verifies', async () => {
    expect(await partitions()).toEqual(expect.arrayContaining(['consent_events_2025_01']));
    const report = await purgeExpired(t.db, { now: new Date('2025-05-01T00:00:00Z') });
    expect(report).toMatchObject({
      removed: 2,
      projects: [
        { projectId: DEMO_PROJECT_ID, removed: 2, months: ['2025-01', '2025-02'], identifiers: 2 },
      ],
    });
    expect(report.partitionsDropped).toEqual(
      expect.arrayContaining(['consent_events_2025_01', 'consent_events_2025_02']),
    );
    expect(await partitions()).not.toContain('consent_events_2025_01');
    expect(await countRows(t.db, 'consent_events')).toBe(1);
    expect(await countRows(t.db, 'consent_event_ids')).toBe(1);
    expect(await countRows(t.db, 'person_identifiers')).toBe(1);
    expect(await verifyChains(t.db)).toEqual({
      projects: 1,
      events: 1,
      unchained: 0,
      checkpoints: 1,
    });
    const kept = await api(`/consent-events?email=person-03@example.com`);
    expect(((await kept.json()) as { items: { id: string }[] }).items.map((e) => e.id)).toEqual([
      ids['03'],
    ]);
    const audit = await listAuditEntries(t.db, DEMO_PROJECT_ID);
    expect(audit.filter((entry) => entry.action === 'retention.purged')).toHaveLength(1);
  });

  it('removes nothing on a second run, and new events chain on after the checkpoint', async () => {
    const again = await purgeExpired(t.db, { now: new Date('2025-05-01T00:00:00Z') });
    expect(again).toEqual({ projects: [], removed: 0, partitionsDropped: [] });
    t.clock.now = new Date('2025-04-20T00:00:00Z');
    const response = await api('/consent-events', 'POST', {
      items: [
        {
          email: 'late@example.com',
          label: 'newsletter',
          consentState: 'declined',
          consentAction: 'import',
        },
      ],
    });
    expect(response.status).toBe(201);
    expect(await verifyChains(t.db)).toMatchObject({ events: 2, checkpoints: 1 });
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('finds a row removed after the checkpoint: the purge only ever cuts the start', async () => {
    expect(await runAdminCommand(t.db, ['purge', '--dry-run'])).toMatch(
      /^Would remove 1 expired events/,
    );
    await t.db.exec(`begin; set local assent.maintenance = 'on';
      delete from consent_events where seq = (select min(seq) from consent_events); commit;`);
    expect((await verifyChains(t.db)).broken?.reason).toContain('prev_hash');
  });
});
