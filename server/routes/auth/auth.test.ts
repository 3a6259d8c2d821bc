import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../accounts/password.ts';
import { insertMember } from '../../db/repositories/members.ts';
import {
  createTestContext,
  DEMO_ORGANIZATION_ID,
  DEMO_OWNER_EMAIL,
  DEMO_OWNER_PASSWORD,
  DEMO_PROJECT_ID,
  expectError,
  type TestContext,
} from '../../testing/test-context.ts';

const ORIGIN = 'http://localhost';
const project = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;

function login(t: TestContext, email: string, password: string) {
  return t.app.request(`${ORIGIN}/auth/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe('accounts: login, logout and session tokens', () => {
  let t: TestContext;
  const viewerEmail = 'viewer@demo.example';
  const viewerPassword = 'viewer-password-1';

  beforeAll(async () => {
    t = await createTestContext();
    await insertMember(t.db, {
      id: randomUUID(),
      organizationId: DEMO_ORGANIZATION_ID,
      email: viewerEmail,
      role: 'viewer',
      passwordHash: await hashPassword(viewerPassword),
    });
  }, 60_000);
  afterAll(() => t.db.close());

  it('answers a token, its expiry and an HttpOnly SameSite=Strict cookie for the right password', async () => {
    const response = await login(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; expiresAt: string };
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token']);
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(t.clock.now.getTime());
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`assent_session=${body.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure on https', async () => {
    const response = await t.app.request('https://console.example/auth/v1/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_OWNER_EMAIL, password: DEMO_OWNER_PASSWORD }),
    });
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('takes the email in any case and with spaces around it', async () => {
    const response = await login(t, `  ${DEMO_OWNER_EMAIL.toUpperCase()} `, DEMO_OWNER_PASSWORD);
    expect(response.status).toBe(200);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const wrong = await login(t, DEMO_OWNER_EMAIL, 'not-the-password');
    const unknown = await login(t, 'nobody@demo.example', 'not-the-password');
    const a = await expectError(wrong, 401);
    const b = await expectError(unknown, 401);
    expect(a).toBe(b);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('runs a whole password hash for an unknown email, as for a wrong password', async () => {
    // Not a ratio of two timings, which a loaded machine makes noisy: a floor. One scrypt
    // verification, measured here, is the least a wrong password costs; an unknown email that
    // skipped the hash would answer in a small fraction of it.
    const stored = await hashPassword('some-password');
    const scrypts: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      await verifyPassword('not-the-password', stored);
      scrypts.push(performance.now() - start);
    }
    const unknown: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      await login(t, `nobody-${i}@demo.example`, 'not-the-password');
      unknown.push(performance.now() - start);
    }
    expect(Math.max(...unknown)).toBeGreaterThan(Math.min(...scrypts) * 0.5);
  });

  it('refuses a malformed body with a 400', async () => {
    const response = await t.app.request(`${ORIGIN}/auth/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_OWNER_EMAIL }),
    });
    await expectError(response, 400);
  });

  it('lets a session token read the Privacy API as Bearer and describes the session', async () => {
    const { token } = (await (await login(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD)).json()) as {
      token: string;
    };
    const read = await t.app.request(`${project}/consent-types`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    const session = await t.app.request('/auth/v1/session', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await session.json()).toMatchObject({
      member: { email: DEMO_OWNER_EMAIL, role: 'owner' },
      organization: { id: DEMO_ORGANIZATION_ID, slug: 'demo-organization' },
    });
  });

  it('ends the session on logout: the token no longer works', async () => {
    const { token } = (await (await login(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD)).json()) as {
      token: string;
    };
    const out = await t.app.request('/auth/v1/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('assent_session=;');
    const after = await t.app.request(`${project}/consent-types`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await expectError(after, 401);
  });

  it('refuses an expired session', async () => {
    const { token } = (await (await login(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD)).json()) as {
      token: string;
    };
    const was = t.clock.now;
    t.clock.now = new Date(was.getTime() + 13 * 60 * 60 * 1000);
    try {
      const response = await t.app.request(`${project}/consent-types`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await expectError(response, 401);
    } finally {
      t.clock.now = was;
    }
  });

  it('lets a viewer read but refuses every write with a 403', async () => {
    const { token } = (await (await login(t, viewerEmail, viewerPassword)).json()) as {
      token: string;
    };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await t.app.request(`${project}/consent-types`, { headers })).status).toBe(200);
    expect((await t.app.request(project, { headers })).status).toBe(200);
    const writes: [string, string, unknown][] = [
      ['PATCH', project, { name: 'Viewer was here' }],
      [
        'POST',
        `${project}/consent-types`,
        { category: 'custom', label: 'x_viewer', name: 'X', description: 'X' },
      ],
      [
        'POST',
        `${project}/consent-events`,
        {
          items: [
            {
              concordId: randomUUID(),
              consentType: '00000000-0000-4000-8000-0000000000c2',
              consentState: 'accepted',
            },
          ],
        },
      ],
      ['POST', `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/api-keys`, { name: 'v' }],
      [
        'POST',
        `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/members`,
        { email: 'x@demo.example', role: 'owner' },
      ],
    ];
    for (const [method, path, body] of writes) {
      const response = await t.app.request(path, { method, headers, body: JSON.stringify(body) });
      await expectError(response, 403);
    }
  });

  it('refuses a cookie-authenticated write from another origin or without one (CSRF)', async () => {
    const { token } = (await (await login(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD)).json()) as {
      token: string;
    };
    const send = (origin?: string) =>
      t.app.request(`${ORIGIN}${project}`, {
        method: 'PATCH',
        headers: {
          cookie: `assent_session=${token}`,
          'content-type': 'application/json',
          ...(origin && { origin }),
        },
        body: JSON.stringify({ name: 'Northwind Coffee' }),
      });
    await expectError(await send('https://evil.example'), 403);
    await expectError(await send(), 403);
    expect((await send(ORIGIN)).status).toBe(200);
    // Reads need no Origin: a GET changes nothing.
    const read = await t.app.request(`${ORIGIN}${project}`, {
      headers: { cookie: `assent_session=${token}` },
    });
    expect(read.status).toBe(200);
  });
});

describe('accounts: login rate limits', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({
      rateLimits: {
        perIp: false,
        perSession: false,
        loginPerAccount: { burst: 3, perSecond: 0.001 },
        loginPerAddress: { burst: 5, perSecond: 0.001 },
      },
    });
  }, 60_000);
  afterAll(() => t.db.close());

  it('answers 429 with Retry-After after too many attempts at one account, even with the right password', async () => {
    for (let i = 0; i < 3; i += 1) await login(t, DEMO_OWNER_EMAIL, 'wrong');
    const response = await login(t, DEMO_OWNER_EMAIL, DEMO_OWNER_PASSWORD);
    await expectError(response, 429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 429 after too many attempts from one address across accounts', async () => {
    // Three attempts of the test above came from the same (unknown) address.
    await login(t, 'a@demo.example', 'wrong');
    await login(t, 'b@demo.example', 'wrong');
    await expectError(await login(t, 'c@demo.example', 'wrong'), 429);
  });
});
