import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { verifyChains } from './chain-verification.ts';
import { linkHashOf, linkText } from './chain.ts';
import type { Database, Queryable } from '../db/database.ts';
import {
  appendConsentEvents,
  findChainHead,
  type NewConsentEvent,
} from '../db/repositories/consent-events.ts';
import { deleteWebhookEndpoint, insertWebhookEndpoint } from '../db/repositories/webhooks.ts';
import {
  countRows,
  createTestContext,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  openTestSession,
  postEvents,
  type TestContext,
  type TestSession,
} from '../testing/test-context.ts';

const SECRET = 'writer-test-secret';

describe('the consent event writer', () => {
  let t: TestContext;
  let visitor: TestSession;
  let transactions = 0;
  /** Statements of the short way (migration 130) made by the second instance. */
  let appends = 0;
  /** A second instance on the same database, counting its transactions, its cache never stale. */
  let other: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestContext({ secret: SECRET, projectCacheTtlMs: 3_600_000 });
    const counting = (db: Queryable): Queryable => ({
      ...db,
      query: (sql, params) => {
        if (sql.includes('consent_events_append(')) appends += 1;
        return db.query(sql, params);
      },
    });
    const counted: Database = {
      ...t.db,
      ...counting(t.db),
      transaction: (fn) => {
        transactions += 1;
        return t.db.transaction((tx) => fn(counting(tx)));
      },
    };
    other = createApp({
      db: counted,
      secret: SECRET,
      now: () => t.clock.now,
      rateLimits: { perIp: false, perSession: false },
      projectCacheTtlMs: 3_600_000,
    });
    visitor = await openTestSession(t.app);
  }, 60_000);
  afterAll(() => t.db.close());

  const item = (fields: Record<string, unknown> = {}) => ({
    concordId: visitor.concordId,
    label: 'analytics',
    consentState: 'accepted',
    consentAction: 'user_click',
    ...fields,
  });

  it('writes concurrent batches of a project together and answers a conflicting batch alone with 409', async () => {
    const reused = randomUUID();
    expect((await postEvents(other, visitor.token, { items: [item({ id: reused })] })).status).toBe(
      201,
    );
    const before = await countRows(t.db, 'consent_events');
    transactions = 0;
    const responses = await Promise.all([
      postEvents(other, visitor.token, { items: [item(), item({ label: 'marketing' })] }),
      // The same id with another body: refused, and nothing of this batch is kept.
      postEvents(other, visitor.token, {
        items: [item({ label: 'marketing' }), item({ id: reused, consentState: 'declined' })],
      }),
      // The same id with the same body: a retry, answered with the stored record.
      postEvents(other, visitor.token, { items: [item({ id: reused }), item()] }),
      postEvents(other, visitor.token, { items: [item()] }),
    ]);
    expect(responses.map((response) => response.status)).toEqual([201, 409, 201, 201]);
    expect(transactions).toBeLessThan(responses.length);
    const retry = (await responses[2]!.json()) as { items: { id: string }[] };
    expect(retry.items[0]!.id).toBe(reused);
    expect(await countRows(t.db, 'consent_events')).toBe(before + 4);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('keeps one chain when two instances write the same project at once', async () => {
    const before = await countRows(t.db, 'consent_events');
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, index) =>
        postEvents(index % 2 ? other : t.app, visitor.token, { items: [item(), item()] }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(16).fill(201));
    expect(await countRows(t.db, 'consent_events')).toBe(before + 32);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('checks each write against the current consent types and origins, however long it caches', async () => {
    expect((await postEvents(other, visitor.token, { items: [item()] })).status).toBe(201);
    // Changed behind the instance's back, as another instance or `npm run admin` would.
    await t.db.query(
      `update consent_types set status = 'archived' where project_id = $1 and label = 'analytics'`,
      [DEMO_PROJECT_ID],
    );
    expect((await postEvents(other, visitor.token, { items: [item()] })).status).toBe(422);
    await t.db.query(
      `update consent_types set status = 'active' where project_id = $1 and label = 'analytics'`,
      [DEMO_PROJECT_ID],
    );
    // A refusal made on the cached copy is checked against the database before it is sent.
    expect((await postEvents(other, visitor.token, { items: [item()] })).status).toBe(201);
    const { rows } = await t.db.query<{ allowed_origins: string[] }>(
      `select allowed_origins from projects where id = $1`,
      [DEMO_PROJECT_ID],
    );
    await t.db.query(`update projects set allowed_origins = '[]' where id = $1`, [DEMO_PROJECT_ID]);
    expect((await postEvents(other, visitor.token, { items: [item()] })).status).toBe(403);
    await t.db.query(`update projects set allowed_origins = $2::text::jsonb where id = $1`, [
      DEMO_PROJECT_ID,
      JSON.stringify(rows[0]!.allowed_origins),
    ]);
    expect((await postEvents(other, visitor.token, { items: [item()] })).status).toBe(201);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('writes batches without identifiers in one statement, its own transaction, chained after the rows before it', async () => {
    const before = await countRows(t.db, 'consent_events');
    transactions = 0;
    appends = 0;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        postEvents(other, visitor.token, { items: [item(), item({ label: 'marketing' })] }),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
    expect(transactions).toBe(0);
    expect(appends).toBeGreaterThan(0);
    expect(appends).toBeLessThanOrEqual(6);
    expect(await countRows(t.db, 'consent_events')).toBe(before + 12);
    // The rows the earlier tests wrote the long way, then these: one chain.
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('answers a retry that reaches the short way as the long way does', async () => {
    const id = randomUUID();
    const first = await postEvents(other, visitor.token, { items: [item({ id })] });
    expect(first.status).toBe(201);
    const before = await countRows(t.db, 'consent_events');
    appends = 0;
    transactions = 0;
    // Refused by the statement (AS003: the id is stored), then written the long way.
    const retry = await postEvents(other, visitor.token, { items: [item({ id }), item()] });
    expect(retry.status).toBe(201);
    expect(appends).toBe(1);
    expect(transactions).toBe(1);
    const answered = (await retry.json()) as { items: { id: string }[] };
    expect(answered.items[0]!.id).toBe(id);
    expect(await countRows(t.db, 'consent_events')).toBe(before + 1);
    const changed = await postEvents(other, visitor.token, {
      items: [item({ id, consentState: 'declined' })],
    });
    expect(changed.status).toBe(409);
    expect(await countRows(t.db, 'consent_events')).toBe(before + 1);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('hashes in SQL the bytes linkHashOf hashes, whatever the text holds', async () => {
    const { rows } = await t.db.query<{ version: string; type: string }>(
      `select p.config_version::text as version, t.id as type from projects p
         join consent_types t on t.project_id = p.id and t.label = 'analytics'
        where p.id = $1`,
      [DEMO_PROJECT_ID],
    );
    const now = t.clock.now.toISOString();
    const event = (metadata: Record<string, unknown>): NewConsentEvent => ({
      id: randomUUID(),
      projectId: DEMO_PROJECT_ID,
      organizationId: DEMO_ORGANIZATION_ID,
      concordId: visitor.concordId,
      consentTypeId: rows[0]!.type,
      version: 1,
      category: 'analytics',
      subcategory: { nested: ['ü', 1.5, null] },
      label: 'analytics',
      consentState: 'accepted',
      consentAction: 'user_click',
      consentDate: now,
      expirationDate: new Date(t.clock.now.getTime() + 864e5).toISOString(),
      metadata,
      bodyHash: 'b'.repeat(64),
      createdAt: now,
      chainVersion: 2,
    });
    const events = [
      event({ note: 'é ✓ 😀 "quoted" back\\slash, {braces}, a\nnew line', empty: '' }),
      event({ 'a "key"': ['NULL', null, '\t'], n: -0.25 }),
    ];
    const texts = events.map(linkText);
    const head = (await findChainHead(t.db, DEMO_PROJECT_ID))!.hash;
    const { inserted } = await appendConsentEvents(t.db, DEMO_PROJECT_ID, {
      configVersion: rows[0]!.version,
      webhooks: false,
      clientIds: [],
      snapshots: [],
      rollup: [],
      events,
      texts,
    });
    const first = linkHashOf(head, texts[0]!);
    expect(inserted.map(({ event: { prevHash, rowHash } }) => [prevHash, rowHash])).toEqual([
      [head, first],
      [first, linkHashOf(first, texts[1]!)],
    ]);
    expect((await findChainHead(t.db, DEMO_PROJECT_ID))!.hash).toBe(inserted[1]!.event.rowHash);
    // And what verify recomputes from the stored columns is the same.
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });

  it('queues the deliveries an endpoint wants, and takes the long way for a retry the short way refuses twice', async () => {
    const id = randomUUID();
    expect((await postEvents(other, visitor.token, { items: [item({ id })] })).status).toBe(201);
    const endpoint = randomUUID();
    await insertWebhookEndpoint(t.db, {
      id: endpoint,
      organizationId: DEMO_ORGANIZATION_ID,
      projectId: DEMO_PROJECT_ID,
      url: 'http://127.0.0.1:9/hook',
      secret: 'writer-test-hook',
      events: ['consent_event.created'],
    });
    const deliveries = async (eventId: string) =>
      (
        await t.db.query<{ n: string }>(
          `select count(*)::text as n from webhook_deliveries
            where project_id = $1 and endpoint_id = $2 and event_id = $3`,
          [DEMO_PROJECT_ID, endpoint, eventId],
        )
      ).rows[0]!.n;
    try {
      const before = await countRows(t.db, 'consent_events');
      appends = 0;
      transactions = 0;
      // AS002 (an endpoint, unknown to this instance), then AS003 (the id) in a transaction with
      // the deliveries, then the long way.
      const retry = await postEvents(other, visitor.token, { items: [item({ id }), item()] });
      expect(retry.status).toBe(201);
      expect(appends).toBe(2);
      expect(transactions).toBe(2);
      const answered = (await retry.json()) as { items: { id: string }[] };
      expect(answered.items[0]!.id).toBe(id);
      expect(await countRows(t.db, 'consent_events')).toBe(before + 1);
      expect(await deliveries(answered.items[1]!.id)).toBe('1');
      // Now known: the short way, in a transaction with the deliveries.
      appends = 0;
      transactions = 0;
      const next = await postEvents(other, visitor.token, { items: [item()] });
      expect(next.status).toBe(201);
      expect([appends, transactions]).toEqual([1, 1]);
      const written = (await next.json()) as { items: { id: string }[] };
      expect(await deliveries(written.items[0]!.id)).toBe('1');
    } finally {
      await deleteWebhookEndpoint(t.db, DEMO_PROJECT_ID, endpoint);
    }
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });
});
