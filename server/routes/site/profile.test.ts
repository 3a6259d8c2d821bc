import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentEventRecord } from '../../../src/core/types.ts';
import {
  countRows,
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  START,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';

interface State {
  items: ConsentEventRecord[];
}

describe('PUT /site-v1/{projectId}/profile and GET /site-v1/{projectId}/consent-state', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  }, 60_000);
  afterAll(() => t.db.close());

  function putProfile(token: string | undefined, body: unknown, contentType = 'application/json') {
    return Promise.resolve(
      t.app.request(`/site-v1/${DEMO_PROJECT_ID}/profile`, {
        method: 'PUT',
        headers: {
          origin: LOCAL_ORIGIN,
          'content-type': contentType,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  }

  async function consentState(visitor: TestSession): Promise<State> {
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-state`, {
      headers: { origin: LOCAL_ORIGIN, authorization: `Bearer ${visitor.token}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as State;
  }

  async function decide(
    visitor: TestSession,
    label: string,
    consentState: string,
    minutes: number,
    extra: Record<string, unknown> = {},
  ) {
    // The Site API takes the server's clock (issue 22 §2): the clock is moved, not the date.
    const consentDate = new Date(START.getTime() + minutes * 60_000);
    t.clock.now = consentDate;
    const response = await postEvents(t.app, visitor.token, {
      items: [
        {
          id: randomUUID(),
          concordId: visitor.concordId,
          label,
          consentState,
          consentAction: 'user_click',
          consentDate: consentDate.toISOString(),
          ...extra,
        },
      ],
    });
    t.clock.now = START;
    expect(response.status).toBe(201);
  }

  const summary = (state: State) =>
    state.items.map((item) => `${item.label}:${item.consentState}:${item.concordId}`).sort();

  it('answers the latest valid decision per type of the session visitor, without viewed events', async () => {
    const visitor = await openTestSession(t.app);
    await decide(visitor, 'marketing', 'accepted', 1);
    await decide(visitor, 'marketing', 'declined', 2);
    await decide(visitor, 'analytics', 'viewed', 3);
    await decide(visitor, 'necessary', 'accepted', 1);
    expect(summary(await consentState(visitor))).toEqual([
      `marketing:declined:${visitor.concordId}`,
      `necessary:accepted:${visitor.concordId}`,
    ]);
  });

  it('merges the decisions of every visitor linked to the same identifier, most recent winning', async () => {
    const phone = await openTestSession(t.app);
    const laptop = await openTestSession(t.app);
    await decide(phone, 'analytics', 'accepted', 1);
    await decide(phone, 'marketing', 'accepted', 5);
    await decide(laptop, 'marketing', 'declined', 3);

    const linked = await putProfile(phone.token, { email: 'ada@example.com' });
    expect(linked.status).toBe(200);
    expect(summary((await linked.json()) as State)).toEqual([
      `analytics:accepted:${phone.concordId}`,
      `marketing:accepted:${phone.concordId}`,
    ]);
    // The same address in other case names the same person.
    const merged = (await (
      await putProfile(laptop.token, { email: 'Ada@Example.com', userId: 'u-1' })
    ).json()) as State;
    expect(summary(merged)).toEqual([
      `analytics:accepted:${phone.concordId}`,
      `marketing:accepted:${phone.concordId}`,
    ]);
    await decide(laptop, 'analytics', 'declined', 10);
    expect(summary(await consentState(phone))).toEqual([
      `analytics:declined:${laptop.concordId}`,
      `marketing:accepted:${phone.concordId}`,
    ]);
  });

  it('does not share decisions between visitors that share no identifier', async () => {
    const one = await openTestSession(t.app);
    const other = await openTestSession(t.app);
    await decide(one, 'analytics', 'accepted', 1);
    await putProfile(one.token, { userId: 'only-one' });
    await putProfile(other.token, { userId: 'someone-else' });
    expect((await consentState(other)).items).toEqual([]);
  });

  it('leaves out a latest decision that expired rather than an older one coming back', async () => {
    const visitor = await openTestSession(t.app);
    await decide(visitor, 'analytics', 'accepted', -60 * 24 * 300);
    await decide(visitor, 'analytics', 'declined', -60 * 24 * 200, {
      expirationDate: new Date(START.getTime() - 60_000).toISOString(),
    });
    expect((await consentState(visitor)).items).toEqual([]);
  });

  it('refuses a missing, unknown or other project session with 401', async () => {
    await expectError(await putProfile(undefined, { userId: 'x' }), 401);
    await expectError(await putProfile('not-a-token', { userId: 'x' }), 401);
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-state`);
    await expectError(response, 401);
  });

  it.each([
    ['no identifier', {}, 400],
    ['an unknown field', { userId: 'x', nickname: 'ada' }, 400],
    ['concordId, which the session gives', { concordId: randomUUID() }, 400],
    ['a malformed email', { email: 'not-an-email' }, 400],
    ['a blank identifier', { userId: '   ' }, 400],
    ['a number', { userId: 42 }, 400],
    ['no body', '', 400],
    ['malformed JSON', '{"userId":', 400],
  ])('refuses %s in the seeds error shape and links nothing', async (_name, body, status) => {
    const visitor = await openTestSession(t.app);
    const before = await countRows(t.db, 'profile_links');
    await expectError(await putProfile(visitor.token, body), status);
    expect(await countRows(t.db, 'profile_links')).toBe(before);
  });

  it('refuses a body not sent as JSON with 415', async () => {
    const visitor = await openTestSession(t.app);
    await expectError(await putProfile(visitor.token, 'userId=x', 'text/plain'), 415);
  });
});
