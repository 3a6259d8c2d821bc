import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { verifyIdentityToken } from '../../people/identity-token.ts';
import {
  createTestContext,
  expectError,
  START,
  TEST_IDENTITY_SECRET,
  type TestContext,
} from '../../testing/test-context.ts';

describe('POST /demo/identity-token', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  }, 60_000);
  afterAll(() => t.db.close());

  const login = (app: ReturnType<typeof createApp>, body: unknown) =>
    Promise.resolve(
      app.request('/demo/identity-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  const demo = () =>
    createApp({
      db: t.db,
      now: () => START,
      staticDirs: { assets: '/nonexistent', site: '/nonexistent' },
    });

  it("signs the email with the demo project's identity secret for an hour, beside the demo site", async () => {
    const response = await login(demo(), { email: 'ada@example.com' });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    expect(verifyIdentityToken(token, TEST_IDENTITY_SECRET, START)).toEqual({
      kind: 'email',
      value: 'ada@example.com',
      exp: START.getTime() / 1000 + 3600,
    });
  });

  it('refuses what is not an email with a 400', async () => {
    await expectError(await login(demo(), { email: 'nope' }), 400);
    await expectError(await login(demo(), { userId: 'x' }), 400);
  });

  it('is not served without the demo site', async () => {
    await expectError(await login(t.app, { email: 'ada@example.com' }), 404);
  });
});
