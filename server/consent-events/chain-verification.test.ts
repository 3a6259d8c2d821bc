import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyChains } from './chain-verification.ts';
import {
  createTestContext,
  openTestSession,
  postEvents,
  type TestContext,
} from '../testing/test-context.ts';

describe('verifyChains', () => {
  let t: TestContext;

  beforeEach(async () => {
    t = await createTestContext();
    const visitor = await openTestSession(t.app);
    for (const labels of [['analytics', 'marketing'], ['analytics'], ['marketing', 'analytics']]) {
      const response = await postEvents(t.app, visitor.token, {
        items: labels.map((label) => ({
          concordId: visitor.concordId,
          label,
          consentState: 'accepted',
          consentAction: 'user_click',
          subcategory: { source: 'banner', tries: 1.5 },
        })),
      });
      expect(response.status).toBe(201);
    }
  }, 60_000);
  afterEach(() => t.db.close());

  /** What an intruder with the database owner's rights would do first. */
  async function tamper(sql: string) {
    await t.db.exec(`alter table consent_events disable trigger user; ${sql};
                     alter table consent_events enable trigger user`);
  }

  async function seqs() {
    const { rows } = await t.db.query<{ seq: string }>(
      'select seq::text as seq from consent_events order by seq',
    );
    return rows.map((row) => row.seq);
  }

  it('finds every chain intact after normal inserts', async () => {
    expect(await verifyChains(t.db, 2)).toEqual({ projects: 1, events: 5, unchained: 0 });
  });

  it('checks rows in numeric seq order across pages, and concurrent batches keep one chain', async () => {
    const visitors = await Promise.all(Array.from({ length: 4 }, () => openTestSession(t.app)));
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => {
        const visitor = visitors[index % visitors.length]!;
        return postEvents(t.app, visitor.token, {
          items: [
            {
              concordId: visitor.concordId,
              label: 'analytics',
              consentState: 'declined',
              consentAction: 'user_click',
            },
          ],
        });
      }),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    expect(await verifyChains(t.db, 4)).toEqual({ projects: 1, events: 17, unchained: 0 });
  });

  it('detects an edited row and names it as the first broken link', async () => {
    const [, second] = await seqs();
    await tamper(`update consent_events set consent_state = 'declined' where seq = ${second}`);
    const report = await verifyChains(t.db, 2);
    expect(report.broken).toMatchObject({ seq: second, reason: expect.stringContaining('edited') });
  });

  it('detects a removed row in the middle and rows removed at the end', async () => {
    const all = await seqs();
    await tamper(`delete from consent_events where seq = ${all[2]}`);
    expect((await verifyChains(t.db)).broken).toMatchObject({
      seq: all[3],
      reason: expect.stringContaining('removed'),
    });
  });

  it('detects rows removed at the end through the chain head', async () => {
    const all = await seqs();
    await tamper(`delete from consent_events where seq = ${all.at(-1)}`);
    expect((await verifyChains(t.db)).broken?.reason).toContain('removed at the end');
  });

  it('keeps the database from updating, deleting or truncating events', async () => {
    await expect(t.db.exec("update consent_events set label = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.db.exec('delete from consent_events')).rejects.toThrow(/append-only/);
    await expect(t.db.exec('truncate consent_events')).rejects.toThrow(/append-only/);
    expect((await verifyChains(t.db)).broken).toBeUndefined();
  });
});
