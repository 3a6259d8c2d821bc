import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { verifyChains } from './chain-verification.ts';
import type { Database } from '../db/database.ts';
import {
  countRows,
  createTestContext,
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
  /** A second instance on the same database, counting its transactions, its cache never stale. */
  let other: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await createTestContext({ secret: SECRET, projectCacheTtlMs: 3_600_000 });
    const counted: Database = {
      ...t.db,
      transaction: (fn) => {
        transactions += 1;
        return t.db.transaction(fn);
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
});
