/**
 * Issue 22 §1, as an attacker would try it: knowing only a victim's email, take over the
 * victim's consent across devices.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  START,
  TEST_IDENTITY_SECRET,
  type TestContext,
  type TestSession,
} from '../testing/test-context.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A compact JWT as a site's backend makes one; `alg` and the key are the attacker's to choose. */
function jwt(claims: Record<string, unknown>, secret = TEST_IDENTITY_SECRET, alg = 'HS256') {
  const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
  const signature =
    alg === 'none' ? '' : createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

const inAnHour = () => Math.floor(START.getTime() / 1000) + 3600;

describe('identity takeover (issue 22 §1)', () => {
  let t: TestContext;
  let victim: TestSession & { visitorSecret: string };

  beforeAll(async () => {
    t = await createTestContext();
    victim = (await openTestSession(t.app)) as TestSession & { visitorSecret: string };
    expect(victim.visitorSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await decline(victim, 'marketing');
    const identified = await putProfile(victim.token, {
      token: jwt({ email: 'victim@example.com', exp: inAnHour() }),
    });
    expect(identified.status).toBe(200);
  }, 60_000);
  afterAll(() => t.db.close());

  function putProfile(token: string, body: unknown) {
    return Promise.resolve(
      t.app.request(`/site-v1/${DEMO_PROJECT_ID}/profile`, {
        method: 'PUT',
        headers: {
          origin: LOCAL_ORIGIN,
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify(body),
      }),
    );
  }

  function openSession(body: unknown) {
    return Promise.resolve(
      t.app.request(`/site-v1/${DEMO_PROJECT_ID}/sessions`, {
        method: 'POST',
        headers: { origin: LOCAL_ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  }

  async function decline(visitor: TestSession, label: string) {
    const response = await postEvents(t.app, visitor.token, {
      items: [
        {
          id: randomUUID(),
          concordId: visitor.concordId,
          label,
          consentState: 'declined',
          consentAction: 'user_click',
          consentDate: t.clock.now.toISOString(),
        },
      ],
    });
    expect(response.status).toBe(201);
  }

  it("cannot link to the victim with the victim's email alone, nor with a forged token", async () => {
    const attacker = await openTestSession(t.app);
    const before = await countRows(t.db, 'profile_links');
    const forged = [
      { email: 'victim@example.com' },
      { token: jwt({ email: 'victim@example.com', exp: inAnHour() }, '', 'none') },
      { token: jwt({ email: 'victim@example.com', exp: inAnHour() }, 'a guessed secret') },
      { token: jwt({ email: 'victim@example.com', exp: inAnHour() + 86_400 * 30 }) },
      { token: jwt({ email: 'victim@example.com', exp: inAnHour() - 7200 }) },
      { token: jwt({ email: 'victim@example.com', userId: 'me', exp: inAnHour() }) },
      { token: `${jwt({ email: 'victim@example.com', exp: inAnHour() }).slice(0, -2)}AA` },
    ];
    for (const body of forged) {
      const response = await putProfile(attacker.token, body);
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
      await expectError(response, response.status);
    }
    expect(await countRows(t.db, 'profile_links')).toBe(before);
  });

  it("cannot open a session for the victim's visitor id without the victim's visitor secret", async () => {
    const before = await countRows(t.db, 'sessions');
    await expectError(await openSession({ concordId: victim.concordId }), 403);
    await expectError(
      await openSession({ concordId: victim.concordId, visitorSecret: 'x'.repeat(43) }),
      403,
    );
    expect(await countRows(t.db, 'sessions')).toBe(before);
    // The victim's own browser still can.
    const again = await openSession({
      concordId: victim.concordId,
      visitorSecret: victim.visitorSecret,
    });
    expect(again.status).toBe(201);
    expect(Object.keys((await again.json()) as object)).not.toContain('visitorSecret');
  });

  it("reveals no other session's details to a linked device, and no decision dated after now", async () => {
    const laptop = await openTestSession(t.app);
    // A linked device whose event is dated a month ahead of the server's clock: the server may
    // take it then, but not count it now.
    t.clock.now = new Date(START.getTime() + 30 * 86_400_000);
    const ahead = await openTestSession(t.app);
    await putProfile(ahead.token, {
      token: jwt({
        email: 'victim@example.com',
        exp: Math.floor(t.clock.now.getTime() / 1000) + 60,
      }),
    });
    await postEvents(t.app, ahead.token, {
      items: [
        {
          id: randomUUID(),
          concordId: ahead.concordId,
          label: 'marketing',
          consentState: 'accepted',
          consentAction: 'user_click',
          consentDate: t.clock.now.toISOString(),
        },
      ],
    });
    t.clock.now = START;
    const response = await putProfile(laptop.token, {
      token: jwt({ email: 'Victim@Example.com', exp: inAnHour() }),
    });
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    expect(items.map((item) => `${item.label}:${item.consentState}`)).toEqual([
      'marketing:declined',
    ]);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'consentAction',
          'consentDate',
          'consentState',
          'consentType',
          'expirationDate',
          'id',
          'label',
          'version',
        ].filter((key) => key in item),
      );
      expect(JSON.stringify(item)).not.toContain(victim.concordId);
      expect(JSON.stringify(item)).not.toContain(victim.id);
      expect(Date.parse(item.consentDate as string)).toBeLessThanOrEqual(START.getTime());
    }
  });
});
