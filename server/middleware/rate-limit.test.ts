import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createRateLimiter } from './rate-limit.ts';
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
} from '../testing/test-context.ts';

describe('createRateLimiter', () => {
  it('allows a burst, then asks to wait until a token is back, then refills', () => {
    const clock = { now: START };
    const limiter = createRateLimiter({ burst: 2, perSecond: 0.5 }, () => clock.now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 2]);
    expect(limiter.take('b')).toBe(0);
    clock.now = new Date(START.getTime() + 2000);
    expect(limiter.take('a')).toBe(0);
  });
});

describe('rate limits of the app', () => {
  let t: TestContext;
  const clock = { now: START };

  beforeAll(async () => {
    t = await createTestContext();
  }, 60_000);
  afterAll(() => t.db.close());

  it('answers 429 with Retry-After once an IP is out of tokens, before any work', async () => {
    const app = createApp({
      db: t.db,
      now: () => clock.now,
      rateLimits: { perIp: { burst: 5, perSecond: 1 } },
    });
    const health = () => app.request('/site-v1/health');
    for (let index = 0; index < 5; index += 1) expect((await health()).status).toBe(200);
    const refused = await health();
    expect(refused.headers.get('retry-after')).toBe('1');
    await expectError(refused, 429);
  });

  it('limits event batches per session and stores nothing past the limit', async () => {
    const app = createApp({
      db: t.db,
      now: () => clock.now,
      rateLimits: { perIp: false, perSession: { burst: 2, perSecond: 0.1 } },
    });
    const visitor = await openTestSession(app);
    const batch = {
      items: [
        {
          concordId: visitor.concordId,
          label: 'analytics',
          consentState: 'accepted',
          consentAction: 'user_click',
        },
      ],
    };
    expect((await postEvents(app, visitor.token, batch)).status).toBe(201);
    expect((await postEvents(app, visitor.token, batch)).status).toBe(201);
    const before = await countRows(t.db, 'consent_events');
    const refused = await postEvents(app, visitor.token, batch);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN);
    await expectError(refused, 429);
    expect(await countRows(t.db, 'consent_events')).toBe(before);
    // Another visitor on the same IP has a bucket of their own.
    const other = await openTestSession(app, {}, LOCAL_ORIGIN, DEMO_PROJECT_ID);
    expect(
      (
        await postEvents(app, other.token, {
          items: [{ ...batch.items[0], concordId: other.concordId }],
        })
      ).status,
    ).toBe(201);
  });

  it('answers the per-IP 429 with the CORS headers an allowed origin needs to read Retry-After (issue 22 §5)', async () => {
    const app = createApp({
      db: t.db,
      now: () => clock.now,
      rateLimits: { perIp: { burst: 2, perSecond: 1 }, perSession: false },
    });
    const config = (origin: string) =>
      app.request(`/site-v1/${DEMO_PROJECT_ID}/site-client`, { headers: { origin } });
    const allowed = await config(LOCAL_ORIGIN);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-expose-headers')).toBe('Retry-After');
    await config(LOCAL_ORIGIN);
    const refused = await config(LOCAL_ORIGIN);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('access-control-allow-origin')).toBe(LOCAL_ORIGIN);
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(refused.headers.get('vary')).toContain('Origin');
    const stranger = await config('https://evil.example');
    expect(stranger.status).toBe(429);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes Retry-After on the per-session 429 as well', async () => {
    const app = createApp({
      db: t.db,
      now: () => clock.now,
      rateLimits: { perIp: false, perSession: { burst: 1, perSecond: 0.1 } },
    });
    const visitor = await openTestSession(app);
    const batch = {
      items: [
        {
          concordId: visitor.concordId,
          label: 'analytics',
          consentState: 'accepted',
          consentAction: 'user_click',
        },
      ],
    };
    const accepted = await postEvents(app, visitor.token, batch);
    expect(accepted.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const refused = await postEvents(app, visitor.token, batch);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });
});
