import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from './sessions/token.ts';
import { ensureProject } from './db/repositories/projects.ts';
import { DEMO_PROJECT } from './projects/seed.ts';
import {
  createTestContext,
  DEMO_API_KEY,
  DEMO_ORGANIZATION_ID,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  openTestSession,
  postEvents,
  START,
  type TestContext,
  type TestSession,
} from './testing/test-context.ts';

const OTHER_PROJECT_ID = '00000000-0000-4000-8000-0000000000ee';
const TABLES = [
  'organizations',
  'projects',
  'consent_types',
  'api_keys',
  'sessions',
  'consent_events',
];

/**
 * Requests an attacker or a broken client could send. Each must get its 4xx in the seeds' error
 * shape and leave every table as it was.
 */
describe('hostile input', () => {
  let t: TestContext;
  let visitor: TestSession;
  let other: TestSession;

  beforeAll(async () => {
    t = await createTestContext({ secret: 'hostile-test-secret' });
    await ensureProject(t.db, {
      ...DEMO_PROJECT,
      id: OTHER_PROJECT_ID,
      name: 'Other shop',
      slug: 'other-shop',
    });
    visitor = await openTestSession(t.app);
    other = await openTestSession(t.app, {}, LOCAL_ORIGIN, OTHER_PROJECT_ID);
  }, 60_000);
  afterAll(() => t.db.close());

  async function snapshot() {
    const counts: Record<string, number> = {};
    for (const table of TABLES) {
      const { rows } = await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
      counts[table] = rows[0]!.n;
    }
    const { rows } = await t.db.query('select * from consent_types order by id');
    return { counts, types: rows };
  }

  async function expectUnchanged(
    request: () => Response | Promise<Response>,
    status: number,
  ): Promise<string> {
    const before = await snapshot();
    const response = await request();
    const text = await response.clone().text();
    const message = await expectError(response, status);
    expect(text).not.toMatch(/\bat \w|node_modules|select |insert |syntax error/i);
    expect(await snapshot()).toEqual(before);
    return message;
  }

  function item(overrides: Record<string, unknown> = {}) {
    return {
      concordId: visitor.concordId,
      label: 'analytics',
      consentState: 'accepted',
      consentAction: 'user_click',
      ...overrides,
    };
  }

  function postRaw(body: string, headers: Record<string, string> = {}, token = visitor.token) {
    return t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events`, {
      method: 'POST',
      headers: {
        origin: LOCAL_ORIGIN,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body,
    });
  }

  it('refuses values of the wrong type with a 400 and changes nothing', async () => {
    for (const body of [
      { items: 'all' },
      { items: [item({ consentState: 1 })] },
      { items: [item({ concordId: 42 })] },
      { items: [item({ consentDate: 1735689600 })] },
      { items: [item({ email: ['a@b.example'] })] },
      { items: [null] },
      null,
      [],
      'items',
    ]) {
      await expectUnchanged(() => postEvents(t.app, visitor.token, body ?? 'null'), 400);
    }
  });

  it('refuses extra fields, also __proto__ and constructor, with a 400 and changes nothing', async () => {
    await expectUnchanged(
      () => postEvents(t.app, visitor.token, { items: [item({ admin: true })] }),
      400,
    );
    await expectUnchanged(
      () => postEvents(t.app, visitor.token, { items: [item()], all: true }),
      400,
    );
    const proto = JSON.stringify({ items: [item()] }).replace(
      '{"concordId"',
      '{"__proto__":{"admin":true},"concordId"',
    );
    await expectUnchanged(() => postRaw(proto), 400);
    await expectUnchanged(
      () => postEvents(t.app, visitor.token, { items: [item({ constructor: {} })] }),
      400,
    );
  });

  it('refuses a body over 64 KiB with a 413 and more than 100 items with a 400', async () => {
    const huge = JSON.stringify({ items: [item({ subcategory: 'x'.repeat(70 * 1024) })] });
    await expectUnchanged(() => postRaw(huge), 413);
    const many = { items: Array.from({ length: 101 }, () => item()) };
    await expectUnchanged(() => postEvents(t.app, visitor.token, many), 400);
  });

  it('refuses malformed uuids in the path and the body with a 400', async () => {
    for (const overrides of [
      { id: 'not-a-uuid' },
      { id: `${randomUUID()}x` },
      { concordId: 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' },
      { consentType: "' or 1=1 --" },
    ]) {
      await expectUnchanged(
        () => postEvents(t.app, visitor.token, { items: [item(overrides)] }),
        400,
      );
    }
    await expectUnchanged(
      () => postEvents(t.app, visitor.token, { items: [item()] }, "x' or '1'='1"),
      400,
    );
  });

  it('refuses labels outside ^[a-z0-9_]{1,36}$ with a 400', async () => {
    for (const label of [
      'Analytics',
      'ana-lytics',
      'a'.repeat(37),
      '',
      "analytics'; drop table consent_events; --",
      'analytics\n',
    ]) {
      await expectUnchanged(
        () => postEvents(t.app, visitor.token, { items: [item({ label })] }),
        400,
      );
    }
  });

  it('refuses NUL characters, lone surrogates and deep nesting with a 400', async () => {
    await expectUnchanged(
      () => postEvents(t.app, visitor.token, { items: [item({ userId: 'a\u0000b' })] }),
      400,
    );
    await expectUnchanged(
      () => postRaw(JSON.stringify({ items: [item({ userId: 'x' })] }).replace('"x"', '"\\ud800"')),
      400,
    );
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    await expectUnchanged(
      () =>
        postRaw(
          JSON.stringify({ items: [item({ subcategory: 0 })] }).replace(
            '"subcategory":0',
            `"subcategory":${deep}`,
          ),
        ),
      400,
    );
  });

  it('refuses a body that is not declared as JSON with a 415', async () => {
    const body = JSON.stringify({ items: [item()] });
    await expectUnchanged(() => postRaw(body, { 'content-type': 'text/plain' }), 415);
    await expectUnchanged(
      () => postRaw('items=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
    );
    await expectUnchanged(() => postRaw(body, { 'content-type': '' }), 415);
  });

  it('refuses a token of another project with 401 and stores nothing', async () => {
    await expectUnchanged(
      () => postEvents(t.app, other.token, { items: [item({ concordId: other.concordId })] }),
      401,
    );
  });

  it('refuses forged tokens with a 401', async () => {
    const claims = {
      sessionId: randomUUID(),
      projectId: DEMO_PROJECT_ID,
      concordId: visitor.concordId,
      origin: LOCAL_ORIGIN,
      expiresAt: new Date(START.getTime() + 60_000).toISOString(),
    };
    const [version, , signature] = visitor.token.split('.');
    const swapped = `${version}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    for (const token of [
      swapped,
      signSessionToken(claims, 'another-secret'),
      `${visitor.token}x`,
      'v1..',
      'null',
    ]) {
      await expectUnchanged(() => postEvents(t.app, token, { items: [item()] }), 401);
    }
  });

  it('refuses a valid token used from a foreign origin, or with no origin, with a 403', async () => {
    const body = JSON.stringify({ items: [item()] });
    for (const origin of ['https://evil.example', 'http://localhost:3001', 'null']) {
      const response = postRaw(body, { origin });
      expect(await expectUnchanged(() => response, 403)).toContain('origin');
    }
    await expectUnchanged(
      () =>
        t.app.request(`/site-v1/${DEMO_PROJECT_ID}/consent-events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
          body,
        }),
      403,
    );
  });

  it('refuses to open a session for a foreign origin, and a session body with extras', async () => {
    const open = (origin: string, body = '{}') =>
      t.app.request(`/site-v1/${DEMO_PROJECT_ID}/sessions`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body,
      });
    await expectUnchanged(() => open('https://evil.example'), 403);
    await expectUnchanged(() => open('http://localhost.evil.example'), 403);
    await expectUnchanged(() => open(LOCAL_ORIGIN, '{"concordId":"x","admin":true}'), 400);
  });

  it('refuses replayed requests: an expired token with 401, a reused id with another body with 409', async () => {
    const sent = item({ id: randomUUID() });
    expect((await postEvents(t.app, visitor.token, { items: [sent] })).status).toBe(201);
    await expectUnchanged(
      () => postEvents(t.app, visitor.token, { items: [{ ...sent, consentState: 'declined' }] }),
      409,
    );
    t.clock.now = new Date(Date.parse(visitor.expiresAt));
    try {
      await expectUnchanged(() => postEvents(t.app, visitor.token, { items: [item()] }), 401);
    } finally {
      t.clock.now = START;
    }
  });

  it('answers an exact replay with the stored record and stores nothing new', async () => {
    const sent = item({ id: randomUUID() });
    const first = await (await postEvents(t.app, visitor.token, { items: [sent] })).json();
    const before = await snapshot();
    const replay = await postEvents(t.app, visitor.token, { items: [sent] });
    expect(replay.status).toBe(201);
    expect(await replay.json()).toEqual(first);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses hostile Privacy API requests without changing anything', async () => {
    const url = `/privacy-v1/organizations/${DEMO_ORGANIZATION_ID}/projects/${DEMO_PROJECT_ID}`;
    const send = (path: string, body: string, key = DEMO_API_KEY, method = 'POST') =>
      t.app.request(`${url}${path}`, {
        method,
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body,
      });
    const event = {
      userId: 'u',
      label: 'analytics',
      consentState: 'accepted',
      consentAction: 'import',
    };
    await expectUnchanged(
      () => send('/consent-events', JSON.stringify({ items: [event] }), "' or 1=1 --"),
      401,
    );
    await expectUnchanged(
      () => send('/consent-events', JSON.stringify({ items: [{ ...event, id: randomUUID() }] })),
      400,
    );
    await expectUnchanged(
      () => send('/consent-events', JSON.stringify({ items: [{ ...event, label: 'Bad' }] })),
      400,
    );
    await expectUnchanged(
      () =>
        send(
          '/consent-types',
          JSON.stringify({
            category: 'custom',
            label: 'x',
            name: 'n',
            description: 'd',
            version: 9,
          }),
        ),
      400,
    );
    await expectUnchanged(
      () =>
        send(
          '/consent-types/00000000-0000-4000-8000-0000000000c2',
          JSON.stringify({ label: 'stolen' }),
          DEMO_API_KEY,
          'PATCH',
        ),
      422,
    );
  });
});
