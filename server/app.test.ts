import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { Database } from './db/database.ts';
import { signSessionToken } from './sessions/token.ts';
import {
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  type TestContext,
} from './testing/test-context.ts';

/** A database whose every call fails the way a driver does, with SQL in the message. */
const brokenDb: Database = {
  query: () => Promise.reject(new Error('relation "secret_table" does not exist: select * from x')),
  exec: () => Promise.reject(new Error('exec failed')),
  transaction: () => Promise.reject(new Error('transaction failed')),
  close: () => Promise.resolve(),
};

describe('app', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  }, 60_000);
  afterAll(() => t.db.close());

  it('answers health with ok when the database answers', async () => {
    const response = await t.app.request('/site-v1/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers an unknown route with a 404 in the seeds error shape', async () => {
    expect(await expectError(await t.app.request('/nowhere'), 404)).toContain('/nowhere');
    await expectError(await t.app.request('/site-v1/health', { method: 'DELETE' }), 404);
    await expectError(await t.app.request('/privacy-v1/anything'), 404);
  });

  it('answers an unexpected failure with a bare 500 that hides the SQL and stack', async () => {
    const logged: unknown[] = [];
    const app = createApp({ db: brokenDb, logError: (error) => logged.push(error) });
    const response = await app.request('/site-v1/health');
    const text = await response.clone().text();
    expect(await expectError(response, 500)).toBe('Internal Server Error');
    expect(text).not.toMatch(/secret_table|select|at /);
    expect(JSON.parse(text).error).toBe('Internal Server Error');
    expect(logged).toHaveLength(1);
  });

  it('answers a failing database on a write route with the same bare 500', async () => {
    const app = createApp({ db: brokenDb, logError: () => {}, secret: 'test-secret' });
    const concordId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const token = signSessionToken(
      {
        sessionId: '3f2504e0-4f89-41d3-9a0c-0305e82c3302',
        projectId: DEMO_PROJECT_ID,
        concordId,
        origin: LOCAL_ORIGIN,
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
      },
      'test-secret',
    );
    const response = await app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events`, {
      method: 'POST',
      headers: {
        origin: LOCAL_ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        items: [
          { concordId, label: 'analytics', consentState: 'accepted', consentAction: 'user_click' },
        ],
      }),
    });
    expect(await expectError(response, 500)).toBe('Internal Server Error');
  });

  it('does not touch the database when it is created', () => {
    const calls: string[] = [];
    const spy: Database = {
      query: async (sql) => {
        calls.push(sql);
        return { rows: [] };
      },
      exec: async (sql) => void calls.push(sql),
      transaction: async () => {
        throw new Error('unused');
      },
      close: async () => {},
    };
    createApp({ db: spy, staticDirs: { assets: '/nonexistent', site: '/nonexistent' } });
    expect(calls).toEqual([]);
  });

  it('refuses a body over 64 KiB with a 413 in the seeds error shape', async () => {
    const response = await t.app.request('/site-v1/00000000-0000-4000-8000-00000000000b/sessions', {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(64 * 1024 + 1) }),
    });
    await expectError(response, 413);
  });
});
