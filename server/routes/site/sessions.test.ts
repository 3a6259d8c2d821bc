import type { IncomingMessage } from 'node:http';
import { createApp } from '../../app.ts';
import { sha256 } from '../../crypto/sha256.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countRows,
  createTestContext,
  DEMO_PROJECT_ID,
  expectError,
  LOCAL_ORIGIN,
  START,
  type TestContext,
  type TestSession,
} from '../../testing/test-context.ts';

const url = `/site-v1/${DEMO_PROJECT_ID}/sessions`;
/** A visitor secret as the widget makes one: 32 random bytes, base64url. */
const VISITOR_SECRET = 'a'.repeat(43);
const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('POST /site-v1/{projectId}/sessions', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext({ geoHeader: 'x-geo' });
  }, 60_000);
  afterAll(() => t.db.close());

  function post(init: {
    origin?: string;
    body?: string;
    headers?: Record<string, string>;
  }): Response | Promise<Response> {
    return t.app.request(url, {
      method: 'POST',
      headers: {
        ...(init.origin !== undefined && { origin: init.origin }),
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body !== undefined && { body: init.body }),
    });
  }

  /** Runs `request` and asserts that it added no session. */
  async function expectNoSession(request: () => Response | Promise<Response>, status: number) {
    const before = await countRows(t.db, 'sessions');
    const message = await expectError(await request(), status);
    expect(await countRows(t.db, 'sessions')).toBe(before);
    return message;
  }

  it('opens a one-hour session for a new visitor when the body is empty', async () => {
    const response = await post({ origin: LOCAL_ORIGIN, headers: { 'x-geo': 'fr' } });
    expect(response.status).toBe(201);
    const session = (await response.json()) as TestSession;
    expect(Object.keys(session).sort()).toEqual([
      'concordId',
      'expiresAt',
      'geography',
      'id',
      'token',
      'visitorSecret',
    ]);
    expect(session.visitorSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(session.concordId).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.geography).toBe('FR');
    expect(session.expiresAt).toBe(new Date(START.getTime() + 3600_000).toISOString());
  });

  it('keeps the visitor id it is given with its secret and stores only the token hash', async () => {
    const concordId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const response = await post({
      origin: LOCAL_ORIGIN,
      body: JSON.stringify({ concordId, visitorSecret: VISITOR_SECRET }),
    });
    const session = (await response.json()) as TestSession;
    expect(session.concordId).toBe(concordId);
    expect(session).not.toHaveProperty('visitorSecret');
    const { rows } = await t.db.query<{ token_hash: string; domain: string }>(
      'select token_hash, domain from sessions where id = $1',
      [session.id],
    );
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(session.token);
    expect(rows[0]!.domain).toBe('localhost');
  });

  it('binds a new visitor to the secret it is answered once, and stores only its hash', async () => {
    const first = (await (await post({ origin: LOCAL_ORIGIN })).json()) as TestSession;
    const { rows } = await t.db.query<{ secret_hash: string }>(
      'select secret_hash from visitor_secrets where concord_id = $1',
      [first.concordId],
    );
    expect(rows).toEqual([{ secret_hash: sha256(first.visitorSecret!) }]);
    const again = await post({
      origin: LOCAL_ORIGIN,
      body: JSON.stringify({ concordId: first.concordId, visitorSecret: first.visitorSecret }),
    });
    expect(again.status).toBe(201);
    expect(((await again.json()) as TestSession).concordId).toBe(first.concordId);
  });

  it('refuses a known visitor id without its secret or with another one with a 403 and no session', async () => {
    const first = (await (await post({ origin: LOCAL_ORIGIN })).json()) as TestSession;
    const { concordId } = first;
    expect(
      await expectNoSession(
        () => post({ origin: LOCAL_ORIGIN, body: JSON.stringify({ concordId }) }),
        403,
      ),
    ).toContain('visitorSecret');
    await expectNoSession(
      () =>
        post({
          origin: LOCAL_ORIGIN,
          body: JSON.stringify({ concordId, visitorSecret: VISITOR_SECRET }),
        }),
      403,
    );
    // Upper case names the same visitor.
    await expectNoSession(
      () =>
        post({
          origin: LOCAL_ORIGIN,
          body: JSON.stringify({
            concordId: concordId.toUpperCase(),
            visitorSecret: VISITOR_SECRET,
          }),
        }),
      403,
    );
  });

  it('binds a visitor id made before visitor secrets to the first secret presented for it', async () => {
    // A concordId with no stored secret: made before migration 033, or by the widget offline.
    const concordId = '6f2504e0-4f89-41d3-9a0c-0305e82c3302';
    const open = (visitorSecret: string) =>
      post({ origin: LOCAL_ORIGIN, body: JSON.stringify({ concordId, visitorSecret }) });
    expect((await open(VISITOR_SECRET)).status).toBe(201);
    expect((await open(VISITOR_SECRET)).status).toBe(201);
    await expectNoSession(() => open('b'.repeat(43)), 403);
  });

  it('refuses a visitor secret without a visitor id, or one that is too short, with a 400', async () => {
    await expectNoSession(
      () => post({ origin: LOCAL_ORIGIN, body: JSON.stringify({ visitorSecret: VISITOR_SECRET }) }),
      400,
    );
    await expectNoSession(
      () =>
        post({
          origin: LOCAL_ORIGIN,
          body: JSON.stringify({
            concordId: '7f2504e0-4f89-41d3-9a0c-0305e82c3303',
            visitorSecret: 'short',
          }),
        }),
      400,
    );
  });

  it('accepts every loopback origin on any port, over http and https', async () => {
    for (const origin of [
      'http://localhost:3000',
      'http://localhost',
      'https://localhost:8443',
      'http://127.0.0.1:5173',
      'http://[::1]:8080',
    ]) {
      const response = await post({ origin });
      expect(response.status, origin).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('vary')).toContain('Origin');
    }
  });

  it('refuses an origin that is not loopback with a 403, no CORS headers and no session', async () => {
    for (const origin of [
      'https://shop.example',
      'http://localhost.evil.example',
      'http://127.0.0.2:3000',
      'null',
      'file://',
    ]) {
      const before = await countRows(t.db, 'sessions');
      const response = await post({ origin });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await expectError(response, 403)).toContain('not allowed');
      expect(await countRows(t.db, 'sessions')).toBe(before);
    }
  });

  it('refuses a request without an Origin header with a 403', async () => {
    expect(await expectNoSession(() => post({}), 403)).toContain('Origin');
  });

  it('refuses a body with an unknown property or a malformed visitor id with a 400', async () => {
    expect(
      await expectNoSession(() => post({ origin: LOCAL_ORIGIN, body: '{"visitor":"me"}' }), 400),
    ).toBe('body must NOT have additional properties (visitor)');
    expect(
      await expectNoSession(() => post({ origin: LOCAL_ORIGIN, body: '{"concordId":"42"}' }), 400),
    ).toBe('concordId must match format "uuid"');
    await expectNoSession(() => post({ origin: LOCAL_ORIGIN, body: '[]' }), 400);
  });

  it('refuses malformed JSON with a 400 and a body that is not JSON with a 415', async () => {
    await expectNoSession(() => post({ origin: LOCAL_ORIGIN, body: '{"concordId":' }), 400);
    await expectNoSession(
      () =>
        post({
          origin: LOCAL_ORIGIN,
          body: 'concordId=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      415,
    );
  });

  it('answers 404 for an unknown project and 400 for a project id that is not a uuid', async () => {
    await expectNoSession(
      () =>
        t.app.request('/site-v1/00000000-0000-4000-8000-0000000000ff/sessions', {
          method: 'POST',
          headers: { origin: LOCAL_ORIGIN },
        }),
      404,
    );
    await expectNoSession(
      () =>
        t.app.request('/site-v1/not-a-uuid/sessions', {
          method: 'POST',
          headers: { origin: LOCAL_ORIGIN },
        }),
      400,
    );
  });

  it('answers an allowed preflight with 204 and the CORS headers', async () => {
    const response = await t.app.request(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4321',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4321');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type, authorization, x-session',
    );
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, OPTIONS');
  });

  it('refuses a preflight from a foreign origin without CORS headers', async () => {
    const response = await t.app.request(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await expectError(response, 403);
  });

  it('stores the IPv4 peer network (/24) and the parsed browser, os and device, not the raw user agent', async () => {
    const incoming = { socket: { remoteAddress: '::ffff:127.0.0.1' } } as IncomingMessage;
    const response = await t.app.request(
      url,
      { method: 'POST', headers: { origin: LOCAL_ORIGIN, 'user-agent': CHROME } },
      { incoming },
    );
    const session = (await response.json()) as TestSession;
    const { rows } = await t.db.query(
      'select ip_address, user_agent, browser, os, device from sessions where id = $1',
      [session.id],
    );
    expect(rows[0]).toEqual({
      ip_address: '127.0.0.0',
      user_agent: null,
      browser: 'Chrome 120.0.0.0',
      os: 'Windows 10',
      device: 'desktop',
    });
  });

  it('stores the IPv6 peer network (/48) and the raw user agent when asked to', async () => {
    const app = createApp({ db: t.db, now: () => START, storeRawUserAgent: true });
    const incoming = { socket: { remoteAddress: '2001:db8:aa:bb::7' } } as IncomingMessage;
    const response = await app.request(
      url,
      { method: 'POST', headers: { origin: LOCAL_ORIGIN, 'user-agent': CHROME } },
      { incoming },
    );
    const session = (await response.json()) as TestSession;
    const { rows } = await t.db.query('select ip_address, user_agent from sessions where id = $1', [
      session.id,
    ]);
    expect(rows[0]).toEqual({ ip_address: '2001:db8:aa::', user_agent: CHROME });
  });
});
