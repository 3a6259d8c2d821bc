import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentStateItem } from '../../../src/core/types.ts';
import {
  countRows,
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  identityToken,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  START,
  TEST_IDENTITY_SECRET,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';

interface State {
  items: ConsentStateItem[];
}

const inAnHour = () => Math.floor(START.getTime() / 1000) + 3600;
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token with any claims and header, signed with the demo project's identity secret. */
function signed(claims: Record<string, unknown>, alg = 'HS256', secret = TEST_IDENTITY_SECRET) {
  const body = `${encode({ alg, typ: 'JWT' })}.${encode(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
/** The same, unsigned (`alg: none`, no signature). */
const unsigned = (claims: Record<string, unknown>, alg: string) =>
  `${encode({ alg, typ: 'JWT' })}.${encode(claims)}.`;

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
  ): Promise<string> {
    const id = randomUUID();
    // The Site API takes the server's clock (issue 22 §2): the clock is moved, not the date;
    // `minutes` after an hour ago, since decisions dated after the server's clock do not count.
    const consentDate = new Date(START.getTime() + (minutes - 60) * 60_000);
    t.clock.now = consentDate;
    const response = await postEvents(t.app, visitor.token, {
      items: [
        {
          id,
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
    return id;
  }

  /** Each decision by label, state and event id: the answer names no visitor (issue 22 §1). */
  const summary = (state: State) =>
    state.items.map((item) => `${item.label}:${item.consentState}:${item.id}`).sort();

  it('answers the latest valid decision per type of the session visitor, without viewed events', async () => {
    const visitor = await openTestSession(t.app);
    await decide(visitor, 'marketing', 'accepted', 1);
    const declined = await decide(visitor, 'marketing', 'declined', 2);
    await decide(visitor, 'analytics', 'viewed', 3);
    const necessary = await decide(visitor, 'necessary', 'accepted', 1);
    expect(summary(await consentState(visitor))).toEqual([
      `marketing:declined:${declined}`,
      `necessary:accepted:${necessary}`,
    ]);
  });

  it('merges the decisions of every visitor linked to the same identifier, most recent winning', async () => {
    const phone = await openTestSession(t.app);
    const laptop = await openTestSession(t.app);
    const analytics = await decide(phone, 'analytics', 'accepted', 1);
    const marketing = await decide(phone, 'marketing', 'accepted', 5);
    await decide(laptop, 'marketing', 'declined', 3);

    const linked = await putProfile(phone.token, {
      token: identityToken({ email: 'ada@example.com' }),
    });
    expect(linked.status).toBe(200);
    expect(summary((await linked.json()) as State)).toEqual([
      `analytics:accepted:${analytics}`,
      `marketing:accepted:${marketing}`,
    ]);
    // The same address in other case names the same person.
    const merged = (await (
      await putProfile(laptop.token, { token: identityToken({ email: 'Ada@Example.com' }) })
    ).json()) as State;
    expect(summary(merged)).toEqual([
      `analytics:accepted:${analytics}`,
      `marketing:accepted:${marketing}`,
    ]);
    const later = await decide(laptop, 'analytics', 'declined', 10);
    expect(summary(await consentState(phone))).toEqual([
      `analytics:declined:${later}`,
      `marketing:accepted:${marketing}`,
    ]);
  });

  it('answers only what the widget needs to adopt a decision, nothing of the visitor who made it', async () => {
    const phone = await openTestSession(t.app);
    const laptop = await openTestSession(t.app);
    await decide(phone, 'analytics', 'accepted', 1);
    await putProfile(phone.token, { token: identityToken({ userId: 'fields' }) });
    const state = (await (
      await putProfile(laptop.token, { token: identityToken({ userId: 'fields' }) })
    ).json()) as State;
    expect(Object.keys(state.items[0]!).sort()).toEqual([
      'consentAction',
      'consentDate',
      'consentState',
      'consentType',
      'expirationDate',
      'id',
      'label',
      'version',
    ]);
    expect(JSON.stringify(state)).not.toContain(phone.concordId);
    expect(JSON.stringify(state)).not.toContain(phone.id);
  });

  it('does not share decisions between visitors that share no identifier', async () => {
    const one = await openTestSession(t.app);
    const other = await openTestSession(t.app);
    await decide(one, 'analytics', 'accepted', 1);
    await putProfile(one.token, { token: identityToken({ userId: 'only-one' }) });
    await putProfile(other.token, { token: identityToken({ userId: 'someone-else' }) });
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
    const token = identityToken({ userId: 'x' });
    await expectError(await putProfile(undefined, { token }), 401);
    await expectError(await putProfile('not-a-token', { token }), 401);
    const response = await t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-state`);
    await expectError(response, 401);
  });

  it.each([
    ['no token', {}, 400],
    ['identifiers instead of a token', { email: 'ada@example.com' }, 400],
    ['a token beside identifiers', { token: identityToken({ userId: 'x' }), userId: 'x' }, 400],
    ['a number', { token: 42 }, 400],
    ['no body', '', 400],
    ['malformed JSON', '{"token":', 400],
    ['a token that is no JWT', { token: 'not-a-jwt' }, 403],
    ['an unsigned token', { token: unsigned({ userId: 'x', exp: inAnHour() }, 'none') }, 403],
    [
      'a token signed with another secret',
      { token: identityToken({ userId: 'x' }, START, 'other') },
      403,
    ],
    [
      'an expired token',
      { token: identityToken({ userId: 'x' }, new Date(START.getTime() - 7200_000)) },
      403,
    ],
    [
      'a token living over 24 hours',
      { token: signed({ userId: 'x', exp: inAnHour() + 86_400 }) },
      403,
    ],
    [
      'a token with two identifiers',
      { token: signed({ userId: 'x', email: 'a@b.co', exp: inAnHour() }) },
      403,
    ],
    [
      'a token naming a concordId',
      { token: signed({ concordId: randomUUID(), exp: inAnHour() }) },
      403,
    ],
  ])('refuses %s in the seeds error shape and links nothing', async (_name, body, status) => {
    const visitor = await openTestSession(t.app);
    const before = await countRows(t.db, 'profile_links');
    await expectError(await putProfile(visitor.token, body), status);
    expect(await countRows(t.db, 'profile_links')).toBe(before);
  });

  it("refuses a token signed with another project's identity secret", async () => {
    const other = randomUUID();
    await t.db.query(
      `insert into projects (id, organization_id, name, allowed_origins, default_consent_duration,
                             notice_texts, default_language, theme, identity_secret, slug)
       select $1, organization_id, 'Other', allowed_origins, default_consent_duration,
              notice_texts, default_language, theme, 'other-project-secret', 'other-project'
         from projects where id = $2`,
      [other, DEMO_PROJECT_ID],
    );
    const visitor = await openTestSession(t.app);
    const token = identityToken({ userId: 'x' }, START, 'other-project-secret');
    expect(await expectError(await putProfile(visitor.token, { token }), 403)).toContain(
      'identity secret',
    );
  });

  it('refuses a body not sent as JSON with 415', async () => {
    const visitor = await openTestSession(t.app);
    await expectError(await putProfile(visitor.token, 'userId=x', 'text/plain'), 415);
  });
});
